// The measured inputs of the report writers. Writers are pure functions of these values; the
// `gather…` functions in ./gather.ts collect them from the file system, the run log and git.
import type { CommitFact, GitNote, WindowFacts } from '../git/types';
import type { Finding } from '../findings';
import type { Plan, RunEvent } from '../model';

/** What was found at a deliverable's path. */
export type DeliverableStateKind = 'present' | 'stub' | 'missing' | 'unchecked';

/** A deliverable of a session, looked at in the work tree. */
export interface DeliverableState {
  /** The session id as written in the plan. */
  session: string;
  /** The path as written (glob, folder or file); absent when the plan line names none. */
  path?: string;
  /** The plan line's text, for deliverables without a path. */
  text: string;
  state: DeliverableStateKind;
  /** Lines of the file (a file), or files matched (a glob or folder). */
  lines?: number;
  files?: number;
  /** Why it is a stub, or why it was not checked. */
  reason?: string;
}

/** Git facts of one session: its commits since the session's base. */
export interface SessionCommits {
  /** The base revision the commits were counted from, and where it came from. */
  base?: string;
  baseSource?: 'run-log' | 'start-time';
  commits: CommitFact[];
  notes: GitNote[];
}

/** Everything {@link handoffMarkdown} writes from. */
export interface HandoffInput {
  plan: Plan;
  /** The plan file as the run log names it: workspace-relative, `/` separators. */
  planFile: string;
  sessionId: string;
  events: readonly RunEvent[];
  /** The clock, ms since the epoch. */
  now: number;
  deliverables: readonly DeliverableState[];
  /** Absent when git was not read (not a repository …): the report says so. */
  git?: SessionCommits;
  /** Scope findings (from the git checks); absent when none were run. */
  findings?: readonly Finding[];
  /** What the gatherer could not measure (no run log, not a repository …). */
  notes?: readonly string[];
}

/** Everything {@link aarModel} computes from. */
export interface AarInput {
  plan: Plan;
  planFile: string;
  events: readonly RunEvent[];
  now: number;
  /** The window of the review, ms since the epoch; events and commits outside it are left out. */
  since?: number;
  until?: number;
  deliverables: readonly DeliverableState[];
  /** Commits, authors and line figures of the window; absent when git was not read. */
  facts?: WindowFacts;
  /** Paths changed by the window's commits (to flag sessions "not started" whose work is in git). */
  touchedPaths?: ReadonlySet<string>;
  findings?: readonly Finding[];
  notes?: readonly string[];
}
