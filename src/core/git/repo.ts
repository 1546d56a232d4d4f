// Facts about the repository itself: where it is, whether it is shallow, its default branch and
// the files a watcher should follow. None of these throws.
import * as path from 'node:path';
import { detectDefaultBranch } from './base';
import { openGit } from './run';

/** Absolute path of the work tree's top level containing `cwd`, or undefined (not in a work tree). */
export async function repoRoot(cwd: string): Promise<string | undefined> {
  const git = openGit(cwd);
  if (!('run' in git)) return undefined;
  const r = await git.run(['rev-parse', '--show-toplevel']);
  const root = r.ok ? r.out.replace(/\n$/, '') : '';
  return root ? path.resolve(root) : undefined;
}

/** Whether the repository at `cwd` is a shallow clone (false when it is no repository). */
export async function isShallow(cwd: string): Promise<boolean> {
  const git = openGit(cwd);
  if (!('run' in git)) return false;
  const r = await git.run(['rev-parse', '--is-shallow-repository']);
  return r.ok && r.out.trim() === 'true';
}

/**
 * The default branch: `preferred` when it names a commit, else what `origin/HEAD` points to, else
 * `main`, else `master`. Returns a short name (`origin/main`, `main`) or undefined.
 */
export async function defaultBranch(cwd: string, preferred?: string): Promise<string | undefined> {
  const git = openGit(cwd);
  return 'run' in git ? (await detectDefaultBranch(git, preferred))?.name : undefined;
}

/**
 * Absolute paths a watcher follows to know when git's state moved: the `HEAD` and `index` of the
 * work tree's git directory (a linked worktree's own ones), then `logs/HEAD` (touched by every
 * commit, reset or checkout, where `HEAD` itself stays `ref: refs/heads/…`). Empty outside a repository.
 */
export async function watchPaths(cwd: string): Promise<string[]> {
  const git = openGit(cwd);
  if (!('run' in git)) return [];
  const r = await git.run(['rev-parse', '--git-path', 'HEAD', '--git-path', 'index', '--git-path', 'logs/HEAD']);
  if (!r.ok) return [];
  const lines = r.out.split('\n').filter((l) => l !== '');
  return lines.length === 3 ? lines.map((l) => path.resolve(cwd, l)) : [];
}
