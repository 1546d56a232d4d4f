// What git says about a session's work: every file changed since the session's base (committed,
// staged, unstaged or untracked, one entry per path) and the commits since the base. One batched
// set of git calls per refresh, run concurrently; the committed part is cached by (base, HEAD).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseBase, type BaseOptions } from './base';
import { DEFAULT_TIMEOUT_MS, EMPTY_TREE, clearResolvedRevs, failureNote, note, openGit, type Git, type GitResult } from './run';
import { LOG_FORMAT, kindOf, parseLog, parseRawNumstat, parseStatus, type DiffEntry, type Status, type StatusEntry } from './parse';
import type { ChangeKind, ChangeWhere, ChangedFile, CommitFact, GitNote, SessionGitFacts } from './types';

export interface SessionFactsOptions extends BaseOptions {
  /** Milliseconds a git call may go without output before it is killed (default 30 s). */
  timeoutMs?: number;
}

interface CommittedPart {
  files: Map<string, DiffEntry>;
  commits: CommitFact[];
}

/** Committed parts by root, base and HEAD: they never change for the same three. */
const committedCache = new Map<string, Promise<CommittedPart | GitNote>>();
const CACHE_SIZE = 64;

/** Forgets the committed parts only: what a refresh after HEAD moved sees (the benchmark's "HEAD moved" case). */
export function clearCommittedCache(): void {
  committedCache.clear();
}

/** Forgets the cached committed parts, repository roots and resolved revisions: a first refresh ever. */
export function clearGitCache(): void {
  committedCache.clear();
  roots.clear();
  clearResolvedRevs();
}

/**
 * What git says about one session's work in the repository at `cwd`.
 *
 * Base: `opts.base` (CLI `--base`), else `opts.runLogHead` (HEAD when the session started), else the
 * merge-base of `opts.branch` (or HEAD) with the default branch, else HEAD (only uncommitted work
 * counts); the empty tree before the first commit. Changed files: everything that differs between
 * the base and the work tree, plus untracked files (not ignored ones), merged per path; `where`
 * lists each place a path changed. Line counts are the base against the work tree (`git diff
 * --numstat -M BASE`, diffing again only the paths `git status` names); untracked files are never
 * read. Never throws: problems are notes.
 */
export async function sessionFacts(cwd: string, opts: SessionFactsOptions = {}): Promise<SessionGitFacts> {
  const facts: SessionGitFacts = { root: cwd, detached: false, shallow: false, changed: [], commits: [], notes: [] };
  const git = openGit(cwd, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!('run' in git)) {
    facts.notes.push(git);
    return facts;
  }
  // HEAD is read from the files before any git process starts: spawning blocks the event loop.
  const speculative = speculate(git, opts);
  const statusCall = git.run(['status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all']);
  const info = repoInfo(git, statusCall);
  const infoForBase = info.then((i) => ('error' in i ? { shallow: false } : i));
  // A committed diff from the recorded base that git answered proves the base is a commit: no
  // separate check of it. Any doubt (an error, no guess) takes the full choice.
  const earlyPart = speculative?.part;
  const baseCall = earlyPart
    ? earlyPart.then((p) =>
        'code' in p ? chooseBase(git, opts, infoForBase) : { base: { rev: speculative.base, source: opts.base !== undefined ? ('explicit' as const) : ('run-log' as const) }, notes: [] },
      )
    : chooseBase(git, opts, infoForBase);
  const repo = await info;
  if ('error' in repo) {
    facts.notes.push(repo.error);
    await baseCall;
    return facts;
  }
  const { status } = repo;
  Object.assign(facts, { root: repo.root, head: repo.head, shallow: repo.shallow, branch: status.branch });
  const choice = await baseCall;
  facts.base = choice.base;
  if (choice.defaultBranch) facts.defaultBranch = choice.defaultBranch;
  const base = choice.base.rev;
  const early = speculative;
  const committed =
    repo.head && repo.head !== base
      ? early?.part && early.base === base && early.head === repo.head && repo.root === git.cwd
        ? await early.part
        : await committedPart(git, repo.root, base, repo.head)
      : { files: new Map<string, DiffEntry>(), commits: [] };
  const net =
    early && early.base === base
      ? await early.net.then((r) => (r.ok ? parseRawNumstat(r.out) : failureNote(r.error)))
      : await netChanges(git, base, 'code' in committed ? undefined : committed.files, status.entries);
  facts.detached = Boolean(repo.head && !status.branch);
  facts.notes.push(...choice.notes);
  if (facts.detached) facts.notes.push(note('detached-head', 'HEAD is detached: no branch'));
  if ('code' in net) facts.notes.push(net);
  if ('code' in committed) facts.notes.push(committed);
  else facts.commits = committed.commits;
  facts.changed = mergeChanges('code' in net ? new Map() : net, 'code' in committed ? new Map() : committed.files, status.entries);
  return facts;
}

