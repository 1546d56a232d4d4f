import { strict as assert } from 'node:assert';
import { readPlan } from '../../../src/core/plan';
import { addDeliverableEdit, removeDeliverableEdit, type LineInsert } from '../../../src/core/plan/edit';

const MD = [
  '# Kite Marathon',
  '',
  '## Session 001: Frame',
  '',
  '**Duration:** 2 hours',
  '',
  '### Deliverables',
  '',
  '- `src/frame.ts`',
  '- `src/spar.ts`',
  '',
  '---',
  '',
  '## Session 002: Sail',
  '',
  '**Duration:** 1 hour',
  '',
  '### Success Criteria',
  '',
  '- [ ] Sail cut',
  '',
  '---',
  '',
].join('\n');

const YAML = [
  'title: Kite',
  'sessions:',
  '  - id: "001"',
  '    title: Frame',
  '    hours: 2',
  '    deliverables:',
  '      - src/frame.ts',
  '  - id: "002"',
  '    title: Sail',
  '    hours: 1',
  '',
].join('\n');

function apply(text: string, ins: LineInsert): string {
  const lines = text.split('\n');
  lines.splice(ins.line - 1, 0, ...ins.text.split('\n'));
  return lines.join('\n');
}

function session(text: string, file: string, id: string) {
  const s = readPlan(text, file).plan.sessions.find((x) => x.id === id);
  assert.ok(s, `session ${id} read`);
  return s;
}

describe('addDeliverableEdit', () => {
  it('appends after the last deliverable in the same list style', () => {
    const s = session(MD, 'k.marathon.md', '001');
    const r = addDeliverableEdit(MD.split('\n'), 'markdown', s, 'src/tail.ts');
    assert.ok('insert' in r);
    assert.deepEqual(r.insert, { line: 11, text: '- `src/tail.ts`' });
    const after = session(apply(MD, r.insert), 'k.marathon.md', '001');
    assert.deepEqual(after.deliverables.map((d) => d.path), ['src/frame.ts', 'src/spar.ts', 'src/tail.ts']);
  });

  it('creates a Deliverables list inside a session that has none, before its separator', () => {
    const s = session(MD, 'k.marathon.md', '002');
    const r = addDeliverableEdit(MD.split('\n'), 'markdown', s, 'docs/sail-notes.md');
    assert.ok('insert' in r);
    const text = apply(MD, r.insert);
    const after = session(text, 'k.marathon.md', '002');
    assert.deepEqual(after.deliverables.map((d) => d.path), ['docs/sail-notes.md']);
    assert.deepEqual(after.criteria.map((c) => c.text), ['Sail cut']);
    assert.ok(text.indexOf('docs/sail-notes.md') < text.lastIndexOf('---'), 'lands before the rule');
  });

  it('keeps a path with backticks intact as a code span', () => {
    const s = session(MD, 'k.marathon.md', '001');
    const r = addDeliverableEdit(MD.split('\n'), 'markdown', s, 'odd`name.ts');
    assert.ok('insert' in r);
    assert.equal(r.insert.text, '- `` odd`name.ts ``');
  });

  it('adds to a YAML list with a JSON-quoted scalar, and creates the key when missing', () => {
    const one = session(YAML, 'k.marathon.yaml', '001');
    const r1 = addDeliverableEdit(YAML.split('\n'), 'yaml', one, 'src/a#b.ts');
    assert.ok('insert' in r1);
    assert.deepEqual(session(apply(YAML, r1.insert), 'k.marathon.yaml', '001').deliverables.map((d) => d.path), ['src/frame.ts', 'src/a#b.ts']);
    const two = session(YAML, 'k.marathon.yaml', '002');
    const r2 = addDeliverableEdit(YAML.split('\n'), 'yaml', two, 'src/sail.ts');
    assert.ok('insert' in r2);
    const text = apply(YAML, r2.insert);
    assert.deepEqual(readPlan(text, 'k.marathon.yaml').problems, []);
    assert.deepEqual(session(text, 'k.marathon.yaml', '002').deliverables.map((d) => d.path), ['src/sail.ts']);
  });

  it('refuses a stale model and a duplicate', () => {
    const s = session(MD, 'k.marathon.md', '001');
    const stale = addDeliverableEdit(['# other', ''], 'markdown', s, 'x.ts');
    assert.ok('error' in stale && /no longer at line 3/.test(stale.error));
    const dup = addDeliverableEdit(MD.split('\n'), 'markdown', s, 'src/frame.ts');
    assert.ok('error' in dup && /already a deliverable/.test(dup.error));
  });
});

describe('removeDeliverableEdit', () => {
  it('deletes the line that names the path, and refuses when it moved', () => {
    const s = session(MD, 'k.marathon.md', '001');
    const r = removeDeliverableEdit(MD.split('\n'), s, 'src/spar.ts');
    assert.deepEqual(r, { delete: { line: 10 } });
    const moved = removeDeliverableEdit(MD.split('\n').map((l, i) => (i === 9 ? '- other' : l)), s, 'src/spar.ts');
    assert.ok('error' in moved);
    assert.ok('error' in removeDeliverableEdit(MD.split('\n'), s, 'nope.ts'));
  });
});
