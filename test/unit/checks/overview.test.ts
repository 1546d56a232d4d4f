import assert from 'node:assert/strict';
import { checkOverview } from '../../../src/core/checks';
import type { OverviewRow } from '../../../src/core/model';
import { h, only, plan, session } from './helpers';

function row(id: string, line: number, hours?: number): OverviewRow {
  return hours === undefined ? { session: id, title: id, line } : { session: id, title: id, hours: h(hours), line };
}

describe('checks: overview', () => {
  it('is clean when overview and sections agree (ids compared leniently)', () => {
    const p = plan({
      overview: [row('024', 3, 4), row('Session 25', 4, 3), row('**Total**', 5, 7)],
      sessions: [session('024', { line: 10, hours: h(4) }), session('025', { line: 20, hours: h(3) })],
    });
    assert.deepEqual(checkOverview(p), []);
  });

  it('reports an overview row with no section', () => {
    const p = plan({ overview: [row('024', 3), row('099', 4)], sessions: [session('024')] });
    const problems = only(checkOverview(p), 'overview-missing-session');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 4);
    assert.equal(problems[0]?.severity, 'warning');
    assert.match(problems[0]?.message ?? '', /099/);
  });

  it('reports a section not in the overview, on its heading line, once per id', () => {
    const p = plan({
      overview: [row('024', 3)],
      sessions: [session('024', { line: 10 }), session('026', { line: 20 }), session('026', { line: 30 })],
    });
    const problems = only(checkOverview(p), 'overview-unlisted-session');
    assert.deepEqual(problems.map((x) => x.line), [20]);
    assert.equal(problems[0]?.severity, 'warning');
  });

  it('does not report unlisted sections when there is no overview', () => {
    assert.deepEqual(checkOverview(plan({ sessions: [session('024')] })), []);
  });

  it('reports differing hours on the overview row', () => {
    const p = plan({ overview: [row('024', 3, 4)], sessions: [session('024', { line: 10, hours: h(3, 5) })] });
    const [problem] = checkOverview(p);
    assert.equal(problem?.code, 'overview-hours-mismatch');
    assert.equal(problem?.line, 3);
    assert.match(problem?.message ?? '', /4 h.*line 10.*3-5 h/);
  });

  it('does not compare hours when either side is not numeric', () => {
    const p = plan({ overview: [row('024', 3)], sessions: [session('024', { hours: h(3) })] });
    assert.deepEqual(checkOverview(p), []);
    const q = plan({ overview: [row('024', 3, 4)], sessions: [session('024')] });
    assert.deepEqual(checkOverview(q), []);
  });
});
