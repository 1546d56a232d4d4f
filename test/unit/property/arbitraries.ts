// Text generators for the property tests: plain and full-Unicode strings, and "markdown-ish" and
// "YAML-ish" documents built from the fragments real plans are made of, with the damage real files
// carry (mojibake, BOM, CRLF, U+2212 minus, absurd numbers).
import fc from 'fast-check';

/** Whole lines a plan is made of, including broken and hostile variants. */
export const LINE_FRAGMENTS: readonly string[] = [
  '# 36-Hour Marathon: Plan', '# ', '#', '####', '##### Session 001: five hashes',
  '## Session 001: Title', '## Session 024B: Sub', '### Session 095e: lower', '## Session 2026-01-11: Dated',
  '## Session 99999999999999999999: huge id', '## Session : empty', '## Session 001:', '#### Session 0NN: x',
  '### ✅ Session 024: Done (90% Complete)', '### ⚠️ Session 025: Part (150% Complete)',
  '### âœ… Session 026: Mojibake (-10% Complete)', '## Session 027: Percent (NaN% Complete)',
  '## Stream A: Tools (30 Tasks)', '## Stream : (0 Tasks)', '## Phase 0: Unblock (1 day)', '## Phase 1: Build (Weeks 1-3)',
  '## Phase 2 (Week 9999999999999999999-1)', '### DEBT-001: Item', '### FIX-006: Fix', '## P0: Critical',
  '**Duration:** 4 hours', '**Duration:** 3-4 hours', '**Duration:** ~2.5 hours', '**Duration:** −2 hours',
  '**Duration:** -3 hours', '**Duration:** 4-2 hours', '**Duration:** 1e400 hours', '**Duration:** 0.5 days',
  '**Duration:** 99999999999999999999999 weeks', '**Duration:** ~16 hours (06:00–21:45 HST)', '**Duration:** Session execution',
  '**Duration:**', '**Branch:** `claude/session-024-x`', '**Branch:** `', '**Branch:** Merge all',
  '**Agents:** 3 (ARCHITECT, TOOLSMITH, QA_TESTER)', '**Agents:** 3 (QA_TESTER × 3, parallel)', '**Agents:** -1 ()',
  '**Agents:** 99999999999999999999 (X)', '**Agents:** (', '**Status:** ✅ RESOLVED (2026-01-01, PR #546)',
  '**Status:** âš ï¸ Partial', '**Depends on:** Session 023, Phase 1', '**Total:** 36 hours, 25 agent spawns, 100 CCW tasks',
  '**Total:** −1 hours', '> **Purpose:** Burn usage', '> **Created:** 2025-12-30', '> **Sessions:** 9', '**:**', '****',
  '### Objectives', '1. Get tools from 62% → 100%', '1. Get tools from 62% â†’ 100%', '99999999999999999999. Big',
  '### CCW Terminal Allocation (30 tasks)', '### CCW Terminal Allocation (-1 tasks)',
  '- **Terminals 1-3:** Core tools (tasks 1-10)', '- **Terminal 1:** One (task 94)', '- **Terminals 3-1:** Reversed (tasks 10-1)',
  '- **Terminals 1-99999999999999999999:** Huge (tasks 1-99999999999999999999)', '**Terminal 1: Core Scheduling Tools (10 tasks)**',
  '- **Terminals :** ( tasks - )', '### Success Criteria', '- [ ] Criterion', '- [x] Done', '- [X] Done', '* [ ] star',
  '  - [ ] nested', '- [ ]', '- [', '[ ] bare', '### Deliverables', '- `backend/app/x.py`', '- `frontend/**/*.test.tsx`',
  '- `docs/`', '- `YYYYMMDD_x.py`', '- PR #XXX to main', '- ✅ `done.py` — shipped', '- ❌ `missing.py`', '- `',
  '| Session | Focus | Est. Hours | Agents | CCW Tasks |', '|---------|-------|------------|--------|-----------|',
  '| 024 | MCP | 4 | 3 | 30 |', '| 025 | x | −4 | a | b |', '| | | |', '|', '||', '|-|', '| # | Task | File | Status → Target |',
  '| 1 | Task | `a.py` | Partial → Full |', '| 2 | Task | `b.py` | Partial â†’ Full |', '| 7, 9-10 | t | | |',
  '| # | Service | Test File to Create |', '| Metric | Current | Target |', '| **Total** | **4** | **18** |',
  '```', '```yaml', '~~~', '````', '    indented code', '---', '***', '___', '',
  'Hour 0-4:   Session 024 (MCP Tools)', 'Hour 4-2: Session 0', 'Day 1-2: Setup', 'Week 99999999999999999999: x',
  '## Context Files to Share', '## Files to NEVER Share', '- `.env`', '## Risk Mitigation', '- **Critical:** risk',
  '## Go/No-Go Checkpoint (Week 2)', '<!-- comment -->', '<details>', '\\# escaped', 'Session 024 depends on Session 023',
];

