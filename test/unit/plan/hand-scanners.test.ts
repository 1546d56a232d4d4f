// Property: the hand-written scans of the markdown reader (table rows, fields, checkboxes, task
// ranges, mojibake suspects) agree with the patterns they replace, on any line, and never throw.
// Each oracle below is the pattern-based code the scan replaced, kept here as its specification.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cellIs, cellTexts, loneCodeSpan, loneSpanPath, newFieldScratch, newRowSpans, pathsIn, plain, readFields, readHeading, readListItem, rowHasBracket, rowText,
  splitRow, tableCells, type HeadingLine,
} from '../../../src/core/plan/markdown/inline';
import { findTaskRange, mayBeTimeline } from '../../../src/core/plan/markdown/lines';
import { nextSuspect } from '../../../src/core/plan/mojibake';
import { readPlan } from '../../../src/core/plan';

const RUNS = 3000;

/** Lines built from the characters and pieces these scans look at. */
const piece = fc.constantFrom(
  '|', '\\|', ' ', '  ', '\t', '\u00a0', '*', '**', ':', ':**', '**:', '** :', '**   :', '>', '> ', '- ', '* ', '+ ', '1. ', '1234. ',
  '12) ', '[ ]', '[x]', '[✓]', '[]', 'x', 'Label', 'y'.repeat(40), '(', ')', 'task', 'Tasks', 'TASK', '1', '1234567', '-', '–', '−',
  '`', '→', '\u2028', 'âœ…', 'ü', '¬', '√', '(tasks ', '(Task ', '(TASKS ', 'K', 'ſ', '12', '000123', ' - ', 'Hours', 'day', 'WEEK', '/', '.py',
  'src/a.ts', ':name', '{id}', '*.md', 'YYYY',
);
const line = fc.oneof(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), fc.string({ maxLength: 40 }));

// The splits the scans replaced.
function oracleCells(line: string): string[] | undefined {
  const t = line.trim();
  if (!t.startsWith('|')) return undefined;
  const end = t.endsWith('|') && t.length > 1 ? t.length - 1 : t.length;
  const cells: string[] = [];
  let start = 1;
  for (let i = t.indexOf('|', 1); i >= 0 && i < end; i = t.indexOf('|', i + 1)) {
    if (t.charCodeAt(i - 1) === 92 && i - 1 >= 1) continue;
    cells.push(t.slice(start, i).trim());
    start = i + 1;
  }
  cells.push(t.slice(start, end).trim());
  return cells;
}

const FIELD = /\*\*([^*]{1,80}?)(?::\*\*|\*\*\s{0,2}:)[ \t]*/g;
const FIELD_HERE = new RegExp(FIELD.source, 'y');
const FIELD_PREFIX = /^\s{0,3}(?:>\s?)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?/;

function oracleFields(line: string): { label: string; value: string; column: number }[] {
  if (!line.includes('**')) return [];
  const body = line.startsWith('**') ? line : line.replace(FIELD_PREFIX, '');
  if (!body.startsWith('**')) return [];
  const offset = line.length - body.length;
  FIELD_HERE.lastIndex = 0;
  const first = FIELD_HERE.exec(body);
  if (!first) return [];
  FIELD.lastIndex = FIELD_HERE.lastIndex;
  const fields = [];
  let label = first[1]!.trim();
  let valueStart = first[0].length;
  const field = (end: number) => {
    let value = body.slice(valueStart, end);
    if (value.includes('|')) value = value.replace(/\s*\|\s*$/, '');
    return { label, value: value.trim(), column: offset + valueStart + 1 };
  };
  let m: RegExpExecArray | null;
  while ((m = FIELD.exec(body)) !== null) {
    let i = m.index - 1;
    while (i >= 0 && /\s/.test(body[i]!)) i--;
    if (body[i] !== '|') continue;
    fields.push(field(m.index));
    label = m[1]!.trim();
    valueStart = m.index + m[0].length;
  }
  fields.push(field(body.length));
  return fields;
}

const CHECKBOX = /^\[([ xX✓✔])\](?:\s+|$)/;
const TASK_RANGE = /\(\s*tasks?\s+(\d{1,6})(?:\s*[-–−]\s*(\d{1,6}))?\s*\)/i;
const TIMELINE = /^\s*(?:[-*]\s+)?(Hours?|Days?|Weeks?)\s+(\d{1,5})\s*(?:-|–|−|to)\s*(\d{1,5})\s*:\s*(.*)$/i;
const SUSPECT = /[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]|[\u201a\u00fc\u00d4\u00c3\u00e2\u221a\u00ac][\u0080-\u2265]/g;

