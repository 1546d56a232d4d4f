// Session headings as people write them: id shapes, heading levels, exact line ranges, status
// markers and percentages (clean and mojibake), metadata field forms and durations.
// Fixtures: session-ids.md, aar.md and aar-cp1252.md (aar.md saved through Windows-1252).
import * as assert from 'node:assert/strict';
import type { Plan, Session } from '../../../src/core/model';
import { asCp1252, asMacRoman, fixture, parse, sessionOf } from './markdown-helpers';

/** The one session of a small document. */
function only(text: string): Session {
  const { plan } = parse(text);
  assert.equal(plan.sessions.length, 1, `sessions: ${plan.sessions.map((s) => s.id).join(', ')}`);
  return plan.sessions[0]!;
}

describe('markdown reader: sessions', () => {
  describe('ids as written, headings of levels 1-4, exact line ranges', () => {
    const text = fixture('session-ids.md');
    let plan: Plan;
    before(() => {
      plan = parse(text).plan;
    });

    it('keeps every id exactly as written', () => {
      assert.deepEqual(
        plan.sessions.map((s) => [s.id, s.title]),
        [
          ['38', 'Level One Heading'],
          ['052B', 'Split Follow-Up'],
          ['095e', 'Lowercase Suffix'],
          ['044_PART2', 'Second Half'],
          ['2026-01-11', 'Dated Session'],
          ['20260118', 'Compact Date'],
          ['36', 'Token Burn'],
          ['024', 'Dash Separator'],
        ],
      );
      assert.equal(plan.title, 'Session Id Shapes', 'the first level-1 heading is the title, not a session');
    });

    it('ends each session on its last content line, even when the next session heading is deeper', () => {
      assert.deepEqual(
        plan.sessions.map((s) => [s.id, s.line, s.endLine]),
        [
          ['38', 3, 4],
          ['052B', 6, 8],
          ['095e', 10, 11],
          ['044_PART2', 13, 14],
          ['2026-01-11', 16, 17],
          ['20260118', 19, 20],
          ['36', 22, 23],
          ['024', 25, 27],
        ],
      );
    });

    it('reads each duration shape', () => {
      const hours = Object.fromEntries(plan.sessions.map((s) => [s.id, s.hours]));
      assert.deepEqual(hours['38'], { text: '4h', min: 4, max: 4, unit: 'hours', line: 4 });
      assert.deepEqual(hours['052B'], { text: '8-12h', min: 8, max: 12, unit: 'hours', line: 8 });
      assert.deepEqual(hours['095e'], { text: '~45 minutes', min: 0.75, max: 0.75, unit: 'minutes', approximate: true, line: 11 });
      assert.deepEqual(hours['044_PART2'], { text: '~2.5 hours (08:00-10:30 HST)', min: 2.5, max: 2.5, unit: 'hours', approximate: true, line: 14 });
      assert.deepEqual(hours['2026-01-11'], { text: '(1 day)', min: 8, max: 8, unit: 'days', line: 17 });
      assert.deepEqual(hours['20260118'], { text: '(3-5 days)', min: 24, max: 40, unit: 'days', line: 20 });
      assert.deepEqual(hours['36'], { text: '(Week 1)', line: 23 }, 'a calendar position is not a length');
      assert.equal(hours['024'], undefined);
    });

    it('reports only `(Week 1)` as an unparsed duration, at its line', () => {
      assert.deepEqual(plan.problems.map((p) => [p.code, p.severity, p.line]), [['hours-unparsed', 'info', 23]]);
    });

    it('reads a session heading at level 1 when it is not the first level-1 heading', () => {
      const s = only('# Plan\n\n# Session 77: Top Level\n\n## Objectives\n1. Do it\n');
      assert.deepEqual([s.id, s.title, s.line, s.endLine], ['77', 'Top Level', 3, 6]);
      assert.deepEqual(s.objectives, [{ text: 'Do it', line: 6 }]);
    });

    it('reads a level-4 session under deeper structure and closes it at the next level-2 heading', () => {
      const { plan: p } = parse('# P\n\n## Sessions\n\n### Week A\n\n#### Session 12: Deep\n- [ ] ok\n\n## Notes\n\ntext\n');
      assert.deepEqual(p.sessions.map((s) => [s.id, s.line, s.endLine]), [['12', 7, 8]]);
    });

    it('keeps sub-headings and the blank lines before the next session out of the range', () => {
      const text2 = ['# P', '', '## Session 1: A', '', '### Objectives', '1. x', '', '', '## Session 2: B', 'y', ''].join('\n');
      const { plan: p } = parse(text2);
      assert.deepEqual(p.sessions.map((s) => [s.id, s.line, s.endLine]), [['1', 3, 6], ['2', 9, 10]]);
    });

    it('reads `Session_12`, `Session #12` and a trailing-dot id', () => {
      assert.equal(only('# P\n## Session #12: Hash\n').id, '12');
      assert.equal(only('# P\n## Session 12. Dot\n').title, 'Dot');
      assert.equal(only('# P\n## CCW Session 7 - Workers\n').id, '7');
    });
  });

  describe('status markers and percentages in headings', () => {
    const cases: [string, string, Session['status'], number | undefined][] = [
      ['### ✅ Session 024: Sync Engine (90% Complete)', 'Sync Engine', 'done', 90],
      ['### ⚠️ Session 025: Storage (30% Complete - BLOCKED)', 'Storage', 'blocked', 30],
      ['### ⚠️ Session 026: Widgets (40% Complete - PARTIAL)', 'Widgets', 'partial', 40],
      ['### ❌ Session 027: Soak Tests (0% Complete - NOT STARTED)', 'Soak Tests', 'not-started', 0],
      ['### ⏳ Session 028: Release (30% Complete - IN PROGRESS)', 'Release', 'in-progress', 30],
      ['### Session 029: No Marker (100% Complete)', 'No Marker', 'done', 100],
      ['### Session 030: Half Way (50% Complete)', 'Half Way', 'partial', 50],
      ['### Session 031: Ticked At The End ✅', 'Ticked At The End', 'done', undefined],
      ['### ✓ Session 032: Check Mark', 'Check Mark', 'done', undefined],
      ['### 🔄 Session 033: Rolling', 'Rolling', 'in-progress', undefined],
      ['### Session 034: Plain', 'Plain', undefined, undefined],
    ];
    for (const [heading, title, status, percent] of cases) {
      it(heading, () => {
        const s = only(`# AAR\n\n${heading}\n`);
        assert.equal(s.title, title);
        assert.equal(s.status, status);
        assert.equal(s.percent, percent);
      });
    }

    // The Windows-1252 forms, built explicitly (U+0153 œ, U+2026 …, U+0161 š, U+0152 Œ): the bytes
    // 0x8F and 0x9D have no Windows-1252 character and are lost, as in real files.
    const mojibake: [string, string, Session['status']][] = [
      ['\u00e2\u0153\u2026', '✅', 'done'],
      ['\u00e2\u0161\u00a0\u00ef\u00b8', '⚠️', 'blocked'],
      ['\u00e2\u0152', '❌', 'not-started'],
      ['\u00e2\u00b3', '⏳', 'in-progress'],
    ];
    for (const [bad, good, status] of mojibake) {
      it(`reads ${JSON.stringify(bad)} as ${good}`, () => {
        const words = status === 'blocked' ? ' - BLOCKED' : status === 'not-started' ? ' - NOT STARTED' : status === 'in-progress' ? ' - IN PROGRESS' : '';
        const clean = only(`# AAR\n\n### ${good} Session 040: Title (30% Complete${words})\n`);
        const broken = only(`# AAR\n\n### ${bad} Session 040: Title (30% Complete${words})\n`);
        assert.deepEqual(broken, clean);
        assert.equal(broken.status, status);
        assert.equal(broken.title, 'Title');
        assert.equal(broken.percent, 30);
      });
    }

    it('builds the same mojibake as a byte-level Windows-1252 read of UTF-8', () => {
      assert.equal(asCp1252('✅'), '\u00e2\u0153\u2026');
      assert.equal(asCp1252('⚠️'), '\u00e2\u0161\u00a0\u00ef\u00b8');
      assert.equal(asCp1252('❌'), '\u00e2\u0152');
      assert.equal(asCp1252('⏳'), '\u00e2\u00b3');
      assert.equal(Buffer.from('✅', 'utf8').toString('latin1'), '\u00e2\u009c\u0085', 'Latin-1 differs from Windows-1252 at 0x80-0x9F');
    });
  });

  describe('an after-action review (aar.md), clean and mojibake', () => {
    const text = fixture('aar.md');
    let plan: Plan;
    before(() => {
      plan = parse(text).plan;
    });

    it('reads status and percent of each session heading', () => {
      assert.deepEqual(
        plan.sessions.map((s) => [s.id, s.title, s.status, s.percent, s.line, s.endLine]),
        [
          ['201', 'Delta Format', 'done', 90, 11, 20],
          ['202', 'Storage Layer Tests', 'blocked', 30, 24, 31],
          ['203', 'Editor Widgets', 'partial', 40, 35, 37],
          ['204', 'Sync Soak Tests', 'not-started', 0, 41, 43],
          ['205', 'Release Prep', 'in-progress', 30, 47, 50],
        ],
      );
    });

    it('reads ✅/⚠️/❌ claims on deliverables and keeps the note in the text', () => {
      assert.deepEqual(
        sessionOf(plan, '201').deliverables.map((d) => [d.claimed, d.path, d.text, d.line]),
        [
          ['done', 'sync/src/protocol/delta.ts', 'sync/src/protocol/delta.ts', 18],
          ['done', undefined, 'Updated transport routing', 19],
          ['partial', 'sync/tests/test_roundtrip.py', 'sync/tests/test_roundtrip.py (never written)', 20],
        ],
      );
      assert.deepEqual(
        sessionOf(plan, '202').deliverables.map((d) => [d.claimed, d.path, d.line]),
        [['failed', 'storage/tests/test_wal.py', 31]],
      );
    });

    it('takes no branch from `Landed on main in commit \\`a1b2c3d\\`` (a commit is not a branch)', () => {
      assert.equal(sessionOf(plan, '201').branch, undefined);
    });

    it('reads the Windows-1252 fixture into exactly the same model', () => {
      const broken = fixture('aar-cp1252.md');
      assert.ok(broken.includes('### \u00e2\u0153\u2026 Session 201'), 'the fixture holds real mojibake');
      assert.ok(broken.includes('\u00e2\u0161\u00a0\u00ef\u00b8 `sync/tests'));
      assert.equal(broken, asCp1252(text), 'the fixture is aar.md read as Windows-1252');
      assert.equal(JSON.stringify(parse(broken).plan), JSON.stringify(plan));
    });

    it('reads the Latin-1 and Mac Roman forms into the same model', () => {
      for (const broken of [asCp1252(text, 'c1'), asMacRoman(text), asMacRoman(text, 'drop')]) {
        assert.notEqual(broken, text);
        assert.equal(JSON.stringify(parse(broken).plan), JSON.stringify(plan));
      }
    });

    it('repairs the arrow in prose too (`â†’` for →)', () => {
      assert.ok(asCp1252(text).includes('77% \u00e2\u2020\u2019 85%'));
    });
  });

  describe('metadata field forms', () => {
    const forms = [
      '**Duration:** 3 hours\n**Branch:** `feat/x`',
      '**Duration**: 3 hours\n**Branch**: `feat/x`',
      '> **Duration:** 3 hours\n> **Branch:** `feat/x`',
      '- **Duration:** 3 hours\n- **Branch:** `feat/x`',
      '**Duration:** 3 hours | **Branch:** `feat/x`',
      '> **Duration:** 3 hours | **Branch:** `feat/x`',
    ];
    for (const form of forms) {
      it(JSON.stringify(form), () => {
        const s = only(`# P\n\n## Session 5: Fields\n\n${form}\n`);
        assert.deepEqual(s.hours, { text: '3 hours', min: 3, max: 3, unit: 'hours', line: 5 });
        assert.equal(s.branch, 'feat/x');
      });
    }

    it('reads three fields on one line', () => {
      const s = only('# P\n## Session 6: Many\n**Duration:** 2h | **Agents:** 2 (PLANNER, CODER) | **Branch:** `six`\n');
      assert.equal(s.hours?.max, 2);
      assert.deepEqual(s.agents.map((a) => a.role), ['PLANNER', 'CODER']);
      assert.equal(s.branch, 'six');
    });

    it('does not take bold words inside a value for another field', () => {
      const s = only('# P\n## Session 7: Bold\n**Duration:** 2 hours, **not** a field\n');
      assert.equal(s.hours?.text, '2 hours, not a field');
      assert.equal(s.hours?.max, 2);
    });

    it('keeps the first duration when a session states two', () => {
      const s = only('# P\n## Session 8: Twice\n**Duration:** 2 hours\n**Time:** 5 hours\n');
      assert.deepEqual([s.hours?.text, s.hours?.line], ['2 hours', 3]);
    });

    it('reads a bare branch name, and no branch from a commit hash', () => {
      assert.equal(only('# P\n## Session 9: B\n**Branch:** feature/plain-name\n').branch, 'feature/plain-name');
      assert.equal(only('# P\n## Session 9: B\n**Branch:** `0123abc`\n').branch, undefined);
    });

    it('reads `**Status:**` only when the heading gives none', () => {
      assert.equal(only('# P\n## Session 10: S\n**Status:** BLOCKED\n').status, 'blocked');
      assert.equal(only('# P\n## ✅ Session 10: S\n**Status:** PARTIAL\n').status, 'done');
    });

    it('reports a non-numeric duration as info at the field line and keeps the text', () => {
      const { plan, problems } = parse('# P\n\n## Session 11: Vague\n\n\n**Duration:** Session execution\n');
      assert.deepEqual(plan.sessions[0]!.hours, { text: 'Session execution', line: 6 });
      assert.deepEqual(
        problems.map((p) => [p.code, p.severity, p.line, p.column]),
        [['hours-unparsed', 'info', 6, 1]],
      );
    });
  });

  describe('session contents', () => {
    it('reads `**Objectives:**` and `**Deliverables:**` bold labels as sections', () => {
      const text = [
        '# P',
        '## Session 12: Labels',
        '**Objectives:**',
        '1. First aim',
        '**Deliverables:**',
        '- `src/a.ts`',
        '- [x] `src/b.ts`',
        '',
      ].join('\n');
      const s = only(text);
      assert.deepEqual(s.objectives, [{ text: 'First aim', line: 4 }]);
      assert.deepEqual(s.deliverables.map((d) => [d.path, d.claimed, d.line]), [['src/a.ts', undefined, 6], ['src/b.ts', 'done', 7]]);
      assert.deepEqual(s.criteria, [], 'a ticked deliverable is not a criterion');
    });

    it('reads one deliverable per path when an item names several', () => {
      const s = only('# P\n## Session 13: Two\n### Deliverables\n- `a/one.ts` and `a/two.ts`\n');
      assert.deepEqual(s.deliverables.map((d) => [d.path, d.text]), [['a/one.ts', 'a/one.ts and a/two.ts'], ['a/two.ts', 'a/one.ts and a/two.ts']]);
    });

    it('reads dependencies from a list item and from prose', () => {
      const s = only('# P\n## Session 14: Deps\n- Requires Session 12 and Session 13\n');
      assert.deepEqual(s.dependsOn, ['12', '13']);
      const t = only('# P\n## Session 15: Deps\nThis depends on Session 052B.\n');
      assert.deepEqual(t.dependsOn, ['052B']);
      const u = only('# P\n## Session 16: Deps\n### Dependencies\n- Session 14\n- Session 15\n');
      assert.deepEqual(u.dependsOn, ['14', '15']);
    });

    it('reads terminal lines in an allocation section written without bold', () => {
      const s = only('# P\n## Session 17: T\n### Terminal Allocation\n- Terminals 1-2: Parsers (tasks 1-4)\n- Terminal 3: Docs\n');
      assert.deepEqual(s.terminals, [
        { from: 1, to: 2, label: 'Parsers', tasks: { from: 1, to: 4 }, line: 4 },
        { from: 3, to: 3, label: 'Docs', line: 5 },
      ]);
    });

    it('reads a task table inside a session into the session', () => {
      const s = only('# P\n## Session 18: Tasks\n| # | Task | File |\n|---|---|---|\n| 1 | Parse | `p.ts` |\n');
      assert.deepEqual(s.tasks, [{ id: '1', title: 'Parse', files: ['p.ts'], dependsOn: [], line: 5 }]);
    });
  });
  describe('paths with spaces', () => {
    const text = [
      '## Session 7: Field Notes', // 1
      '',
      '**Deliverables:** `docs/Field Notes.md`', // 3
      '',
      '### Deliverables', // 5
      '- `assets/Screen Shot.png`', // 6
      '- [x] `docs/Field Reports/`', // 7
      '- `npm run notes`', // 8: a command, kept as text
      '- Notes in `docs/Design Notes.md`', // 9: prose around the span, read as before
      '',
      '| # | Task | File |', // 11
      '|---|---|---|',
      '| 1 | Draft | `docs/Field Notes.md` |', // 13
      '| 2 | Run | `make field notes` |', // 14
    ].join('\n');
    const s = parse(text).plan.sessions[0]!;

    it('reads a deliverable written as one code span with spaces as a path', () => {
      assert.deepEqual(
        s.deliverables.map((d) => [d.line, d.text, d.path, d.isFolder, d.claimed]),
        [
          [3, 'docs/Field Notes.md', 'docs/Field Notes.md', false, undefined],
          [6, 'assets/Screen Shot.png', 'assets/Screen Shot.png', false, undefined],
          [7, 'docs/Field Reports/', 'docs/Field Reports/', true, 'done'],
          [8, 'npm run notes', undefined, false, undefined],
          [9, 'Notes in docs/Design Notes.md', undefined, false, undefined],
        ],
      );
    });

    it('reads a task table file cell written that way as the task file', () => {
      assert.deepEqual(s.tasks.map((t) => [t.id, t.files]), [['1', ['docs/Field Notes.md']], ['2', []]]);
    });
  });
});
