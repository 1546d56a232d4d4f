// The inline readers of a markdown line: markers, status words, fields, bold lines, list items and
// checkboxes, table cells, plain text, paths, ranges and headings.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  boldLine,
  codeSpans,
  describePath,
  isTableSeparator,
  looksLikePath,
  numRange,
  pathsIn,
  plain,
  readFields,
  readHeading,
  readListItem,
  spacedSpanPath,
  statusFromWords,
  stripMarkers,
  tableCells,
} from '../../../src/core/plan/markdown/inline';

describe('inline', () => {
  describe('stripMarkers', () => {
    const cases: [string, string | undefined, string][] = [
      ['✅ Session 024', 'done', 'Session 024'],
      ['✔️ heavy check', 'done', 'heavy check'],
      ['✓ check', 'done', 'check'],
      ['⚠️ warning', 'partial', 'warning'],
      ['⚠ bare warning', 'partial', 'bare warning'],
      ['❌ cross', 'failed', 'cross'],
      ['✗ ballot', 'failed', 'ballot'],
      ['⏳ hourglass', 'in-progress', 'hourglass'],
      ['🔄 cycle', 'in-progress', 'cycle'],
      ['🔴 red', 'pending', 'red'],
      ['🟡 yellow', 'pending', 'yellow'],
      ['🟢 green', 'pending', 'green'],
      ['  ✅  spaced', 'done', 'spaced'],
      ['📊 🎯 Decoration Only', undefined, 'Decoration Only'],
      ['→ arrow', undefined, 'arrow'],
      ['plain text ✅', undefined, 'plain text ✅'],
      ['', undefined, ''],
    ];
    for (const [text, status, rest] of cases) {
      it(JSON.stringify(text), () => {
        const r = stripMarkers(text);
        assert.equal(r.status, status);
        assert.equal(r.rest, rest);
      });
    }
  });

  describe('statusFromWords', () => {
    const cases: [string, string | undefined][] = [
      ['BLOCKED', 'blocked'],
      ['NOT STARTED', 'not-started'],
      ['not_started', 'not-started'],
      ['IN PROGRESS', 'in-progress'],
      ['in-progress', 'in-progress'],
      ['PARTIAL', 'partial'],
      ['partially done', 'partial'],
      ['incomplete', 'partial'],
      ['Merged', 'done'],
      ['RESOLVED', 'done'],
      ['SUCCESS', 'done'],
      ['Complete', 'done'],
      ['failed', 'failed'],
      ['abandoned', 'failed'],
      ['Pending', 'pending'],
      ['Ready for execution', 'pending'],
      ['Analysis only', undefined],
      ['', undefined],
    ];
    for (const [text, status] of cases) it(JSON.stringify(text), () => assert.equal(statusFromWords(text), status));
  });

  describe('readFields', () => {
    const cases: [string, { label: string; value: string; column: number }[]][] = [
      ['**Duration:** 4 hours', [{ label: 'Duration', value: '4 hours', column: 15 }]],
      ['**Duration**: 4 hours', [{ label: 'Duration', value: '4 hours', column: 15 }]],
      ['**Duration** : 4 hours', [{ label: 'Duration', value: '4 hours', column: 16 }]],
      ['> **Duration:** 4 hours', [{ label: 'Duration', value: '4 hours', column: 17 }]],
      ['> > **Nested:** q', [{ label: 'Nested', value: 'q', column: 17 }]],
      ['- **Duration:** 4 hours', [{ label: 'Duration', value: '4 hours', column: 17 }]],
      ['  * **Indented:** v', [{ label: 'Indented', value: 'v', column: 19 }]],
      ['1. **Step:** one', [{ label: 'Step', value: 'one', column: 14 }]],
      ['**A:** x | **B:** y', [{ label: 'A', value: 'x', column: 8 }, { label: 'B', value: 'y', column: 19 }]],
      ['**A:** x | **B:** y | **C:** z', [
        { label: 'A', value: 'x', column: 8 },
        { label: 'B', value: 'y', column: 19 },
        { label: 'C', value: 'z', column: 30 },
      ]],
      ['**A:** x **B:** y', [{ label: 'A', value: 'x **B:** y', column: 8 }]],
      ['**A:**', [{ label: 'A', value: '', column: 7 }]],
      ['**Branch:** `a|b`', [{ label: 'Branch', value: '`a|b`', column: 13 }]],
      ['text **A:** x', []],
      ['**Bold** text', []],
      ['**Terminal 1: Core (10 tasks)**', []],
      ['no bold here', []],
    ];
    for (const [line, fields] of cases) it(JSON.stringify(line), () => assert.deepEqual(readFields(line), fields));

    it('gives the column where the value starts', () => {
      const line = '> - **Agents:** 3 (A, B)';
      const [f] = readFields(line);
      assert.equal(line.slice(f!.column - 1), '3 (A, B)');
    });
  });

  describe('boldLine', () => {
    const cases: [string, string | undefined][] = [
      ['**Terminal 1: Core Tools (10 tasks)**', 'Terminal 1: Core Tools (10 tasks)'],
      ['**Terminals 1-3 | Goal: Finish it**', 'Terminals 1-3 | Goal: Finish it'],
      ['**Requires Phase 1 Complete**', 'Requires Phase 1 Complete'],
      ['**Deliverables**:', 'Deliverables'],
      ['   **x**  ', 'x'],
      ['**a** b', undefined],
      ['****', undefined],
      ['plain', undefined],
    ];
    for (const [line, text] of cases) it(JSON.stringify(line), () => assert.equal(boldLine(line), text));
  });

  describe('readListItem', () => {
    const cases: [string, ReturnType<typeof readListItem>][] = [
      ['- [ ] open', { text: 'open', indent: 0, ordered: false, checkbox: { done: false, column: 3 } }],
      ['- [x] ticked', { text: 'ticked', indent: 0, ordered: false, checkbox: { done: true, column: 3 } }],
      ['- [X] capital', { text: 'capital', indent: 0, ordered: false, checkbox: { done: true, column: 3 } }],
      ['* [x] star', { text: 'star', indent: 0, ordered: false, checkbox: { done: true, column: 3 } }],
      ['1. [ ] numbered', { text: 'numbered', indent: 0, ordered: true, checkbox: { done: false, column: 4 } }],
      ['10) [x] paren', { text: 'paren', indent: 0, ordered: true, checkbox: { done: true, column: 5 } }],
      ['  - [ ] nested', { text: 'nested', indent: 2, ordered: false, checkbox: { done: false, column: 5 } }],
      ['> - [ ] quoted', { text: 'quoted', indent: 0, ordered: false, checkbox: { done: false, column: 5 } }],
      ['- [x]', { text: '', indent: 0, ordered: false, checkbox: { done: true, column: 3 } }],
      ['- [] no space', { text: '[] no space', indent: 0, ordered: false }],
      ['- [ ]glued', { text: '[ ]glued', indent: 0, ordered: false }],
      ['- plain', { text: 'plain', indent: 0, ordered: false }],
      ['+ plus', { text: 'plus', indent: 0, ordered: false }],
      ['-[ ] no space after dash', undefined],
      ['not a list', undefined],
      ['2024-01-05 is a date', undefined],
    ];
    for (const [line, item] of cases) {
      it(JSON.stringify(line), () => {
        const r = readListItem(line);
        assert.deepEqual(r, item);
        if (r?.checkbox) assert.equal(line[r.checkbox.column - 1], '[');
      });
    }
  });

  describe('tables', () => {
    const cells: [string, string[] | undefined][] = [
      ['| a | b |', ['a', 'b']],
      ['|a|b', ['a', 'b']],
      ['  | x |  ', ['x']],
      ['| a \\| b | c |', ['a \\| b', 'c']],
      ['| [x] | done |', ['[x]', 'done']],
      ['| | |', ['', '']],
      ['a | b', undefined],
      ['', undefined],
    ];
    for (const [line, expected] of cells) it(`tableCells ${JSON.stringify(line)}`, () => assert.deepEqual(tableCells(line), expected));

    const separators: [string, boolean][] = [
      ['|---|---|', true],
      ['| --- | :---: |', true],
      ['|:-|-:|', true],
      ['---|---', true],
      ['| a |', false],
      ['| --- | x |', false],
      ['text', false],
    ];
    for (const [line, expected] of separators) it(`isTableSeparator ${JSON.stringify(line)}`, () => assert.equal(isTableSeparator(line), expected));
  });

  describe('plain', () => {
    const cases: [string, string][] = [
      ['**bold** and *em*', 'bold and em'],
      ['`code **kept**`', 'code **kept**'],
      ['[link text](https://example.com/x)', 'link text'],
      ['__under__', 'under'],
      ['snake_case_name', 'snake_case_name'],
      ['2 * 3 * 4', '2 * 3 * 4'],
      ['file_*.py', 'file_*.py'],
      ['`a` and `b`', 'a and b'],
      ['  spaced  ', 'spaced'],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.equal(plain(text), expected));
  });

  describe('paths', () => {
    it('codeSpans gives each span with the column after its backtick', () => {
      assert.deepEqual(codeSpans('a `x` b `y z` c'), [{ code: 'x', column: 4 }, { code: 'y z', column: 10 }]);
    });

    const looks: [string, boolean][] = [
      ['src/a.ts', true],
      ['a.ts', true],
      ['dir/', true],
      ['*.test.tsx', true],
      ['.env', true],
      ['YYYYMMDD_x.py', true],
      ['https://example.com/a.ts', false],
      ['POST', false],
      ['/api/v1/users', false],
      ['f(x)', false],
      ['npm test', false],
      ['v1.2', false],
      ['python3.11', false],
      ['README', false],
      ['', false],
    ];
    for (const [token, expected] of looks) it(`looksLikePath ${JSON.stringify(token)}`, () => assert.equal(looksLikePath(token), expected));

    it('describePath tells globs, folders and placeholders apart', () => {
      assert.deepEqual(describePath('./src/a.ts'), { path: 'src/a.ts', isGlob: false, isPlaceholder: false, isFolder: false });
      assert.deepEqual(describePath('web/**/*.test.tsx'), { path: 'web/**/*.test.tsx', isGlob: true, isPlaceholder: false, isFolder: false });
      assert.deepEqual(describePath('out/coverage/'), { path: 'out/coverage/', isGlob: false, isPlaceholder: false, isFolder: true });
      assert.deepEqual(describePath('db/YYYYMMDD_init.py'), { path: 'db/YYYYMMDD_init.py', isGlob: false, isPlaceholder: true, isFolder: false });
      assert.deepEqual(describePath('docs/{name}.md'), { path: 'docs/{name}.md', isGlob: false, isPlaceholder: true, isFolder: false });
      assert.deepEqual(describePath('src/<module>/index.ts'), { path: 'src/<module>/index.ts', isGlob: false, isPlaceholder: true, isFolder: false });
      assert.deepEqual(describePath('notes/SESSION_XXX.md'), { path: 'notes/SESSION_XXX.md', isGlob: false, isPlaceholder: true, isFolder: false });
      assert.deepEqual(describePath('src/{a,b}.ts'), { path: 'src/{a,b}.ts', isGlob: true, isPlaceholder: false, isFolder: false });
    });

    const items: [string, string[]][] = [
      ['Updated `src/a.ts`', ['src/a.ts']],
      ['`a.ts`, `b.ts`', ['a.ts', 'b.ts']],
      ['`server.py:generate_tool`', ['server.py']],
      ['Coverage report: `out/htmlcov/`', ['out/htmlcov/']],
      ['Run `npm test` first', []],
      ['Release `v1.2.3`', []],
      ['bare src/a/b.ts here', ['src/a/b.ts']],
      ['Updated CHANGELOG.md.', ['CHANGELOG.md']],
      ['config.py, settings.json', ['config.py', 'settings.json']],
      ['and/or maybe', []],
      ['N-1/N-2 scenarios', []],
      ['e.g. this', []],
      ['Upgrade to v1.2', []],
      ['PR #XXX to main', ['PR #XXX']],
      ['PR #123 merged', ['PR #123']],
      ['Timing numbers kept in the team notes', []],
    ];
    for (const [text, paths] of items) it(`pathsIn ${JSON.stringify(text)}`, () => assert.deepEqual(pathsIn(text).map((p) => p.path), paths));

    it('marks `PR #XXX` a placeholder and `PR #123` not', () => {
      assert.equal(pathsIn('PR #XXX')[0]!.isPlaceholder, true);
      assert.equal(pathsIn('PR #123')[0]!.isPlaceholder, false);
    });

    // A whole code span where a path is expected: a path with spaces, or nothing.
    const spaced: [string, string | undefined][] = [
      ['docs/Design Notes.md', 'docs/Design Notes.md'],
      ['./assets/Screen Shot 2026-01-10.png', 'assets/Screen Shot 2026-01-10.png'],
      ['docs/Field Reports/', 'docs/Field Reports/'],
      ['docs/My Notes/summary.md', 'docs/My Notes/summary.md'],
      ['./Field Notes.md', 'Field Notes.md'], // the ./ names the folder
      ['npm run build', undefined], // a command: no folder
      ['cd src/a.ts', undefined], // a space before the first folder
      ['My Docs/a.md', undefined], // so a top-level folder with a space is left out
      ['docs/Design Notes', undefined], // no extension, no closing slash
      ['pytest tests/ -k sync', undefined],
      ['git add docs/a b.md', undefined],
      ['docs/a b.md; rm -rf x', undefined],
      ['./-rf/a b.md', undefined], // a folder starting with - reads as an option
      ['docs/Notes (draft).md', undefined],
      ['C:/Users/a b/x.md', undefined],
      ['docs/*.md files', undefined],
      ['docs/a  b.md', undefined], // two spaces: not a name anyone types
      ['docs/ notes.md', undefined],
      ['docs //a b.md', undefined],
      ['src/a.ts', undefined], // no space: looksLikePath reads it
      ['https://example.com/a b.html', undefined],
    ];
    for (const [code, path] of spaced) it(`spacedSpanPath ${JSON.stringify(code)}`, () => assert.equal(spacedSpanPath(code)?.path, path));

    it('spacedSpanPath reads only what it promises, and never throws (fast-check)', () => {
      // Path-like spans (folders, then words with spaces, an extension or a closing slash), some
      // with a character that must rule them out put in somewhere.
      const word = fc.stringMatching(/^[A-Za-z0-9._#@+,!-]{1,8}$/);
      const bad = fc.constantFrom('', '', '', '(', ')', '=', ';', '$', '|', '&', '<', '>', '"', "'", '`', '*', '?', ':', '{', '}', '[', ']', '\\', ' -', '  ', ' /', '//');
      const span = fc
        .tuple(fc.boolean(), fc.array(word, { minLength: 0, maxLength: 2 }), fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('.md', '.ts', '.png', '', '/'), bad, fc.nat())
        .map(([dot, folders, words, end, noise, at]) => {
          const code = `${dot ? './' : ''}${[...folders, words.join(' ')].join('/')}${end}`;
          const k = at % (code.length + 1);
          return code.slice(0, k) + noise + code.slice(k);
        });
      let read = 0;
      fc.assert(
        fc.property(span, (code) => {
          const p = spacedSpanPath(code);
          if (!p) return;
          read++;
          // (`./Field Notes.md` is read: the `./` names the folder.)
          assert.ok(code.includes(' ') && code.includes('/'), code);
          assert.equal(p.path, code.replace(/^\.\//, ''));
          assert.doesNotMatch(p.path, /[()=;$|&<>"'`*?:{}[\]\\]|(?:^|[\s/])-|\s\s|\/\/|\s\/|\/\s/);
          assert.ok(code.indexOf('/') < code.indexOf(' '), 'a folder before the first space');
          assert.ok(p.isFolder || /\.(?=[a-z0-9]{0,5}[a-z])[a-z0-9]{1,6}$/i.test(p.path), 'a file with an extension, or a folder');
        }),
        { numRuns: 3000 },
      );
      assert.ok(read >= 40, `only ${read} of 3,000 generated spans were read as paths: the property checked too little`);
    });

    it('spacedSpanPath describes what it reads like any path', () => {
      assert.deepEqual(spacedSpanPath('docs/Field Reports/'), { path: 'docs/Field Reports/', isGlob: false, isPlaceholder: false, isFolder: true });
      assert.equal(spacedSpanPath('docs/YYYYMMDD Notes.md')?.isPlaceholder, true);
    });
  });

  describe('numRange', () => {
    const cases: [string, ReturnType<typeof numRange>][] = [
      ['3-4', { from: 3, to: 4 }],
      ['7', { from: 7, to: 7 }],
      ['9 - 10', { from: 9, to: 10 }],
      ['1–3', { from: 1, to: 3 }],
      ['1−3', { from: 1, to: 3 }],
      ['5 to 8', { from: 5, to: 8 }],
      ['7, 9-10', { from: 7, to: 7 }],
      ['none', undefined],
    ];
    for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(numRange(text), expected));
  });

  describe('readHeading', () => {
    const cases: [string, ReturnType<typeof readHeading>][] = [
      ['# Title', { level: 1, text: 'Title' }],
      ['## Title ##', { level: 2, text: 'Title' }],
      ['### Title', { level: 3, text: 'Title' }],
      ['#### Title', { level: 4, text: 'Title' }],
      ['###### Six', { level: 6, text: 'Six' }],
      ['   ### Indented', { level: 3, text: 'Indented' }],
      ['#\tTab', { level: 1, text: 'Tab' }],
      ['## C# rocks', { level: 2, text: 'C# rocks' }],
      ['## Title #tag', { level: 2, text: 'Title #tag' }],
      ['##', { level: 2, text: '' }],
      ['####### Seven', undefined],
      ['#nospace', undefined],
      ['    # four spaces is code', undefined],
      ['text # not a heading', undefined],
    ];
    for (const [line, expected] of cases) it(JSON.stringify(line), () => assert.deepEqual(readHeading(line), expected));
  });
});
