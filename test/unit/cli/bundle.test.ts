import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { ROOT, fixture, hasStackTrace } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

// Newest modification time of any file under dir.
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function runBundle(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('cli: the built bundle (dist/cli.js)', function () {
  this.timeout(60_000);

  before(() => {
    const stale = !fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'package.json')).mtimeMs);
    if (stale) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, `node esbuild.mjs failed:\n${build.stderr}`);
    }
  });

  it('starts with a shebang and answers --version', () => {
    assert.ok(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const r = runBundle(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${version}\n`);
  });

  it('propagates exit codes: 0 clean, 1 errors, 2 usage', () => {
    assert.equal(runBundle(['check', fixture('valid.marathon.md')]).status, 0);
    const bad = runBundle(['check', fixture('duplicate-id.marathon.md'), '--format', 'github']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^::error .*title=marathon\/duplicate-session-id::/m);
    const usage = runBundle(['check']);
    assert.equal(usage.status, 2);
    assert.equal(usage.stderr, "marathon: check: missing FILE\nRun 'marathon help check' for usage.\n");
  });

  it('survives a reader that closes the pipe early (| head -1)', async () => {
    // ~200 KB of output: more than a pipe buffer, so the CLI is still writing when we hang up.
    const files = Array.from({ length: 3000 }, (_, i) => `gone/missing-${i}.md`);
    const child = spawn(process.execPath, [CLI, 'check', ...files], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.ok(!hasStackTrace(stderr));
    assert.equal(code, 1);
  });
});
