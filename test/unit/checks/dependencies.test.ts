import assert from 'node:assert/strict';
import { checkUnknownDependencies } from '../../../src/core/checks';
import { parseRef } from '../../../src/core/checks/refs';
import type { Phase } from '../../../src/core/model';
import { plan, session, task } from './helpers';

function phase(id: string, line: number, dependsOn: string[] = []): Phase {
  return { id, title: `Phase ${id}`, dependsOn, line, endLine: line + 5 };
}

describe('checks: unknown dependencies', () => {
  it('reads written forms leniently', () => {
    assert.deepEqual(parseRef('Session 024'), { kind: 'session', key: '24' });
    assert.deepEqual(parseRef('024'), { key: '24' });
    assert.deepEqual(parseRef('Phase 1'), { kind: 'phase', key: '1' });
    assert.deepEqual(parseRef('Session 024 (MCP tools)'), { kind: 'session', key: '24' });
    assert.deepEqual(parseRef('Session 024: MCP tools'), { kind: 'session', key: '24' });
    assert.deepEqual(parseRef('task #7'), { kind: 'task', key: '7' });
    assert.deepEqual(parseRef('DEBT-001'), { key: 'debt-001' });
    assert.equal(parseRef('none'), undefined);
    assert.equal(parseRef('  '), undefined);
  });

  it('is clean when every dependency resolves', () => {
    const p = plan({
      sessions: [
        session('024', { line: 10 }),
        session('025', { line: 20, dependsOn: ['Session 024', '24', 'Phase 0a', 'none'] }),
      ],
      phases: [phase('0a', 30), phase('1', 40, ['Phase 0a']), phase('2', 50, ['1'])],
      tasks: [task('DEBT-001', 60), task('DEBT-002', 61, ['DEBT-001', 'Task DEBT-001'])],
    });
    assert.deepEqual(checkUnknownDependencies(p), []);
  });

  it('reports sessions, phases and tasks naming nothing', () => {
    const p = plan({
      sessions: [session('024', { line: 10, dependsOn: ['Session 099'] }), session('025', { line: 20, dependsOn: ['Phase 1'] })],
      phases: [phase('1', 30, ['Phase 7']), phase('2', 40, ['3'])],
      streams: [{ id: 'A', title: 'A', tasks: [task('1', 50, ['12'])], line: 49, endLine: 60 }],
    });
    const problems = checkUnknownDependencies(p);
    assert.deepEqual(problems.map((x) => x.line), [10, 30, 40, 50]);
    assert.ok(problems.every((x) => x.code === 'unknown-dependency' && x.severity === 'error'));
    assert.match(problems[0]?.message ?? '', /Session 024 depends on "Session 099", but the plan has no session/);
    assert.match(problems[3]?.message ?? '', /Task 1 depends on "12"/);
  });

  it('reads a bare number on a session as a session, not a phase', () => {
    const p = plan({ sessions: [session('024', { dependsOn: ['1'] })], phases: [phase('1', 30)] });
    assert.equal(checkUnknownDependencies(p).length, 1);
  });
});
