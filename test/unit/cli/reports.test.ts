// The handoff, aar and verify command modules, run in-process with captured output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, type CliIo } from '../../../src/cli/io';
import * as handoff from '../../../src/cli/commands/handoff';
import * as aar from '../../../src/cli/commands/aar';
import * as verify from '../../../src/cli/commands/verify';
import { relayWorkspace, tempDir } from '../reports/helpers';
import { hasStackTrace } from './helpers';

function io(cwd: string): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, out: () => stdout, err: () => stderr };
}

describe('cli: handoff / aar / verify command modules', function () {
  let ws: ReturnType<typeof relayWorkspace>;
  before(function () {
    ws = relayWorkspace();
  });

  it('parse: reads options and throws UsageError on bad usage', function () {
    assert.deepEqual(handoff.parse(['p.md', '--session', '024']), { help: false, plan: 'p.md', session: '024', stdout: false });
    assert.equal(handoff.parse(['-h']).help, true);
    for (const bad of [[], ['p.md'], ['p.md', '--session'], ['p.md', '-s', '1', '--bogus'], ['a', 'b', '-s', '1'], ['p', '-s', '1', '--out', 'd', '--stdout']]) {
      assert.throws(() => handoff.parse(bad), UsageError, bad.join(' '));
    }
    assert.equal(aar.parse(['p.md', '--since', '2026-01-10']).since, Date.parse('2026-01-10'));
    for (const bad of [['p.md', '--since', 'yesterday'], ['p.md', '--since', '2026-02-01', '--until', '2026-01-01'], [], ['p.md', '--out', '']]) {
      assert.throws(() => aar.parse(bad), UsageError, bad.join(' '));
    }
    assert.deepEqual(verify.parse(['d.md', '--repo', '.', '--at', 'HEAD~1', '-f', 'json']), { help: false, doc: 'd.md', repo: '.', at: 'HEAD~1', format: 'json' });
    for (const bad of [['d.md'], ['d.md', '--repo', '.', '--format', 'xml'], ['d.md', '--repo', '.', '--at', '--all'], ['d.md', '--repo', '.', '--branch', 'a..b']]) {
      assert.throws(() => verify.parse(bad), UsageError, bad.join(' '));
    }
    for (const m of [handoff, aar, verify]) assert.match(m.help, /^Usage: marathon /);
  });

  it('handoff writes the next free SESSION_<id>_HANDOFF.md and never overwrites', async function () {
    const out = tempDir();
    const first = io(ws.repo.dir);
    assert.equal(await handoff.run(first, { ...handoff.parse(['relay.marathon.md', '-s', '101', '--out', out]), now: ws.now }), 0);
    const file1 = path.resolve(ws.repo.dir, first.out().trim());
    assert.equal(path.basename(file1), 'SESSION_101_HANDOFF.md');
    fs.writeFileSync(file1, 'my own edits\n');
    const second = io(ws.repo.dir);
    assert.equal(await handoff.run(second, { ...handoff.parse(['relay.marathon.md', '-s', '101', '--out', out]), now: ws.now }), 0);
    assert.equal(path.basename(second.out().trim()), 'SESSION_101_HANDOFF-2.md');
    assert.equal(fs.readFileSync(file1, 'utf8'), 'my own edits\n');
    assert.match(fs.readFileSync(path.resolve(ws.repo.dir, second.out().trim()), 'utf8'), /^# Session 101 Handoff: Baton Parser/);
  });

  it('handoff --stdout prints; unknown sessions and missing plans exit 1 with one line', async function () {
    const a = io(ws.repo.dir);
    assert.equal(await handoff.run(a, { ...handoff.parse(['relay.marathon.md', '-s', '102', '--stdout']), now: ws.now }), 0);
    assert.match(a.out(), /## Blocked Work/);
    const b = io(ws.repo.dir);
    assert.equal(await handoff.run(b, handoff.parse(['relay.marathon.md', '-s', '999'])), 1);
    assert.match(b.err(), /no session "999" \(sessions: 101, 102, 103, 104, 105\)/);
    const c = io(ws.repo.dir);
    assert.equal(await handoff.run(c, handoff.parse(['nope.md', '-s', '1'])), 1);
    assert.equal(c.err(), 'marathon: nope.md: no such file\n');
  });

  it('aar prints to stdout, and --out refuses an existing file', async function () {
    const a = io(ws.repo.dir);
    assert.equal(await aar.run(a, { ...aar.parse(['relay.marathon.md']), now: ws.now }), 0);
    assert.match(a.out(), /^# After Action Review: Relay Marathon/);
    const target = path.join(tempDir(), 'AAR.md');
    const b = io(ws.repo.dir);
    assert.equal(await aar.run(b, { ...aar.parse(['relay.marathon.md', '--out', target]), now: ws.now }), 0);
    const c = io(ws.repo.dir);
    fs.writeFileSync(target, 'keep me\n');
    assert.equal(await aar.run(c, { ...aar.parse(['relay.marathon.md', '--out', target]), now: ws.now }), 1);
    assert.match(c.err(), /exists; not overwritten/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me\n');
  });

  it('verify: exit 1 on a contradicted claim, 0 when all hold; text, json and github formats', async function () {
    const docDir = tempDir();
    const bad = path.join(docDir, 'bad.md');
    fs.writeFileSync(bad, '# Handoff\n\n- ✅ `src/baton/parse.ts` (30 lines)\n- ✅ `src/nowhere.ts`\n');
    const t = io(docDir);
    assert.equal(await verify.run(t, verify.parse(['bad.md', '--repo', ws.repo.dir])), 1);
    assert.match(t.out(), /^bad\.md:3:5 confirmed path: `src\/baton\/parse\.ts` — exists at HEAD/m);
    assert.match(t.out(), /^bad\.md:4:5 contradicted path: `src\/nowhere\.ts` — `src\/nowhere\.ts` does not exist/m);
    assert.match(t.out(), /3 claims checked against HEAD \([0-9a-f]{7}\): 2 confirmed, 1 contradicted, 0 unverifiable/);
    const j = io(docDir);
    await verify.run(j, verify.parse(['bad.md', '--repo', ws.repo.dir, '--format', 'json']));
    const json = JSON.parse(j.out());
    assert.equal(json.counts.contradicted, 1);
    assert.deepEqual(Object.keys(json.results[0]).slice(0, 4), ['kind', 'path', 'created', 'line']);
    const g = io(docDir);
    await verify.run(g, verify.parse(['bad.md', '--repo', ws.repo.dir, '--format', 'github']));
    assert.match(g.out(), /^::error file=bad\.md,line=4,col=5,endColumn=\d+,title=claim contradicted \(path\)::/m);
    const good = path.join(docDir, 'good.md');
    fs.writeFileSync(good, '- ✅ `src/baton/parse.ts`\n');
    assert.equal(await verify.run(io(docDir), verify.parse(['good.md', '--repo', ws.repo.dir])), 0);
  });

  it('verify: bad inputs give one clear line and never a stack trace', async function () {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'bin.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]));
    fs.writeFileSync(path.join(dir, 'prose.md'), 'Nothing to check here.\n');
    const cases: [string[], number, RegExp][] = [
      [['empty.md', '--repo', ws.repo.dir], 0, /empty\.md: no checkable claims found \(the document is empty/],
      [['prose.md', '--repo', ws.repo.dir], 0, /no checkable claims found \(this does not look like a handoff or AAR/],
      [['bin.md', '--repo', ws.repo.dir], 1, /bin\.md: is binary/],
      [['missing.md', '--repo', ws.repo.dir], 1, /missing\.md: no such file/],
      [['prose.md', '--repo', dir], 1, /is not a git repository/],
      [['prose.md', '--repo', ws.repo.dir, '--at', 'v0.0.0'], 1, /revision "v0\.0\.0" does not exist/],
    ];
    for (const [args, code, re] of cases) {
      const c = io(dir);
      assert.equal(await verify.run(c, verify.parse(args)), code, args.join(' '));
      assert.match(c.out() + c.err(), re, args.join(' '));
      assert.ok(!hasStackTrace(c.out() + c.err()));
    }
  });
});
