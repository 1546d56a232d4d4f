import { emptyPlan, type Plan, type Session, type Task, type Phase } from '../../../src/core/model';
import { readPlan } from '../../../src/core/plan';
import { buildPlanGraph, criticalPath, type PlanGraph } from '../../../src/core/planning';

/** A markdown plan read by the real reader, with its text for the prose forms. */
export function md(text: string): { plan: Plan; text: string; graph: PlanGraph } {
  const { plan } = readPlan(text, 'test.marathon.md');
  return { plan, text, graph: buildPlanGraph(plan, { text }) };
}

export function session(id: string, hours: number | undefined, dependsOn: string[] = [], extra: Partial<Session> = {}): Session {
  const line = 10 * (Number.parseInt(id.replace(/\D/g, ''), 10) || 1);
  return {
    id, title: `S${id}`, agents: [], objectives: [], terminals: [], criteria: [], deliverables: [], tasks: [], dependsOn,
    ...(hours !== undefined ? { hours: { text: `${hours} hours`, min: hours, max: hours } } : {}),
    line, endLine: line + 9, ...extra,
  };
}

export function task(id: string, hours: number | undefined, dependsOn: string[] = [], line = 1): Task {
  return { id, title: id, files: [], dependsOn, line, ...(hours !== undefined ? { extra: { Hours: String(hours) } } : {}) };
}

export function phase(id: string, hours: number | undefined, dependsOn: string[] = [], line = 1, endLine = line): Phase {
  return { id, title: `P${id}`, dependsOn, line, endLine, ...(hours !== undefined ? { duration: { text: `${hours} hours`, min: hours, max: hours } } : {}) };
}

export function planWith(parts: Partial<Plan>): Plan {
  return { ...emptyPlan('yaml', 'test'), ...parts };
}

/** Labels of the predecessors of the item labelled `label`. */
export function predsOf(graph: PlanGraph, label: string): string[] {
  const i = graph.items.findIndex((it) => it.label === label);
  if (i < 0) throw new Error(`no item ${label}; have ${graph.items.map((x) => x.label).join(', ')}`);
  const out: string[] = [];
  for (let k = graph.predStart[i]!; k < graph.predStart[i + 1]!; k++) out.push(graph.items[graph.preds[k]!]!.label);
  return out.sort();
}

export function labels(graph: PlanGraph, indices: readonly number[]): string[] {
  return indices.map((i) => graph.items[i]!.label);
}

export function cpOf(graph: PlanGraph) {
  return criticalPath(graph);
}
