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

/** The fastest of `reps` runs of `fn`, in milliseconds. */
export function minTime(fn: () => unknown, reps = 5): number {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Asserts that `run(make(n * 16))` takes less than 64 times `run(make(n))`. Measures the 4x size
 * first and stops there when it already grows faster than quadratic-ish, rather than waiting out a
 * catastrophic large run.
 */
export function assertLinearGrowth(name: string, make: (n: number) => string, run: (text: string) => unknown, n: number): void {
  const small = make(n);
  const mid = make(n * 4);
  const large = make(n * FACTOR);
  run(small);
  run(small); // warm up
  const tSmall = minTime(() => run(small));
  const tMid = minTime(() => run(mid));
  const figures = () => `${name}: ${small.length} chars ${tSmall.toFixed(3)} ms, ${mid.length} chars ${tMid.toFixed(3)} ms`;
  assert.ok(tMid < FLOOR_MS || tMid < 12 * Math.max(tSmall, 1e-3), `${figures()} — grows ~quadratically already at 4x; large size not run`);
  const tLarge = minTime(() => run(large));
  const ratio = tLarge / Math.max(tSmall, 1e-3);
  // MARATHON_GROWTH_FIGURES=1 prints every measurement, for a look at the figures.
  if (process.env.MARATHON_GROWTH_FIGURES) console.log(`      ${figures()}, ${large.length} chars ${tLarge.toFixed(3)} ms, ratio ${ratio.toFixed(1)}`);
  assert.ok(
    tLarge < FLOOR_MS || ratio < MAX_RATIO,
    `${figures()}, ${large.length} chars ${tLarge.toFixed(3)} ms: ratio ${ratio.toFixed(1)} >= ${MAX_RATIO} for ${FACTOR}x the input`,
  );
}
