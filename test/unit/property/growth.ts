// Timing ratios for the linear-growth properties. Not speed targets: only how time grows with size.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';

/** The growth factor between the small and the large input. */
export const FACTOR = 16;
/** Linear growth gives a ratio near 16 and quadratic near 256; anything at or above this fails. */
export const MAX_RATIO = 64;
/**
 * Below this many milliseconds at the large size the ratio is timer noise: a quadratic reader
 * would need 20 KB in under 8 µs to stay under it, which no reader that looks at its input does.
 */
export const FLOOR_MS = 2;
/** Past this (CPU ms) at 4x, with 4x growing like a square, the 16x run is skipped: it would only hang. */
const HANG_GUARD_MS = 250;

/**
 * The least CPU time of up to `reps` runs of `fn`, in milliseconds; stops early once `budgetMs`
 * of wall time is spent. CPU time, not wall time: on a busy machine other processes preempt a
 * long run far more often than a short one, which would inflate the ratio of a linear reader.
 */
export function minTime(fn: () => unknown, reps = 5, budgetMs = 3000): number {
  let best = Infinity;
  const start = performance.now();
  for (let i = 0; i < reps && (i === 0 || performance.now() - start < budgetMs); i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

interface Measured {
  ok: boolean;
  ratio: number;
  figures: string;
}

function measureGrowth(name: string, texts: readonly [string, string, string], run: (text: string) => unknown): Measured {
  const [small, mid, large] = texts;
  run(small);
  run(small); // warm up
  const tSmall = minTime(() => run(small));
  const tMid = minTime(() => run(mid));
  const head = `${name}: ${small.length} chars ${tSmall.toFixed(3)} ms, ${mid.length} chars ${tMid.toFixed(3)} ms`;
  if (tMid > HANG_GUARD_MS && tMid > 12 * Math.max(tSmall, 1e-3)) {
    return { ok: false, ratio: Infinity, figures: `${head} — grows like a square already at 4x; the 16x run was skipped` };
  }
  const tLarge = minTime(() => run(large));
  const ratio = tLarge / Math.max(tSmall, 1e-3);
  const figures = `${head}, ${large.length} chars ${tLarge.toFixed(3)} ms: ratio ${ratio.toFixed(1)} for ${FACTOR}x the input`;
  return { ok: tLarge < FLOOR_MS || ratio < MAX_RATIO, ratio, figures };
}

/**
 * Asserts that `run(make(16n))` takes less than 64 times `run(make(n))` (fastest of 5 each). A
 * narrow miss (under 128) is measured once more before the assertion fails, since a busy machine
 * can stall one size; a real quadratic fails both times.
 */
export function assertLinearGrowth(name: string, make: (n: number) => string, run: (text: string) => unknown, n: number): void {
  const texts = [make(n), make(n * 4), make(n * FACTOR)] as const;
  // Mocha sets an unlimited stack-trace depth, which makes every error created deep in a
  // recursive parser cost time in proportion to the depth; measure with Node's default instead.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 10;
  let m: Measured;
  try {
    m = measureGrowth(name, texts, run);
    if (!m.ok && m.ratio < 2 * MAX_RATIO) m = measureGrowth(name, texts, run);
  } finally {
    Error.stackTraceLimit = limit;
  }
  // MARATHON_GROWTH_FIGURES=1 prints every measurement, for a look at the figures.
  if (process.env.MARATHON_GROWTH_FIGURES) console.log(`      ${m.figures}`);
  assert.ok(m.ok, `${m.figures} (limit ${MAX_RATIO})`);
}
