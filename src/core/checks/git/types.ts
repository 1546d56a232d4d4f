// The input of the git-aware checks and the context their rules share.
import type { SessionRun } from '../../clock/stopwatch';
import type { Finding } from '../../findings';
import type { ChangedFile, SessionGitFacts } from '../../git/types';
import type { Deliverable, Plan, Session } from '../../model';
import type { Probe } from './files';
import type { ScopePattern } from './patterns';

/** Values per session: a Map or a record, keyed by the session id (or by `runKey(planFile, id)`). */
export type PerSession<T> = ReadonlyMap<string, T> | Readonly<Record<string, T | undefined>>;

/** What {@link runGitChecks} needs. Paths are workspace-relative with `/` unless said otherwise. */
export interface GitCheckInput {
  plan: Plan;
  /** The plan file, workspace-relative. */
  planFile: string;
  /** The workspace root, absolute. */
  workspaceRoot: string;
  /** What git says about each session's work (`sessionFacts()` of src/core/git). */
  facts?: PerSession<SessionGitFacts>;
  /** Each session's clock, from the run log. */
  runs: PerSession<SessionRun>;
  /** The user's `scope.ignore` globs: changes that never count as scope creep. */
  scopeIgnore?: readonly string[];
  /** Check only this session (its id as written); overlaps still look at every session. */
  session?: string;
}

/** A changed file with its path made workspace-relative. */
export interface WorkspaceChange extends ChangedFile {
  /** The old path of a rename, workspace-relative. */
  from?: string;
}

/** One session as the rules see it. */
export interface SessionView {
  session: Session;
  run?: SessionRun;
  facts?: SessionGitFacts;
  /** Its changed files inside the workspace (files outside the workspace are left out). */
  changed: WorkspaceChange[];
  /** What it owns: its deliverables and its tasks' files. */
  patterns: ScopePattern[];
  /** Why its deliverables should exist (`stopped as done`, `all 4 criteria are ticked`), if they should. */
  finished?: string;
  /** True when its work has begun: started on the clock, finished, or it has changes. */
  active: boolean;
}

/** What Marathon found at a deliverable's path. */
export interface DeliverableState {
  session: Session;
  deliverable: Deliverable;
  /** The path as written. */
  written: string;
  /** Workspace-relative path or glob; absent when it points outside the workspace. */
  target?: string;
  kind: 'file' | 'folder' | 'glob';
  /** What is there (a file or folder), or why it cannot be looked at. */
  probe?: Probe;
  /** For a glob (or placeholder): the files it matches, each probed. */
  matches?: Probe[];
  /** True when the glob walk stopped at its limit. */
  truncated?: boolean;
}

/** Everything the rules share. Built once per run by `buildContext`. */
export interface GitCheckContext {
  plan: Plan;
  planFile: string;
  /** The workspace root with symbolic links resolved. */
  root: string;
  /** The session asked for with `input.session`, if any (plan-wide findings are left out then). */
  onlySession?: string;
  /** The sessions to report on (one with `input.session`, else all). */
  sessions: SessionView[];
  /** Every session of the plan (for ownership and overlaps). */
  all: SessionView[];
  /** True for paths that never count as scope creep (`scope.ignore`, `.marathon/**`, the plan). */
  ignored: (path: string) => boolean;
  /** The deliverables of the reported sessions and what is at their paths. */
  deliverables: DeliverableState[];
}

/** One rule: a pure function of the context. */
export type GitRule = (ctx: GitCheckContext) => Finding[];
