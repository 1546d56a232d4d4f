// Phases over weeks and days, calendar phases, dependencies in prose, go/no-go checkpoints and a
// risk register; the same document in Mac Roman mojibake. Fixture: test/fixtures/markdown/phases.md.
import * as assert from 'node:assert/strict';
import type { Phase, Plan } from '../../../src/core/model';
import { asCp1252, asMacRoman, fixture, parse } from './markdown-helpers';

function phase(plan: Plan, id: string): Phase {
  const p = plan.phases.find((x) => x.id === id);
  assert.ok(p, `phase ${id} not found; have ${plan.phases.map((x) => x.id).join(', ')}`);
  return p;
}

describe('markdown reader: phases, checkpoints and risks', () => {
  const text = fixture('phases.md');
  let plan: Plan;
  before(() => {
    plan = parse(text).plan;
  });

  it('reads the title without its emoji, and the date as created', () => {
    assert.equal(plan.title, 'DELIVERY PLAN - ARCHIVE SERVICE RESCUE');
    assert.equal(plan.created, '2026-04-02');
    assert.deepEqual(plan.problems, []);
  });

  it('reads `### 🔴 PHASE 1: EMERGENCY FIX (Weeks 1-3)` and its siblings with windows and line ranges', () => {
    assert.deepEqual(
      plan.phases.slice(0, 4).map((p) => [p.id, p.title, p.window, p.duration?.text, p.duration?.min, p.status, p.line, p.endLine]),
      [
        ['1', 'EMERGENCY FIX', { unit: 'week', from: 1, to: 3 }, '(Weeks 1-3)', undefined, undefined, 9, 17],
        ['2', 'ACCESS CONTROL', { unit: 'week', from: 4, to: 6 }, '(Weeks 4-6)', undefined, undefined, 19, 22],
        ['3', 'OPERATIONS SETUP', { unit: 'week', from: 7, to: 8 }, '(Weeks 7-8)', undefined, undefined, 24, 28],
        ['4', 'REPLICATION', { unit: 'week', from: 9, to: 16 }, '(Weeks 9-16)', undefined, undefined, 30, 33],
      ],
    );
  });

  it('does not open calendar phases for `#### Week 1:` headings inside a numbered phase', () => {
    assert.deepEqual(plan.phases.map((p) => p.id), ['1', '2', '3', '4', '5', 'Day 1-2']);
  });

  it('reads dependencies from `**Requires Phase 1 Complete**` and `**Requires Phases 1-3 Complete**`', () => {
    assert.deepEqual(phase(plan, '1').dependsOn, []);
    assert.deepEqual(phase(plan, '2').dependsOn, [], '"Planning May Start While Phase 1 Runs" is no dependency');
    assert.deepEqual(phase(plan, '3').dependsOn, ['1']);
    assert.deepEqual(phase(plan, '4').dependsOn, ['1', '2', '3']);
  });

  it('reads `## Phase 5: Hardening (Week 17)`: prose `depends on Phase 2`, and the duration field over the window', () => {
    const p = phase(plan, '5');
    assert.deepEqual(p.window, { unit: 'week', from: 17, to: 17 });
    assert.deepEqual(p.dependsOn, ['2']);
    assert.deepEqual(p.duration, { text: '3-5 days', min: 24, max: 40, unit: 'days', line: 39 });
    assert.deepEqual([p.line, p.endLine], [35, 39]);
  });

  it('reads `#### Day 1-2: Setup` outside the numbered phases as a calendar phase', () => {
    assert.deepEqual(phase(plan, 'Day 1-2'), { id: 'Day 1-2', title: 'Setup', window: { unit: 'day', from: 1, to: 2 }, dependsOn: [], line: 43, endLine: 44 });
  });

  it('does not read `### Phase 2 Success (Week 6)` (no colon) as a phase', () => {
    assert.ok(!plan.phases.some((p) => /success/i.test(p.title)));
    assert.equal(plan.phases.length, 6);
  });

  it('reads checkpoints with their week and the options of `**Decision**: A or B?`', () => {
    assert.deepEqual(plan.checkpoints, [
      { title: 'Week 1 Checkpoint', window: { unit: 'week', from: 1, to: 1 }, decision: 'Continue or Abandon?', options: ['Continue', 'Abandon'], line: 48 },
      { title: 'Week 3 Checkpoint', window: { unit: 'week', from: 3, to: 3 }, decision: 'Ship or Slip?', options: ['Ship', 'Slip'], line: 52 },
    ]);
  });

  it('reads the risk register items with the level of the heading they sit under', () => {
    assert.deepEqual(
      plan.risks.map((r) => [r.level, r.text, r.line]),
      [
        ['critical', 'Unfinished helpers turn up - dates move again', 58],
        ['critical', 'Storage format is wrong - a migration is needed', 59],
        ['moderate', 'Two teams edit one module - agree owners first', 62],
        ['low', 'Stale README - refresh at the end', 65],
      ],
    );
  });

  it('reads the Mac Roman and Windows-1252 forms of the document into the same model', () => {
    const json = JSON.stringify(plan);
    const mac = asMacRoman(text);
    assert.ok(mac.startsWith('# \uf8ff\u00fc\u00ec\u00e4 DELIVERY'), 'the emoji lost its lead byte to U+F8FF');
    assert.ok(mac.includes('\u00fc\u00ee\u00a5 PHASE 1'), '🔴 is üî¥ after the lead byte');
    for (const broken of [mac, asMacRoman(text, 'drop'), asCp1252(text), asCp1252(text, 'c1')]) {
      assert.equal(JSON.stringify(parse(broken).plan), json);
    }
  });

  describe('small shapes', () => {
    it('reads `## Phase 1: Infrastructure (Week 1)` with a window and a text-only duration', () => {
      const { plan: p } = parse('# P\n\n## Phase 1: Infrastructure (Week 1)\n');
      assert.deepEqual(p.phases[0], {
        id: '1', title: 'Infrastructure', duration: { text: '(Week 1)' }, window: { unit: 'week', from: 1, to: 1 }, dependsOn: [], line: 3, endLine: 3,
      });
    });

    it('reads `(1 day)` and `(3-5 days)` after a phase title as durations', () => {
      const { plan: p } = parse('# P\n## Phase 0: Unblock (1 day)\n## Phase 1: Build (3-5 days)\n## Phase 2a: Polish (~6 hours)\n');
      assert.deepEqual(p.phases.map((x) => [x.id, x.title, x.duration?.min, x.duration?.max, x.duration?.unit, x.window]), [
        ['0', 'Unblock', 8, 8, 'days', undefined],
        ['1', 'Build', 24, 40, 'days', undefined],
        ['2a', 'Polish', 6, 6, 'hours', undefined],
      ]);
    });

    it('keeps a parenthesis that is not a duration in the title', () => {
      const { plan: p } = parse('# P\n## Phase 3: Auth (OAuth only)\n');
      assert.equal(p.phases[0]!.title, 'Auth (OAuth only)');
      assert.equal(p.phases[0]!.duration, undefined);
    });

    it('reads a ✅ marker or COMPLETE in the title as a done phase', () => {
      const { plan: p } = parse('# P\n## ✅ Phase 1: Setup\n## Phase 2: Auth - COMPLETE\n## 🔴 Phase 3: Later\n');
      assert.deepEqual(p.phases.map((x) => [x.id, x.status]), [['1', 'done'], ['2', 'done'], ['3', undefined]]);
    });

    it('reads `**Depends on:** Phase 1, Phase 2` and a `### Dependencies` list', () => {
      const { plan: p } = parse('# P\n## Phase 3: C\n**Depends on:** Phase 1, Phase 2\n## Phase 4: D\n### Dependencies\n- Phase 3\n');
      assert.deepEqual(p.phases.map((x) => [x.id, x.dependsOn]), [['3', ['1', '2']], ['4', ['3']]]);
    });

    it('reads `## Week 2: Title` as a calendar phase and a `### Days 3-4:` heading inside it as part of it', () => {
      const { plan: p } = parse('# P\n## Week 2: Build Out\n### Days 3-4: Wiring\ntext\n## Days 5-6: Review\n');
      assert.deepEqual(p.phases.map((x) => [x.id, x.title, x.window, x.line, x.endLine]), [
        ['Week 2', 'Build Out', { unit: 'week', from: 2, to: 2 }, 2, 4],
        ['Days 5-6', 'Review', { unit: 'day', from: 5, to: 6 }, 5, 5],
      ]);
    });

    it('reads a checkpoint with a slash-separated decision', () => {
      const { plan: p } = parse('# P\n## Checkpoints\n### Week 6 Checkpoint\n**Decision:** Ship / Hold / Cut scope\n');
      assert.deepEqual(p.checkpoints.map((c) => [c.title, c.options]), [['Week 6 Checkpoint', ['Ship', 'Hold', 'Cut scope']]], 'the `## Checkpoints` heading only holds them');
    });

    it('reads `### 🔴 Critical Risks` list items as critical risks, markers removed', () => {
      const { plan: p } = parse('# P\n## Risks\n### 🔴 Critical Risks\n- ⚠️ **Data loss** - backups untested\n### High Risks\n1. Vendor outage\n');
      assert.deepEqual(p.risks, [
        { text: 'Data loss - backups untested', level: 'critical', line: 4 },
        { text: 'Vendor outage', level: 'critical', line: 6 },
      ]);
    });
  });
});
