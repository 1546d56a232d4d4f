import * as assert from 'node:assert/strict';
import { emptyPlan } from '../../../src/core/model';
import { SCHEDULE_ASSUMPTION } from '../../../src/core/planning';
import { planView, TABLE_INSTANCES } from '../../../src/vscode/report/planView';
import { renderReportBody } from '../../../src/vscode/report/view';
import { md } from './helpers';

// L1 (2 h) → L2 (1 h); L3 (2 h) alone. Total 5 h; critical path L1 → L2 = 3 h; L3 has 1 h of slack.
//   2 instances, longest remaining chain first (L1 3, L3 2, L2 1): t=0 L1 on #1, L3 on #2;
//   t=2 L2 on #1 (2-3) → makespan 3 h, speed-up 5/3 = 1.67×, utilisation 5/(2·3) = 83%.
const LANTERN = [
  '# Lantern Relay Marathon',
  '',
  '**Total Duration:** 7 hours',
  '',
  '## Session L1: Wire the relay',
  '',
  '**Duration:** 2 hours',
  '',
  '## Session L2: Tune the lantern',
  '',
  '**Duration:** 1 hour',
  '',
  '**Depends on:** Session L1',
  '',
  '## Session L3: Write the field notes',
  '',
  '**Duration:** 2 hours',
  '',
].join('\n');

const REL = 'plans/lantern.marathon.md';

describe('report: the Plan view of a plan', () => {
  const { plan, text } = md(LANTERN);

  it('schedules on N instances with the critical path marked', () => {
    const view = planView({ plan, text, relPath: REL, instances: 2 });
    assert.equal(view.kind, 'plan');
    assert.equal(view.title, 'Lantern Relay Marathon');
    assert.deepEqual(view.schedule, {
      instances: 2,
      makespanHours: 3,
      assumption: SCHEDULE_ASSUMPTION,
      items: [
        { id: 'Session L1', title: 'Wire the relay', instance: 1, start: 0, end: 2, critical: true },
        { id: 'Session L3', title: 'Write the field notes', instance: 2, start: 0, end: 2, critical: false },
        { id: 'Session L2', title: 'Tune the lantern', instance: 1, start: 2, end: 3, critical: true },
      ],
    });
  });

  it('gives total hours, critical path, makespan and speed-up as metrics', () => {
    const view = planView({ plan, text, relPath: REL, instances: 2 });
    assert.deepEqual(view.metrics.map((m) => [m.label, m.value]), [
      ['Total hours', '5 h'],
      ['Critical path', '3 h'],
      ['Makespan on 2', '3 h'],
      ['Speed-up on 2', '1.67×'],
    ]);
    assert.equal(view.metrics[1]!.detail, 'Session L1 → Session L2');
    assert.match(view.metrics[2]!.detail ?? '', /83% busy/);
  });

  it('lists planned hours per session, and actual hours when given', () => {
    const view = planView({ plan, text, relPath: REL, instances: 1, actualHours: new Map([['L1', 2.5]]) });
    assert.deepEqual(view.timeline, [
      { session: 'L1', title: 'Wire the relay', plannedHours: 2, actualHours: 2.5 },
      { session: 'L2', title: 'Tune the lantern', plannedHours: 1 },
      { session: 'L3', title: 'Write the field notes', plannedHours: 2 },
    ]);
    assert.deepEqual(view.deliverables, []);
    // A session still on the clock is marked, so its hours so far are not compared with its plan.
    const live = planView({ plan, text, relPath: REL, instances: 1, actualHours: new Map([['L1', 2.5], ['L2', 0.2]]), onClock: new Set(['L2']) });
    assert.deepEqual(live.timeline.slice(0, 2), [
      { session: 'L1', title: 'Wire the relay', plannedHours: 2, actualHours: 2.5 },
      { session: 'L2', title: 'Tune the lantern', plannedHours: 1, actualHours: 0.2, onClock: true },
    ]);
  });

  it('reports planning findings against the plan\'s workspace-relative path', () => {
    const view = planView({ plan, text, relPath: REL, instances: 3 });
    const budget = view.findings.find((f) => f.code === 'planning-hours-budget');
    assert.ok(budget, `a budget finding among ${view.findings.map((f) => f.code).join(', ')}`);
    assert.equal(budget.line, 3);
    assert.ok(view.findings.every((f) => f.file === REL && f.line >= 1));
  });

  it('writes the makespan for 1…8 instances as a markdown table, N in bold, with the assumption', () => {
    const view = planView({ plan, text, relPath: REL, instances: 2 });
    const rows = view.markdown.split('\n').filter((l) => /^\| (\*\*)?\d/.test(l));
    assert.equal(rows.length, TABLE_INSTANCES);
    assert.equal(rows[0], '| 1 | 5 h | 1.00× | 100% |');
    assert.equal(rows[1], '| **2** | **3 h** | **1.67×** | **83%** |');
    assert.equal(rows[7], '| 8 | 3 h | 1.67× | 21% |');
    assert.ok(view.markdown.includes(SCHEDULE_ASSUMPTION));
    assert.ok(view.markdown.includes('critical path 3 h'));
  });

  it('extends the table past 8 instances when N is larger, and reads a bad N as 1', () => {
    const ten = planView({ plan, text, relPath: REL, instances: 10 });
    assert.equal(ten.schedule?.instances, 10);
    assert.equal(ten.markdown.split('\n').filter((l) => /^\| (\*\*)?\d/.test(l)).length, 10);
    for (const bad of [0, -3, Number.NaN]) {
      const view = planView({ plan, text, relPath: REL, instances: bad });
      assert.equal(view.schedule?.instances, 1);
      assert.equal(view.schedule?.makespanHours, 5);
    }
  });

  it('leaves out items that take no time and says when there is nothing to schedule', () => {
    const view = planView({ plan: emptyPlan('markdown', ''), relPath: 'empty.md', instances: 4 });
    assert.equal(view.title, 'empty.md');
    assert.deepEqual(view.schedule?.items, []);
    assert.deepEqual(view.timeline, []);
    assert.equal(view.partial?.length, 1);
    const noHours = md('# P\n\n## Session 1: A\n\n## Session 2: B\n');
    assert.deepEqual(planView({ plan: noHours.plan, text: noHours.text, relPath: 'p.md', instances: 2 }).schedule?.items, []);
  });

  it('renders in the report body with the Gantt chart', () => {
    const html = renderReportBody(planView({ plan, text, relPath: REL, instances: 2 }));
    assert.match(html, /gantt-chart/);
    assert.match(html, /Makespan by number of instances/);
  });
});
