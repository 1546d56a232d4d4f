import type { Plan, Problem } from '../model';

/** What a check may know about where the plan lives. Paths are absolute when given. */
export interface CheckContext {
  /** The plan file's absolute path, when known. */
  planFile?: string;
  /** The workspace root's absolute path, when known. */
  workspaceRoot?: string;
}

/** One plan check: pure, synchronous, never touches the file system, never throws. */
export type Check = (plan: Plan, ctx: CheckContext) => Problem[];
