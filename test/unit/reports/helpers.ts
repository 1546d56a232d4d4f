// Real git repositories in temp folders for the report tests, made with the git CLI (no mocks),
// with fixed author and committer dates so windows are deterministic.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunEvent } from '../../../src/core/model';

/** 2026-01-10T09:00:00Z: the origin of the test clocks. */
export const T0 = Date.parse('2026-01-10T09:00:00.000Z');
export const MIN = 60_000;
/** ISO time `m` minutes after T0. */
export const iso = (m: number): string => new Date(T0 + m * MIN).toISOString();

export const FIXTURES = path.resolve(__dirname, '../../fixtures/reports');

export interface Repo {
  dir: string;
  git: (...args: string[]) => string;
  /** Writes files (relative path → content) and commits them at minute `m` after T0. */
  commit: (m: number, subject: string, files: Record<string, string | null>, author?: string) => string;
  cleanup: () => void;
}

const tmpDirs: string[] = [];
if (typeof after === 'function') after(function () {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A temp folder, removed after the test run. */
export function tempDir(prefix = 'marathon-reports-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

/** A fresh repository on branch main. */
export function makeRepo(): Repo {
  const dir = tempDir();
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Tess Ter', '-c', 'user.email=tess@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q');
  const commit = (m: number, subject: string, files: Record<string, string | null>, author?: string): string => {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(dir, rel);
      if (content === null) fs.rmSync(abs, { force: true });
      else {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, content);
      }
    }
    git('add', '-A');
    const date = iso(m);
    const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1' };
    const who = author ? ['-c', `user.name=${author}`, '-c', `user.email=${author.toLowerCase().replace(/\s+/g, '.')}@example.invalid`] : [];
    execFileSync('git', ['-c', 'user.name=Tess Ter', '-c', 'user.email=tess@example.invalid', '-c', 'commit.gpgsign=false', ...who, 'commit', '-q', '--allow-empty', '-m', subject], { cwd: dir, env });
    return git('rev-parse', 'HEAD').trim();
  };
  return { dir, git, commit, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `n` lines of code. */
export function lines(n: number, word = 'line'): string {
  return Array.from({ length: n }, (_, i) => `export const ${word}${i} = ${i};`).join('\n') + '\n';
}

/** Writes the run log of a workspace. */
export function writeRunLog(dir: string, events: RunEvent[]): void {
  fs.mkdirSync(path.join(dir, '.marathon'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.marathon', 'runlog.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
}

const P = 'relay.marathon.md';
const ev = (m: number, session: string, rest: Record<string, unknown>): RunEvent => ({ time: iso(m), plan: P, session, ...rest }) as RunEvent;

/**
 * The relay workspace: the fixture plan in a repository with a history and a run log.
 * - 101 ran 3 h with a 30 min pause, T1 exited 0, T2 failed (exit 1), T3 never launched; stopped done.
 * - 102 started, reported a blocker, stopped blocked.
 * - 103 depends on 102; 104 never started but a commit names it; 105 never started.
 */
export function relayWorkspace(): { repo: Repo; base: string; now: number; planAbs: string } {
  const repo = makeRepo();
  fs.copyFileSync(path.join(FIXTURES, 'relay.marathon.md'), path.join(repo.dir, P));
  const base = repo.commit(-60, 'Plan the relay', { README: 'relay\n' });
  repo.commit(30, 'Session 101: tokenizer', { 'src/baton/lex.ts': lines(12, 'tok') }, 'Ada Lane');
  repo.commit(90, 'Session 101: parser', { 'src/baton/parse.ts': lines(30), 'src/baton/stub.ts': '// TODO: stub\n' });
  repo.commit(200, 'Session 104: lap timer draft', { 'src/lap/draft.ts': lines(8, 'lap') }, 'Ada Lane');
  writeRunLog(repo.dir, [
    ev(0, '101', { event: 'session.start', head: base, branch: 'main' }),
    ev(5, '101', { event: 'task.launch', task: 'T1', terminal: '101 · T1' }),
    ev(6, '101', { event: 'task.launch', task: 'T2', terminal: '101 · T2' }),
    ev(65, '101', { event: 'task.exit', task: 'T1', terminal: '101 · T1', exitCode: 0 }),
    ev(66, '101', { event: 'task.exit', task: 'T2', terminal: '101 · T2', exitCode: 1 }),
    ev(120, '101', { event: 'session.pause' }),
    ev(150, '101', { event: 'session.resume' }),
    ev(160, '101', { event: 'checkpoint.decision', checkpoint: 'Hour 3 go/no-go', decision: 'GO' }),
    ev(180, '102', { event: 'session.start', head: base }),
    ev(190, '102', { event: 'blocker.report', text: 'Native storage module fails to build on the CI image', file: 'SESSION_102_BLOCKER.md', by: 'tess' }),
    ev(210, '101', { event: 'session.stop', outcome: 'done' }),
    ev(240, '102', { event: 'session.stop', outcome: 'blocked' }),
  ]);
  return { repo, base, now: T0 + 300 * MIN, planAbs: path.join(repo.dir, P) };
}
