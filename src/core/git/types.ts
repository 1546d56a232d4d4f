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

/** Where the base of a session's changes came from. */
export type BaseSource = 'run-log' | 'merge-base' | 'explicit' | 'root' | 'empty-tree';

/** A note about what git could not tell (not a repository, shallow clone, unknown base …). */
export interface GitNote {
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
  changed: ChangedFile[];
  commits: CommitFact[];
  notes: GitNote[];
}

/** What git says about a time window or revision range: the figures `git log --numstat` and `git diff --shortstat` give. */
export interface WindowFacts {
  commits: CommitFact[];
  authors: { name: string; email: string; commits: number }[];
  filesChanged: number;
  insertions: number;
  deletions: number;
  notes: GitNote[];
}
