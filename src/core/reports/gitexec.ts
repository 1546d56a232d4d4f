// The git reads of the reports and the fact-checker. These run the git CLI directly (not
// simple-git) because they need exit codes as answers (`merge-base --is-ancestor` exits 1 for
// "no") and capped, streamed reads of blobs. Every revision and path passed here is validated
// first, and `--end-of-options` ends the options, so text from a document never becomes an option.
import { execFile, spawn } from 'node:child_process';
import type { CommitFact, GitNote, WindowFacts } from '../git/types';

/** What one git run gave; never thrown. `code` is -1 when git could not run at all. */
export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Largest output read from one git command (a 2,500-commit numstat log is a few MB). */
const MAX_OUTPUT = 256 * 1024 * 1024;

const ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

/** Runs `git args` in `cwd`; resolves with the exit code and output, never rejects. */
export function git(cwd: string, args: readonly string[], maxBuffer = MAX_OUTPUT): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', ['-c', 'core.quotePath=false', '-c', 'color.ui=false', ...args], { cwd, env: ENV, maxBuffer, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      resolve({ code, stdout: String(stdout ?? ''), stderr: String(stderr ?? '') || (err && code === -1 ? err.message : '') });
    });
  });
}

/** A revision Marathon will pass to git: starts with a letter or digit, no spaces, no `..`. */
export function isSafeRev(rev: string): boolean {
  return /^[A-Za-z0-9][\w./@{}^~+-]{0,250}$/.test(rev) && !rev.includes('..') && !rev.includes('@{-') && !rev.endsWith('.lock');
}

/**
 * A repository-relative path Marathon will look up: no absolute path, no `..` or `.` segment, no
 * control characters, at most 4096 characters. Backslashes count as separators.
 */
export function isSafeRepoPath(p: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (p === '' || p.length > 4096 || /[\u0000-\u001f\u007f]/.test(p)) return false;
  if (p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p)) return false;
  return !p.split(/[\\/]/).some((seg) => seg === '..' || seg === '.');
}

/** The repository's top level containing `dir`, or undefined when it is in none. */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  const r = await git(dir, ['rev-parse', '--show-toplevel']);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}

/** True when the repository is a shallow clone. */
export async function isShallow(cwd: string): Promise<boolean> {
  const r = await git(cwd, ['rev-parse', '--is-shallow-repository']);
  return r.code === 0 && r.stdout.trim() === 'true';
}

/** The full hash of a commit-ish, or undefined when it does not name a commit here. */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  if (!isSafeRev(rev)) return undefined;
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.trim().split('\n').pop() || undefined : undefined;
}

const FORMAT = '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s';

/** Parsed `git log -z --numstat` output with {@link FORMAT}. */
export interface ParsedLog {
  commits: CommitFact[];
  insertions: number;
  deletions: number;
  paths: Set<string>;
}

/** Parses `git log -z --numstat` output (renames give `ins\tdel\t\0old\0new\0`). */
export function parseNumstatLog(out: string): ParsedLog {
  const commits: CommitFact[] = [];
  const paths = new Set<string>();
  let insertions = 0;
  let deletions = 0;
  for (const record of out.split('\x1e')) {
    if (record === '') continue;
    const headEnd = record.indexOf('\0');
    const head = headEnd < 0 ? record : record.slice(0, headEnd);
    const [hash = '', author = '', email = '', date = '', subject = ''] = head.replace(/\n$/, '').split('\x1f');
    if (!/^[0-9a-f]{40,64}$/.test(hash)) continue;
    commits.push({ hash, author, email, date, subject });
    if (headEnd < 0) continue;
    const tokens = record.slice(headEnd + 1).split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const tok = (tokens[i] ?? '').replace(/^\n+/, '');
      const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(tok);
      if (!m) continue;
      if (m[1] !== '-') insertions += Number(m[1]);
      if (m[2] !== '-') deletions += Number(m[2]);
      let p = m[3] ?? '';
      if (p === '') {
        // A rename or copy: the old and the new path follow.
        p = tokens[i + 2] ?? '';
        i += 2;
      }
      if (p) paths.add(p);
    }
  }
  return { commits, insertions, deletions, paths };
}

