// `marathon check --git` on real repositories: the CI gate a pull request runs.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasStackTrace, makeTempDir, runCli } from './helpers';

const PLAN = [
  '# Lantern Marathon',
  '',
  '**Never share:** `secrets/**`',
  '',
  '## Session L1: Wick',
  '',
  '**Duration:** 2 hours',
  '**Branch:** `marathon/l1-wick`',
  '',
  '### Success Criteria',
  '- [x] Wick burns',
  '',
  '### Deliverables',
  '- `src/wick.ts`',
  '- `docs/wick.md`',
  '',
].join('\n');

function repo(dir: string) {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  fs.writeFileSync(path.join(dir, 'lantern.marathon.md'), PLAN);
  fs.writeFileSync(path.join(dir, 'README.md'), '# Lantern\n');
  git('add', '-A');
  git('commit', '-qm', 'plan');
  return git;
}

describe('cli: check --git', function () {
  this.timeout(20_000);

  it('on the session branch with no run log: scope creep and missing deliverables; exit 1 on the error', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const git = repo(dir);
      git('switch', '-q', '-c', 'marathon/l1-wick');
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'wick.ts'), 'export function burn(minutes: number): number {\n  return minutes * 2;\n}\n');
      fs.writeFileSync(path.join(dir, 'src', 'oil tank.ts'), 'export const litres = 2;\n');
      git('add', '-A');
      git('commit', '-qm', 'wick');
      const r = await runCli(['check', 'lantern.marathon.md', '--git'], dir);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /lantern\.marathon\.md:5:1 warning scope-creep Session L1 changed 1 file outside its scope: src\/oil tank\.ts/);
      assert.match(r.stdout, /lantern\.marathon\.md:15:\d+ error deliverable-missing The deliverable `docs\/wick\.md` does not exist/);
      assert.doesNotMatch(r.stdout, /src\/wick\.ts.*(missing|stub)/);
      assert.ok(!hasStackTrace(r.stderr));

      const gh = await runCli(['check', 'lantern.marathon.md', '--git', '--format', 'github'], dir);
      assert.match(gh.stdout, /^::warning file=lantern\.marathon\.md,line=5,/m);
      assert.match(gh.stdout, /^::error file=lantern\.marathon\.md,line=15,/m);
    } finally {
      cleanup();
    }
  });

  it('--base and --session pick the range; a stub deliverable is a warning and a bad rev a clear note', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const git = repo(dir);
      const base = git('rev-parse', 'HEAD').trim();
      fs.mkdirSync(path.join(dir, 'src'));
      fs.mkdirSync(path.join(dir, 'docs'));
      fs.writeFileSync(path.join(dir, 'src', 'wick.ts'), 'export function burn(): number {\n  throw new Error("not implemented");\n}\n');
      fs.writeFileSync(path.join(dir, 'docs', 'wick.md'), '# Wick\n\nHow the wick is trimmed, lit and replaced, with the burn times we measured.\n');
      git('add', '-A');
      git('commit', '-qm', 'stub');
      const r = await runCli(['check', 'lantern.marathon.md', '--git', '--session', 'L1', '--base', base], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /warning deliverable-stub The deliverable `src\/wick\.ts` is a stub/);
      assert.doesNotMatch(r.stdout, /scope-creep/);

      const bad = await runCli(['check', 'lantern.marathon.md', '--git', '--session', 'L1', '--base=--exec=evil'], dir);
      assert.ok(!hasStackTrace(bad.stderr));
      assert.match(bad.stderr, /git: .*--exec=evil/);
      const unknown = await runCli(['check', 'lantern.marathon.md', '--git', '--session', 'Z9'], dir);
      assert.match(unknown.stderr, /no session Z9 \(sessions: L1\)/);
    } finally {
      cleanup();
    }
  });

  it('outside a git repository it still checks time and deliverables, and says why git was not asked', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      fs.writeFileSync(path.join(dir, 'lantern.marathon.md'), PLAN);
      const r = await runCli(['check', 'lantern.marathon.md', '--git'], dir);
      assert.ok(!hasStackTrace(r.stderr), r.stderr);
      assert.match(r.stderr, /not a git repository/);
      assert.match(r.stdout, /deliverable-missing/);
    } finally {
      cleanup();
    }
  });
});
