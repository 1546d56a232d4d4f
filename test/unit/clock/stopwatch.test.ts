import assert from 'node:assert/strict';
import { allRuns, parseRunLog, runKey, serializeEvent, sessionRun } from '../../../src/core/clock';
import type { RunEvent } from '../../../src/core/model';
import { session } from '../checks/helpers';
import { at, HOUR, iso, MIN, pause, resume, start, stop } from './helpers';

const P = 'plan.marathon.md';
const run = (evs: RunEvent[], nowMin: number, s = '024', plan = P) => sessionRun(evs, plan, s, at(nowMin));

describe('clock: stopwatch', () => {
  it('is not started with no events', () => {
    const r = run([], 100);
    assert.deepEqual(r, { state: 'not-started', elapsedMs: 0, pauses: [], runs: 0 });
  });

  it('counts a running session up to now', () => {
    const r = run([start(0, {}, { head: 'abc' })], 72);
    assert.equal(r.state, 'running');
    assert.equal(r.elapsedMs, 72 * MIN);
    assert.equal(r.startedAt, at(0));
    assert.equal(r.runningSince, at(0));
    assert.equal(r.head, 'abc');
    assert.equal(r.runs, 1);
  });

  it('start, pause, resume, stop: elapsed is the running intervals only', () => {
    // running 0-30 (30), paused 30-45, running 45-100 (55), stop at 100 → 85 min
    const r = run([start(0), pause(30), resume(45), stop(100, 'blocked')], 500);
    assert.equal(r.state, 'blocked');
    assert.equal(r.elapsedMs, 85 * MIN);
    assert.equal(r.stoppedAt, at(100));
    assert.equal(r.runningSince, undefined);
    assert.deepEqual(r.pauses, [{ from: at(30), to: at(45) }]);
  });

  it('stops the clock while paused, and a stop closes the open pause', () => {
    const evs = [start(0), pause(20)];
    const paused = run(evs, 300);
    assert.equal(paused.state, 'paused');
    assert.equal(paused.elapsedMs, 20 * MIN);
    assert.deepEqual(paused.pauses, [{ from: at(20) }]);
    const stopped = run([...evs, stop(60, 'abandoned')], 300);
    assert.equal(stopped.state, 'abandoned');
    assert.equal(stopped.elapsedMs, 20 * MIN);
    assert.deepEqual(stopped.pauses, [{ from: at(20), to: at(60) }]);
  });

  it('ignores pause while not running, resume while not paused, and duplicate starts', () => {
    const r = run([pause(0), resume(1), start(10), start(15), resume(20), pause(30), pause(35), start(40), resume(50)], 60);
    // running 10-30 (20), paused 30-40, the start at 40 resumes: running 40-60 (20)
    assert.equal(r.state, 'running');
    assert.equal(r.elapsedMs, 40 * MIN);
    assert.equal(r.runs, 1);
    assert.equal(r.startedAt, at(10));
    assert.deepEqual(r.pauses, [{ from: at(30), to: at(40) }]);
  });

  it('accumulates elapsed across a stop and a restart (resumed the next day)', () => {
    const evs = [start(0, {}, { head: 'first' }), stop(60, 'blocked'), start(24 * 60, {}, { head: 'second' })];
    const r = run(evs, 24 * 60 + 30);
    assert.equal(r.state, 'running');
    assert.equal(r.elapsedMs, 90 * MIN);
    assert.equal(r.runs, 2);
    assert.equal(r.startedAt, at(0));
    assert.equal(r.stoppedAt, undefined);
    assert.equal(r.head, 'first');
    const done = run([...evs, stop(24 * 60 + 45, 'done')], 10_000);
    assert.equal(done.state, 'done');
    assert.equal(done.elapsedMs, 105 * MIN);
    assert.equal(done.stoppedAt, at(24 * 60 + 45));
  });

  it('takes a stop without a start as the outcome with no time', () => {
    const r = run([stop(5, 'done')], 100);
    assert.equal(r.state, 'done');
    assert.equal(r.elapsedMs, 0);
    assert.equal(r.runs, 0);
  });

  it('sorts events out of order (clock skew) by time first', () => {
    const inOrder = [start(0), pause(30), resume(45), stop(100)];
    const shuffled = [stop(100), resume(45), start(0), pause(30)];
    assert.deepEqual(run(shuffled, 200), run(inOrder, 200));
    assert.equal(run(shuffled, 200).elapsedMs, 85 * MIN);
  });

  it('ignores events whose time does not parse', () => {
    const r = run([start(0), { ...pause(10), time: 'not a time' }], 60);
    assert.equal(r.state, 'running');
    assert.equal(r.elapsedMs, 60 * MIN);
  });

  it('never counts below zero when now is before the running interval began', () => {
    assert.equal(run([start(10)], 5).elapsedMs, 0);
  });

  it('keeps the planned session from the first start that has one', () => {
    const planned = session('024', { hours: { text: '4 hours', min: 4, max: 4 } });
    const r = run([start(0, {}, { planned }), stop(1), start(2, {}, { planned: session('024') })], 3);
    assert.deepEqual(r.planned, planned);
  });

  it('keeps sessions of the same id in different plans apart', () => {
    const a = { plan: 'a.marathon.md', session: '024' };
    const b = { plan: 'b.marathon.md', session: '024' };
    const evs = [start(0, a), start(10, b), pause(20, a), stop(40, 'done', b)];
    assert.equal(sessionRun(evs, a.plan, '024', at(60)).elapsedMs, 20 * MIN);
    assert.equal(sessionRun(evs, b.plan, '024', at(60)).elapsedMs, 30 * MIN);
    const all = allRuns(evs, at(60));
    assert.equal(all.size, 2);
    assert.equal(all.get(runKey(a.plan, '024'))?.state, 'paused');
    assert.equal(all.get(runKey(b.plan, '024'))?.state, 'done');
  });

  it('allRuns gives the same result as sessionRun for each session', () => {
    const x = { session: 'x' };
    const y = { session: 'y' };
    const evs = [start(0, x), start(5, y), pause(10, x), resume(20, x), stop(30, 'done', y), start(40, y), pause(50, y)];
    const all = allRuns(evs, at(90));
    for (const s of ['x', 'y']) assert.deepEqual(all.get(runKey(P, s)), sessionRun(evs, P, s, at(90)));
  });

  it('a reload at a later now: elapsed grows by the difference while running, not while paused', () => {
    const text = [start(0), pause(30), resume(40)].map(serializeEvent).join('');
    const first = sessionRun(parseRunLog(text).events, P, '024', at(50));
    const later = sessionRun(parseRunLog(text).events, P, '024', at(50) + 1234567);
    assert.equal(later.elapsedMs - first.elapsedMs, 1234567);
    const pausedText = text + serializeEvent(pause(60));
    const p1 = sessionRun(parseRunLog(pausedText).events, P, '024', at(70));
    const p2 = sessionRun(parseRunLog(pausedText).events, P, '024', at(70) + 5 * HOUR);
    assert.equal(p1.elapsedMs, 50 * MIN);
    assert.equal(p2.elapsedMs, p1.elapsedMs);
  });

  it('allRuns is fast on 100,000 events, in order or not', () => {
    const evs: RunEvent[] = [];
    for (let i = 0; i < 100_000; i++) {
      const w = { session: `s${i % 50}` };
      const m = Math.floor(i / 50) * 10;
      const k = Math.floor(i / 50) % 3;
      evs.push(k === 0 ? start(m, w) : k === 1 ? pause(m, w) : resume(m, w));
    }
    for (const list of [evs, [...evs].reverse()]) {
      const t = process.hrtime.bigint();
      const all = allRuns(list, at(1_000_000));
      assert.equal(all.size, 50);
      assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 2_000);
    }
  });

  it('iso helper sanity', () => {
    assert.equal(iso(0), '2026-01-10T09:00:00.000Z');
  });
});
