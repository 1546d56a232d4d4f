import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { help, parse, run, type PlanOptions } from '../../../src/cli/commands/plan';
import { ExitCode, UsageError } from '../../../src/cli/io';
import { ROOT, makeTempDir } from './helpers';

const LIGHTHOUSE = 'test/fixtures/planning/lighthouse.marathon.md';

async function runPlan(args: string[], cwd = ROOT, now?: number): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const options = parse(args);
  if ('help' in options) return { code: 0, stdout: help, stderr: '' };
  const code = await run({ stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd }, { ...options, ...(now !== undefined ? { now } : {}) } as PlanOptions);
  return { code, stdout, stderr };
}

describe('cli: plan', () => {
  it('parses its options', () => {
    assert.deepEqual(parse(['p.md']), { file: 'p.md', from: 1, to: 5, format: 'text' });
    assert.deepEqual(parse(['p.md', '--instances', '3', '-f', 'json']), { file: 'p.md', from: 1, to: 3, format: 'json' });
    assert.deepEqual(parse(['p.md', '-n', '2-4', '--root', 'w']), { file: 'p.md', from: 2, to: 4, format: 'text', root: 'w' });
    assert.deepEqual(parse(['-h']), { help: true });
    for (const bad of [[], ['a', 'b'], ['p.md', '--instances', '0'], ['p.md', '--instances', '5-2'], ['p.md', '--instances', 'x'], ['p.md', '--format', 'xml'], ['p.md', '--nope']]) {
      assert.throws(() => parse(bad), (e: unknown) => e instanceof UsageError && e.command === 'plan', bad.join(' '));
    }
  });

  it('prints the makespan table, critical path, next items, reminders and findings', async () => {
    const r = await runPlan([LIGHTHOUSE, '--instances', '3']);
    assert.equal(r.code, ExitCode.ok, r.stderr);
    // Sessions 101 (4 h) → 102 (3-5 h, counted 5) → 103 (2 h); 104 (3 h) after 101: 14 h of work, path 11 h.
    assert.match(r.stdout, /^Lighthouse Marathon: Planning Fixture\n/);
    assert.match(r.stdout, /4 items · 14 h of work · critical path 11 h/);
    assert.match(r.stdout, /^ {2}N {2}makespan {2}speed-up {2}utilisation$/m);
    assert.match(r.stdout, /^ {2}1 {2}14 h {6}1\.00× {5}100%$/m);
    assert.match(r.stdout, /^ {2}2 {2}11 h {6}1\.27× {5}64%$/m);
    assert.match(r.stdout, /Assumption: Each item runs on one instance/);
    assert.match(r.stdout, /Critical path: 11 h\n {2}Session 101 .*\n {2}Session 102 .*\n {2}Session 103 /);
    assert.match(r.stdout, /Next: ready to start \(1\)\n {2}Session 101 +Lamp Driver +4 h +critical/);
    assert.match(r.stdout, /Hour 6 Checkpoint +6 h after the start +Continue \/ Abandon/);
    assert.match(r.stdout, /check-in every 1 h, Continue \/ Stop/);
    assert.match(r.stdout, /lighthouse\.marathon\.md:58:1 warning planning-parallel-conflict/);
  });

  it('--format json gives schedules for a Gantt chart', async () => {
    const r = await runPlan([LIGHTHOUSE, '-n', '2', '-f', 'json']);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.stdout) as { makespan: { instances: number; makespan: number; schedule: { item: string; instance: number; start: number; end: number }[] }[]; criticalPath: { hours: number; items: string[] }; next: { item: string }[] };
    assert.deepEqual(json.makespan.map((m) => m.makespan), [14, 11]);
    assert.deepEqual(json.criticalPath, { hours: 11, items: ['session:101', 'session:102', 'session:103'] });
    assert.deepEqual(json.makespan[1]!.schedule.find((s) => s.item === 'session:104'), { item: 'session:104', instance: 2, start: 4, end: 7 });
    assert.deepEqual(json.next.map((n) => n.item), ['session:101']);
  });

  it('reads the run log under --root: done sessions free the next ones', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      fs.copyFileSync(path.join(ROOT, LIGHTHOUSE), path.join(dir, 'l.marathon.md'));
      fs.mkdirSync(path.join(dir, '.marathon'));
      const lines = [
        { time: '2026-03-02T08:00:00.000Z', event: 'session.start', plan: 'l.marathon.md', session: '101' },
        { time: '2026-03-02T12:00:00.000Z', event: 'session.stop', plan: 'l.marathon.md', session: '101', outcome: 'done' },
        { time: '2026-03-02T12:05:00.000Z', event: 'session.start', plan: 'l.marathon.md', session: '104' },
      ];
      fs.writeFileSync(path.join(dir, '.marathon', 'runlog.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      const r = await runPlan(['l.marathon.md'], dir, Date.parse('2026-03-02T13:00:00Z'));
      assert.match(r.stdout, /In progress \(1\)\n {2}Session 104/);
      assert.match(r.stdout, /Next: ready to start \(1\)\n {2}Session 102 /);
    } finally {
      cleanup();
    }
  });

  it('a missing file is one line on stderr and exit 1', async () => {
    const r = await runPlan(['nope.md']);
    assert.equal(r.code, ExitCode.problems);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^marathon: nope\.md: no such file\n$/);
  });

  it('help names the options', () => {
    assert.match(help, /^Usage: marathon plan FILE \[--instances N\|A-B\] \[--format text\|json\] \[--root DIR\]/);
  });
});
