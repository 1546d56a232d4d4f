// Timing helpers for the bench: warm up, then the median of a bounded number of runs.
import { performance } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';

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

/**
 * The garbage collector's pauses inside the timed runs of a measurement: how many runs it paused,
 * its pauses per run on average, and the median of the runs it did not pause.
 */
export interface GcTiming {
  runsWithGc: number;
  meanGcMs: number;
  /** Undefined when every run had a pause. */
  medianWithoutGcMs?: number;
}

/** A measurement with the reference task and the collector's pauses beside it (see measure). */
export interface Measurement extends Timing {
  reference?: Timing;
  gc?: GcTiming;
}

/** What measure does besides timing `fn`. */
export interface MeasureOptions {
  /** Called for the warm-up runs instead of `fn`. */
  warm?: () => unknown;
  /** A fixed task timed right after each run of `fn` (and warmed up with it). */
  reference?: () => unknown;
  /** Record the collector's pauses inside each timed run (v8.GCProfiler, started and stopped outside the timing). */
  gc?: boolean;
}

/**
 * Runs `fn` per `plan` and returns the median time of the timed runs. The warm-up runs call
 * `warm` (by default `fn` itself): a smaller input of the same shape settles the JIT just as well
 * when one run of `fn` takes seconds.
 *
 * With `reference`, a fixed task is timed right after each run of `fn` (and warmed up with it).
 * Its median over its fastest time says how much slower the machine ran during these runs than at
 * its best: on a shared VM, stretches of 50 ms or more run 1.5-2x slower for every task alike.
 *
 * With `gc`, the pauses of the garbage collector inside each timed run are summed: a run of the
 * big plan that a young-generation collection falls into takes several milliseconds more, so the
 * median depends on how many runs one falls into.
 */
export function measure(fn: () => unknown, plan: RunPlan, options: MeasureOptions = {}): Measurement {
  const { warm = fn, reference } = options;
  let sink = 0;
  const warmStart = performance.now();
  for (let i = 0; i < plan.warmup || performance.now() - warmStart < (plan.warmupMs ?? 0); i++) {
    sink += warm() === undefined ? 0 : 1;
    if (reference) sink += reference() === undefined ? 0 : 1;
  }
  const times: number[] = [];
  const referenceTimes: number[] = [];
  const gcTimes: number[] = [];
  const start = performance.now();
  const minRuns = plan.minRuns ?? 3;
  while (times.length < plan.runs && (times.length < minRuns || performance.now() - start < plan.budgetMs)) {
    const profiler = options.gc ? new GCProfiler() : undefined;
    profiler?.start();
    const t0 = performance.now();
    sink += fn() === undefined ? 0 : 1;
    const t1 = performance.now();
    times.push(t1 - t0);
    if (profiler) gcTimes.push(pauseMs(profiler.stop()));
    if (reference) {
      const r0 = performance.now();
      sink += reference() === undefined ? 0 : 1;
      referenceTimes.push(performance.now() - r0);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results alive so no call is optimised away
  const timing: Measurement = summary(times);
  if (reference) timing.reference = summary(referenceTimes);
  if (options.gc) timing.gc = gcSummary(times, gcTimes);
  return timing;
}

/** The collector's pauses a GCProfiler recorded, in milliseconds (it gives microseconds). */
function pauseMs(profile: ReturnType<GCProfiler['stop']>): number {
  let us = 0;
  for (const gc of profile?.statistics ?? []) us += gc.cost;
  return us / 1000;
}

/** The GC figures of runs timed `times` that the collector paused for `gcTimes` (same order). */
export function gcSummary(times: readonly number[], gcTimes: readonly number[]): GcTiming {
  const without = times.filter((_, i) => gcTimes[i] === 0);
  const gc: GcTiming = {
    runsWithGc: times.length - without.length,
    meanGcMs: gcTimes.reduce((a, b) => a + b, 0) / Math.max(gcTimes.length, 1),
  };
  if (without.length > 0) gc.medianWithoutGcMs = median(without);
  return gc;
}

function summary(times: readonly number[]): Timing {
  return { medianMs: median(times), minMs: Math.min(...times), runs: times.length };
}