type Info = { root: string; head?: string; shallow: boolean; status: Status } | { error: GitNote };

const FULL_HASH = /^[0-9a-f]{40}$/;

/**
 * The committed part, started beside `git status` rather than after it: when the base is a full
 * hash (as the run log records it) and HEAD can be read from the files of a plain `.git` folder at
 * `cwd`, the diff and log need nothing `git status` says. The caller uses it only if the base and
 * HEAD it settles on are the same; otherwise it asks again. Measured on the bench repository:
 * the cold refresh goes from three serial stages to two.
 */
function speculate(
  git: Git,
  opts: SessionFactsOptions,
): { base: string; head?: string; part?: Promise<CommittedPart | GitNote>; net: Promise<GitResult> } | undefined {
  const base = opts.base ?? opts.runLogHead;
  if (base === undefined || !FULL_HASH.test(base)) return undefined;
  const head = headFromFiles(git.cwd);
  // The base against the work tree, whole: the reference the per-path diffs reproduce (it does not
  // depend on HEAD), and on two cores cheaper run beside git status than after it (bench figures).
  const net = git.run([...DIFF, base, '--']);
  if (head === undefined || head === base) return { base, net };
  return { base, head, part: committedPart(git, git.cwd, base, head), net };
}

/** The root of a repository whose `.git` folder is right in `cwd` (git's own answer: the real path); else undefined. */
function plainRepo(cwd: string): { root: string; commonDir: string } | undefined {
  try {
    const gitDir = path.join(cwd, '.git');
    if (!fs.statSync(gitDir).isDirectory() || !fs.statSync(path.join(gitDir, 'HEAD')).isFile()) return undefined;
    const where = { root: fs.realpathSync(cwd), commonDir: fs.realpathSync(gitDir) };
    roots.set(cwd, where);
    return where;
  } catch {
    return undefined;
  }
}

/**
 * HEAD's commit from `.git/HEAD` and the ref it names (loose or packed); undefined when unsure.
 * Synchronous on purpose: two small reads, done before the git processes are spawned.
 */
function headFromFiles(cwd: string): string | undefined {
  const gitDir = path.join(cwd, '.git');
  try {
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (FULL_HASH.test(head)) return head;
    const ref = /^ref: (refs\/[\w./-]+)$/.exec(head)?.[1];
    if (ref === undefined || ref.includes('..')) return undefined;
    try {
      const loose = fs.readFileSync(path.join(gitDir, ref), 'utf8').trim();
      return FULL_HASH.test(loose) ? loose : undefined;
    } catch {
      // Not a loose ref: look in packed-refs.
    }
    const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
    for (const line of packed.split('\n')) {
      const [hash, name] = line.split(' ');
      if (name === ref && hash !== undefined && FULL_HASH.test(hash)) return hash;
    }
  } catch {
    // No plain .git folder here (a worktree, a subfolder, no repository): no guess.
  }
  return undefined;
}

/** Work-tree roots and common git dirs by cwd: they stay put while Marathon runs (read again after a failure). */
const roots = new Map<string, { root: string; commonDir: string }>();

/**
 * The repository's root, HEAD, shallowness and status. HEAD and the branch come from `git status
 * --branch`, shallowness from the `shallow` file git keeps, the root from one `git rev-parse` per
 * folder: a refresh costs one git call before the diffs.
 */
