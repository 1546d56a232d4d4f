import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPlanGraph, refsInProse } from '../../../src/core/planning';
import { md, phase, planWith, predsOf, session, task } from './helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/planning');

describe('planning: references in prose', () => {
  it('reads kinds, ranges, lists, task ids and slash shorthand', () => {
    const refs = (t: string) => refsInProse(t).map((r) => (r.external ? `${r.external}#${r.text}` : r.text));
    assert.deepEqual(refs('Requires Phases 1-3 Complete'), ['Phase 1', 'Phase 2', 'Phase 3']);
    assert.deepEqual(refs('depends on Phase 2'), ['Phase 2']);
    assert.deepEqual(refs('Sessions 024 and 026'), ['Session 024', 'Session 026']);
    assert.deepEqual(refs('Sessions 024-026'), ['Session 024', 'Session 025', 'Session 026']);
    assert.deepEqual(refs('needs FIX-006 and PERSIST-004/005'), ['FIX-006', 'PERSIST-004', 'PERSIST-005']);
    assert.deepEqual(refs('after other.marathon.md#Session 3'), ['other.marathon.md#Session 3']);
    assert.deepEqual(refs('needs passing tests'), []);
  });
});

describe('planning: dependency graph', () => {
  it('takes dependsOn from the model for sessions, phases and tasks', () => {
    const plan = planWith({
      sessions: [session('1', 2), session('2', 3, ['1'])],
      phases: [phase('A', 5, [], 100), phase('B', 1, ['Phase A'], 200)],
      tasks: [task('T1', 1, [], 300), task('T2', 1, ['T1'], 301)],
    });
    const g = buildPlanGraph(plan);
    assert.deepEqual(predsOf(g, 'Session 2'), ['Session 1']);
    assert.deepEqual(predsOf(g, 'Phase B'), ['Phase A']);
    assert.deepEqual(predsOf(g, 'T2'), ['T1']);
    assert.deepEqual(g.findings, []);
  });

  it('reads "Requires Phase(s) … Complete", **Prerequisites** lines and lists, and Cannot Parallelize lists', () => {
    const { graph } = md(fs.readFileSync(path.join(FIXTURES, 'lighthouse.marathon.md'), 'utf8'));
    assert.deepEqual(predsOf(graph, 'Session 102'), ['Session 101']); // **Prerequisites**: Session 101
    assert.deepEqual(predsOf(graph, 'Session 103'), ['Session 101', 'Session 102']); // the list under **Prerequisites:**
    assert.deepEqual(predsOf(graph, 'Session 104'), ['Session 101']); // **Session 104** needs Session 101
    const phases = md(fs.readFileSync(path.join(FIXTURES, 'phases.md'), 'utf8')).graph;
    assert.deepEqual(predsOf(phases, 'Phase 2'), ['Phase 1']);
    assert.deepEqual(predsOf(phases, 'Phase 3'), []); // "Can begin during Phase 1" is no dependency
    assert.deepEqual(predsOf(phases, 'Phase 4'), ['Phase 1', 'Phase 2', 'Phase 3']);
    // Bold task ids under a phase become its tasks; the phase ends when they do.
    assert.deepEqual(predsOf(phases, 'DOCK-002'), ['DOCK-001']);
    assert.deepEqual(predsOf(phases, 'Phase 1'), ['DOCK-001', 'DOCK-002']);
    const dock = phases.items.find((it) => it.id === 'DOCK-001');
    assert.equal(dock?.fromProse, true);
    assert.equal(phases.items[dock!.parent!]?.label, 'Phase 1');
  });

  it('a child waits for what its container waits for; a container with hours below it weighs 0', () => {
    const plan = planWith({
      phases: [phase('1', 10, [], 1, 9), phase('2', 99, ['1'], 10, 30)],
      sessions: [session('5', 4, [], { line: 12, endLine: 20 }), session('6', 3, [], { line: 21, endLine: 30 })],
    });
    const g = buildPlanGraph(plan);
    assert.deepEqual(predsOf(g, 'Session 5'), ['Phase 1']);
    assert.deepEqual(predsOf(g, 'Phase 2'), ['Phase 1', 'Session 5', 'Session 6']);
    const p2 = g.items.find((it) => it.label === 'Phase 2')!;
    assert.equal(p2.hours, 0);
    assert.equal(p2.statedHours, 99);
    assert.equal(p2.hoursSource, 'children');
  });

  it('reports unknown ids and references into other plans, and keeps going', () => {
    const plan = planWith({ sessions: [session('1', 1, ['99', 'other.marathon.yaml#Session 3']), session('2', 1, ['1'])] });
    const g = buildPlanGraph(plan);
    assert.deepEqual(predsOf(g, 'Session 1'), []);
    assert.deepEqual(predsOf(g, 'Session 2'), ['Session 1']);
    const codes = g.findings.map((f) => f.code).sort();
    assert.deepEqual(codes, ['planning-external-dependency', 'planning-unknown-dependency']);
    assert.match(g.findings.find((f) => f.code === 'planning-external-dependency')!.message, /Session 3 in other\.marathon\.yaml/);
    assert.deepEqual(g.ignored.map((x) => x.reason).sort(), ['external', 'unknown']);
  });

  it('names a cycle, breaks it deterministically and stays usable', () => {
    const plan = planWith({ sessions: [session('1', 1, ['3']), session('2', 1, ['1']), session('3', 1, ['2']), session('4', 1, ['3'])] });
    const g = buildPlanGraph(plan);
    const cycle = g.findings.filter((f) => f.code === 'planning-cycle');
    assert.equal(cycle.length, 1);
    assert.match(cycle[0]!.message, /Session 1 → Session 2 → Session 3 → Session 1/);
    assert.match(cycle[0]!.message, /ignores that Session 1 waits for Session 3/);
    assert.equal(g.topo.length, 4);
    assert.deepEqual(predsOf(g, 'Session 1'), []);
    assert.deepEqual(predsOf(g, 'Session 4'), ['Session 3']);
    // The same input breaks the same link every time.
    assert.deepEqual(buildPlanGraph(plan).ignored, g.ignored);
  });

  it('an item that waits for itself or its container is ignored, not a crash', () => {
    const g = buildPlanGraph(planWith({ tasks: [task('A', 1, ['A'])] }));
    // An item waiting for itself is dropped as meaningless, not a crash.
    assert.equal(g.topo.length, 1);
  });

  it('reports a parallel list that contradicts a dependency', () => {
    const { graph } = md(fs.readFileSync(path.join(FIXTURES, 'lighthouse.marathon.md'), 'utf8'));
    const conflict = graph.findings.filter((f) => f.code === 'planning-parallel-conflict');
    assert.equal(conflict.length, 1);
    assert.match(conflict[0]!.message, /Session 102 waits for Session 101/);
    assert.equal(graph.parallel.length, 2);
  });

  it('reports a "Cannot Parallelize" line it cannot use', () => {
    const { graph } = md(fs.readFileSync(path.join(FIXTURES, 'lighthouse.marathon.md'), 'utf8'));
    const f = graph.findings.filter((x) => x.code === 'planning-prose-dependency');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /GLOW-009 is no item of this plan; "needs a calm sea" names no item/);
  });

  it('items without hours weigh 0 and are reported; calendar windows give hours', () => {
    const g = buildPlanGraph(planWith({ sessions: [session('1', undefined)], tasks: [task('X', undefined), task('Y', undefined)] }));
    const messages = g.findings.filter((f) => f.code === 'planning-no-hours').map((f) => f.message);
    assert.deepEqual(messages, ['Session 1 states no hours: planning weighs it 0.', '2 tasks outside any item with hours state no hours and weigh 0: X, Y.']);
    const phases = md(fs.readFileSync(path.join(FIXTURES, 'phases.md'), 'utf8')).graph;
    assert.deepEqual(phases.items.filter((i) => i.kind === 'phase').map((i) => i.hours), [40, 80, 16, 40, 8]);
  });

  it('never throws on a malformed plan', () => {
    const broken = { ...planWith({}), sessions: [null, { id: 7 }], phases: undefined } as unknown as Parameters<typeof buildPlanGraph>[0];
    assert.doesNotThrow(() => buildPlanGraph(broken));
  });
});
