// Real git repositories in temp folders for the git tests (no mocks).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestRepo {
  dir: string;
  /** Runs git in the repository with a fixed identity; returns stdout. */
  git: (...args: string[]) => string;
  /** Like `git` with the given extra environment (e.g. commit dates). */
  gitEnv: (env: Record<string, string>, ...args: string[]) => string;
  write: (file: string, content: string | Buffer) => void;
  /** Commits everything (`git add -A`) with a message, at an optional ISO date. */
  commit: (message: string, date?: string, author?: { name: string; email: string }) => string;
}

const IDENTITY = ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp folder, removed when the test process exits. */
export function tempDir(prefix = 'marathon-git-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Wraps an existing directory as a test repository (without running `git init`). */
export function wrapRepo(dir: string): TestRepo {
  const gitEnv = (env: Record<string, string>, ...args: string[]) =>
    execFileSync('git', [...IDENTITY, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const git = (...args: string[]) => gitEnv({}, ...args);
  const write = (file: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  };
  const commit = (message: string, date?: string, author?: { name: string; email: string }) => {
    const env: Record<string, string> = {};
    if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    if (author) Object.assign(env, { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email });
    gitEnv(env, 'add', '-A');
    gitEnv(env, 'commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD').trim();
  };
  return { dir, git, gitEnv, write, commit };
}

/** A fresh repository (`git init`, branch main) in a temp folder. */
export function makeRepo(): TestRepo {
  const repo = wrapRepo(tempDir());
  repo.git('init', '-q');
  repo.git('config', 'user.name', 'T');
  repo.git('config', 'user.email', 't@example.invalid');
  repo.git('config', 'commit.gpgsign', 'false');
  return repo;
}