async function repoInfo(git: Git, statusCall: Promise<GitResult>): Promise<Info> {
  let where = roots.get(git.cwd) ?? plainRepo(git.cwd);
  const [r, st] = await Promise.all([where ? undefined : git.run(['rev-parse', '--show-toplevel', '--git-common-dir']), statusCall]);
  if (r) {
    if (!r.ok) return { error: failureNote(r.error) };
    const lines = r.out.replace(/\n$/, '').split('\n');
    const commonDir = lines.pop() ?? '';
    const root = lines.join('\n');
    if (!root || !commonDir) return { error: note('not-a-work-tree', 'not inside a work tree (a bare repository or the .git folder)') };
    where = { root, commonDir: path.resolve(git.cwd, commonDir) };
    roots.set(git.cwd, where);
  }
  if (!where) return { error: note('not-a-repository', 'not a git repository') };
  if (!st.ok) {
    roots.delete(git.cwd);
    return { error: failureNote(st.error) };
  }
  const status = parseStatus(st.out);
  return { root: where.root, head: status.head, shallow: fs.existsSync(path.join(where.commonDir, 'shallow')), status };
}

/** The files changed and the commits made between `base` and `head`, from the cache or from git. */
function committedPart(git: Git, root: string, base: string, head: string): Promise<CommittedPart | GitNote> {
  const key = `${root}\0${base}\0${head}`;
  const cached = committedCache.get(key);
  if (cached) return cached;
  const part = Promise.all([
    git.run(['diff', '--no-relative', '--no-ext-diff', '--no-textconv', '--raw', '--numstat', '-z', '-M', base, head, '--']),
    git.run(['log', '-z', '--no-show-signature', LOG_FORMAT, base === EMPTY_TREE ? head : `${base}..${head}`, '--']),
  ]).then(([diff, log]): CommittedPart | GitNote => {
    if (!diff.ok) return failureNote(diff.error);
    if (!log.ok) return failureNote(log.error);
    return { files: parseRawNumstat(diff.out), commits: parseLog(log.out).map(({ files: _files, ...commit }) => commit) };
  });
  committedCache.set(key, part);
  void part.then((p) => {
    if ('code' in p) committedCache.delete(key); // a failure (a timeout) is retried next time
  });
  while (committedCache.size > CACHE_SIZE) {
    const oldest = committedCache.keys().next().value;
    if (oldest === undefined) break;
    committedCache.delete(oldest);
  }
  return part;
}

/** Above these, the work-tree diff runs on the whole tree rather than on the paths status named. */
const MAX_PATHSPECS = 1000;
const MAX_PATHSPEC_CHARS = 24_000;

const DIFF = ['diff', '--no-relative', '--no-ext-diff', '--no-textconv', '--raw', '--numstat', '-z', '-M'];

/**
 * The base against the work tree, per path: what `git diff --raw --numstat -M BASE` gives, found
 * more cheaply. A path `git status` does not name is the same in the work tree as in HEAD, so its
 * entry is the committed one (BASE..HEAD, cached). The paths status names are diffed again, each
 * by the cheapest exact command (git's work-tree diff limited to paths costs as much as a whole one):
 * - same in the work tree as in the index (staged edits, committed ones too): `diff --cached BASE`;
 * - edited in the work tree only, untouched since the base: `diff-files` (index = HEAD = BASE);
 * - the rest (adds, deletes, renames, and edits on top of committed or staged ones, with every
 *   path a rename could pair them with): `diff BASE` limited to them.
 * Without status or the committed part, or with very many paths, the whole tree is diffed once.
 */
