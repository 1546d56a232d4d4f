import * as assert from 'node:assert/strict';
import { readPlan } from '../../../src/core/plan';

// Task rows share read-only parts (one status object per run of equal status cells, one empty
// dependency list) so a big plan retains fewer objects. What each task says must not change, and
// a write into a shared part must fail rather than change the other tasks.
const PLAN = [
  '## Session 7: Shared parts',
  '',
  '| # | Task | File | Status → Target |',
  '|---|---|---|---|',
  '| 1 | One | `a.py` | Partial → Full |',
  '| 2 | Two | `b.py` | Partial → Full |',
  '| 3 | Three | `c.py` | Missing → New |',
  '| 4 | Four | `d.py` | Partial → Full |',
  '',
].join('\n');

describe('markdown reader: shared read-only parts of task rows', () => {
  const tasks = () => readPlan(PLAN, 'plan.md').plan.sessions[0]!.tasks;

  it('each task still says its own status and has no dependencies', () => {
    assert.deepEqual(
      tasks().map((t) => [t.id, t.status, t.dependsOn]),
      [
        ['1', { from: 'Partial', to: 'Full' }, []],
        ['2', { from: 'Partial', to: 'Full' }, []],
        ['3', { from: 'Missing', to: 'New' }, []],
        ['4', { from: 'Partial', to: 'Full' }, []],
      ],
    );
  });

  it('a write into a shared status or dependency list throws instead of changing other tasks', () => {
    const [one, two] = tasks();
    assert.equal(one!.status, two!.status, 'a run of equal status cells shares one status object');
    assert.throws(() => {
      one!.status!.to = 'Done'; // (modules run in strict mode, where writing a frozen object throws)
    }, TypeError);
    assert.throws(() => one!.dependsOn.push('2'), TypeError);
    assert.equal(two!.status!.to, 'Full');
    assert.deepEqual(two!.dependsOn, []);
  });

  it('a later read is not affected by an earlier one', () => {
    const first = tasks();
    const second = tasks();
    assert.deepEqual(second.map((t) => t.status), first.map((t) => t.status));
    assert.deepEqual(second.map((t) => t.dependsOn), [[], [], [], []]);
  });

  it('task numbers keep the text they were written with (shared texts are only for plain small numbers)', () => {
    const ids = ['1', '07', '0', '9999', '10000', '123456', '42'];
    const rows = ids.map((id) => `| ${id} | Task ${id} | \`f${id}.py\` | Partial → Full |`);
    const plan = ['## Session 8: Numbers', '', '| # | Task | File | Status → Target |', '|---|---|---|---|', ...rows].join('\n');
    assert.deepEqual(readPlan(plan, 'plan.md').plan.sessions[0]!.tasks.map((t) => t.id), ids);
    // A second read gives the same texts.
    assert.deepEqual(readPlan(plan, 'plan.md').plan.sessions[0]!.tasks.map((t) => t.id), ids);
  });
});
