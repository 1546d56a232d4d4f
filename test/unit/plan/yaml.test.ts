import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { PlanSchema, type Problem, type ReadResult } from '../../../src/core/model';
import { readPlan } from '../../../src/core/plan';
import { MAX_PROBLEMS, readYamlPlan } from '../../../src/core/plan/yaml';
import { MAX_DEPTH } from '../../../src/core/plan/yamlScan';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'yaml', name), 'utf8');

// Reads and checks the invariants every result must keep, whatever the input.
function read(text: string): ReadResult {
  const result = readYamlPlan(text);
  assert.equal(result.problems, result.plan.problems);
  assert.equal(result.plan.format, 'yaml');
  const valid = PlanSchema.safeParse(result.plan);
  assert.ok(valid.success, valid.success ? '' : JSON.stringify(valid.error.issues.slice(0, 3)));
  return result;
}

function only(problems: Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}

describe('readYamlPlan: a full plan', () => {
  const { plan, problems } = read(fixture('full.marathon.yaml'));
  const [s024, s025, s052] = plan.sessions;

  it('reads without problems', () => assert.deepEqual(problems, []));

  it('reads the top level', () => {
    assert.equal(plan.title, 'Harbor Lights Rewrite');
    assert.match(plan.purpose ?? '', /tide-table/);
    assert.equal(plan.created, '2026-01-11');
    assert.deepEqual(plan.totalHours, { text: '36 hours', min: 36, max: 36, unit: 'hours', line: 5 });
    assert.equal(plan.terminalCount, 6);
    assert.equal(plan.totalTasks, 24);
    assert.deepEqual(plan.contextFiles, [{ path: 'docs/ARCHITECTURE.md', line: 9 }, { path: 'docs/queue-notes.md', line: 10 }]);
    assert.deepEqual(plan.neverShare.map((p) => p.line), [12, 13]);
    assert.deepEqual(plan.risks, [
      { text: 'The broker may drop messages during cut-over', line: 76 },
      { text: 'Load rig not booked yet', level: 'moderate', line: 77 },
    ]);
    assert.deepEqual(plan.timeline[0], { window: { unit: 'hour', from: 0, to: 4 }, label: 'Session 024 (queue adapter)', sessions: ['024'], line: 81 });
    assert.deepEqual(plan.timeline[1]?.sessions, ['025']);
  });

  it('keeps session ids as written, including an unquoted 024', () => {
    assert.deepEqual(plan.sessions.map((s) => s.id), ['024', '025', '052B']);
    assert.deepEqual(s025?.dependsOn, ['024']);
    assert.deepEqual(s052?.dependsOn, ['025']);
  });

  it('puts each session on the lines of its node', () => {
    assert.deepEqual(plan.sessions.map((s) => [s.line, s.endLine]), [[16, 50], [52, 66], [68, 73]]);
  });

  it('reads hours, branch, status and percent', () => {
    assert.deepEqual(s024?.hours, { text: '3-4 hours', min: 3, max: 4, unit: 'hours', line: 18 });
    assert.deepEqual(s025?.hours, { text: '6', min: 6, max: 6, unit: 'hours', line: 54 });
    assert.equal(s052?.hours?.approximate, true);
    assert.equal(s024?.branch, 'marathon/024-queue-adapter');
    assert.deepEqual(plan.sessions.map((s) => s.status), ['done', 'in-progress', 'not-started']);
    assert.equal(s024?.percent, 100);
  });

  it('reads agents as a line and as a list', () => {
    assert.deepEqual(s024?.agents.map((a) => a.role), ['ARCHITECT', 'TOOLSMITH', 'QA_TESTER']);
    assert.deepEqual(s025?.agents, [{ role: 'ARCHITECT', count: 1, model: 'opus' }, { role: 'QA_TESTER', count: 2 }]);
    assert.deepEqual(s052?.agents, [{ role: 'QA_TESTER', count: 3 }]);
  });

  it('reads objectives and terminals', () => {
    assert.deepEqual(s024?.objectives.map((o) => o.line), [22, 23]);
    assert.deepEqual(s024?.terminals, [
      { from: 1, to: 3, label: 'Adapter and retries', tasks: { from: 1, to: 10 }, line: 25 },
      { from: 4, to: 6, label: 'Fixtures', line: 26 },
    ]);
  });

  it('reads criteria with their done state and checkbox column', () => {
    assert.deepEqual(s024?.criteria, [
      { text: 'Adapter compiles against both brokers', done: true, line: 30, column: 10 },
      { text: 'Retry backoff is covered by tests', done: false, line: 31, column: 10 },
      { text: 'No change to the public API', done: true, line: 32, column: 9 },
    ]);
    assert.deepEqual(s025?.criteria, [{ text: 'Feed reads from the queue only', done: false, line: 62, column: 9 }]);
  });

  it('classifies deliverables', () => {
    const d = s024?.deliverables ?? [];
    assert.deepEqual(d.map((x) => [x.path, x.isGlob, x.isPlaceholder, x.isFolder, x.line]), [
      ['src/queue/adapter.ts', false, false, false, 35],
      ['test/queue/**/*.test.ts', true, false, false, 36],
      ['docs/', false, false, true, 37],
      [undefined, false, true, false, 38],
    ]);
    assert.equal(s025?.deliverables[0]?.isPlaceholder, true);
  });

  it('reads tasks', () => {
    assert.deepEqual(s024?.tasks, [
      { id: 'T1', title: 'Define the adapter interface', files: ['src/queue/adapter.ts'], status: { from: 'pending', to: 'done' }, terminal: 1, dependsOn: [], line: 40 },
      { id: 'T2', title: 'Retry with jitter', files: ['src/queue/retry.ts', 'src/queue/jitter.ts'], dependsOn: ['T1'], line: 45 },
    ]);
  });

  it('is what readPlan returns for a .marathon.yaml name', () => {
    assert.deepEqual(readPlan(fixture('full.marathon.yaml'), 'full.marathon.yaml').plan, plan);
  });
});

