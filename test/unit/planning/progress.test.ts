import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunEvent } from '../../../src/core/model';
import { budgetFindings, buildPlanGraph, criticalPath, dueReminders, graphFromItems, itemStates, nextItems, planReminders, planRisks, type Reminder } from '../../../src/core/planning';
import { labels, md, planWith, session } from './helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/planning');
const lighthouse = (): ReturnType<typeof md> => md(fs.readFileSync(path.join(FIXTURES, 'lighthouse.marathon.md'), 'utf8'));
const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (h: number): string => new Date(T0 + h * 3_600_000).toISOString();
const ev = (e: Partial<RunEvent> & Pick<RunEvent, 'event'>, h: number): RunEvent => ({ plan: 'p.md', session: '1', time: at(h), ...e }) as RunEvent;

describe('planning: next items', () => {
  it('ready = dependencies done and not started, critical first then plan order', () => {
    // A(3) → C(4) → D; B(1) alone; E(2) after B. Critical path A → C → D = 8; slack B 5, E 5.
    const g = graphFromItems([
      { id: 'B', hours: 1 },
      { id: 'A', hours: 3 },
      { id: 'C', hours: 4, dependsOn: ['A'] },
      { id: 'D', hours: 1, dependsOn: ['C'] },
      { id: 'E', hours: 2, dependsOn: ['B'] },
    ]);
    const cp = criticalPath(g);
    const none = itemStates(g);
    assert.deepEqual(labels(g, nextItems(g, cp, none).map((n) => n.item)), ['A', 'B']);
    const states = none.slice();
    states[1] = 'done'; // A
    states[0] = 'started'; // B
    assert.deepEqual(labels(g, nextItems(g, cp, states).map((n) => n.item)), ['C']);
  });

  it('reads done and started from the run log and the plan markers', () => {
    const plan = planWith({ sessions: [session('1', 2), session('2', 2, ['1']), session('3', 1, [], { status: 'done' }), session('4', 1, ['3'])] });
    const g = buildPlanGraph(plan);
    const events: RunEvent[] = [ev({ event: 'session.start', session: '1' }, 0), ev({ event: 'session.stop', session: '1', outcome: 'done' } as Partial<RunEvent> & Pick<RunEvent, 'event'>, 2)];
    const states = itemStates(g, { events, planFile: 'p.md', now: T0 + 3 * 3_600_000 });
    assert.deepEqual(states, ['done', 'not-started', 'done', 'not-started']);
    const next = nextItems(g, criticalPath(g), states).map((n) => g.items[n.item]!.label);
    assert.deepEqual(next, ['Session 2', 'Session 4']);
    // Another plan's events do not count.
    assert.deepEqual(itemStates(g, { events, planFile: 'other.md' })[0], 'not-started');
  });
});

describe('planning: budgets', () => {
  it('hours vs total and buffer, agents vs the budget table, overlaps in one domain', () => {
    const { plan, text, graph } = lighthouse();
    const codes = budgetFindings(plan, text, graph).map((f) => `${f.line} ${f.code}`);
    assert.deepEqual(codes, [
      '6 planning-hours-budget',
      '31 planning-agents-over-budget',
      '84 planning-budget-table-sum',
      '57 planning-overlap-shared-domain',
      '58 planning-overlap-shared-domain',
    ]);
  });

  it('sessions over the total, and a buffer that does not fit', () => {
    const total = { text: '6 hours', min: 6, max: 6, line: 2 };
    const over = budgetFindings(planWith({ totalHours: total, sessions: [session('1', 4), session('2', 3)] }));
    assert.match(over[0]!.message, /Sessions add up to 7 h, over the plan's total of 6 h/);
    const buffer = budgetFindings(planWith({
      totalHours: total,
      sessions: [session('1', 5)],
      timeline: [{ window: { unit: 'hour', from: 5, to: 7 }, label: 'Buffer', sessions: [], line: 40 }],
    }));
    assert.equal(buffer[0]!.code, 'planning-buffer-short');
    assert.match(buffer[0]!.message, /the buffer is really 1 h/);
  });

  it('terminals over the plan\'s count, alone and side by side in the timeline', () => {
    const terms = (to: number) => [{ from: 1, to, label: 'x', line: 5 }];
    const plan = planWith({
      terminalCount: 6,
      sessions: [session('1', 2, [], { terminals: terms(7) }), session('2', 2, [], { terminals: terms(4) })],
      timeline: [
        { window: { unit: 'hour', from: 0, to: 2 }, label: 'Session 1', sessions: ['1'], line: 50 },
        { window: { unit: 'hour', from: 0, to: 2 }, label: 'Session 2', sessions: ['2'], line: 51 },
      ],
    });
    const messages = budgetFindings(plan).filter((f) => f.code === 'planning-terminals-over-budget').map((f) => f.message);
    assert.deepEqual(messages, ['Session 1 allocates 7 terminals; the plan has 6.', 'At hour 0 sessions 1, 2 run together on 11 terminals; the plan has 6.']);
  });

  it('sessions overlapping in the timeline that touch the same file', () => {
    const d = (p: string) => ({ path: p, text: p, isGlob: false, isPlaceholder: false, isFolder: false, line: 3 });
    const plan = planWith({
      sessions: [session('1', 2, [], { deliverables: [d('src/a.ts')] }), session('2', 2, [], { deliverables: [d('src/a.ts')] })],
      timeline: [
        { window: { unit: 'hour', from: 0, to: 3 }, label: 'S1', sessions: ['1'], line: 50 },
        { window: { unit: 'hour', from: 2, to: 4 }, label: 'S2', sessions: ['2'], line: 51 },
      ],
    });
    const f = budgetFindings(plan);
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /Sessions 1 and 2 overlap in the timeline but both touch `src\/a\.ts`/);
  });
});

