import type { PlanGraph } from './types';

const EPS = 1e-9;

/** The longest chain of dependencies, by hours, and every item's slack. Times are hours from the start. */
export interface CriticalPath {
  /** Length of the longest chain, in hours: no number of instances can finish sooner. */
  hours: number;
  /** The chain, first item first (indices into `graph.items`). Zero-weight items on it are kept. */
  path: number[];
  earliestStart: Float64Array;
  earliestFinish: Float64Array;
  latestStart: Float64Array;
  latestFinish: Float64Array;
  /** How long an item may slip without delaying the end (0 on the critical path). */
  slack: Float64Array;
  /** Hours from an item's start to the end of the longest chain through it (its "bottom level"). */
  remaining: Float64Array;
}

/**
 * The critical path method on the graph, weighted by each item's hours (the upper bound of a
 * range; 0 when none). Linear in items + edges. Ties pick the earliest item in plan order.
 */
export function criticalPath(graph: PlanGraph): CriticalPath {
  const { topo, weight, predStart, preds, succStart, succs } = graph;
  const n = graph.items.length;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const v = topo[t]!;
    let start = 0;
    for (let k = predStart[v]!; k < predStart[v + 1]!; k++) start = Math.max(start, ef[preds[k]!]!);
    es[v] = start;
    ef[v] = start + weight[v]!;
  }
  let end = 0;
  for (let i = 0; i < n; i++) end = Math.max(end, ef[i]!);
  const lf = new Float64Array(n);
  const ls = new Float64Array(n);
  const slack = new Float64Array(n);
  const remaining = new Float64Array(n);
  for (let t = n - 1; t >= 0; t--) {
    const v = topo[t]!;
    let finish = end;
    let below = 0;
    for (let k = succStart[v]!; k < succStart[v + 1]!; k++) {
      const w = succs[k]!;
      finish = Math.min(finish, ls[w]!);
      below = Math.max(below, remaining[w]!);
    }
    lf[v] = finish;
    ls[v] = finish - weight[v]!;
    slack[v] = Math.max(0, ls[v]! - es[v]!);
    remaining[v] = weight[v]! + below;
  }
  return { hours: end, path: tracePath(graph, es, ef, end), earliestStart: es, earliestFinish: ef, latestStart: ls, latestFinish: lf, slack, remaining };
}

// From the first item (plan order) finishing at the end, back through the predecessor that
// finishes exactly when it starts.
function tracePath(graph: PlanGraph, es: Float64Array, ef: Float64Array, end: number): number[] {
  const n = graph.items.length;
  if (n === 0) return [];
  let v = -1;
  for (let i = 0; i < n; i++) {
    if (Math.abs(ef[i]! - end) <= EPS) {
      v = i;
      break;
    }
  }
  const path: number[] = [];
  while (v >= 0) {
    path.push(v);
    let next = -1;
    for (let k = graph.predStart[v]!; k < graph.predStart[v + 1]!; k++) {
      const p = graph.preds[k]!;
      if (Math.abs(ef[p]! - es[v]!) <= EPS && (next < 0 || p < next)) next = p;
    }
    v = next;
  }
  return path.reverse();
}
