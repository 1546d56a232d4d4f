import * as assert from 'node:assert/strict';
import { median, sideBySide } from '../../../bench/measure';

describe('bench/measure', () => {
  it('median of odd and even counts', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('sideBySide alternates the two measurements round by round, as many runs as each asks', () => {
    const calls: string[] = [];
    const [a, b] = sideBySide(
      () => calls.push('a'),
      () => calls.push('b'),
      { warmup: 1, rounds: 3, budgetMs: 60_000, each: [2, 1] },
      () => calls.push('w'),
    );
    // One warm-up of each (the second through its own warm-up function), then a a b per round.
    assert.deepEqual(calls, ['a', 'w', 'a', 'a', 'b', 'a', 'a', 'b', 'a', 'a', 'b']);
    assert.equal(a.runs, 6);
    assert.equal(b.runs, 3);
    assert.ok(a.minMs <= a.medianMs && b.minMs <= b.medianMs);
  });

  it('sideBySide stops starting rounds after its budget, but takes its minimum rounds', () => {
    let n = 0;
    const slow = () => {
      const end = Date.now() + 5;
      while (Date.now() < end) n++;
      return n;
    };
    const [a, b] = sideBySide(slow, slow, { warmup: 0, rounds: 100, budgetMs: 1, minRounds: 2, each: [1, 1] });
    assert.equal(a.runs, 2);
    assert.equal(b.runs, 2);
  });
});
