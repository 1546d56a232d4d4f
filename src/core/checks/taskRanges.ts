import type { Plan, Problem } from '../model';
import { allTasks } from './refs';
import { at, finite, list, safeLine, str } from './util';

/** The number in a task id written as `7`, `#7` or `Task 7`; undefined for `DEBT-001` and the like. */
function taskNumber(id: unknown): number | undefined {
  const m = /^(?:task\s*)?#?\s*(\d+)$/i.exec(str(id).trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The size of the plan's task list: `totalTasks` when stated, else the highest numeric task id;
 * undefined when the plan has no numbered task list at all.
 */
export function taskListSize(plan: Plan): number | undefined {
  const stated = finite(plan.totalTasks);
  if (stated !== undefined && stated > 0) return stated;
  let max: number | undefined;
  for (const t of allTasks(plan)) {
    const n = taskNumber(t.id);
    if (n !== undefined && (max === undefined || n > max)) max = n;
  }
  return max;
}

/**
 * A terminal's `(tasks 1-10)`: `task-range-invalid` (error) when it runs backwards,
 * `task-range-beyond-list` (warning) when it reaches outside the plan's task list.
 */
export function checkTaskRanges(plan: Plan): Problem[] {
  const size = taskListSize(plan);
  const problems: Problem[] = [];
  for (const session of list(plan.sessions)) {
    if (!session) continue;
    const where = str(session.id).trim() ? `session ${str(session.id).trim()}` : 'this session';
    for (const terminal of list(session.terminals)) {
      const from = finite(terminal?.tasks?.from);
      const to = finite(terminal?.tasks?.to);
      if (!terminal || from === undefined || to === undefined) continue;
      const line = safeLine(terminal.line);
      if (from > to) {
        problems.push(at('task-range-invalid', 'error', `Tasks ${from}-${to} in ${where}: the range runs backwards (${from} > ${to}).`, line));
        continue;
      }
      if (size !== undefined && (from < 1 || to > size)) {
        const source = size === finite(plan.totalTasks) ? 'states' : 'numbers';
        problems.push(
          at('task-range-beyond-list', 'warning', `Tasks ${from}-${to} in ${where} reach beyond the task list: the plan ${source} ${size} tasks.`, line),
        );
      }
    }
  }
  return problems;
}
