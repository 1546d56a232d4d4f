// The markdown reader on the canonical plan shape: metadata, overview table, sessions with
// duration, branch, agents, objectives, terminal allocation, criteria and deliverables, an
// execution timeline in a fence and risk mitigations. Fixture: test/fixtures/markdown/canonical.md.
import * as assert from 'node:assert/strict';
import type { Plan } from '../../../src/core/model';
import { fixture, lineOf, parse, sessionOf } from './markdown-helpers';

describe('markdown reader: the canonical plan', () => {
  const text = fixture('canonical.md');
  let plan: Plan;
  before(() => {
    plan = parse(text).plan;
  });

  describe('plan metadata', () => {
    it('reads title, purpose and created date from the heading and blockquote fields', () => {
      assert.equal(plan.format, 'markdown');
      assert.equal(plan.title, '24-Hour Marathon: 5-Session Build Plan for Quillmate');
      assert.equal(plan.purpose, 'Ship the Quillmate note-sync engine in one long weekend');
      assert.equal(plan.created, '2026-02-14');
    });

    it('reads `**Total:** 24 hours, 13 agent spawns, 40 CCW tasks` as 24 hours and 40 tasks', () => {
      assert.deepEqual(plan.totalHours, { text: '24 hours', min: 24, max: 24, unit: 'hours', line: lineOf(text, '**Total:**') });
      assert.equal(plan.totalTasks, 40);
    });

    it('reads the terminal count from `8 CCW terminals` in a metadata field', () => {
      assert.equal(plan.terminalCount, 8);
    });

    it('reads the overview table rows, skipping the bold total row', () => {
      assert.deepEqual(
        plan.overview.map((r) => [r.session, r.title, r.hours?.min, r.hours?.max, r.line]),
        [
          ['101', 'Sync Protocol', 4, 4, 14],
          ['102', 'Storage Layer Tests', 3, 4, 15],
          ['103', 'Editor Widgets', 5, 5, 16],
          ['104', 'Release Prep', 4, 4, 17],
        ],
      );
      assert.equal(plan.overview[2]!.hours?.approximate, true, '`~5` is approximate');
    });

    it('finds the four sessions in order, and no session in the fenced `## Session 999` line', () => {
      assert.deepEqual(plan.sessions.map((s) => s.id), ['101', '102', '103', '104']);
      assert.deepEqual(plan.streams, []);
      assert.deepEqual(plan.phases, []);
    });

    it('reports exactly one problem: the unparsed duration of session 104', () => {
      assert.deepEqual(
        plan.problems.map((p) => [p.code, p.severity, p.line]),
        [['hours-unparsed', 'info', lineOf(text, '**Duration:** Until everything is merged')]],
      );
      assert.match(plan.problems[0]!.message, /Until everything is merged/);
    });
  });

  describe('session 101', () => {
    it('spans from its heading to its last content line (the `---` rule is not content)', () => {
      const s = sessionOf(plan, '101');
      assert.equal(s.title, 'Sync Protocol');
      assert.equal(s.line, 24);
      assert.equal(s.endLine, 58);
    });

    it('reads duration, the backticked branch and a numbered agents list', () => {
      const s = sessionOf(plan, '101');
      assert.deepEqual(s.hours, { text: '4 hours', min: 4, max: 4, unit: 'hours', line: 26 });
      assert.equal(s.branch, 'quill/session-101-sync-protocol');
      assert.deepEqual(s.agents, [
        { role: 'ARCHITECT', count: 1 },
        { role: 'TOOLSMITH', count: 1 },
        { role: 'QA_TESTER', count: 1 },
      ]);
    });

    it('reads the numbered objectives with their lines', () => {
      assert.deepEqual(sessionOf(plan, '101').objectives, [
        { text: 'Define the delta format for note revisions', line: 31 },
        { text: 'Wire the push and pull handlers', line: 32 },
        { text: 'Prove round-trips with a conformance suite', line: 33 },
      ]);
    });

    it('reads `**Terminals 1-3:** … (tasks 1-10)` and `**Terminal 4:** … (task 11)`', () => {
      assert.deepEqual(sessionOf(plan, '101').terminals, [
        { from: 1, to: 3, label: 'Core sync handlers', tasks: { from: 1, to: 10 }, line: 36 },
        { from: 4, to: 4, label: 'Conflict resolver', tasks: { from: 11, to: 11 }, line: 37 },
        { from: 5, to: 6, label: 'Transport adapters', tasks: { from: 12, to: 20 }, line: 38 },
      ]);
    });

    it('reads `- [ ]`, `- [x]` and a nested `- [X]` with the column of `[` for write-back', () => {
      const criteria = sessionOf(plan, '101').criteria;
      assert.deepEqual(criteria, [
        { text: 'Deltas survive a round trip', done: false, line: 48, column: 3 },
        { text: 'Push handler rejects stale revisions', done: true, line: 49, column: 3 },
        { text: 'Nested check stays a criterion', done: true, line: 50, column: 5 },
      ]);
      const lines = text.split('\n');
      for (const c of criteria) assert.equal(lines[c.line - 1]![c.column - 1], '[', `column of line ${c.line}`);
    });

    it('reads deliverables: a path, a glob, a folder, placeholders and an item with no path', () => {
      const d = sessionOf(plan, '101').deliverables;
      assert.deepEqual(
        d.map((x) => [x.path, x.isGlob, x.isFolder, x.isPlaceholder, x.line]),
        [
          ['sync/src/protocol/delta.ts', false, false, false, 53],
          ['editor/__tests__/widgets/*.test.tsx', true, false, false, 54],
          ['sync/fixtures/', false, true, false, 55],
          ['db/migrations/YYYYMMDD_add_revisions.py', false, false, true, 56],
          ['PR #XXX', false, false, true, 57],
          [undefined, false, false, false, 58],
        ],
      );
      assert.equal(d[0]!.text, 'Updated sync/src/protocol/delta.ts');
      assert.equal(d[4]!.text, 'PR #XXX against main for the protocol');
      assert.equal(d[5]!.text, 'Timing numbers kept in the team notes');
      assert.ok(!('path' in d[5]!), 'an item with no path has no path key');
      assert.ok(d.every((x) => x.claimed === undefined), 'a plan claims no status for its deliverables');
    });

    it('does not read the Agent Work fence as structure', () => {
      const s = sessionOf(plan, '101');
      assert.deepEqual(s.tasks, []);
      assert.ok(!plan.sessions.some((x) => x.id === '999'));
    });
  });

  describe('sessions 102-104', () => {
    it('reads `~3 hours`, `(QA_TESTER × 3, parallel)` and `**Depends on:** Session 101`', () => {
      const s = sessionOf(plan, '102');
      assert.deepEqual(s.hours, { text: '~3 hours', min: 3, max: 3, unit: 'hours', approximate: true, line: 64 });
      assert.deepEqual(s.agents, [{ role: 'QA_TESTER', count: 3 }]);
      assert.deepEqual(s.dependsOn, ['101']);
      assert.deepEqual([s.line, s.endLine], [62, 78]);
    });

    it('reads `3-4 hours` as a range', () => {
      const s = sessionOf(plan, '103');
      assert.deepEqual(s.hours, { text: '3-4 hours', min: 3, max: 4, unit: 'hours', line: 84 });
      assert.deepEqual([s.line, s.endLine], [82, 89]);
    });

    it('keeps a non-numeric duration as text only, and no branch from prose', () => {
      const s = sessionOf(plan, '104');
      assert.deepEqual(s.hours, { text: 'Until everything is merged', line: 95 });
      assert.equal(s.branch, undefined, '"Fold every session branch into main" is not a branch name');
      assert.equal(s.agents.length, 5);
      assert.deepEqual([s.line, s.endLine], [93, 100]);
    });
  });

  describe('metadata in other shapes', () => {
    it('reads `10 CCW terminals`, `**Terminals:** 12` and `**Total:** 36 hours, …, 100 CCW tasks`', () => {
      const a = parse('# P\n**Workers:** up to 10 CCW terminals at once\n**Total:** 36 hours, 25 agent spawns, 100 CCW tasks\n').plan;
      assert.deepEqual([a.terminalCount, a.totalHours?.max, a.totalTasks], [10, 36, 100]);
      assert.equal(parse('# P\n**Terminals:** 12\n').plan.terminalCount, 12);
    });

    it('reads `**Created**: date` and keeps the first of two purposes', () => {
      const { plan: p } = parse('# P\n**Created**: 2026-05-01\n**Purpose:** first\n**Goal:** second\n');
      assert.deepEqual([p.created, p.purpose], ['2026-05-01', 'first']);
    });

    it('ignores metadata-looking fields in deeper sections and inside sessions', () => {
      const { plan: p } = parse('# P\n## What If\n### Two Instances\n**Total:** 8 weeks\n## Session 1: A\n**Total:** 99 hours\n');
      assert.equal(p.totalHours, undefined);
    });
  });

  describe('after the sessions', () => {
    it('reads the `Hour a-b:` timeline inside a fence, with the sessions it names', () => {
      assert.deepEqual(plan.timeline, [
        { window: { unit: 'hour', from: 0, to: 4 }, label: 'Session 101 (Sync Protocol)', sessions: ['101'], line: 107 },
        { window: { unit: 'hour', from: 4, to: 8 }, label: 'Session 102 (Storage Tests)', sessions: ['102'], line: 108 },
        { window: { unit: 'hour', from: 8, to: 12 }, label: 'Session 103 (Widgets)', sessions: ['103'], line: 109 },
        { window: { unit: 'hour', from: 12, to: 16 }, label: 'Slack time for fixes', sessions: [], line: 110 },
      ]);
    });

    it('reads each sub-heading of the risk mitigation section as a risk', () => {
      assert.deepEqual(plan.risks, [
        { text: 'If The Sync Spec Slips', line: 117 },
        { text: 'If Storage Tests Flake', line: 121 },
      ]);
    });

    it('has no never-share, context files, checkpoints, phases or plan-level tasks', () => {
      assert.deepEqual([plan.neverShare, plan.contextFiles, plan.checkpoints, plan.tasks], [[], [], [], []]);
    });
  });
});
