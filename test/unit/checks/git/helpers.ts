// Builders for the git check tests: temp workspaces with real files, facts and runs as data.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SessionRun } from '../../../../src/core/clock/stopwatch';
import type { Finding } from '../../../../src/core/findings';
import type { ChangedFile, SessionGitFacts } from '../../../../src/core/git/types';

export { deliverable, h, plan, session, task } from '../helpers';

/** A fresh temp folder (the workspace root) with the given files (`dir/` makes a folder). */
export function workspace(files: Record<string, string | Buffer> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-gitchecks-'));
  write(root, files);
  return root;
}

/** Writes files under `root`; a key ending in `/` makes a folder. */
export function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    if (rel.endsWith('/')) {
      fs.mkdirSync(abs, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** A changed file, modified and committed unless said otherwise. */
export function changed(p: string, over: Partial<ChangedFile> = {}): ChangedFile {
  return { path: p, kind: 'modified', where: ['committed'], ...over };
}

/** Facts for a repository at `root` with the given changes. */
export function facts(root: string, files: ChangedFile[]): SessionGitFacts {
  return { root, detached: false, shallow: false, changed: files, commits: [], notes: [] };
}

const HOUR = 3_600_000;

/** A session clock: `state`, elapsed hours, and optionally when it ran (ms). */
export function run(state: SessionRun['state'], hours: number, over: Partial<SessionRun> = {}): SessionRun {
  const r: SessionRun = { state, elapsedMs: Math.round(hours * HOUR), pauses: [], runs: state === 'not-started' ? 0 : 1, ...over };
  if (state !== 'not-started' && r.startedAt === undefined) r.startedAt = 0;
  if ((state === 'done' || state === 'blocked' || state === 'abandoned') && r.stoppedAt === undefined) r.stoppedAt = (r.startedAt ?? 0) + r.elapsedMs;
  return r;
}

/** `h:mm` as ms. */
export function hm(h: number, m: number): number {
  return (h * 60 + m) * 60_000;
}

/** The findings with the given code. */
export function only(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** A real git repository in a temp folder, and a function running git in it. */
export function repo(files: Record<string, string> = {}): { dir: string; git: (...args: string[]) => string } {
  const dir = workspace(files);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  git('init', '-q');
  return { dir, git };
}

const KIND: Record<string, ChangedFile['kind']> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed', U: 'unmerged' };

/**
 * Facts read with the git CLI (a stand-in for `sessionFacts()`): committed changes since `base`
 * (`git diff --name-status -M`), plus work-tree changes and untracked files.
 */
export function gitFacts(dir: string, git: (...args: string[]) => string, base: string): SessionGitFacts {
  const byPath = new Map<string, ChangedFile>();
  const add = (f: ChangedFile) => {
    const old = byPath.get(f.path);
    if (old) old.where = [...new Set([...old.where, ...f.where])];
    else byPath.set(f.path, f);
  };
  for (const line of git('diff', '--name-status', '-M', base, 'HEAD').split('\n').filter(Boolean)) {
    const [status, a, b] = line.split('\t') as [string, string, string | undefined];
    const kind = KIND[status[0] as string] ?? 'modified';
    add(b ? { path: b, from: a, kind, where: ['committed'] } : { path: a, kind, where: ['committed'] });
  }
  for (const line of git('diff', '--name-status', 'HEAD').split('\n').filter(Boolean)) {
    const [status, a] = line.split('\t') as [string, string];
    add({ path: a, kind: KIND[status[0] as string] ?? 'modified', where: ['unstaged'] });
  }
  for (const p of git('ls-files', '--others', '--exclude-standard').split('\n').filter(Boolean)) add({ path: p, kind: 'untracked', where: ['untracked'] });
  return { ...facts(fs.realpathSync(dir), [...byPath.values()]), head: git('rev-parse', 'HEAD').trim(), base: { rev: base, source: 'explicit' } };
}
