// The blocker note, the issue text and the fallback session.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlan } from '../../../src/core/plan';
import { blockerMarkdown, dependentsOf, fallbackSession, issueText } from '../../../src/core/reports';
import { FIXTURES, iso, T0, MIN } from './helpers';

const plan = readPlan(fs.readFileSync(path.join(FIXTURES, 'relay.marathon.md'), 'utf8'), 'relay.marathon.md').plan;
const events = [
  { time: iso(0), event: 'session.start', plan: 'relay.marathon.md', session: '102' },
  { time: iso(20), event: 'blocker.report', plan: 'relay.marathon.md', session: '102', text: 'Native storage module fails to build', by: 'tess' },
] as never[];

describe('reports: blocker note and fallback', function () {
  it('finds the sessions depending on a blocked one, transitively', function () {
    assert.deepEqual([...dependentsOf(plan, '101')].sort(), ['102', '103']);
    assert.deepEqual([...dependentsOf(plan, '102')], ['103']);
    assert.deepEqual([...dependentsOf(plan, '105')], []);
  });

  it('falls back to the next session that does not depend on the blocked one', function () {
    assert.equal(fallbackSession(plan, '102')?.id, '104');
    assert.equal(fallbackSession(plan, '101')?.id, '104');
    assert.equal(fallbackSession(plan, '104')?.id, '105');
    assert.equal(fallbackSession(plan, '105')?.id, '101', 'wraps to the start');
    assert.equal(fallbackSession(plan, '102', new Set(['104', '105', '101']))?.id, undefined);
    assert.equal(fallbackSession(plan, '0102')?.id, '104', 'ids compare by key');
  });

  it('is safe on dependency cycles', function () {
    const cyclic = { ...plan, sessions: plan.sessions.map((s) => (s.id === '101' ? { ...s, dependsOn: ['103'] } : s)) };
    assert.deepEqual([...dependentsOf(cyclic, '102')].sort(), ['101', '103']);
    assert.equal(fallbackSession(cyclic, '102')?.id, '104');
  });

  it('writes the blocker note from the open blocker.report', function () {
    const text = blockerMarkdown({ plan, planFile: 'relay.marathon.md', sessionId: '102', events, now: T0 + 30 * MIN });
    assert.match(text, /^# Session 102: Track Storage — BLOCKER/);
    assert.ok(text.includes('Native storage module fails to build'));
    assert.ok(text.includes('Reported 2026-01-10 09:20 UTC by tess.'));
    assert.ok(text.includes('- Time spent: 0:30'));
    assert.ok(text.includes('Sessions that depend on it (directly or through others): 103.'));
    assert.ok(text.includes('Pivot to Session 104: Lap Timer'));
  });

  it('gives the blocker as issue text', function () {
    const issue = issueText({ plan, planFile: 'relay.marathon.md', sessionId: '102', events, now: T0 + 30 * MIN });
    assert.equal(issue.title, 'Blocker: Session 102: Track Storage — Native storage module fails to build');
    assert.ok(issue.body.includes('Blocks sessions 103.'));
    assert.ok(issue.body.includes('Work continues with Session 104: Lap Timer.'));
  });

  it('says so when there is no blocker text and no such session', function () {
    const text = blockerMarkdown({ plan, planFile: 'relay.marathon.md', sessionId: '999', events: [], now: T0 });
    assert.ok(text.includes('No blocker text given and no open blocker.report event'));
    assert.ok(text.includes('The plan has no session `999`.'));
  });
});
