// Runs git through simple-git: every call has a timeout, never throws, and takes no user string
// that git could read as an option.
import { performance } from 'node:perf_hooks';
import { simpleGit, type SimpleGit } from 'simple-git';
import type { GitNote, GitNoteCode } from './types';

/** The empty tree: the base of a repository with no commits. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Default time a git call may go without output before it is killed. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A git call's outcome: its stdout, or why it failed. */
export type GitResult = { ok: true; out: string } | { ok: false; error: string };

export function note(code: GitNoteCode, message: string): GitNote {
  return { code, message };
}

let trace: ((args: string[], startMs: number, endMs: number, ok: boolean) => void) | undefined;

/** Calls `fn` after every git call with its arguments and timing (performance.now() ms); undefined stops. */
export function traceGit(fn: typeof trace): void {
  trace = fn;
}

/** A repository-bound runner of git commands. */
export interface Git {
  readonly cwd: string;
  /** Runs `git ARGS`; a non-zero exit with an empty stderr counts as success with its stdout. */
  run(args: string[]): Promise<GitResult>;
}

/** A runner for `cwd`, or a note when `cwd` is not a directory simple-git can use. */
export function openGit(cwd: string, timeoutMs = DEFAULT_TIMEOUT_MS): Git | GitNote {
  let sg: SimpleGit;
  try {
    sg = simpleGit({ baseDir: cwd, timeout: { block: timeoutMs }, maxConcurrentProcesses: 6 });
  } catch (err) {
    return note('not-a-repository', `${cwd}: ${firstLine(err)}`);
  }
  return {
    cwd,
    async run(args) {
      const start = trace ? performance.now() : 0;
      let result: GitResult;
      try {
        // --no-optional-locks: `git status` must not rewrite .git/index to refresh stat data, or
        // Marathon's own call would fire the index watcher and recompute once more (nor hold
        // index.lock while the user commits).
        result = { ok: true, out: await sg.raw(['--no-optional-locks', ...args]) };
      } catch (err) {
        result = { ok: false, error: firstLine(err) };
      }
      trace?.(args, start, performance.now(), result.ok);
      return result;
    },
  };
}

export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim().split('\n')[0] ?? '';
}

/** The note for a failed call: "not a git repository" is recognised, anything else is `git-failed`. */
export function failureNote(error: string): GitNote {
  if (/not a git repository/i.test(error)) return note('not-a-repository', 'not a git repository');
  if (/must be run in a work tree/i.test(error)) return note('not-a-work-tree', 'not inside a work tree (a bare repository or the .git folder)');
  return note('git-failed', error);
}

/**
 * Whether Marathon passes `rev` to git: not empty, no leading `-` (git would read an option),
 * no control characters. Only `rev-parse --verify` ever sees such a string; everything else
 * gets the full hash it resolves to.
 */
export function isSafeRev(rev: string): boolean {
  return rev.length > 0 && rev.length <= 1000 && !rev.startsWith('-') && !hasControlChars(rev);
}

/** Whether `text` holds a control character (C0 or DEL). */
export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Full commit hashes seen to exist, by folder: a commit does not go away, so each is checked once. */
const resolved = new Set<string>();

export function clearResolvedRevs(): void {
  resolved.clear();
}

/** The full hash of the commit `rev` names, or undefined (unknown, or not a commit). */
export async function resolveCommit(git: Git, rev: string): Promise<string | undefined> {
  if (!isSafeRev(rev)) return undefined;
  const fullHash = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(rev);
  if (fullHash && resolved.has(`${git.cwd}\0${rev}`)) return rev;
  const r = await git.run(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const hash = r.ok ? r.out.trim() : '';
  if (!/^[0-9a-f]{40,64}$/.test(hash)) return undefined;
  if (fullHash && hash === rev) {
    if (resolved.size > 4096) resolved.clear();
    resolved.add(`${git.cwd}\0${rev}`);
  }
  return hash;
}
