import assert from 'node:assert/strict';
import { appendPlan, parseRunLog, serializeEvent, sortEvents } from '../../../src/core/clock';
import type { RunEvent } from '../../../src/core/model';
import { iso, pause, start, stop } from './helpers';

const lines = (...evs: RunEvent[]): string => evs.map(serializeEvent).join('');

describe('clock: run log', () => {
  describe('serializeEvent', () => {
    it('writes one line with time, event, plan, session first', () => {
      const e: RunEvent = { outcome: 'blocked', session: '024', note: 'n', plan: 'p.md', event: 'session.stop', time: iso(0) };
      const s = serializeEvent(e);
      assert.ok(s.endsWith('\n'));
      assert.equal(s.indexOf('\n'), s.length - 1);
      assert.deepEqual(Object.keys(JSON.parse(s) as object), ['time', 'event', 'plan', 'session', 'outcome', 'note']);
    });

    it('keeps newlines inside values on one line and drops undefined fields', () => {
      const s = serializeEvent({ time: iso(0), event: 'blocker.report', plan: 'p', session: 's', text: 'a\nb\r\nc\u2028', file: undefined });
      assert.equal(s.split('\n').length, 2);
      assert.ok(!s.includes('"file"'));
    });

    it('round-trips through parseRunLog', () => {
      const evs: RunEvent[] = [
        start(0, {}, { head: 'abc123' }),
        { time: iso(1), event: 'task.launch', plan: 'p', session: '024', task: 't1', terminal: 'T1', promptFile: 'x.md' },
        { time: iso(2), event: 'task.exit', plan: 'p', session: '024', task: 't1', terminal: 'T1', exitCode: 0 },
        { time: iso(3), event: 'checkpoint.decision', plan: 'p', session: '024', checkpoint: 'Go/No-Go', decision: 'go', by: 'ana' },
        stop(4, 'done'),
      ];
      const { events, problems } = parseRunLog(lines(...evs));
      assert.deepEqual(problems, []);
      assert.deepEqual(events, evs);
    });
  });

  describe('parseRunLog', () => {
    it('reads an empty log', () => {
      assert.deepEqual(parseRunLog(''), { events: [], problems: [] });
    });

    it('tolerates a torn last line', () => {
      const text = `${lines(start(0), pause(10))}{"time":"2026-`;
      const { events, problems } = parseRunLog(text);
      assert.equal(events.length, 2);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.code, 'runlog-torn-line');
      assert.equal(problems[0]?.severity, 'info');
      assert.equal(problems[0]?.line, 3);
    });

    it('reports a bad middle line with its line number and reads the rest', () => {
      const text = `${serializeEvent(start(0))}{"time":"2026-\n${lines(pause(10), stop(20))}`;
      const { events, problems } = parseRunLog(text);
      assert.deepEqual(events.map((e) => e.event), ['session.start', 'session.pause', 'session.stop']);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.code, 'runlog-bad-line');
      assert.equal(problems[0]?.severity, 'warning');
      assert.equal(problems[0]?.line, 2);
      assert.equal(problems[0]?.endColumn, '{"time":"2026-'.length + 1);
    });

    it('reports a torn line that later appends moved into the middle as a bad line', () => {
      const before = `${serializeEvent(start(0))}{"time":"2026-`;
      const text = before + appendPlan(before, pause(10));
      const { events, problems } = parseRunLog(text);
      assert.equal(events.length, 2);
      assert.deepEqual(problems.map((p) => [p.code, p.line]), [['runlog-bad-line', 2]]);
    });

    it('reports JSON that is not an event object, and events failing their schema', () => {
      const text = ['[1,2]', '42', 'null', '{"time":"x","plan":"p","session":"s","event":"session.stop","outcome":"nah"}', '{"plan":"p"}', ''].join('\n');
      const { events, problems } = parseRunLog(text);
      assert.equal(events.length, 0);
      assert.deepEqual(problems.map((p) => [p.code, p.line]), [1, 2, 3, 4, 5].map((l) => ['runlog-bad-line', l]));
      assert.match(problems[3]?.message ?? '', /outcome/);
    });

    it('accepts CRLF line ends, blank lines and a BOM', () => {
      const text = `\uFEFF${lines(start(0), pause(5), stop(9)).replace(/\n/g, '\r\n\r\n')}   \r\n`;
      const { events, problems } = parseRunLog(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(events, [start(0), pause(5), stop(9)]);
    });

    it('skips unknown event kinds with an info problem', () => {
      const text = `${serializeEvent(start(0))}{"time":"${iso(1)}","event":"session.teleport","plan":"p","session":"s"}\n${serializeEvent(stop(2))}`;
      const { events, problems } = parseRunLog(text);
      assert.equal(events.length, 2);
      assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line]), [['runlog-unknown-event', 'info', 2]]);
    });

    it('accepts a valid last line without a line end, and drops unknown fields', () => {
      const text = `${serializeEvent(start(0))}{"time":"${iso(1)}","event":"session.pause","plan":"plan.marathon.md","session":"024","future":1}`;
      const { events, problems } = parseRunLog(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(events, [start(0), pause(1)]);
    });

    it('never throws on hostile input and stays fast on a large log', () => {
      for (const text of ['\n\n\n', '\r', '{', '}', '"', '{"event":{}}', '[[[[[[[[[[', '{"__proto__":{"x":1}}', '\u0000'.repeat(100)]) {
        assert.doesNotThrow(() => parseRunLog(text));
      }
      const big = lines(start(0)).repeat(100_000);
      const t = process.hrtime.bigint();
      const { events } = parseRunLog(big);
      assert.equal(events.length, 100_000);
      assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 5_000);
    });
  });

  describe('appendPlan', () => {
    it('starts the new event on its own line', () => {
      const e = pause(3);
      assert.equal(appendPlan('', e), serializeEvent(e));
      assert.equal(appendPlan(serializeEvent(start(0)), e), serializeEvent(e));
      assert.equal(appendPlan('{"time":"2026-', e), `\n${serializeEvent(e)}`);
      assert.equal(appendPlan('}', e), `\n${serializeEvent(e)}`);
    });
  });

  describe('sortEvents', () => {
    it('sorts by time, stably, with unparseable times last', () => {
      const a = { ...pause(5), by: 'a' };
      const b = { ...pause(5), by: 'b' };
      const bad = { ...pause(0), time: 'yesterday' };
      const evs = [bad, a, start(0), b, stop(9)];
      assert.deepEqual(sortEvents(evs), [start(0), a, b, stop(9), bad]);
      assert.deepEqual(evs[0], bad); // the input is left as is
    });
  });
});