describe('planning: reminders', () => {
  const { plan, text } = lighthouse();
  const { reminders } = planReminders(plan, { text });

  it('turns checkpoints and the hourly check-in into reminders', () => {
    const cp = reminders.find((r) => r.id === 'hour-6-checkpoint')!;
    assert.deepEqual({ ...cp }, { id: 'hour-6-checkpoint', title: 'Hour 6 Checkpoint', dueAt: 6 * 3_600_000, options: ['Continue', 'Abandon'], line: 88, question: 'Continue or Abandon?' });
    const checkIns = reminders.filter((r) => r.series === 'check-in');
    assert.equal(checkIns.length, 20); // every hour of the 20-hour plan
    assert.deepEqual(checkIns[0]!.options, ['Continue', 'Stop']);
  });

  it('nothing is due before the marathon starts', () => {
    assert.deepEqual(dueReminders(reminders, [], T0 + 100 * 3_600_000), []);
  });

  it('due and undecided at `now`; the latest check-in only; a decision clears one', () => {
    const start: RunEvent[] = [ev({ event: 'session.start', plan: 'x.md' }, 0)];
    const ids = (rs: readonly Reminder[]) => rs.map((r) => r.id);
    assert.deepEqual(ids(dueReminders(reminders, start, T0 + 30 * 60_000)), []);
    assert.deepEqual(ids(dueReminders(reminders, start, T0 + 2.5 * 3_600_000)), ['check-in-2']);
    assert.deepEqual(ids(dueReminders(reminders, start, T0 + 6 * 3_600_000)), ['hour-6-checkpoint', 'check-in-6']);
    const decided = [...start, ev({ event: 'checkpoint.decision', plan: 'x.md', checkpoint: 'hour-6-checkpoint', decision: 'Continue' } as Partial<RunEvent> & Pick<RunEvent, 'event'>, 6.2)];
    assert.deepEqual(ids(dueReminders(reminders, decided, T0 + 6.5 * 3_600_000)), ['check-in-6']);
    const checkedIn = [...decided, ev({ event: 'checkpoint.decision', plan: 'x.md', checkpoint: 'check-in-6', decision: 'Continue' } as Partial<RunEvent> & Pick<RunEvent, 'event'>, 6.3)];
    assert.deepEqual(ids(dueReminders(reminders, checkedIn, T0 + 6.5 * 3_600_000)), []);
    assert.deepEqual(ids(dueReminders(reminders, checkedIn, T0 + 7 * 3_600_000)), ['check-in-7']);
  });

  it('a checkpoint with no time is a finding; one naming a phase is due at its earliest finish', () => {
    const p = planWith({
      phases: [{ id: '1', title: 'Dig', duration: { text: '10 hours', min: 10, max: 10 }, dependsOn: [], line: 3, endLine: 5 }],
      checkpoints: [
        { title: 'After Phase 1', options: [], line: 9 },
        { title: 'Whenever', options: [], line: 12 },
      ],
    });
    const graph = buildPlanGraph(p);
    const r = planReminders(p, { graph, cp: criticalPath(graph) });
    assert.deepEqual(r.reminders.map((x) => [x.id, x.dueAt, x.options]), [['after-phase-1', 10 * 3_600_000, ['Continue', 'Stop']]]);
    assert.deepEqual(r.findings.map((f) => f.code), ['planning-checkpoint-untimed']);
  });
});

describe('planning: risks', () => {
  it('splits risk and detail, keeps the level, and finds mitigations under a heading', () => {
    const { plan, text } = lighthouse();
    assert.deepEqual(planRisks(plan, text), [{ risk: 'If the Lens Cracks', line: 94, mitigation: 'Swap lens - spare in store room; Dim the beam - halve power' }]);
    const p = planWith({ risks: [{ text: '**Flooding** - tide tables wrong (Likelihood: High; Impact: Medium; Mitigation: sandbags)', level: 'critical', line: 4 }] });
    assert.deepEqual(planRisks(p), [{ risk: 'Flooding', level: 'critical', likelihood: 'High', impact: 'Medium', mitigation: 'sandbags', detail: 'tide tables wrong', line: 4 }]);
  });

  it('reads risk tables', () => {
    const text = '# P\n\n## Risks\n\n| Risk | Likelihood | Impact | Mitigation |\n|---|---|---|---|\n| Gale | Low | High | Stay in port |\n';
    const { plan } = md(text);
    assert.deepEqual(planRisks(plan, text).filter((r) => r.risk === 'Gale'), [{ risk: 'Gale', likelihood: 'Low', impact: 'High', mitigation: 'Stay in port', line: 7 }]);
  });
});