describe('readYamlPlan: syntax errors', () => {
  const cases: [string, string, number, number][] = [
    ['a tab used as indentation', 'title: x\n\tpurpose: y\n', 2, 1],
    ['a duplicate key', 'title: a\npurpose: b\ntitle: c\n', 3, 1],
    ['an unquoted checkbox item', 'title: x\nsessions:\n  - id: 1\n    criteria:\n      - [x] foo\n', 5, 13],
    ['a dedented key', 'title: x\nsessions:\n  - id: 1\n    title: ok\n   bad: indent\n', 5, 1],
  ];
  for (const [name, text, line, column] of cases) {
    it(`reports ${name} at ${line}:${column}`, () => {
      const p = only(read(text).problems, 'yaml-syntax');
      assert.ok(p.length > 0);
      assert.deepEqual([p[0]?.line, p[0]?.column, p[0]?.severity], [line, column, 'error']);
      assert.ok((p[0]?.endColumn ?? 0) > column || (p[0]?.endLine ?? 0) > line);
    });
  }

  it('hints at quoting checkbox items', () => {
    const p = only(read(cases[2]![1]).problems, 'yaml-syntax');
    assert.match(p[0]?.message ?? '', /Quote checkbox items/);
  });

  it('still reads the valid parts around an error', () => {
    assert.equal(read('title: a\npurpose: b\ntitle: c\n').plan.purpose, 'b');
  });
});

describe('readYamlPlan: values of the wrong type', () => {
  it('reports `sessions: 5` at its node', () => {
    const [p] = read('title: x\nsessions: 5\n').problems;
    assert.deepEqual([p?.code, p?.severity, p?.line, p?.column, p?.endColumn], ['yaml-invalid', 'error', 2, 11, 12]);
    assert.match(p?.message ?? '', /sessions: expected a list, found the number 5/);
  });

  it('reports `hours: [1]` and keeps the rest of the session', () => {
    const { plan, problems } = read('title: x\nsessions:\n  - id: 7\n    title: Kept\n    hours: [1]\n');
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [['yaml-invalid', 5, 12]]);
    assert.match(problems[0]?.message ?? '', /sessions\[0\]\.hours: expected text or a number, found a list/);
    assert.deepEqual([plan.sessions[0]?.id, plan.sessions[0]?.title, plan.sessions[0]?.hours], ['7', 'Kept', undefined]);
  });

  it('reports a criterion map without text and keeps the other criteria', () => {
    const text = 'title: x\nsessions:\n  - id: 1\n    criteria:\n      - "[x] a"\n      - done: true\n      - "[ ] b"\n';
    const { plan, problems } = read(text);
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [['yaml-invalid', 6]]);
    assert.match(problems[0]?.message ?? '', /criteria\[1\]: missing "text"/);
    assert.deepEqual(plan.sessions[0]?.criteria.map((c) => [c.text, c.line]), [['a', 5], ['b', 7]]);
  });

  it('reports a missing session id and drops only that session', () => {
    const { plan, problems } = read('title: x\nsessions:\n  - title: no id\n  - id: 2\n');
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [['yaml-invalid', 3]]);
    assert.match(problems[0]?.message ?? '', /sessions\[0\]: missing "id"/);
    assert.deepEqual(plan.sessions.map((s) => s.id), ['2']);
  });

  it('names the allowed statuses and the bounds of numbers', () => {
    const { problems } = read('title: x\nsessions:\n  - id: 1\n    status: finished\n    percent: 120\n');
    assert.match(problems[0]?.message ?? '', /one of done, partial/);
    assert.match(problems[1]?.message ?? '', /at most 100/);
  });
});

