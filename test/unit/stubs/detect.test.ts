// The stub detector on fixture files and inline samples: Python, TS, JS, markdown, plain text.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectStubs, MAX_CODE_AROUND_STUBS, STUB_FILE_RATIO } from '../../../src/core/stubs';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'stubs');
const fixture = (name: string) => detectStubs(name, readFileSync(path.join(FIXTURES, name), 'utf8'));
const names = (text: string, file: string) => detectStubs(file, text).functions.map((f) => f.name);

describe('stubs: any file', () => {
  it('an empty or whitespace-only file is a stub at line 1', () => {
    assert.deepEqual(detectStubs('a.py', ''), { stub: true, reason: 'empty file', lines: [1], functions: [] });
    assert.equal(detectStubs('notes.txt', ' \n\t\r\n').reason, 'only whitespace');
    assert.equal(detectStubs('src/x.ts', '\n\n').stub, true);
  });

  it('files empty by design are not stubs', () => {
    assert.equal(detectStubs('pkg/__init__.py', '').stub, false);
    assert.equal(detectStubs('logs/.gitkeep', '').stub, false);
    assert.equal(detectStubs('pkg/__init__.py', '# package marker\n').stub, false);
  });

  it('binary text is never a stub', () => {
    assert.equal(detectStubs('a.py', 'def f():\n  pass\u0000').reason, 'binary');
  });

  it('plain text with only placeholders is a stub; any real sentence is not', () => {
    const stub = detectStubs('NOTES.txt', 'TODO\n\nTBD: ask the ward\n...\nComing soon!\n');
    assert.equal(stub.stub, true);
    assert.deepEqual(stub.lines, [1, 3, 4, 5]);
    assert.equal(detectStubs('NOTES.txt', 'TODO\nThe rota starts on Monday.\n').stub, false);
    assert.equal(detectStubs('config.yaml', '# TODO: fill in\n# FIXME\n').stub, true);
    assert.equal(detectStubs('config.yaml', '# TODO: more keys\nretries: 3\n').stub, false);
    assert.equal(detectStubs('run.sh', '#!/bin/sh\necho "not implemented"\nexit 1\n').stub, false);
  });

  it('"not implemented" and friends in any casing', () => {
    for (const line of ['Not Implemented', 'NOT YET IMPLEMENTED', '// todo: write', '<!-- placeholder -->', '* FIXME later', '_TBD_']) {
      assert.equal(detectStubs('x.txt', `${line}\n`).stub, true, line);
    }
  });
});

describe('stubs: Python', () => {
  it('finds every stub form in a stub module: pass, raise, TODO return, ..., with decorators and docstrings', () => {
    const r = fixture('scheduler_stub.py');
    assert.equal(r.stub, true);
    assert.deepEqual(r.functions, [
      { name: 'build_rotation', line: 16 },
      { name: 'publish', line: 26 },
      { name: 'notify', line: 30 },
      { name: 'validate', line: 35 },
    ]);
    assert.deepEqual(r.lines, [16, 26, 30, 35]);
    assert.match(r.reason, /every function is a stub/);
  });

  it('real code with a TODO comment, nested functions, Protocol members, abstract methods and overloads are not stubs', () => {
    const r = fixture('scheduler_real.py');
    assert.equal(r.stub, false);
    assert.deepEqual(r.functions, []);
  });

  it('a partly written module lists its stub functions but is not a stub below the threshold', () => {
    const r = fixture('partial.py');
    assert.equal(r.stub, false);
    assert.deepEqual(r.functions, [{ name: 'prune', line: 20 }]);
    assert.match(r.reason, /1 of 4 functions is a stub/);
  });

  it('one-line defs, multi-line signatures and strings holding colons and brackets', () => {
    const text = [
      'def a(x: dict = {"k": ":"}) -> "str": pass',
      'def b(',
      '    x: int,',
      '    y: "dict[str, int]" = None,',
      ') -> None:',
      '    """Doc: with a colon (and a paren."""',
      '    raise NotImplementedError',
      'def c(): return x  # real',
      "def d():\n    s = '''\n    pass\n    '''\n    return s",
    ].join('\n');
    assert.deepEqual(names(text, 'm.py'), ['a', 'b']);
  });

  it('a docstring alone, a TODO docstring, and an empty return without a TODO', () => {
    assert.deepEqual(names('def f():\n    """Does f."""\n', 'm.py'), ['f']);
    assert.deepEqual(names('def f():\n    """TODO: write f."""\n    return {}\n', 'm.py'), ['f']);
    assert.deepEqual(names('def f():\n    return None\n\ndef g():\n    return []\n', 'm.py'), []);
  });

  it('a real function holding a nested stub reports only the nested one', () => {
    const text = 'def outer(xs):\n    def helper(x):\n        pass\n    return [helper(x) for x in xs]\n';
    assert.deepEqual(names(text, 'm.py'), ['helper']);
  });

  it('methods, async defs, tabs and CRLF', () => {
    const text = 'class A:\r\n\tasync def go(self):\r\n\t\t...\r\n\tdef real(self):\r\n\t\treturn 1\r\n';
    const r = detectStubs('m.py', text);
    assert.deepEqual(r.functions, [{ name: 'go', line: 2 }]);
    assert.equal(r.stub, true); // 1 of 2 is the threshold
  });

  it('a module of only comments is a stub; one of only imports is not', () => {
    assert.equal(detectStubs('m.py', '# TODO: everything\n').stub, true);
    assert.equal(detectStubs('m.py', '# Licensed under MIT\n').reason, 'only comments, no code');
    assert.equal(detectStubs('m.py', 'from .a import b\n').stub, false);
    assert.equal(detectStubs('types.pyi', 'def f() -> int: ...\n').stub, false);
  });
});

