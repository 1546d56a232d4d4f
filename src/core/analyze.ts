import type { Plan, Problem } from './model';
import { readPlan } from './plan';
import { checkPlan, type CheckContext } from './checks';

export type { CheckContext } from './checks';

/** A read and checked plan: `plan.problems` is the same merged, sorted list as `problems`. */
export interface Analysis {
  plan: Plan;
  problems: Problem[];
}

/**
 * Reads a plan's text and runs the plan checks on it: reader problems and check problems are
 * merged, de-duplicated and sorted by position. Pure: no file system access, never throws on
 * a user's text (the readers and checks report problems instead).
 */
export function analyzePlan(text: string, fileName: string, ctx?: CheckContext): Analysis {
  const { plan, problems: readProblems } = readPlan(text, fileName);
  const checkProblems = checkPlan(plan, ctx);
  const problems = mergeProblems([...readProblems, ...plan.problems, ...checkProblems]);
  return { plan: { ...plan, problems }, problems };
}

/** Drops exact duplicates (a reader may return its problems both ways) and sorts by range. */
export function mergeProblems(list: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of list) {
    const key = `${p.line}:${p.column}:${p.endLine}:${p.endColumn}:${p.severity}:${p.code}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  // Array.prototype.sort is stable, so equal positions keep reader-before-check order.
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
