// Timing helpers for the bench: warm up, then the median of a bounded number of runs.
import { performance } from 'node:perf_hooks';

/** How many times to run a measurement and how long it may take at most. */
export interface RunPlan {
  /** Untimed runs first, so the JIT has settled... */
  warmup: number;
  /**
   * ...and go on with them until this many milliseconds have passed. V8 goes on optimizing for
   * hundreds of runs of a small plan (on corpus seed 001 the last optimizations came after about
   * 450 runs, while 20 runs took 30 ms), so a count alone timed the compiler as well.
   */
  warmupMs?: number;
  /** Timed runs wanted. */
  runs: number;
  /** Stop taking timed runs once this many milliseconds have passed... */
  budgetMs: number;
  /** ...but take at least this many (default 3). */
  minRuns?: number;
}

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

/** A measurement with the reference task timed beside it (see measure's `reference`). */
export interface TimingWithReference extends Timing {
  reference?: Timing;
}

/**
 * Runs `fn` per `plan` and returns the median time of the timed runs. The warm-up runs call
 * `warm` (by default `fn` itself): a smaller input of the same shape settles the JIT just as well
 * when one run of `fn` takes seconds.
 *
 * With `reference`, a fixed task is timed right after each run of `fn` (and warmed up with it).
 * Its median over its fastest time says how much slower the machine ran during these runs than at
 * its best: on a shared VM, stretches of 50 ms or more run 1.5-2x slower for every task alike.
 */
export function measure(fn: () => unknown, plan: RunPlan, warm: () => unknown = fn, reference?: () => unknown): TimingWithReference {
  let sink = 0;
  const warmStart = performance.now();
  for (let i = 0; i < plan.warmup || performance.now() - warmStart < (plan.warmupMs ?? 0); i++) {
    sink += warm() === undefined ? 0 : 1;
    if (reference) sink += reference() === undefined ? 0 : 1;
  }
  const times: number[] = [];
  const referenceTimes: number[] = [];
  const start = performance.now();
  const minRuns = plan.minRuns ?? 3;
  while (times.length < plan.runs && (times.length < minRuns || performance.now() - start < plan.budgetMs)) {
    const t0 = performance.now();
    sink += fn() === undefined ? 0 : 1;
    const t1 = performance.now();
    times.push(t1 - t0);
    if (reference) {
      sink += reference() === undefined ? 0 : 1;
      referenceTimes.push(performance.now() - t1);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results alive so no call is optimised away
  const timing: TimingWithReference = summary(times);
  if (reference) timing.reference = summary(referenceTimes);
  return timing;
}

function summary(times: readonly number[]): Timing {
  return { medianMs: median(times), minMs: Math.min(...times), runs: times.length };
}
