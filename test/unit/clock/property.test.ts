// Property: for any sequence of session events (any order, any session), the clock is sane.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allRuns, runKey, sessionRun } from '../../../src/core/clock';
import type { RunEvent } from '../../../src/core/model';
import { at, pause, resume, start, stop } from './helpers';

const PLANS = ['a.md', 'b.md'];
const SESSIONS = ['1', '2'];

const eventArb: fc.Arbitrary<RunEvent> = fc
  .record({
    kind: fc.constantFrom('start', 'pause', 'resume', 'stop'),
    minute: fc.integer({ min: 0, max: 10_000 }),
    plan: fc.constantFrom(...PLANS),
    session: fc.constantFrom(...SESSIONS),
    outcome: fc.constantFrom('done', 'blocked', 'abandoned' as const),
  })
  .map(({ kind, minute, plan, session, outcome }) => {
    const w = { plan, session };
    if (kind === 'start') return start(minute, w);
    if (kind === 'pause') return pause(minute, w);
    if (kind === 'resume') return resume(minute, w);
    return stop(minute, outcome, w);
  });

describe('property: stopwatch', () => {
  it('elapsed is ≥ 0, ≤ now − first start, non-decreasing in now, and allRuns agrees', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 60 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (events, extra1, extra2) => {
          const last = Math.max(0, ...events.map((e) => Date.parse(e.time)).map((t) => (t - at(0)) / 60_000));
          const now1 = at(last + extra1);
          const now2 = now1 + extra2 * 60_000;
          const all = allRuns(events, now1);
          for (const plan of PLANS) {
            for (const s of SESSIONS) {
              const r1 = sessionRun(events, plan, s, now1);
              const r2 = sessionRun(events, plan, s, now2);
              assert.ok(r1.elapsedMs >= 0);
              assert.ok(r2.elapsedMs >= r1.elapsedMs);
              if (r1.state === 'running') assert.equal(r2.elapsedMs - r1.elapsedMs, now2 - now1);
              else assert.equal(r2.elapsedMs, r1.elapsedMs);
              if (r1.startedAt === undefined) assert.equal(r1.elapsedMs, 0);
              else assert.ok(r1.elapsedMs <= now1 - r1.startedAt);
              const mine = events.some((e) => e.plan === plan && e.session === s);
              if (mine) assert.deepEqual(all.get(runKey(plan, s)), r1);
              else assert.equal(all.has(runKey(plan, s)), false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
