import * as assert from 'node:assert/strict';
import { gcSummary, measure, median } from '../../../bench/measure';

describe('bench/measure', () => {
  it('median of odd and even counts', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('measure warms up through its warm-up function, then takes the timed runs asked for', () => {
    const calls: string[] = [];
    const t = measure(() => calls.push('run'), { warmup: 2, runs: 3, budgetMs: 60_000 }, { warm: () => calls.push('warm') });
    assert.deepEqual(calls, ['warm', 'warm', 'run', 'run', 'run']);
    assert.equal(t.runs, 3);
    assert.ok(t.minMs <= t.medianMs);
  });

  it('measure goes on warming up until its warm-up time has passed, then takes the timed runs', () => {
    const calls: string[] = [];
    const start = performance.now();
    const busy = () => {
      const end = performance.now() + 2;
      while (performance.now() < end);
      return calls.push('warm');
    };
    measure(() => calls.push('run'), { warmup: 1, warmupMs: 30, runs: 2, budgetMs: 60_000 }, { warm: busy });
    const warm = calls.filter((c) => c === 'warm').length;
    // 2 ms a warm-up run: one run would have been enough for the count, not for the 30 ms.
    assert.ok(warm >= 10, `${warm} warm-up runs`);
    assert.ok(performance.now() - start >= 30);
    assert.deepEqual(calls.slice(-2), ['run', 'run']);
  });

  it('measure stops after its budget, but takes its minimum runs', () => {
    let n = 0;
    const slow = () => {
      const end = Date.now() + 5;
      while (Date.now() < end) n++;
      return n;
    };
    const t = measure(slow, { warmup: 0, runs: 100, budgetMs: 1, minRuns: 2 });
    assert.equal(t.runs, 2);
  });

  it('measure times a reference task right after each timed run, and warms it up with the warm-up runs', () => {
    const calls: string[] = [];
    const t = measure(() => calls.push('run'), { warmup: 2, runs: 3, budgetMs: 60_000 }, { warm: () => calls.push('warm'), reference: () => calls.push('ref') });
    assert.deepEqual(calls, ['warm', 'ref', 'warm', 'ref', 'run', 'ref', 'run', 'ref', 'run', 'ref']);
    assert.equal(t.runs, 3);
    assert.equal(t.reference?.runs, 3);
    assert.ok(t.reference.minMs <= t.reference.medianMs);
  });

  it('measure times the reference apart from the run: a slow reference leaves the run fast', () => {
    const busy = (ms: number) => () => {
      const end = performance.now() + ms;
      while (performance.now() < end);
      return 1;
    };
    const t = measure(busy(0.2), { warmup: 0, runs: 5, budgetMs: 60_000 }, { reference: busy(5) });
    assert.ok(t.medianMs < 4, `run median ${t.medianMs} ms`);
    assert.ok(t.reference !== undefined && t.reference.medianMs >= 5, `reference median ${t.reference?.medianMs} ms`);
  });

  it('measure without a reference gives no reference timing, and without gc no GC figures', () => {
    const t = measure(() => 1, { warmup: 0, runs: 2, budgetMs: 60_000 });
    assert.equal(t.reference, undefined);
    assert.equal(t.gc, undefined);
  });

  it('measure with gc finds the collector in runs that allocate far more than the young generation holds', () => {
    // 64 MB of short-lived arrays a run: every run fills the young generation several times over.
    const churn = () => {
      let kept = 0;
      for (let i = 0; i < 2_000; i++) kept += new Array(4_000).fill(i).length;
      return kept;
    };
    const t = measure(churn, { warmup: 0, runs: 4, budgetMs: 60_000 }, { gc: true });
    assert.equal(t.gc?.runsWithGc, 4);
    assert.ok(t.gc.meanGcMs > 0, `mean pause ${t.gc.meanGcMs} ms`);
    assert.equal(t.gc.medianWithoutGcMs, undefined);
  });

  it('gcSummary counts the paused runs, averages the pauses over all runs and takes the median of the others', () => {
    assert.deepEqual(gcSummary([10, 20, 30, 40], [0, 5, 0, 3]), { runsWithGc: 2, meanGcMs: 2, medianWithoutGcMs: 20 });
    assert.deepEqual(gcSummary([10, 20], [1, 2]), { runsWithGc: 2, meanGcMs: 1.5 });
  });
});

