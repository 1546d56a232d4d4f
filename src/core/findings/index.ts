import type { Problem, Range } from '../model';

/** A place in a file: `file` is workspace-relative with `/` separators, or absolute when outside. */
export interface Location {
  file: string;
  range?: Range;
}

/** Information attached to a finding, shown as related information on a diagnostic. */
export interface RelatedInfo extends Location {
  message: string;
}

/** A fix the extension may offer as a quick fix, and the CLI may print as a hint. */
export type SuggestedFix =
  | { kind: 'add-deliverable'; title: string; plan: string; session: string; path: string }
  | { kind: 'move-to-session'; title: string; plan: string; from: string; to: string; path: string }
  | { kind: 'ignore-for-scope'; title: string; glob: string };

/**
 * A finding: a problem with a place (which file), related places and suggested fixes. The
 * git-aware checks return these; a plain `Problem` is a finding in the plan file itself.
 */
export interface Finding extends Problem {
  file: string;
  session?: string;
  related?: RelatedInfo[];
  fixes?: SuggestedFix[];
}