async function netChanges(git: Git, base: string, committed: Map<string, DiffEntry> | undefined, status: StatusEntry[] | undefined): Promise<Map<string, DiffEntry> | GitNote> {
  const dirty = status?.filter((s) => s.type !== '?') ?? [];
  if (committed && status && dirty.length === 0) return new Map(committed);
  const touched = new Set<string>();
  for (const e of committed?.values() ?? []) {
    touched.add(e.path);
    if (e.from !== undefined) touched.add(e.from);
  }
  const edit = (letter: string) => letter === 'M' || letter === 'T';
  const cached: string[] = [];
  const files: string[] = [];
  const full = new Set<string>();
  for (const s of dirty) {
    if (s.type === '1' && s.y === '.' && edit(s.x)) cached.push(s.path);
    else if (s.type === '1' && s.x === '.' && edit(s.y) && !touched.has(s.path)) files.push(s.path);
    else {
      full.add(s.path);
      if (s.from !== undefined) full.add(s.from);
    }
  }
  // Renames pair adds with deletes: keep every candidate of a pairing in the same diff.
  const kinds = [...full].map((p) => dirty.find((s) => s.path === p)).flatMap((s) => (s ? [s.x, s.y] : []));
  for (const e of committed?.values() ?? []) {
    const pairs = (e.kind === 'added' && kinds.includes('D')) || (e.kind === 'deleted' && kinds.includes('A'));
    if (full.has(e.path) || (e.from !== undefined && full.has(e.from)) || pairs) {
      full.add(e.path);
      if (e.from !== undefined) full.add(e.from);
    }
  }
  const all = [...cached, ...files, ...full];
  const limited = Boolean(committed && status) && all.length <= MAX_PATHSPECS && all.reduce((n, p) => n + p.length + 1, 0) <= MAX_PATHSPEC_CHARS;
  if (!limited || !committed) {
    const r = await git.run([...DIFF, base, '--']);
    return r.ok ? parseRawNumstat(r.out) : failureNote(r.error);
  }
  const literal = (args: string[], paths: string[]) =>
    paths.length === 0 ? Promise.resolve({ ok: true as const, out: '' }) : git.run(['--literal-pathspecs', ...args, '--', ...paths]);
  const results = await Promise.all([
    literal([...DIFF, '--cached', base], cached),
    literal(['diff-files', '--no-ext-diff', '--no-textconv', '--raw', '--numstat', '-z'], files),
    literal([...DIFF, base], [...full]),
  ]);
  const net = new Map<string, DiffEntry>();
  const fresh = new Set(all);
  for (const e of committed.values()) {
    if (!fresh.has(e.path) && !(e.from !== undefined && fresh.has(e.from))) net.set(e.path, e);
  }
  for (const r of results) {
    if (!r.ok) return failureNote(r.error);
    for (const e of parseRawNumstat(r.out).values()) net.set(e.path, e);
  }
  return net;
}

const WHERE_ORDER: ChangeWhere[] = ['committed', 'staged', 'unstaged', 'untracked'];

/**
 * One entry per path: the base-to-work-tree diff (`net`) gives kind and line counts; the committed
 * diff and the status entries say where each path changed. A path seen only as the old name of a
 * rename in `net` adds its places to the rename's entry.
 */
export function mergeChanges(net: Map<string, DiffEntry>, committed: Map<string, DiffEntry>, status: StatusEntry[]): ChangedFile[] {
  const entries = new Map<string, ChangedFile>();
  const renamedFrom = new Map<string, string>();
  for (const e of net.values()) {
    const file: ChangedFile = { path: e.path, kind: e.kind, where: [] };
    if (e.from !== undefined) {
      file.from = e.from;
      renamedFrom.set(e.from, e.path);
    }
    if (e.binary) file.binary = true;
    else if (e.insertions !== undefined) Object.assign(file, { insertions: e.insertions, deletions: e.deletions });
    entries.set(e.path, file);
  }
  const find = (p: string): ChangedFile | undefined => {
    const own = entries.get(p);
    if (own) return own;
    const target = renamedFrom.get(p);
    return target === undefined ? undefined : entries.get(target);
  };
  /** Records that `p` changed in `where`; a path new to the list is added with `kind` (old names of renames only join). */
  const touch = (p: string, where: ChangeWhere, kind: ChangeKind | undefined) => {
    let file = find(p);
    if (!file) {
      if (!kind) return;
      file = kind === 'untracked' ? { path: p, kind, where: [] } : { path: p, kind, where: [], insertions: 0, deletions: 0 };
      entries.set(p, file);
    }
    if (!file.where.includes(where)) file.where.push(where);
    if (kind === 'unmerged') file.kind = 'unmerged';
  };
  for (const e of committed.values()) {
    touch(e.path, 'committed', e.kind);
    if (e.from !== undefined) touch(e.from, 'committed', undefined);
  }
  for (const s of status) {
    if (s.type === '?') touch(s.path, 'untracked', 'untracked');
    else if (s.type === 'u') touch(s.path, 'unstaged', 'unmerged');
    else {
      if (s.x !== '.') touch(s.path, 'staged', kindOf(s.x));
      if (s.from !== undefined) touch(s.from, 'staged', undefined);
      if (s.y !== '.') touch(s.path, 'unstaged', kindOf(s.y));
    }
  }
  const files = [...entries.values()];
  for (const file of files) {
    if (file.where.length === 0) file.where.push('committed');
    else file.where.sort((a, b) => WHERE_ORDER.indexOf(a) - WHERE_ORDER.indexOf(b));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