/** Authors by commit count (then name), one per email. */
export function authorsOf(commits: readonly CommitFact[]): WindowFacts['authors'] {
  const by = new Map<string, { name: string; email: string; commits: number }>();
  for (const c of commits) {
    const key = c.email.toLowerCase() || c.author;
    const a = by.get(key);
    if (a) a.commits++;
    else by.set(key, { name: c.author, email: c.email, commits: 1 });
  }
  return [...by.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

/** A window of history: commits reachable from `rev` (default HEAD) and authored in [since, until]. */
export interface WindowRange {
  since?: number;
  until?: number;
  rev?: string;
}

/**
 * The window's facts from one `git log --numstat` run: commits (newest first), authors, and the
 * distinct files changed with the summed insertions and deletions. Never throws: an unreadable
 * repository gives empty facts with a note.
 */
export async function readWindow(cwd: string, range: WindowRange = {}): Promise<{ facts: WindowFacts; touched: Set<string> }> {
  const notes: GitNote[] = [];
  const rev = range.rev ?? 'HEAD';
  const empty = (): { facts: WindowFacts; touched: Set<string> } => ({
    facts: { commits: [], authors: [], filesChanged: 0, insertions: 0, deletions: 0, notes },
    touched: new Set(),
  });
  if (!isSafeRev(rev)) {
    notes.push({ code: 'bad-rev', message: `"${rev}" is not a revision Marathon passes to git` });
    return empty();
  }
  const args = ['log', '-z', '--numstat', '--no-ext-diff', FORMAT];
  if (range.since !== undefined) args.push(`--since=${new Date(range.since).toISOString()}`);
  if (range.until !== undefined) args.push(`--until=${new Date(range.until).toISOString()}`);
  args.push('--end-of-options', rev);
  const [r, shallow] = await Promise.all([git(cwd, args), isShallow(cwd)]);
  if (r.code !== 0) {
    const msg = r.stderr.trim().split('\n')[0] ?? '';
    notes.push({ code: /does not have any commits|unknown revision|bad default revision/.test(msg) ? 'no-commits' : 'git-failed', message: `git log failed: ${msg || `exit ${r.code}`}` });
    return empty();
  }
  if (shallow) notes.push({ code: 'shallow', message: 'shallow clone: commits before the cut are not in the figures' });
  const log = parseNumstatLog(r.stdout);
  return {
    facts: { commits: log.commits, authors: authorsOf(log.commits), filesChanged: log.paths.size, insertions: log.insertions, deletions: log.deletions, notes },
    touched: log.paths,
  };
}

/** Commits in `base..HEAD` (base validated), or since a time when there is no base. */
export async function commitsSince(cwd: string, from: { base: string } | { time: number }): Promise<{ commits: CommitFact[]; notes: GitNote[] }> {
  if ('base' in from) {
    if (!isSafeRev(from.base)) return { commits: [], notes: [{ code: 'bad-rev', message: `base "${from.base}" is not a revision Marathon passes to git` }] };
    const r = await git(cwd, ['log', '-z', FORMAT, '--end-of-options', `${from.base}..HEAD`]);
    if (r.code !== 0) return { commits: [], notes: [{ code: 'git-failed', message: `the session's base ${from.base.slice(0, 7)} is not in this repository (${r.stderr.trim().split('\n')[0] ?? ''})` }] };
    return { commits: parseNumstatLog(r.stdout).commits, notes: [] };
  }
  const { facts } = await readWindow(cwd, { since: from.time });
  return { commits: facts.commits, notes: facts.notes };
}

/**
 * Counts the lines of `rev:path` by streaming the blob, reading at most `cap` bytes: a line is a
 * `\n`, plus one for a last line without it. `truncated` when the blob is bigger than the cap.
 * Undefined when the blob cannot be read.
 */
export function blobLines(cwd: string, rev: string, path: string, cap = 64 * 1024 * 1024): Promise<{ lines: number; truncated: boolean } | undefined> {
  return new Promise((resolve) => {
    if (!isSafeRev(rev) || !isSafeRepoPath(path)) return resolve(undefined);
    const child = spawn('git', ['cat-file', 'blob', `${rev}:${path}`], { cwd, env: ENV, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] });
    let lines = 0;
    let bytes = 0;
    let last = 10;
    let truncated = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const take = Math.min(chunk.length, cap - bytes);
      for (let i = chunk.indexOf(10); i !== -1 && i < take; i = chunk.indexOf(10, i + 1)) lines++;
      if (take > 0) last = chunk[take - 1] ?? last;
      bytes += take;
      if (take < chunk.length) {
        truncated = true;
        child.kill();
      }
    });
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => {
      if (!truncated && code !== 0) return resolve(undefined);
      resolve({ lines: lines + (bytes > 0 && last !== 10 ? 1 : 0), truncated });
    });
  });
}
