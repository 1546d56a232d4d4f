import type { Plan, Problem } from '../model';
import { at, fmt, hoursValue, joinSome, list, safeLine, str } from './util';

const EPSILON = 1e-9;

/**
 * The line the plan's total is reported on: where it is written, else the line after the overview
 * table (where `**Total:** 36 hours` usually sits), else line 1.
 */
export function totalHoursLine(plan: Plan): number {
  if (plan.totalHours?.line !== undefined) return safeLine(plan.totalHours.line);
  const rows = list(plan.overview);
  const last = rows[rows.length - 1];
  return last ? safeLine(last.line) + 1 : 1;
}

/**
 * `hours-total-exceeded` (warning) when the sessions budget more than the plan's stated total;
 * `hours-total-buffer` (info) stating the unallocated hours when they budget less.
 */
export function checkHoursTotal(plan: Plan): Problem[] {
  const total = hoursValue(plan.totalHours);
  if (total === undefined) return [];
  let sum = 0;
  let counted = 0;
  const uncounted: string[] = [];
  for (const session of list(plan.sessions)) {
    if (!session) continue;
    const hours = hoursValue(session.hours);
    if (hours === undefined) uncounted.push(str(session.id) || `line ${safeLine(session.line)}`);
    else {
      sum += hours;
      counted++;
    }
  }
  if (counted === 0) return [];
  const note = uncounted.length
    ? ` ${uncounted.length} session${uncounted.length === 1 ? ' has' : 's have'} no numeric hours and ` +
      `${uncounted.length === 1 ? 'is' : 'are'} not counted (${joinSome(uncounted)}).`
    : '';
  const line = totalHoursLine(plan);
  if (sum > total + EPSILON) {
    return [
      at(
        'hours-total-exceeded',
        'warning',
        `Sessions budget ${fmt(sum)} h, ${fmt(sum - total)} h more than the stated ${fmt(total)} h total.${note}`,
        line,
      ),
    ];
  }
  if (sum < total - EPSILON) {
    return [
      at(
        'hours-total-buffer',
        'info',
        `Sessions budget ${fmt(sum)} h of the stated ${fmt(total)} h total; ${fmt(total - sum)} h unallocated buffer.${note}`,
        line,
      ),
    ];
  }
  return [];
}
