import * as assert from 'node:assert/strict';
import { formatGc, formatMachineSpeed, type Row } from '../../../bench/report';

function row(file: string, marathon: Row['marathon']): Row {
  const other = { medianMs: 100, minMs: 90, runs: 5 };
  return { file, bytes: 1000, marathon, markdownIt: other, markdownlint: other, ratioMarkdownIt: 1, ratioMarkdownlint: 1, targets: [] };
}

describe('bench/report formatMachineSpeed', () => {
  it('gives Marathon\'s and the reference\'s median over fastest for each row that has a reference', () => {
    const text = formatMachineSpeed([
      row('big.md', { medianMs: 30, minMs: 20, runs: 25, reference: { medianMs: 0.3, minMs: 0.15, runs: 25 } }),
      row('seed.txt', { medianMs: 1.2, minMs: 0.6, runs: 200, reference: { medianMs: 0.18, minMs: 0.18, runs: 200 } }),
    ], 'JSON.parse of a fixed 15 KB document');
    const lines = text.split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^Machine speed during Marathon's runs/);
    assert.match(lines[1]!, /big\.md: Marathon median 30\.0 ms, fastest 20\.0 ms \(1\.50x\); reference median 0\.300 ms, fastest 0\.150 ms \(2\.00x\)/);
    assert.match(lines[2]!, /seed\.txt: Marathon median 1\.200 ms, fastest 0\.600 ms \(2\.00x\); reference median 0\.180 ms, fastest 0\.180 ms \(1\.00x\)/);
  });

  it('is empty when no row has a reference', () => {
    assert.equal(formatMachineSpeed([row('a.md', { medianMs: 1, minMs: 1, runs: 1 })], 'a task'), '');
  });
});

describe('bench/report formatGc', () => {
  it('gives the paused runs, the mean pause and the median without a pause for each row measured with gc', () => {
    const text = formatGc([
      row('big.md', { medianMs: 48.1, minMs: 30, runs: 25, gc: { runsWithGc: 12, meanGcMs: 4.1, medianWithoutGcMs: 33.25 } }),
      row('all.md', { medianMs: 2, minMs: 1, runs: 3, gc: { runsWithGc: 3, meanGcMs: 0.5 } }),
      row('none.md', { medianMs: 1, minMs: 1, runs: 3 }),
    ]);
    const lines = text.split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^Garbage collector's pauses inside Marathon's timed runs/);
    assert.equal(lines[1], '  big.md: paused 12 of 25 runs, 4.100 ms a run on average; median of the 13 run(s) without one 33.3 ms (median of all 48.1 ms)');
    assert.equal(lines[2], '  all.md: paused 3 of 3 runs, 0.500 ms a run on average; no run without one (median of all 2.000 ms)');
  });

  it('is empty when no row was measured with gc', () => {
    assert.equal(formatGc([row('a.md', { medianMs: 1, minMs: 1, runs: 1 })]), '');
  });
});