describe('readYamlPlan: unknown keys and friendly forms', () => {
  it('warns about an unknown key and suggests the near one', () => {
    const { plan, problems } = read('title: x\nsessions:\n  - id: 1\n    critera: []\n    colour: red\n');
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line, p.column]), [
      ['yaml-unknown-key', 'warning', 4, 5],
      ['yaml-unknown-key', 'warning', 5, 5],
    ]);
    assert.match(problems[0]?.message ?? '', /Did you mean "criteria"\?/);
    assert.equal(plan.sessions.length, 1);
  });

  it('reads terminals and a timeline written as maps, and status words', () => {
    const text = 'title: x\nsessions:\n  - id: 1\n    status: in progress\n    terminals:\n      1-3: Core (tasks 1-10)\ntimeline:\n  - "Day 2: Sessions 1, 2 and 3"\n';
    const { plan, problems } = read(text);
    assert.deepEqual(problems, []);
    assert.equal(plan.sessions[0]?.status, 'in-progress');
    assert.deepEqual(plan.sessions[0]?.terminals, [{ from: 1, to: 3, label: 'Core', tasks: { from: 1, to: 10 }, line: 6 }]);
    assert.deepEqual(plan.timeline[0]?.sessions, ['1', '2', '3']);
  });
});

describe('readYamlPlan: odd input never throws', () => {
  for (const text of ['', '# only a comment\n', 'null', '~']) {
    it(`reports ${JSON.stringify(text)} as an empty plan`, () => {
      assert.deepEqual(read(text).problems.map((p) => [p.code, p.severity, p.line]), [['empty-plan', 'warning', 1]]);
    });
  }

  const odd = ['5', '- a\n- b', '"just text"', '\u0000\u0001\u00ff\ufffd', 'title: x\ntotalTasks: 1e999\nterminals: 99999999999999999999999',
    'title: !!binary aGVsbG8=', 'title: !custom x', '? [a, b]\n: c', '{{{{', ']]]', 'title: x\n---\ntitle: y\n',
    `a: &a [1,2,3,4,5,6,7,8,9]\n${['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcd'[i]}`).join(',')}]`).join('\n')}\n`];
  for (const text of odd) {
    it(`reports problems for ${JSON.stringify(text).slice(0, 40)}`, () => {
      assert.ok(read(text).problems.some((p) => p.severity !== 'info'));
    });
  }

  it('holds for any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void read(s)));
  });

  it('holds for any YAML value and for plan-shaped values of random types', () => {
    fc.assert(fc.property(fc.anything(), (v) => void read(stringify(v))));
    const session = fc.record({ id: fc.oneof(fc.string(), fc.integer()), hours: fc.anything(), agents: fc.anything(), criteria: fc.anything(), terminals: fc.anything(), tasks: fc.anything(), dependsOn: fc.anything(), percent: fc.anything() }, { requiredKeys: [] });
    const planLike = fc.record({ title: fc.anything(), sessions: fc.array(session, { maxLength: 4 }), timeline: fc.anything(), risks: fc.anything() }, { requiredKeys: [] });
    fc.assert(fc.property(planLike, (v) => void read(stringify(v))));
  });
});

