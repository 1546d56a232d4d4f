import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { gitChecks, preflightChecklist, preflightMarkdown, runCommand } from '../../../src/core/preflight';

const PLAN = [
  '# Lighthouse Marathon',
  '',
  '## Pre-Flight Checklist',
  '- [ ] Lamp tests run (`npm test`)',
  '- [x] Keeper rota agreed',
  '',
  '### Notes',
  '- [ ] a deeper heading stays in the section',
  '',
  '## Session 001: Lens',
  '- [ ] Lens polished',
  '',
  '```markdown',
  '## Pre-Marathon Checklist',
  '- [ ] an example in a fence is not the plan\'s own',
  '```',
].join('\n');

describe('preflight: the plan checklist', () => {
  it('reads the items under the checklist heading, with lines, and nothing after the section or in fences', () => {
    assert.deepEqual(preflightChecklist(PLAN), [
      { text: 'Lamp tests run (`npm test`)', done: false, line: 4 },
      { text: 'Keeper rota agreed', done: true, line: 5 },
      { text: 'a deeper heading stays in the section', done: false, line: 8 },
    ]);
  });

  it('accepts the Pre-Marathon and Preflight spellings and finds nothing in a plan without one', () => {
    assert.equal(preflightChecklist('## Pre-Marathon Checklist\n- [ ] one\n').length, 1);
    assert.equal(preflightChecklist('### Preflight checklist\r\n* [x] two\r\n').length, 1);
    assert.deepEqual(preflightChecklist('# Plan\n\n- [ ] not pre-flight\n'), []);
    assert.deepEqual(preflightChecklist(''), []);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => Array.isArray(preflightChecklist(`## Pre-flight checklist\n${s}`))));
  });
});

describe('preflight: commands', function () {
  this.timeout(20_000);
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-preflight-'));

  it('passes a command that exits 0 and fails one that does not, keeping the tail of its output', async () => {
    const ok = await runCommand('echo fine', { cwd, timeoutMs: 5_000 });
    assert.equal(ok.ok, true);
    assert.match(ok.detail, /^passed in/);
    const bad = await runCommand('echo "db not reachable" >&2; exit 3', { cwd, timeoutMs: 5_000 });
    assert.equal(bad.ok, false);
    assert.match(bad.detail, /exit code 3\ndb not reachable/);
  });

  it('runs in the given folder', async () => {
    fs.writeFileSync(path.join(cwd, 'marker.txt'), 'here');
    assert.equal((await runCommand('test -f marker.txt', { cwd, timeoutMs: 5_000 })).ok, true);
  });

  it('kills a command (and its children) that outlives the timeout', async () => {
    const pidFile = path.join(cwd, 'child.pid');
    const started = Date.now();
    const r = await runCommand(`sleep 30 & echo $! > ${pidFile}; wait`, { cwd, timeoutMs: 500 });
    assert.equal(r.ok, false);
    assert.match(r.detail, /timed out after 1 s|timed out after 0 s/);
    assert.ok(Date.now() - started < 10_000, 'returned promptly');
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      try {
        process.kill(pid, 0);
        await new Promise((res) => setTimeout(res, 50));
      } catch {
        alive = false;
      }
    }
    assert.equal(alive, false, 'the background child was killed with the group');
  });

  it('reports a missing program as a failure, not an exception', async () => {
    const r = await runCommand('definitely-not-a-program-marathon', { cwd, timeoutMs: 5_000 });
    assert.equal(r.ok, false);
    assert.match(r.detail, /exit code 127/);
  });
});

describe('preflight: git and the report', () => {
  it('judges the tree clean when only Marathon\'s own files changed, and names the branch', () => {
    const clean = gitChecks({ porcelain: ['?? .marathon/runlog.jsonl', ' M ".marathon/prompts/a b.md"'], branch: 'main', expectedBranch: 'main' });
    assert.deepEqual(clean.map((r) => r.ok), [true, true]);
    const dirty = gitChecks({ porcelain: [' M src/a.ts', '?? notes.txt'], branch: 'main', expectedBranch: 'marathon/s-001' });
    assert.equal(dirty[0]?.ok, false);
    assert.match(dirty[0]?.detail ?? '', /2 uncommitted changes: src\/a.ts, notes.txt/);
    assert.equal(dirty[1]?.ok, false);
    assert.match(dirty[1]?.detail ?? '', /on main/);
    assert.equal(gitChecks({ porcelain: [], note: 'not a git repository' })[0]?.ok, undefined);
  });

  it('writes a table with counts; cells cannot break the table', () => {
    const md = preflightMarkdown('Lighthouse', [
      { name: 'a | b', kind: 'command', ok: false, detail: 'exit code 1\nline two' },
      { name: 'Keeper rota', kind: 'checklist', ok: undefined, detail: 'tick by hand' },
    ], new Date('2026-11-21T10:00:00Z'));
    assert.match(md, /0 passed, 1 failed, 1 to check by hand/);
    assert.match(md, /\| ❌ \| a \\\| b \| exit code 1 · line two \|/);
  });
});
