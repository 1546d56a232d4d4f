// The injection grammar scopes plan markers inside markdown and leaves markdown's own scopes alone.
// It is tokenized over a stand-in markdown grammar (test/fixtures/grammar) the way VS Code loads an
// injection (`injectTo` → getInjections), and the exact extent of each scope is asserted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as oniguruma from 'vscode-oniguruma';
import { TEXT_ARBITRARIES } from '../property/arbitraries';
import { INJECTION_PATH, markdownGrammar, tokenizeDocument, type TokenizedLine } from './tokenize';

const PLAN = path.resolve(__dirname, '../../fixtures/grammar/plan.md');

interface RawRule {
  name?: string;
  match?: string;
  include?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
}
interface RawGrammar extends RawRule {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, RawRule>;
}

const raw = JSON.parse(fs.readFileSync(INJECTION_PATH, 'utf8')) as RawGrammar;

function rules(rule: RawRule): RawRule[] {
  return [rule, ...(rule.patterns ?? []).flatMap(rules), ...Object.values(rule.captures ?? {}).flatMap(rules)];
}
const allRules = [...(raw.patterns ?? []), ...Object.values(raw.repository)].flatMap(rules);

const isMarathon = (scope: string) => scope.endsWith('.marathon');

describe('grammar: marathon injection', function () {
  let doc: TokenizedLine[];

  before(async function () {
    doc = await tokenizeDocument(fs.readFileSync(PLAN, 'utf8'));
  });

  function line(text: string): TokenizedLine {
    const found = doc.find((l) => l.text === text);
    if (!found) throw new Error(`fixture has no line ${JSON.stringify(text)}`);
    return found;
  }

  /** The text of the run of tokens carrying `scope` around the `nth` occurrence of `sub`, or undefined. */
  function extent(text: string, sub: string, scope: string, nth = 0): string | undefined {
    const l = line(text);
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = l.text.indexOf(sub, at + 1);
      if (at < 0) throw new Error(`${JSON.stringify(sub)} (#${nth + 1}) not in ${JSON.stringify(text)}`);
    }
    let i = l.tokens.findIndex((t) => t.start <= at && at < t.end);
    if (!l.tokens[i]?.scopes.includes(scope)) return undefined;
    let j = i;
    while (i > 0 && l.tokens[i - 1]!.scopes.includes(scope)) i--;
    while (j < l.tokens.length - 1 && l.tokens[j + 1]!.scopes.includes(scope)) j++;
    return l.text.slice(l.tokens[i]!.start, l.tokens[j]!.end);
  }

  /** `sub` (its `nth` occurrence in the line) carries `scope`, exactly: no more, no less. */
  function expectScope(text: string, sub: string, scope: string, nth = 0): void {
    assert.equal(extent(text, sub, scope, nth), sub, `${scope} on ${JSON.stringify(sub)} in ${JSON.stringify(text)}`);
  }

  /** Marathon scopes on the characters of `sub` (the whole line when omitted). */
  function marathonScopes(text: string, sub = text): string[] {
    const l = line(text);
    const at = l.text.indexOf(sub);
    if (at < 0) throw new Error(`${JSON.stringify(sub)} not in ${JSON.stringify(text)}`);
    const end = at + sub.length;
    const found = l.tokens.filter((t) => t.start < end && t.end > at).flatMap((t) => t.scopes.filter(isMarathon));
    return [...new Set(found)];
  }

  describe('the grammar file', function () {
    it('is an injection into markdown paragraphs, headings and tables, never into comments', function () {
      assert.equal(raw.scopeName, 'marathon.injection');
      const parts = raw.injectionSelector.split(',').map((s) => s.trim());
      assert.deepEqual(parts, [
        'L:meta.paragraph.markdown - comment',
        'L:markup.heading.markdown - comment',
        'L:markup.table.markdown - comment',
      ]);
    });

    it('names only standard scopes, each suffixed .marathon', function () {
      const roots = ['meta.', 'keyword.', 'constant.', 'entity.name.', 'markup.', 'support.type.', 'punctuation.', 'string.other.'];
      const names = allRules.flatMap((r) => (r.name ?? '').split(' ').filter(Boolean));
      assert.ok(names.length > 20);
      for (const name of names) {
        assert.ok(isMarathon(name), name);
        assert.ok(roots.some((r) => name.startsWith(r)), name);
      }
    });

    it('every regex compiles in Oniguruma and every include resolves', async function () {
      await markdownGrammar(); // loads the wasm
      const sources = allRules.flatMap((r) => (r.match === undefined ? [] : [r.match]));
      assert.ok(sources.length > 15);
      for (const source of sources) assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), source);
      for (const r of allRules) {
        if (r.include !== undefined) assert.ok(r.include.slice(1) in raw.repository, r.include);
      }
    });

    it('every repository rule is used', function () {
      const used = new Set(allRules.flatMap((r) => (r.include === undefined ? [] : [r.include.slice(1)])));
      assert.deepEqual(Object.keys(raw.repository).filter((k) => !used.has(k)), []);
    });
  });

  describe('session, phase and stream headings', function () {
    it('scopes the keyword and id of a session heading, leaving the title to markdown', function () {
      const h = '## Session 024: Rotation Templates';
      expectScope(h, 'Session', 'keyword.other.session.marathon');
      expectScope(h, '024', 'constant.numeric.session-id.marathon');
      expectScope(h, 'Session 024', 'meta.heading.session.marathon');
      assert.deepEqual(marathonScopes(h, ': Rotation Templates'), []);
      expectScope(h, 'Session 024: Rotation Templates', 'entity.name.section.markdown');
      expectScope(h, '## Session 024: Rotation Templates', 'markup.heading.markdown');
      expectScope(h, '##', 'punctuation.definition.heading.markdown');
    });

    it('takes the status marker in front and the percentage behind', function () {
      const h = '### ✅ Session 052B: Swap Sync (90% Complete)';
      expectScope(h, '✅ Session 052B', 'meta.heading.session.marathon');
      expectScope(h, '✅', 'markup.inserted.status.done.marathon');
      expectScope(h, '052B', 'constant.numeric.session-id.marathon');
      expectScope(h, '90%', 'constant.numeric.percentage.marathon');
      expectScope(h, '%', 'keyword.other.unit.marathon');
      expectScope(h, '✅ Session 052B: Swap Sync (90% Complete)', 'entity.name.section.markdown');
    });

    it('reads mojibake status markers and other ids: 095e, a date, 045', function () {
      const warn = '### âš ï¸ Session 095e: Frontend Coverage (40% Complete - PARTIAL)';
      expectScope(warn, 'âš ï¸', 'markup.changed.status.warning.marathon');
      expectScope(warn, '095e', 'constant.numeric.session-id.marathon');
      expectScope('### ❌ Session 027: E2E Scenarios (0% Complete - NOT STARTED)', '❌', 'markup.deleted.status.failed.marathon');
      expectScope('### âŒ Session 028: Mojibake Failed', 'âŒ', 'markup.deleted.status.failed.marathon');
      expectScope('## Session 2026-01-11 — Dated Night Session', '2026-01-11', 'constant.numeric.session-id.marathon');
      expectScope('## Session 045 Handoff', '045', 'constant.numeric.session-id.marathon');
    });

    it('is no session without an id, nor in prose', function () {
      assert.deepEqual(marathonScopes('## Installation'), []);
      assert.deepEqual(marathonScopes('## Session Handoff Protocol'), []);
      assert.deepEqual(marathonScopes('The next Session 024 depends on Session 023 and Phase 1.'), []);
    });

    it('scopes phases, including a marker in front and a duration or window behind', function () {
      const p0 = '## Phase 0: Unblock (1 day)';
      expectScope(p0, 'Phase', 'keyword.other.phase.marathon');
      expectScope(p0, '0', 'constant.numeric.phase-id.marathon');
      expectScope(p0, '1 day', 'constant.numeric.duration.marathon');
      expectScope('## Phase 2: Data Mutation Safety (3-5 days)', '3-5 days', 'constant.numeric.duration.marathon');
      const p3 = '### 🔴 PHASE 3: HARDENING (Weeks 4-6)';
      expectScope(p3, 'PHASE', 'keyword.other.phase.marathon');
      expectScope(p3, '3', 'constant.numeric.phase-id.marathon');
      expectScope(p3, 'Weeks 4-6', 'constant.numeric.window.marathon');
      expectScope(p3, 'Weeks', 'keyword.other.unit.marathon');
    });

    it('a phase needs a separator after its id, as the reader does', function () {
      const h = '### Phase 1 Success (Week 3)';
      assert.equal(extent(h, 'Phase', 'keyword.other.phase.marathon'), undefined);
      expectScope(h, 'Week 3', 'constant.numeric.window.marathon');
    });

    it('scopes streams and their declared task count', function () {
      const s = '## Stream A: Tool Completion (30 Tasks)';
      expectScope(s, 'Stream', 'keyword.other.stream.marathon');
      expectScope(s, 'A', 'constant.numeric.stream-id.marathon');
      expectScope(s, '30', 'constant.numeric.task-count.marathon');
      expectScope(s, 'Tasks', 'keyword.other.unit.marathon');
      expectScope('## Stream B — Service Tests', 'B', 'constant.numeric.stream-id.marathon');
    });

    it('scopes terminal headings and bold terminal lines', function () {
      const h = '#### Terminal 9: Scheduling Guide';
      expectScope(h, 'Terminal', 'keyword.other.terminal.marathon');
      expectScope(h, '9', 'constant.numeric.terminal.marathon');
      const b = '**Terminal 5: Swap Checks (10 tasks)**';
      expectScope(b, '5', 'constant.numeric.terminal.marathon');
      expectScope(b, '10', 'constant.numeric.task-count.marathon');
      expectScope(b, '**', 'punctuation.definition.bold.markdown');
    });

    it('scopes a task heading id', function () {
      expectScope('### DEBT-001: Remove dead export helpers', 'DEBT-001', 'entity.name.tag.task-id.marathon');
    });
  });

  describe('fields', function () {
    it('scopes a **Field:** label, keeping it bold', function () {
      const f = '**Duration:** 4 hours';
      expectScope(f, 'Duration', 'support.type.property-name.marathon');
      expectScope(f, '**Duration:**', 'markup.bold.marathon');
      expectScope(f, '**', 'punctuation.definition.bold.marathon');
      expectScope(f, ':', 'punctuation.separator.key-value.marathon');
      expectScope(f, '4 hours', 'constant.numeric.duration.marathon');
      expectScope(f, 'hours', 'keyword.other.unit.marathon');
      expectScope('**Agents:** 3 (ARCHITECT, TOOLSMITH, QA_TESTER)', 'Agents', 'support.type.property-name.marathon');
      expectScope('**Status**: ⏳ queued', 'Status', 'support.type.property-name.marathon');
      expectScope('**Status**: ⏳ queued', '⏳', 'markup.changed.status.in-progress.marathon');
      expectScope('> **Purpose:** exercise every plan marker the injection grammar scopes', 'Purpose', 'support.type.property-name.marathon');
    });

    it('scopes terminal ranges in labels and task ranges after them', function () {
      const t = '- **Terminals 1-3:** Template tools (tasks 1-10)';
      expectScope(t, '**Terminals 1-3:**', 'markup.bold.marathon');
      expectScope(t, '1-3', 'constant.numeric.range.marathon');
      expectScope(t, '1-10', 'constant.numeric.range.marathon');
      expectScope('- **Terminal 4:** Docs (tasks 11-20)', '4', 'constant.numeric.range.marathon');
    });

    it('scopes branch names, in backticks or bare, but not a sentence', function () {
      const b = '**Branch:** `claude/session-024-rotation`';
      expectScope(b, 'Branch', 'support.type.property-name.marathon');
      expectScope(b, 'claude/session-024-rotation', 'string.other.link.branch.marathon');
      expectScope(b, '`', 'punctuation.definition.raw.marathon');
      expectScope('> **Branch:** `claude/tidewater-plan`', 'claude/tidewater-plan', 'string.other.link.branch.marathon');
      expectScope('**Branch:** main', 'main', 'string.other.link.branch.marathon');
      const merged = '**Branch:** Merged to main via commit `f790052`';
      expectScope(merged, 'Branch', 'support.type.property-name.marathon');
      assert.deepEqual(marathonScopes(merged, ' Merged to main via commit `f790052`'), []);
      expectScope(merged, '`f790052`', 'markup.inline.raw.string.markdown');
    });

    it('leaves bold text without a field colon to markdown', function () {
      const t = 'This is **Note: not a field** even with a colon inside.';
      assert.deepEqual(marathonScopes(t), []);
      expectScope(t, '**Note: not a field**', 'markup.bold.markdown');
    });
  });

  describe('durations, windows, percentages, task ids, transitions', function () {
    it('scopes durations as people write them', function () {
      expectScope('2. Close DEBT-004 and FIX-006 (~3 hours)', '~3 hours', 'constant.numeric.duration.marathon');
      expectScope('- [x] T012 passes in 8-12h of soak time', '8-12h', 'constant.numeric.duration.marathon');
      expectScope('- [x] T012 passes in 8-12h of soak time', 'h', 'keyword.other.unit.marathon');
      expectScope('**Duration:** ~45 minutes (Week 1)', '~45 minutes', 'constant.numeric.duration.marathon');
      expectScope('Day 2: review what shipped — about 2.5 hours of it → merged.', 'about 2.5 hours', 'constant.numeric.duration.marathon');
    });

    it('scopes calendar windows', function () {
      expectScope('**Duration:** ~45 minutes (Week 1)', 'Week 1', 'constant.numeric.window.marathon');
      expectScope('Hour 0-4: Session 024 (Rotation)', 'Hour 0-4', 'constant.numeric.window.marathon');
      expectScope('Day 2: review what shipped — about 2.5 hours of it → merged.', 'Day 2', 'constant.numeric.window.marathon');
    });

    it('scopes percentages and transitions', function () {
      const o = '1. Get template tools from 62% → 100%';
      expectScope(o, '62%', 'constant.numeric.percentage.marathon');
      expectScope(o, '100%', 'constant.numeric.percentage.marathon');
      expectScope(o, '→', 'keyword.operator.transition.marathon');
      const arrows = 'a -> b is a transition, a->b is not.';
      expectScope(arrows, '->', 'keyword.operator.transition.marathon');
      assert.equal(extent(arrows, '->', 'keyword.operator.transition.marathon', 1), undefined);
    });

    it('scopes task ids: DEBT-004, FIX-006, T012', function () {
      expectScope('2. Close DEBT-004 and FIX-006 (~3 hours)', 'DEBT-004', 'entity.name.tag.task-id.marathon');
      expectScope('2. Close DEBT-004 and FIX-006 (~3 hours)', 'FIX-006', 'entity.name.tag.task-id.marathon');
      expectScope('- [x] T012 passes in 8-12h of soak time', 'T012', 'entity.name.tag.task-id.marathon');
    });

    it('prose numbers, dates, versions and standards are none of these', function () {
      assert.deepEqual(marathonScopes('Fixed 3 bugs in 12 files on 2025-01-02 across 2 repos, version 2.1, 40 tasks total.'), []);
      assert.deepEqual(marathonScopes('Hashes use SHA-256 and UTF-8; the COVID-19 and ISO-8601 notes stay as they are.'), []);
    });
  });

  describe('status markers and checkboxes', function () {
    it('scopes list checkboxes, checked and not, at any list depth or quoted', function () {
      const open = '- [ ] All 20 tools return typed errors with `ErrorCode`';
      expectScope(open, '[ ]', 'constant.language.checkbox.unchecked.marathon');
      expectScope(open, '`ErrorCode`', 'markup.inline.raw.string.markdown');
      expectScope(open, '-', 'punctuation.definition.list.begin.markdown');
      assert.deepEqual(marathonScopes(open, 'All 20 tools'), []);
      expectScope('- [x] T012 passes in 8-12h of soak time', '[x]', 'constant.language.checkbox.checked.marathon');
      expectScope('  - [X] nested criterion done', '[X]', 'constant.language.checkbox.checked.marathon');
      expectScope('* [ ] star bullet criterion', '[ ]', 'constant.language.checkbox.unchecked.marathon');
      expectScope('> - [ ] quoted criterion', '[ ]', 'constant.language.checkbox.unchecked.marathon');
    });

    it('scopes markers in tables, leaving cell markdown alone', function () {
      const header = '| # | Task | File | Status → Target |';
      expectScope(header, '→', 'keyword.operator.transition.marathon');
      const row1 = '| 1 | DEBT-002 cleanup | `a.py` | Partial → Full ✅ |';
      expectScope(row1, 'DEBT-002', 'entity.name.tag.task-id.marathon');
      expectScope(row1, '✅', 'markup.inserted.status.done.marathon');
      expectScope(row1, '`a.py`', 'markup.inline.raw.string.markdown');
      const row2 = '| 2 | Check **totals** | `b.py` | Partial â†’ Full âœ… |';
      expectScope(row2, '**totals**', 'markup.bold.markdown');
      expectScope(row2, 'â†’', 'keyword.operator.transition.marathon');
      expectScope(row2, 'âœ…', 'markup.inserted.status.done.marathon');
      const row3 = '| [x] | T3 rotation | | 🔄 |';
      expectScope(row3, '[x]', 'constant.language.checkbox.checked.marathon');
      expectScope(row3, 'T3', 'entity.name.tag.task-id.marathon');
      expectScope(row3, '🔄', 'markup.changed.status.in-progress.marathon');
      assert.deepEqual(marathonScopes('|---|------|------|-----------------|'), []);
    });
  });

  describe('what stays markdown', function () {
    it('code spans, fenced code and HTML comments are never scoped', function () {
      const t = 'Plain **bold words** and `DEBT-009 4 hours 90%` stay markdown.';
      assert.deepEqual(marathonScopes(t), []);
      expectScope(t, '**bold words**', 'markup.bold.markdown');
      for (const l of ['DEBT-003 takes 4 hours → 90% ✅', '**Branch:** `not-a-branch`', '## Session 099: inside a fence']) {
        assert.deepEqual(marathonScopes(l), [], l);
        expectScope(l, l, 'markup.fenced_code.block.markdown');
      }
      assert.deepEqual(marathonScopes('<!-- DEBT-010 4 hours in a comment -->'), []);
    });

    it('the lines after the fence are tokenized as markdown again', function () {
      const after = doc.findIndex((l) => l.text === '<!-- DEBT-010 4 hours in a comment -->');
      assert.ok(after > 0);
      assert.ok(doc[after]!.tokens.every((t) => !t.scopes.includes('markup.fenced_code.block.markdown')));
    });
  });

  describe('property', function () {
    for (const [name, arb] of TEXT_ARBITRARIES) {
      it(`${name}: tokenizing never throws and the tokens tile each line`, async function () {
        await markdownGrammar();
        await fc.assert(
          fc.asyncProperty(arb, async (text) => {
            for (const l of await tokenizeDocument(text)) {
              let at = 0;
              for (const t of l.tokens) {
                assert.equal(t.start, at);
                assert.ok(t.end > t.start || l.text.length === 0);
                at = t.end;
              }
              assert.ok(at >= l.text.length);
            }
          }),
          { numRuns: 150 },
        );
      });
    }
  });
});
