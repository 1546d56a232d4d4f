import assert from 'node:assert/strict';
import { checkDuplicateSessions } from '../../../src/core/checks';
import { plan, session, sessions } from './helpers';

describe('checks: duplicate session ids', () => {
  it('reports the second and later occurrences, naming the first line', () => {
    const p = plan({
      sessions: [session('024', { line: 10 }), session('025', { line: 20 }), session('024', { line: 30 }), session('24', { line: 40 })],
    });
    const problems = checkDuplicateSessions(p);
    assert.deepEqual(problems.map((x) => x.line), [30, 40]);
    assert.ok(problems.every((x) => x.code === 'duplicate-session-id' && x.severity === 'error'));
    assert.match(problems[0]?.message ?? '', /first used on line 10/);
    assert.match(problems[1]?.message ?? '', /written 024 there/);
  });

  it('is clean for distinct ids and ignores sessions with no id', () => {
    assert.deepEqual(checkDuplicateSessions(plan({ sessions: sessions('024', '025', '052B', '052b2') })), []);
    assert.deepEqual(checkDuplicateSessions(plan({ sessions: [session(''), session('  ')] })), []);
  });
});