describe('stubs: TypeScript and JavaScript', () => {
  it('finds throw-not-implemented, TODO-only and TODO-return bodies in functions, arrows, methods and getters', () => {
    const r = fixture('service_stub.ts');
    assert.equal(r.stub, true);
    assert.deepEqual(r.functions.map((f) => f.name), ['buildRotation', 'publish', 'notify', 'pending']);
    assert.deepEqual(r.lines, [4, 8, 15, 20]);
  });

  it('real code with a TODO, braces in strings, templates and regexes, callbacks, deliberate empty bodies, overloads', () => {
    const r = fixture('service_real.ts');
    assert.deepEqual(r, { stub: false, reason: 'every function has a body', lines: [], functions: [] });
  });

  it('CommonJS: object methods, function expressions and exported arrows', () => {
    const r = fixture('handlers_stub.js');
    assert.equal(r.stub, true);
    assert.deepEqual(r.functions.map((f) => `${f.name}:${f.line}`), ['list:4', 'create:7', 'remove:12', 'update:16']);
  });

  it('throw variants: quotes, casing, NotImplementedError, plain strings', () => {
    for (const body of ['throw new Error("NOT IMPLEMENTED")', "throw new Error('not yet implemented');", 'throw new Error(`Unimplemented`)', 'throw new NotImplementedError()', "throw 'todo'"]) {
      assert.deepEqual(names(`export function f(): void {\n  ${body}\n}\n`, 'a.ts'), ['f'], body);
    }
    assert.deepEqual(names('function f() {\n  throw new Error("invalid input");\n}\n', 'a.js'), []);
  });

  it('an empty body is a stub unless it is a constructor or says why', () => {
    assert.deepEqual(names('function f() {}\nclass A { constructor(private x: number) {} }\n', 'a.ts'), ['f']);
    assert.deepEqual(names('function f() { /* intentionally empty */ }\n', 'a.ts'), []);
  });

  it('returning nothing is a stub only with a TODO', () => {
    assert.deepEqual(names('function f() {\n  return null;\n}\n', 'a.js'), []);
    assert.deepEqual(names('function f() {\n  // TODO\n  return null;\n}\n', 'a.js'), ['f']);
    assert.deepEqual(names('function f() {\n  return []; // FIXME\n}\n', 'a.js'), ['f']);
    assert.deepEqual(names('function f() {\n  return undefined /* todo */\n}\n', 'a.js'), ['f']);
  });

  it('nested template literals and regexes do not break brace matching', () => {
    const text = [
      'const a = `x ${`y ${ {b: 1}.b } }`} }`;',
      'const re = /\\}[}{]/g, half = 4 / 2 / 1;',
      'export function real() {',
      '  return `${a}}` + re.source + half;',
      '}',
      'export function stub() {',
      '  // TODO',
      '}',
    ].join('\n');
    const r = detectStubs('a.ts', text);
    assert.deepEqual(r.functions, [{ name: 'stub', line: 6 }]);
  });

  it('JSX text with an apostrophe does not swallow the file', () => {
    const text = [
      'export function Page() {',
      "  return <p>Don't panic {count}</p>;",
      '}',
      'export const Empty = () => {',
      '  // TODO: design',
      '};',
    ].join('\n');
    assert.deepEqual(names(text, 'page.tsx'), ['Empty']);
  });

  it('generic arrows, typed bindings, return types with object literals, class fields', () => {
    const text = [
      'export const load = async <T,>(key: string): Promise<{ value: T }> => {',
      "  throw new Error('not implemented');",
      '};',
      'const typed: Handler<string> = (x) => {',
      '  // TODO',
      '};',
      'class C {',
      '  handle = (e: Event): void => {',
      '    throw new Error("Not implemented");',
      '  };',
      '  static async *items<T>(): AsyncGenerator<T> {',
      '    yield* [];',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(names(text, 'a.ts'), ['load', 'typed', 'handle']);
  });

  it('anonymous callbacks are part of the body around them', () => {
    assert.deepEqual(names('items.forEach(function (x) {});\nsetTimeout(() => {}, 5);\n', 'a.js'), []);
  });

  it('declaration files and files without functions', () => {
    assert.equal(detectStubs('a.d.ts', 'export declare function f(): void;\n').stub, false);
    assert.equal(detectStubs('index.ts', "export * from './a';\nexport { b } from './b';\n").stub, false);
    assert.equal(detectStubs('a.ts', '// TODO: write this module\n').stub, true);
  });
});

describe('stubs: the threshold', () => {
  it(`a file is a stub from ${STUB_FILE_RATIO * 100}% stub functions, and not with more than ${MAX_CODE_AROUND_STUBS} lines of other code`, () => {
    const real = (n: number) => `export function real${n}(x: number) {\n  return x + ${n};\n}\n`;
    const stub = (n: number) => `export function stub${n}() {\n  throw new Error('not implemented');\n}\n`;
    assert.equal(detectStubs('a.ts', real(1) + stub(1)).stub, true);
    assert.equal(detectStubs('a.ts', real(1) + real(2) + stub(1)).stub, false);
    assert.equal(detectStubs('a.ts', real(1) + real(2) + stub(1)).functions.length, 1);
    const data = Array.from({ length: MAX_CODE_AROUND_STUBS + 1 }, (_, i) => `export const k${i} = ${i};`).join('\n');
    const r = detectStubs('a.ts', `${data}\n${stub(1)}`);
    assert.equal(r.stub, false);
    assert.deepEqual(r.functions.map((f) => f.name), ['stub1']);
    const types = Array.from({ length: 30 }, (_, i) => `export interface T${i} {\n  a: string;\n}`).join('\n');
    assert.equal(detectStubs('a.ts', `${types}\n${stub(1)}`).stub, true);
  });
});

describe('stubs: markdown', () => {
  it('only headings and TODO placeholders is a stub, naming the placeholder lines', () => {
    const r = fixture('runbook_stub.md');
    assert.equal(r.stub, true);
    assert.deepEqual(r.lines, [9, 13, 14, 16]);
    assert.equal(r.reason, 'only headings and TODO/placeholder text');
  });

  it('real prose with a TODO is not a stub', () => {
    assert.equal(fixture('runbook_real.md').stub, false);
  });

  it('headings alone, a table or a code block', () => {
    assert.deepEqual(detectStubs('a.md', '# Title\n\n## Part\n'), { stub: true, reason: 'only headings', lines: [1, 3], functions: [] });
    assert.equal(detectStubs('a.md', '# Title\n\n| a | b |\n|---|---|\n').stub, false);
    assert.equal(detectStubs('a.md', '# Title\n\n```sh\nmake\n```\n').stub, false);
    assert.equal(detectStubs('a.md', '# TODO\n').reason, 'only TODO/placeholder text');
  });
});
