// The facts Marathon takes from git. Produced by src/core/git (through simple-git), consumed by
// the checks and the reports. Paths are repository-relative with `/` separators.

/** How a file changed, as `git diff --name-status` / `git status --porcelain` letters say it. */
export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'untracked';

/** Where a change lives: in a commit since the base, in the index, in the work tree, or untracked. */
export type ChangeWhere = 'committed' | 'staged' | 'unstaged' | 'untracked';

/** One changed file, merged over every place it changed (a file both committed and unstaged is one entry). */
export interface ChangedFile {
  path: string;
  kind: ChangeKind;
  /** The old path of a rename or copy. */
  from?: string;
  where: ChangeWhere[];
  /** Lines added and removed against the base (numstat); absent for binary or unknown. */
  insertions?: number;
  deletions?: number;
  binary?: boolean;
}

/** One commit. */
export interface CommitFact {
  hash: string;
  author: string;
  email: string;
  /** ISO 8601 author date. */
  date: string;
  subject: string;
}

/**
 * Where the base of a session's changes came from: `explicit` (`--base REV`), `run-log` (HEAD
 * recorded at session start), `merge-base` (with the default branch), `empty-tree` (no commits yet),
 * `head` (nothing better known: only uncommitted changes count; a note says why). `root` is reserved.
 */
export type BaseSource = 'run-log' | 'merge-base' | 'explicit' | 'root' | 'empty-tree' | 'head';

/** The codes a {@link GitNote} carries. */
export type GitNoteCode =
  | 'not-a-repository'
  | 'not-a-work-tree'
  | 'no-commits'
  | 'detached-head'
  | 'shallow'
  | 'invalid-rev'
  | 'unknown-base'
  | 'run-log-head-missing'
  | 'branch-missing'
  | 'no-default-branch'
  | 'no-merge-base'
  | 'unknown-rev'
  | 'git-failed';

/** A note about what git could not tell (not a repository, shallow clone, unknown base …). */
export interface GitNote {
  /** One of {@link GitNoteCode}. */
  code: string;
  message: string;
}

/** What git says about one session's work. */
export interface SessionGitFacts {
  /** Absolute path of the repository's top level. */
  root: string;
  head?: string;
  /** The current branch; absent on a detached HEAD. */
  branch?: string;
  detached: boolean;
  shallow: boolean;
  base?: { rev: string; source: BaseSource };
  /** The default branch the merge-base was taken with (e.g. `origin/main`), when one was used. */
  defaultBranch?: string;
  changed: ChangedFile[];
  commits: CommitFact[];
  notes: GitNote[];
}

/** What git says about a time window or revision range: the figures `git log --numstat` and `git diff --shortstat` give. */
export interface WindowFacts {
  commits: CommitFact[];
  authors: { name: string; email: string; commits: number }[];
  /** Net change over the window: `git diff --shortstat FROM TO` (see `range`). */
  filesChanged: number;
  insertions: number;
  deletions: number;
  /**
   * The two trees the net figures compare (full hashes; `from` may be the empty tree). Absent when
   * the window holds no commit on the first-parent line, where the net change is zero.
   */
  range?: { from: string; to: string };
  /** Every commit's own change summed: the totals of `git log --numstat` (merges show none). Always set by windowFacts. */
  churn?: { filesChanged: number; insertions: number; deletions: number; binaryFiles: number };
  notes: GitNote[];
}