// Deep nesting that would abort the process is covered in a child process by
// test/unit/property/deep-nesting.test.ts; the depths here are ones the library survives anyway.
describe('readYamlPlan: nesting too deep', () => {
  const deep: [string, string, number, number][] = [
    ['block sequences "- - -"', '- '.repeat(100), 1, 2 * MAX_DEPTH + 1],
    ['flow sequences "[[["', '['.repeat(100), 1, MAX_DEPTH + 1],
    ['flow maps "{a: {a:"', '{a: '.repeat(100), 1, 4 * MAX_DEPTH + 1],
    ['indented maps', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), MAX_DEPTH + 1, MAX_DEPTH + 1],
    ['a deep list under a plan', `title: x\nsessions:\n  - id: 1\n    objectives: ${'['.repeat(100)}`, 4, 17 + MAX_DEPTH - 3],
  ];
  for (const [name, text, line, column] of deep) {
    it(`refuses ${name} past ${MAX_DEPTH} levels with yaml-too-deep at ${line}:${column}`, () => {
      const { plan, problems } = read(text);
      assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line, p.column]), [['yaml-too-deep', 'error', line, column]]);
      assert.match(problems[0]?.message ?? '', new RegExp(`more than ${MAX_DEPTH} levels`));
      assert.deepEqual([plan.title, plan.sessions], ['', []]);
    });
  }

  it(`reads ${MAX_DEPTH} levels`, () => {
    const { problems } = read(`${'- '.repeat(MAX_DEPTH)}x`);
    assert.deepEqual(only(problems, 'yaml-too-deep'), []);
    assert.deepEqual(problems.map((p) => p.code), ['yaml-invalid']);
  });

  it('refuses aliases that nest deeper than composing allows', () => {
    const lines = ['title: x', `a0: &a0 ${'['.repeat(40)}1${']'.repeat(40)}`];
    for (let i = 1; i < 5; i++) lines.push(`a${i}: &a${i} ${'['.repeat(40)}*a${i - 1}${']'.repeat(40)}`);
    const { problems } = read(lines.join('\n'));
    // Reported at the alias that nests deepest: *a3, on the last line.
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [['yaml-too-deep', 6]]);
  });
});

describe('readYamlPlan: keys that are lists or maps', () => {
  it('reports `? [a, b]` and `{a: 1}:` keys and reads the rest', () => {
    const { plan, problems } = read('? [a, b]\n: c\ntitle: Kept\n{a: 1}: x\n');
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line, p.column]), [
      ['yaml-complex-key', 'error', 1, 3],
      ['yaml-complex-key', 'error', 4, 1],
    ]);
    assert.match(problems[0]?.message ?? '', /a list/);
    assert.match(problems[1]?.message ?? '', /a map/);
    assert.equal(plan.title, 'Kept');
  });

  it('reports an alias of a list used as a key', () => {
    const { problems } = read('title: x\nsessions: &s []\n*s : y\n');
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [['yaml-complex-key', 3, 1]]);
  });

  it('reports only the outer key of maps keyed by maps', () => {
    const { problems } = read(`${'{'.repeat(60)}a: 1${'}: 1'.repeat(59)}}`);
    // The root map is left empty, so its title is missing too.
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [['yaml-invalid', 1, 1], ['yaml-complex-key', 1, 2]]);
  });
});

