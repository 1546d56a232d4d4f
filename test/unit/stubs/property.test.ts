// Property: the stub detector never throws, on any text, for any kind of file, and its answer is
// well formed (lines within the file, functions listed in `lines`).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectStubs } from '../../../src/core/stubs';

const PATHS = ['a.py', 'a.ts', 'a.tsx', 'a.js', 'a.mjs', 'a.md', 'a.txt', 'a', 'a.d.ts', '__init__.py'];
// Characters that stress the scanners: quotes, brackets, comment and regex starts, indentation.
const TRICKY = fc.constantFrom(...'\'"`${}()[]/\\*#:;\n\r\t @=>.-!?<>abcdefpassreturnthrowdefTODO...'.split(''), 'def ', 'function ', '=> ', '"""', "'''", '/*', '*/', '//', '${', 'pass', '...', 'raise NotImplementedError', 'class ', '    ');

describe('stubs: property', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.string({ maxLength: 400, unit: 'grapheme' }), (file, text) => {
        const r = detectStubs(file, text);
        assert.equal(typeof r.stub, 'boolean');
        assert.equal(typeof r.reason, 'string');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on code-like text, and its lines are inside the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.array(TRICKY, { maxLength: 200 }), (file, parts) => {
        const text = parts.join('');
        const r = detectStubs(file, text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const l of r.lines) assert.ok(l >= 1 && l <= lineCount, `line ${l} of ${lineCount}`);
        for (const f of r.functions) assert.ok(r.lines.includes(f.line));
      }),
      { numRuns: 1000 },
    );
  });

  it('survives deep nesting and very long lines', () => {
    for (const file of ['a.ts', 'a.py']) {
      assert.doesNotThrow(() => detectStubs(file, '`${'.repeat(5000)));
      assert.doesNotThrow(() => detectStubs(file, '('.repeat(100_000) + '}'.repeat(100_000)));
      assert.doesNotThrow(() => detectStubs(file, `${'def f(): pass\n'.repeat(20_000)}`));
    }
  });
});