describe('hand-written scans', () => {
  it('splitRow gives the cells of the pipe split, and cellIs compares them in place', () => {
    const spans = newRowSpans(); // reused, as the scanner does
    fc.assert(
      fc.property(line, (l) => {
        const expected = oracleCells(l);
        assert.deepEqual(tableCells(l), expected);
        if (expected === undefined) return;
        const cells = cellTexts(splitRow(l.trim(), spans));
        assert.deepEqual(cells, expected);
        cells.forEach((c, i) => assert.ok(cellIs(spans, i, c)));
        assert.ok(!cellIs(spans, cells.length, ''));
      }),
      { numRuns: RUNS },
    );
  });

  it('splitRow of a row inside a longer text gives the cells of the row on its own', () => {
    const spans = newRowSpans();
    fc.assert(
      fc.property(line, line, line, (before, l, after) => {
        const row = l.trim();
        if (!row.startsWith('|')) return;
        // The row as the scanner reads it in place: a range of the whole text, pipes around it.
        const text = `${before}|\n${row}\n|${after}`;
        const from = before.length + 2;
        const cells = cellTexts(splitRow(text, spans, from, from + row.length));
        assert.deepEqual(cells, oracleCells(row));
        assert.equal(rowText(spans), row);
      }),
      { numRuns: RUNS },
    );
  });

  it('rowHasBracket tells whether each row of a text holds a `[`, in any order of rows', () => {
    const spans = newRowSpans(); // reused, so its remembered search carries from row to row
    const rows = fc.array(line.map((l) => `|${l.replace(/\n/g, ' ')}|`), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(rows, fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), (rs, order, sameText) => {
        const text = rs.join('\n');
        const starts = rs.map((_, i) => rs.slice(0, i).reduce((n, r) => n + r.length + 1, 0));
        // In order (as the scanner reads), then in an arbitrary order.
        for (const i of [...rs.keys(), ...order.map((k) => k % rs.length)]) {
          // The same text, or an equal text in another string object.
          const t = sameText ? text : ` ${text}`.slice(1);
          splitRow(t, spans, starts[i]!, starts[i]! + rs[i]!.length);
          assert.equal(rowHasBracket(spans), rs[i]!.includes('['), `row ${i}: ${rs[i]}`);
        }
        // A row given as a string of its own after rows read in place.
        splitRow(rs[0]!, spans);
        assert.equal(rowHasBracket(spans), rs[0]!.includes('['));
      }),
      { numRuns: RUNS },
    );
  });

  it('readHeading into a reused object gives what it gives without', () => {
    const into: HeadingLine = { level: 0, text: '' };
    const heading = fc.oneof(line, fc.tuple(fc.constantFrom('#', '## ', '###\t', '   #### ', '####### ', '# #'), line).map(([h, l]) => h + l));
    fc.assert(
      fc.property(heading, (l) => {
        const alone = readHeading(l);
        const reused = readHeading(l, into);
        assert.deepEqual(reused === undefined ? undefined : { ...reused }, alone);
        if (reused) assert.equal(reused, into);
      }),
      { numRuns: RUNS },
    );
  });

  it('table rows read in place give the tasks they give when each is read as a trimmed string', () => {
    // Rows with nothing to trim are read in place; a trailing space (or tab, or non-ASCII last
    // character) sends the same rows down the path that slices and trims each line.
    const rows = [
      '| # | Task | File | Status → Target | Terminal | Depends |',
      '|---|---|---|---|---|---|',
      '| 1 | Build `a` | `src/a.ts` | Partial → Full | 1 | |',
      '| T002 | [x] Wire **b** | `src/b.ts`, lib/c.py | ✅ Done | 2 | 1 |',
      '| 3 | Escaped \\| pipe | docs/x.md | Missing → New | 3-4 | T002 |',
      '| **Total** | | | | | |',
      '| 4 | Box in the row [x] | | ❌ | | 3 |',
      '| 5 | An open box [ ] | `tests/t.py` | → Full | 1 | 1, 3 |',
    ];
    const plan = (ends: string) => `# P\n\n## Session 1: One\n\n${rows.map((r, i) => (i === 1 ? r : r + ends)).join('\n')}\n`;
    const inPlace = readPlan(plan(''), 'p.md').plan.sessions[0]!.tasks;
    assert.equal(inPlace.length, 5);
    // Only a row's own box counts, though the whole plan is the text a row is read from in place.
    assert.deepEqual(inPlace.map((t) => t.done ?? false), [false, true, false, true, false]);
    for (const ends of [' ', '\t', '  \u00a0']) assert.deepEqual(readPlan(plan(ends), 'p.md').plan.sessions[0]!.tasks, inPlace, JSON.stringify(ends));
  });

  it('readFields finds the fields the pattern finds', () => {
    fc.assert(fc.property(line, (l) => assert.deepEqual(readFields(l), oracleFields(l))), { numRuns: RUNS });
  });

  it('readFields with a scratch gives what it gives without, line after line', () => {
    const scratch = newFieldScratch(); // reused, as the scanner does
    fc.assert(fc.property(line, (l) => assert.deepEqual(readFields(l, scratch), oracleFields(l))), { numRuns: RUNS });
  });

  it('findTaskRange finds the first match of the task range pattern', () => {
    fc.assert(
      fc.property(line, (l) => {
        const m = TASK_RANGE.exec(l);
        const r = findTaskRange(l);
        const expected = m ? { index: m.index, end: m.index + m[0].length, from: Number(m[1]), to: Number(m[2] ?? m[1]) } : undefined;
        assert.deepEqual(r ? { ...r } : undefined, expected);
      }),
      { numRuns: RUNS },
    );
    for (const [text, from, to] of [['Core (tasks 1-10)', 1, 10], ['(Task  7 )', 7, 7], ['x (tasks 3 − 4) y', 3, 4], ['(tasks 1-) (tasks 2)', 2, 2], ['(TASKS 5–6)', 5, 6]] as const) {
      assert.deepEqual({ ...findTaskRange(text)! }.from, from, text);
      assert.equal(findTaskRange(text)!.to, to, text);
    }
    for (const text of ['(tasks 1234567)', '(tasksx 1)', '(tasks1)', '(ta sks 1)', 'tasks 1-2']) assert.equal(findTaskRange(text), undefined, text);
  });

  it('mayBeTimeline holds on every line the timeline pattern matches', () => {
    fc.assert(
      fc.property(line, fc.constantFrom('', '- ', '* ', '  ', '-'), fc.constantFrom('Hours', 'day', 'WEEKS', 'Hour'), (l, bullet, word) => {
        for (const text of [l, `${bullet}${word} 1-2: ${l}`]) if (TIMELINE.test(text)) assert.ok(mayBeTimeline(text), text);
      }),
      { numRuns: RUNS },
    );
  });

  it('a lone code span reads as plain() and pathsIn() read it', () => {
    fc.assert(
      fc.property(line, (l) => {
        const text = `\`${l}\``;
        const code = loneCodeSpan(text);
        if (code === undefined) return;
        assert.equal(code, plain(text));
        const lone = loneSpanPath(code);
        if (lone) assert.deepEqual([lone], pathsIn(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('readListItem reads a checkbox as the pattern does', () => {
    fc.assert(
      fc.property(line, (l) => {
        const item = readListItem(`- ${l}`);
        const m = CHECKBOX.exec(l.replace(/^\s+/, ''));
        assert.equal(item?.checkbox !== undefined, item !== undefined && m !== null);
        if (item?.checkbox && m) assert.equal(item.checkbox.done, m[1] !== ' ');
      }),
      { numRuns: RUNS },
    );
  });

  it('a terminal allocation takes its task range as the pattern finds it', () => {
    fc.assert(
      fc.property(line.map((l) => l.replace(/[\r\n]/g, ' ')), (l) => {
        const { plan } = readPlan(`## Session 001: S\n- **Terminals 1-3:** ${l}`, 'p.md');
        const terminal = plan.sessions[0]?.terminals[0];
        const value = readFields(`- **Terminals 1-3:** ${l}`)[0]?.value ?? '';
        const m = TASK_RANGE.exec(value);
        const expected = m ? { from: Number(m[1]), to: Number(m[2] ?? m[1]) } : undefined;
        assert.deepEqual(terminal?.tasks, expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('nextSuspect finds what the mojibake pattern finds', () => {
    fc.assert(
      fc.property(line, fc.nat(40), (l, from) => {
        SUSPECT.lastIndex = from;
        assert.equal(nextSuspect(l, from), SUSPECT.exec(l)?.index ?? -1);
      }),
      { numRuns: RUNS },
    );
  });
});