/** Pieces glued inside a line: mojibake, BOM, odd spaces and marks. */
export const INLINE_FRAGMENTS: readonly string[] = [
  'âœ…', 'â†’', 'âš ï¸', 'âŒ', 'Ã—', '\uFEFF', '\u2212', '\u00A0', '\u200B', '\u2028', '\u2029', '\u0085', '\t', '\r',
  '**', '`', '|', '[ ]', '(', ')', ':', '#', '>', '~', '\\', '—', '×', '→', '✅', '⚠️', '❌', '😀', '\uD800', '\uDFFF', '\0',
];

const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '');

/** A line: a fragment, a fragment with a piece spliced in, or a short random string. */
const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LINE_FRAGMENTS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...LINE_FRAGMENTS), fc.constantFrom(...INLINE_FRAGMENTS), fc.nat())
      .map(([frag, piece, at]) => {
        const i = at % (frag.length + 1);
        return frag.slice(0, i) + piece + frag.slice(i);
      }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** A document built from plan fragments, joined by a mix of LF, CRLF, CR and nothing, maybe with a BOM. */
export const markdownish: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, newline), { maxLength: 60 }))
  .map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([l, nl]) => l + nl).join(''));

const YAML_LINES: readonly string[] = [
  'title: Plan', 'format: marathon/1', 'sessions:', '  - id: "024"', '  - id: 024', '  - id: [', '    title: Tools',
  '    hours: 4', '    hours: -1', '    hours: .inf', '    hours: "3-4 hours"', '    hours: 1e400', '    branch: x',
  '    agents:', '      - role: QA', '        count: -3', '        count: 99999999999999999999', '    tasks:',
  '      - id: 1', '        title: t', '        files: [a.py, b.py]', '        dependsOn: [0]', '    criteria:',
  '      - "[ ] x"', '      - text: y', '        done: maybe', 'anchors: &a {x: 1}', 'ref: *a', 'merge:', '  <<: *a',
  'ref: *missing', '%YAML 1.2', '---', '...', '? complex', ': value', '!!binary x', '!custom x', '{', '[', '"unterminated',
  '\tsessions: tab', 'sessions: 5', 'sessions: null', 'sessions: {}', '- top', 'key: |', '  block', 'key: >-',
];

/** A YAML-shaped document, valid or not. */
export const yamlish: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...YAML_LINES) }, { weight: 1, arbitrary: line }), newline), {
    maxLength: 40,
  })
  .map((lines) => lines.map(([l, nl]) => l + nl).join(''));

/** Strings containing lone surrogates and control characters, which JS strings allow. */
export const brokenUtf16: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('#', '|', '*', '-', ' ', '\n', '`', ':'),
  ),
  maxLength: 200,
});

/** Every text arbitrary, by name. */
export const TEXT_ARBITRARIES: ReadonlyArray<readonly [string, fc.Arbitrary<string>]> = [
  ['ASCII strings', fc.string({ maxLength: 300 })],
  ['full-Unicode strings', fc.string({ unit: 'binary', maxLength: 300 })],
  ['grapheme strings', fc.string({ unit: 'grapheme', maxLength: 200 })],
  ['broken UTF-16 and control characters', brokenUtf16],
  ['markdown-ish documents', markdownish],
  ['YAML-ish documents', yamlish],
];
