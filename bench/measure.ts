// Timing helpers for the bench: warm up, then the medians of a bounded number of alternating runs.
import { performance } from 'node:perf_hooks';

/** A measurement: the median and minimum in milliseconds and how many timed runs produced them. */
export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  const lo = sorted[mid - 1] ?? hi;
  return sorted.length % 2 === 1 ? hi : (lo + hi) / 2;
}

/** How `sideBySide` takes its runs: per round, `each` runs of one measurement, then of the other. */
export interface SideBySidePlan {
  warmup: number;
  /** Rounds wanted. */
  rounds: number;
  /** Stop starting rounds once this many milliseconds have passed (at least `minRounds`, default 3). */
  budgetMs: number;
  minRounds?: number;
  /** Timed runs of [first, second] in each round. */
  each: [number, number];
}

/**
 * Times two functions in alternation, so both are measured under the same machine conditions: on a
 * shared machine the speed drifts by tens of percent over a minute, and medians taken one after the
 * other would turn that drift into a false ratio. The warm-up of the second may use `warmSecond`.
 */
export function sideBySide(
  first: () => unknown,
  second: () => unknown,
  plan: SideBySidePlan,
  warmSecond: () => unknown = second,
): [Timing, Timing] {
  let sink = 0;
  for (let i = 0; i < plan.warmup; i++) sink += (first() === undefined ? 0 : 1) + (warmSecond() === undefined ? 0 : 1);
  const times: [number[], number[]] = [[], []];
  const fns = [first, second] as const;
  const start = performance.now();
  const minRounds = plan.minRounds ?? 3;
  for (let round = 0; round < plan.rounds && (round < minRounds || performance.now() - start < plan.budgetMs); round++) {
    for (const k of [0, 1] as const) {
      for (let i = 0; i < plan.each[k]; i++) {
        const t0 = performance.now();
        sink += fns[k]() === undefined ? 0 : 1;
        times[k].push(performance.now() - t0);
      }
    }
  }
  if (sink < 0) console.log(sink); // keeps the results alive so no call is optimised away
  const timing = (t: number[]): Timing => ({ medianMs: median(t), minMs: Math.min(...t), runs: t.length });
  return [timing(times[0]), timing(times[1])];
}
