// `time-overrun`: a session's clock past its budget.
import { budgetMs, formatElapsed } from '../../clock/stopwatch';
import type { Finding } from '../../findings';
import { onPlanLine, sessionName } from './finding';
import type { GitCheckContext } from './types';

/** Past this share of the budget an overrun is an error, not a warning. */
export const OVERRUN_ERROR_RATIO = 1.5;

/**
 * `time-overrun` (on the session heading): elapsed time above the session's budget (its hours'
 * upper end, else the lower; the hours recorded at start when the plan no longer states any) is
 * a warning, above 1.5× the budget an error. Message: `Session 024: 3:18 elapsed of a 3:00 budget (110%).`
 */
export function checkTimeOverrun(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const view of ctx.sessions) {
    const run = view.run;
    if (!run || !Number.isFinite(run.elapsedMs)) continue;
    const budget = budgetMs(view.session.hours) ?? budgetMs(run.planned?.hours);
    if (budget === undefined || budget <= 0 || run.elapsedMs <= budget) continue;
    const ratio = run.elapsedMs / budget;
    const percent = Math.max(101, Math.floor(ratio * 100));
    const error = ratio > OVERRUN_ERROR_RATIO;
    const tail = error ? `, more than ${OVERRUN_ERROR_RATIO}× the budget` : '';
    const message = `${sessionName(view.session.id)}: ${formatElapsed(run.elapsedMs)} elapsed of a ${formatElapsed(budget)} budget (${percent}%)${tail}.`;
    findings.push(onPlanLine(ctx.planFile, 'time-overrun', error ? 'error' : 'warning', message, view.session.line, view.session.id));
  }
  return findings;
}
