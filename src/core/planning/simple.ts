// A graph from bare items (id, hours, dependencies): for tests, benches and callers that are not plans.
import { emptyPlan } from '../model';
import { buildPlanGraph } from './graph';
import type { PlanGraph } from './types';

/** A task as a bare record. */
export interface SimpleItem {
  id: string;
  hours?: number;
  dependsOn?: readonly string[];
  title?: string;
}

/** The graph of stand-alone tasks with the given hours and dependencies (task ids), in the given order. */
export function graphFromItems(items: readonly SimpleItem[]): PlanGraph {
  const plan = emptyPlan('yaml', 'items');
  plan.tasks = items.map((it, i) => ({
    id: it.id,
    title: it.title ?? it.id,
    files: [],
    dependsOn: [...(it.dependsOn ?? [])],
    ...(it.hours !== undefined ? { extra: { Hours: String(it.hours) } } : {}),
    line: i + 1,
  }));
  return buildPlanGraph(plan);
}
