import type { Plan, Problem } from '../model';
import { dependents, hasDependencies, indexPlan, kindName, resolveRef } from './refs';
import { at } from './util';

/** `unknown-dependency` (error): a session's, phase's or task's dependency that names nothing in the plan. */
export function checkUnknownDependencies(plan: Plan): Problem[] {
  if (!hasDependencies(plan)) return [];
  const index = indexPlan(plan);
  const problems: Problem[] = [];
  for (const item of dependents(plan)) {
    for (const raw of item.dependsOn) {
      const ref = resolveRef(index, item.kind, raw);
      if (!ref || ref.found) continue;
      const owner = item.id.trim() ? `${kindName(item.kind)} ${item.id.trim()}` : `This ${item.kind}`;
      problems.push(
        at('unknown-dependency', 'error', `${owner} depends on "${String(raw).trim()}", but the plan has no ${ref.kind} with that id.`, item.line),
      );
    }
  }
  return problems;
}
