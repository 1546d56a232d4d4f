import assert from 'node:assert/strict';
import { checkHoursTotal, checkPlan } from '../../../src/core/checks';
import { h, only, plan, session } from './helpers';

describe('checks: hours total', () => {
  const overview = [
    { session: '024', title: 'A', hours: h(4), line: 12 },
    { session: '025', title: 'B', hours: h(4), line: 13 },
  ];

  it('warns when the sessions budget more than the stated total', () => {
    const p = plan({ totalHours: h(8), overview, sessions: [session('024', { hours: h(4) }), session('025', { hours: h(3, 6) })] });
    const [problem, ...rest] = checkHoursTotal(p);
    assert.equal(rest.length, 0);
    assert.equal(problem?.code, 'hours-total-exceeded');
    assert.equal(problem?.severity, 'warning');
    assert.match(problem?.message ?? '', /10 h, 2 h more than the stated 8 h total/);
    assert.equal(problem?.line, 14); // the line after the overview's last row
  });

  it('states the buffer when the sessions budget less', () => {
    const p = plan({ totalHours: h(36), sessions: [session('024', { hours: h(16) }), session('025', { hours: h(16) })] });
    const [problem] = checkHoursTotal(p);
    assert.equal(problem?.code, 'hours-total-buffer');
    assert.equal(problem?.severity, 'info');
    assert.equal(problem?.message, 'Sessions budget 32 h of the stated 36 h total; 4 h unallocated buffer.');
    assert.equal(problem?.line, 1); // no overview
  });

  it('uses the max of the stated total range', () => {
    const p = plan({ totalHours: h(30, 40), sessions: [session('1', { hours: h(35) })] });
    assert.equal(checkHoursTotal(p)[0]?.code, 'hours-total-buffer');
  });

  it('names sessions without numeric hours', () => {
    const p = plan({
      totalHours: h(4),
      sessions: [session('024', { hours: h(6) }), session('025', { hours: { text: 'a while' } }), session('026')],
    });
    const [problem] = checkHoursTotal(p);
    assert.equal(problem?.code, 'hours-total-exceeded');
    assert.match(problem?.message ?? '', /2 sessions have no numeric hours and are not counted \(025, 026\)/);
  });

  it('says nothing when the budget matches the total exactly', () => {
    const p = plan({ totalHours: h(8), sessions: [session('1', { hours: h(4) }), session('2', { hours: h(4) })] });
    assert.deepEqual(checkHoursTotal(p), []);
  });

  it('says nothing without a total, without numeric session hours, or with NaN', () => {
    assert.deepEqual(checkHoursTotal(plan({ sessions: [session('1', { hours: h(4) })] })), []);
    assert.deepEqual(checkHoursTotal(plan({ totalHours: h(8), sessions: [session('1')] })), []);
    const nan = plan({ totalHours: { text: '?', max: Number.NaN }, sessions: [session('1', { hours: { text: 'x', max: Number.NaN } })] });
    assert.deepEqual(checkHoursTotal(nan), []);
    assert.deepEqual(only(checkPlan(nan), 'hours-total-exceeded'), []);
  });
});
