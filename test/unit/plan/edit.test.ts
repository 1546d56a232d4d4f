import * as assert from 'node:assert/strict';
import { checkboxEdit } from '../../../src/core/plan/edit';
import { readPlan } from '../../../src/core/plan';

const PLAN = ['# P', '## Session 001: A', '### Success Criteria', '- [ ] Tests pass', '  - [x] Nested `done` item', ''].join('\n');

describe('checkboxEdit', function () {
  const criteria = readPlan(PLAN, 'p.md').plan.sessions[0]!.criteria;
  const lines = PLAN.split('\n');

  it('ticks an unticked box by replacing the one character inside the brackets', function () {
    const c = criteria[0]!;
    const r = checkboxEdit(lines[c.line - 1], c, true);
    assert.ok('edit' in r);
    assert.deepEqual(r.edit, { line: 4, column: 4, endColumn: 5, newText: 'x' });
    const line = lines[3]!;
    assert.equal(line.slice(0, r.edit.column - 1) + r.edit.newText + line.slice(r.edit.endColumn - 1), '- [x] Tests pass');
  });

  it('unticks a nested ticked box', function () {
    const c = criteria[1]!;
    const r = checkboxEdit(lines[c.line - 1], c, false);
    assert.ok('edit' in r);
    assert.equal(r.edit.column, 6);
    assert.equal(r.edit.newText, ' ');
  });

  it('refuses when the line moved, lost its checkbox or changed its text', function () {
    const c = criteria[0]!;
    assert.match((checkboxEdit(undefined, c, true) as { error: string }).error, /no longer exists/);
    assert.match((checkboxEdit('Some other line', c, true) as { error: string }).error, /no longer has a checkbox/);
    assert.match((checkboxEdit('- [ ] Docs written', c, true) as { error: string }).error, /no longer reads/);
  });
});
