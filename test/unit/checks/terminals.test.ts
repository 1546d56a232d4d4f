import assert from 'node:assert/strict';
import { checkTerminals } from '../../../src/core/checks';
import { only, plan, session, terminal } from './helpers';

describe('checks: terminals', () => {
  it('is clean for adjacent, in-budget allocations (even repeated across sessions)', () => {
    const p = plan({
      terminalCount: 10,
      sessions: [
        session('024', { line: 10, terminals: [terminal(1, 3, 11), terminal(4, 6, 12), terminal(7, 10, 13)] }),
        session('025', { line: 20, terminals: [terminal(1, 3, 21)] }),
      ],
    });
    assert.deepEqual(checkTerminals(p), []);
  });

  it('reports overlapping allocations within a session', () => {
    const p = plan({ sessions: [session('024', { terminals: [terminal(1, 3, 11), terminal(5, 6, 12), terminal(3, 4, 13)] })] });
    const problems = only(checkTerminals(p), 'terminal-overlap');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 13);
    assert.equal(problems[0]?.severity, 'warning');
    assert.match(problems[0]?.message ?? '', /Terminals 3-4 in Session 024 overlap terminals 1-3 \(line 11\): terminal 3/);
  });

  it('reports a terminal above the plan budget, only when the budget is set', () => {
    const sessions = [session('024', { terminals: [terminal(9, 11, 11), terminal(12, 12, 12)] })];
    const problems = checkTerminals(plan({ terminalCount: 10, sessions }));
    assert.deepEqual(problems.map((x) => [x.code, x.line]), [['terminal-over-budget', 11], ['terminal-over-budget', 12]]);
    assert.match(problems[1]?.message ?? '', /Terminal 12 in Session 024 is beyond the plan's 10 terminals/);
    assert.deepEqual(checkTerminals(plan({ sessions })), []);
  });

  it('reports a backwards range as an error and does not also call it an overlap', () => {
    const p = plan({ sessions: [session('024', { terminals: [terminal(5, 2, 11), terminal(1, 6, 12)] })] });
    const problems = checkTerminals(p);
    assert.deepEqual(problems.map((x) => [x.code, x.severity, x.line]), [['terminal-range-invalid', 'error', 11]]);
  });

  it('checks stream terminal ranges against the budget', () => {
    const p = plan({
      terminalCount: 10,
      streams: [
        { id: 'A', title: 'A', tasks: [], terminals: { from: 1, to: 3 }, line: 40, endLine: 50 },
        { id: 'B', title: 'B', tasks: [], terminals: { from: 9, to: 12 }, line: 60, endLine: 70 },
      ],
    });
    assert.deepEqual(checkTerminals(p).map((x) => [x.code, x.line]), [['terminal-over-budget', 60]]);
  });
});
