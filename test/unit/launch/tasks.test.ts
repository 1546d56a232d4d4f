import assert from 'node:assert/strict';
import { MAX_SLOTS, slotsForSession, tasksForSession, terminalLabel } from '../../../src/core/launch/tasks';
import { plan, session, task, terminal } from '../checks/helpers';

function fixture() {
  const stream = { id: 'A', title: 'Tools', tasks: Array.from({ length: 20 }, (_, i) => task(String(i + 1), 100 + i)), line: 99, endLine: 130 };
  const s024 = session('024', {
    terminals: [{ ...terminal(1, 3, 11, [1, 10]), label: 'Core tools' }, { ...terminal(4, 6, 12, [11, 20]), label: 'Exotic tools' }],
  });
  const s025 = session('025', {
    line: 30,
    terminals: [terminal(1, 2, 31, [15, 25]), terminal(3, 3, 32)],
    tasks: [task('#16', 35), task('X-1', 36), { ...task('40', 37), terminal: 3 }],
  });
  return { p: plan({ streams: [stream], tasks: [task('DEBT-001', 140), task('5', 141)], sessions: [s024, s025] }), s024, s025 };
}

describe('launch: session tasks', () => {
  it('labels allocations', () => {
    assert.equal(terminalLabel({ ...terminal(1, 3, 1, [1, 10]), label: 'Core tools' }), 'Terminals 1-3: Core tools (tasks 1-10)');
    assert.equal(terminalLabel({ from: 4, to: 4, label: '', line: 1 }), 'Terminal 4');
  });

  it('gives one slot per terminal number', () => {
    const { s024 } = fixture();
    const slots = slotsForSession(s024);
    assert.deepEqual(slots.map((s) => s.slot), [1, 2, 3, 4, 5, 6]);
    assert.equal(slots[1]?.label, 'Terminals 1-3: Core tools (tasks 1-10)');
    assert.deepEqual(slots[4]?.tasks, { from: 11, to: 20 });
    assert.equal(slots[5]?.terminal, s024.terminals[1]);
  });

  it('skips backwards, repeated and runaway ranges', () => {
    const s = session('9', { terminals: [terminal(3, 1, 1), terminal(1, 2, 2), terminal(2, 3, 3), terminal(4, 1e9, 4)] });
    const slots = slotsForSession(s);
    assert.equal(slots.length, MAX_SLOTS);
    assert.deepEqual(slots.slice(0, 4).map((x) => [x.slot, x.terminal.line]), [[1, 2], [2, 2], [3, 3], [4, 4]]);
  });

  it('takes the plan tasks inside the terminal ranges', () => {
    const { p, s024 } = fixture();
    const got = tasksForSession(p, s024);
    assert.equal(got.length, 20);
    assert.deepEqual(got.slice(0, 10).map((e) => e.task.id), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.ok(got.slice(0, 10).every((e) => e.terminal === s024.terminals[0]));
    assert.ok(got.slice(10).every((e) => e.terminal === s024.terminals[1]));
    assert.equal(got[4]?.task.line, 141, 'task 5 of plan.tasks comes before the stream’s task 5');
  });

  it('puts the session’s own tasks first and launches each id once', () => {
    const { p, s025 } = fixture();
    const got = tasksForSession(p, s025);
    assert.deepEqual(got.map((e) => e.task.id), ['#16', 'X-1', '40', '15', '17', '18', '19', '20']);
    assert.equal(got[0]?.terminal, s025.terminals[0]);
    assert.equal(got[1]?.terminal, undefined);
    assert.equal(got[2]?.terminal, s025.terminals[1]);
    assert.equal(got[3]?.task.line, 114);
  });

  it('gives nothing for a session without tasks or ranges', () => {
    assert.deepEqual(tasksForSession(plan(), session('1')), []);
    assert.deepEqual(slotsForSession(session('1')), []);
  });
});
