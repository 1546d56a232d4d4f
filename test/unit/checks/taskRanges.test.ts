import assert from 'node:assert/strict';
import { checkTaskRanges } from '../../../src/core/checks';
import { taskListSize } from '../../../src/core/checks/taskRanges';
import { plan, session, task, terminal } from './helpers';

describe('checks: task ranges', () => {
  const terminals = [terminal(1, 3, 11, [1, 10]), terminal(4, 6, 12, [11, 30])];

  it('is clean when ranges stay within the stated task count', () => {
    assert.deepEqual(checkTaskRanges(plan({ totalTasks: 30, sessions: [session('024', { terminals })] })), []);
  });

  it('reports a range beyond the stated task count', () => {
    const problems = checkTaskRanges(plan({ totalTasks: 25, sessions: [session('024', { terminals })] }));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.code, 'task-range-beyond-list');
    assert.equal(problems[0]?.severity, 'warning');
    assert.equal(problems[0]?.line, 12);
    assert.match(problems[0]?.message ?? '', /Tasks 11-30 in session 024 .* states 25 tasks/);
  });

  it('falls back to the highest numbered task across streams, plan and sessions', () => {
    const p = plan({
      streams: [{ id: 'A', title: 'A', tasks: [task('1', 40), task('12', 41)], line: 39, endLine: 50 }],
      tasks: [task('DEBT-001', 60)],
      sessions: [session('024', { terminals, tasks: [task('#20', 15)] })],
    });
    assert.equal(taskListSize(p), 20);
    const problems = checkTaskRanges(p);
    assert.deepEqual(problems.map((x) => [x.code, x.line]), [['task-range-beyond-list', 12]]);
    assert.match(problems[0]?.message ?? '', /numbers 20 tasks/);
  });

  it('skips the check when there is no task list at all', () => {
    const p = plan({ tasks: [task('DEBT-001', 60)], sessions: [session('024', { terminals })] });
    assert.equal(taskListSize(p), undefined);
    assert.deepEqual(checkTaskRanges(p), []);
  });

  it('reports a backwards task range even without a list', () => {
    const p = plan({ sessions: [session('024', { terminals: [terminal(1, 1, 11, [10, 1])] })] });
    const problems = checkTaskRanges(p);
    assert.deepEqual(problems.map((x) => [x.code, x.severity]), [['task-range-invalid', 'error']]);
  });

  it('reports a range starting below 1', () => {
    const p = plan({ totalTasks: 30, sessions: [session('024', { terminals: [terminal(1, 1, 11, [0, 5])] })] });
    assert.equal(checkTaskRanges(p)[0]?.code, 'task-range-beyond-list');
  });
});
