// Which commit a session's changes are measured from: --base, else the run log's HEAD, else the
// merge-base with the default branch, else HEAD itself (with a note saying why).
import { EMPTY_TREE, isSafeRev, note, resolveCommit, type Git } from './run';
import type { BaseSource, GitNote } from './types';

export interface BaseOptions {
  /** An explicit base (CLI `--base REV`). */
  base?: string;
  /** HEAD recorded in the run log when the session started. */
  runLogHead?: string;
  /** The session's branch: the merge-base is taken from its tip (else from HEAD). */
  branch?: string;
  /** The default branch to take the merge-base with (else origin/HEAD, main, master). */
  defaultBranch?: string;
}

export interface BaseChoice {
  base: { rev: string; source: BaseSource };
  defaultBranch?: string;
  notes: GitNote[];
}

/** The default branch's short name and commit: `preferred`, else origin/HEAD's target, main, master. */
export async function detectDefaultBranch(git: Git, preferred?: string): Promise<{ name: string; hash: string } | undefined> {
  if (preferred !== undefined) {
    const hash = await resolveCommit(git, preferred);
    return hash ? { name: preferred, hash } : undefined;
  }
  const r = await git.run([
    'for-each-ref',
    '--format=%(refname)%00%(symref)%00%(objectname)',
    'refs/remotes/origin/HEAD',
    'refs/heads/main',
    'refs/heads/master',
  ]);
  if (!r.ok) return undefined;
  const refs = new Map<string, { symref: string; hash: string }>();
  for (const line of r.out.split('\n')) {
    const [ref, symref = '', hash = ''] = line.split('\0');
    if (ref) refs.set(ref, { symref, hash });
  }
  const origin = refs.get('refs/remotes/origin/HEAD');
  if (origin?.symref && origin.hash) return { name: origin.symref.replace(/^refs\/remotes\//, ''), hash: origin.hash };
  for (const name of ['main', 'master']) {
    const ref = refs.get(`refs/heads/${name}`);
    if (ref?.hash) return { name, hash: ref.hash };
  }
  return undefined;
}

/**
 * Chooses the base. `head` is HEAD's hash (undefined before the first commit, when the base is the
 * empty tree). Every step that could not be used leaves a note.
 */
export async function chooseBase(git: Git, opts: BaseOptions, info: Promise<{ head?: string; shallow: boolean }>): Promise<BaseChoice> {
  const notes: GitNote[] = [];
  const [explicit, runLog, { head, shallow }] = await Promise.all([
    opts.base !== undefined && opts.base !== EMPTY_TREE ? resolveCommit(git, opts.base) : Promise.resolve(opts.base),
    opts.runLogHead !== undefined ? resolveCommit(git, opts.runLogHead) : Promise.resolve(undefined),
    info,
  ]);
  const shallowHint = shallow ? ' (this is a shallow clone: it may lie beyond the fetched history)' : '';
  if (opts.base !== undefined) {
    if (explicit) return { base: { rev: explicit, source: 'explicit' }, notes };
    notes.push(
      isSafeRev(opts.base)
        ? note('unknown-base', `--base "${opts.base}" names no commit in this repository${shallowHint}`)
        : note('invalid-rev', `--base "${opts.base}" is not a revision Marathon passes to git`),
    );
  }
  if (!head) {
    notes.push(note('no-commits', 'the repository has no commits yet: every file counts from the empty tree'));
    return { base: { rev: EMPTY_TREE, source: 'empty-tree' }, notes };
  }
  if (opts.runLogHead !== undefined) {
    if (runLog) return { base: { rev: runLog, source: 'run-log' }, notes };
    notes.push(
      shallow
        ? note('shallow', `the session's start commit ${opts.runLogHead.slice(0, 12)} is not in this shallow clone's history; using the merge-base instead`)
        : note('run-log-head-missing', `the session's start commit ${opts.runLogHead.slice(0, 12)} is not in this repository; using the merge-base instead`),
    );
  }
  let def = await detectDefaultBranch(git, opts.defaultBranch);
  if (!def && opts.defaultBranch !== undefined) {
    notes.push(note('no-default-branch', `default branch "${opts.defaultBranch}" names no commit; looking for origin/HEAD, main, master`));
    def = await detectDefaultBranch(git);
  }
  if (!def) {
    notes.push(note('no-default-branch', 'no default branch found (origin/HEAD, main, master): only uncommitted changes count'));
    return { base: { rev: head, source: 'head' }, notes };
  }
  let tip = head;
  if (opts.branch !== undefined) {
    const branchTip = isSafeRev(opts.branch) ? await resolveCommit(git, `refs/heads/${opts.branch}`) : undefined;
    if (branchTip) tip = branchTip;
    else notes.push(note('branch-missing', `branch "${opts.branch}" does not exist; using HEAD`));
  }
  const mb = await git.run(['merge-base', tip, def.hash]);
  const rev = mb.ok ? mb.out.trim() : '';
  if (/^[0-9a-f]{40,64}$/.test(rev)) return { base: { rev, source: 'merge-base' }, defaultBranch: def.name, notes };
  notes.push(
    shallow
      ? note('shallow', `no merge-base with ${def.name} in this shallow clone's history: only uncommitted changes count`)
      : note('no-merge-base', `no merge-base with ${def.name}: only uncommitted changes count`),
  );
  return { base: { rev: head, source: 'head' }, defaultBranch: def.name, notes };
}
