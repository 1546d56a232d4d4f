// Plan checks that need no git: pure functions from a plan to problems, sorted by position.
import type { Plan, Problem } from '../model';
import { checkDependencyCycles } from './cycles';
import { checkUnknownDependencies } from './dependencies';
import { checkDuplicateSessions } from './duplicates';
import { checkHoursTotal } from './hours';
import { checkNeverShare } from './neverShare';
import { checkOverview } from './overview';
import { checkPathsInsideWorkspace } from './paths';
import { checkTaskRanges } from './taskRanges';
import { checkTerminals } from './terminals';
import type { Check, CheckContext } from './types';
import { at } from './util';

export type { Check, CheckContext } from './types';
export {
  checkDependencyCycles,
  checkUnknownDependencies,
  checkDuplicateSessions,
  checkHoursTotal,
  checkNeverShare,
  checkOverview,
  checkPathsInsideWorkspace,
  checkTaskRanges,
  checkTerminals,
};

/** Every check `checkPlan` runs, by name, in the order they run. */
export const CHECKS: Readonly<Record<string, Check>> = {
  hours: checkHoursTotal,
  overview: checkOverview,
  duplicates: checkDuplicateSessions,
  dependencies: checkUnknownDependencies,
  cycles: checkDependencyCycles,
  terminals: checkTerminals,
  taskRanges: checkTaskRanges,
  paths: checkPathsInsideWorkspace,
  neverShare: checkNeverShare,
};

/**
 * Runs every plan check and returns their problems sorted by line, then column. Never throws:
 * a check that fails on odd input is reported as a `check-failed` warning instead.
 */
export function checkPlan(plan: Plan, ctx: CheckContext = {}): Problem[] {
  const problems: Problem[] = [];
  for (const [name, check] of Object.entries(CHECKS)) {
    try {
      for (const p of check(plan, ctx)) problems.push(p); // no spread: results can be huge
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      problems.push(at('check-failed', 'warning', `The ${name} check failed on this plan: ${reason}`, 1));
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