describe('readYamlPlan: duplicate keys and aliases', () => {
  it('names the line of the first key', () => {
    const keys = Array.from({ length: 150 }, (_, i) => `    k${i}: ${i}`).join('\n');
    const { problems } = read(`title: x\nsessions:\n  - id: 1\n    colour: red\n${keys}\n    colour: blue\n`);
    const dup = only(problems, 'yaml-syntax');
    assert.deepEqual(dup.map((p) => [p.line, p.column, p.endColumn]), [[155, 5, 11]]);
    assert.match(dup[0]?.message ?? '', /"colour" is already set on line 4/);
  });

  it('expands aliases into the plan, at the line of their anchor', () => {
    const { plan, problems } = read('title: &t T\nsessions:\n  - &s {id: 1, title: *t, hours: 3}\n  - *s\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(plan.sessions.map((s) => [s.id, s.title, s.hours?.max, s.line]), [['1', 'T', 3, 3], ['1', 'T', 3, 3]]);
  });

  it('resolves each alias to the last anchor of its name before it', () => {
    const { plan } = read('title: x\ncontextFiles:\n  - &a a.md\n  - *a\n  - &a b.md\n  - *a\n');
    assert.deepEqual(plan.contextFiles.map((f) => f.path), ['a.md', 'a.md', 'b.md', 'b.md']);
  });

  it('reports an alias without an anchor where it is, and reads the rest', () => {
    const { plan, problems } = read('title: x\npurpose: *nope\nsessions:\n  - id: 1\n');
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [['yaml-syntax', 2, 10], ['yaml-invalid', 2, 10]]);
    assert.match(problems[0]?.message ?? '', /\*nope has no anchor/);
    assert.equal(plan.sessions.length, 1);
  });

  it('refuses an alias inside the node it names', () => {
    const { problems } = read('title: x\nrisks: &r [a, *r]\n');
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [['yaml-syntax', 2, 15]]);
    assert.match(problems[0]?.message ?? '', /contains it/);
  });

  it('refuses aliases that expand to far more than the text holds ("billion laughs")', () => {
    const levels = ['a: &a [1,2,3,4,5,6,7,8,9]', ...['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcd'[i]}`).join(',')}]`)];
    const { problems } = read(`title: x\n${levels.join('\n')}\n`);
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [['yaml-syntax', 6, 8]]);
    assert.match(problems[0]?.message ?? '', /expand to more than/);
  });
});

describe('readYamlPlan: many problems', () => {
  const note = (problems: Problem[]) => only(problems, 'yaml-too-many-problems');

  it(`reports the first ${MAX_PROBLEMS} problems and how many more there are`, () => {
    // The missing title (line 1), 1999 duplicate keys (lines 2-2000) and the unknown key `a`.
    const { problems } = read('a: b\n'.repeat(2000));
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.deepEqual(note(problems).map((p) => [p.severity, p.line]), [['info', MAX_PROBLEMS + 1]]);
    assert.equal(problems[problems.length - 1]?.code, 'yaml-too-many-problems');
    assert.match(note(problems)[0]?.message ?? '', new RegExp(`^${2001 - MAX_PROBLEMS} more problems`));
  });

  it('keeps the checkbox hint on every line of a long list of unquoted checkboxes', () => {
    const { problems } = read('- [ ] x\n'.repeat(5000));
    const syntax = only(problems, 'yaml-syntax');
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.ok(syntax.length >= MAX_PROBLEMS - 1);
    assert.ok(syntax.every((p) => /Quote checkbox items/.test(p.message)));
    assert.match(note(problems)[0]?.message ?? '', /^\d+ more problems/);
  });

  it('adds no note at the limit', () => {
    const { problems } = read(`title: x\n${'a: b\n'.repeat(MAX_PROBLEMS)}`);
    assert.equal(problems.length, MAX_PROBLEMS);
    assert.deepEqual(note(problems), []);
  });
});

describe('schemas/plan.schema.json', () => {
  const file = join(root, 'schemas', 'plan.schema.json');

  it('exists, is JSON, and names itself', () => {
    assert.ok(existsSync(file));
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.equal(schema.$id, 'https://marathon.dev/schemas/plan.schema.json');
    assert.equal(typeof schema.title, 'string');
    assert.equal(typeof schema.description, 'string');
  });

  it('accepts the fixture: required keys present, every key declared', () => {
    type Obj = { required?: string[]; properties: Record<string, { items?: Obj }> };
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Obj;
    const doc = parse(fixture('full.marathon.yaml')) as Record<string, unknown>;
    for (const key of schema.required ?? []) assert.ok(key in doc, key);
    for (const key of Object.keys(doc)) assert.ok(key in schema.properties, key);
    const session = schema.properties.sessions?.items;
    assert.ok(session);
    for (const s of doc.sessions as Record<string, unknown>[]) {
      for (const key of session.required ?? []) assert.ok(key in s, key);
      for (const key of Object.keys(s)) assert.ok(key in session.properties, key);
    }
  });

  it('is what scripts/gen-schema.ts generates now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marathon-schema-'));
    try {
      const out = join(dir, 'plan.schema.json');
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'gen-schema.ts'), out], { cwd: root });
      assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), JSON.parse(readFileSync(file, 'utf8')), 'run npm run build to regenerate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
