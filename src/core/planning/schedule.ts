// Capacity what-if: list schedules of the graph on N parallel instances (terminals).
import { criticalPath, type CriticalPath } from './critical';
import { IndexHeap } from './heap';
import type { PlanGraph } from './types';

/** One item placed on an instance, for a Gantt chart. Times are hours from the start. */
export interface ScheduledItem {
  item: number;
  /** 0-based instance number. */
  instance: number;
  start: number;
  end: number;
}

/** A schedule on `instances` instances. */
export interface Schedule {
  instances: number;
  makespan: number;
  /** In start order (ties: instance order). */
  items: ScheduledItem[];
}

/** One row of the capacity what-if. */
export interface MakespanRow {
  instances: number;
  /** Hours until everything is done. */
  makespan: number;
  /** Makespan with 1 instance ÷ this makespan (1 when both are 0). */
  speedup: number;
  /** Busy hours ÷ (instances × makespan), 0…1 (0 when the makespan is 0). */
  utilisation: number;
  /** The schedule behind the row (it may use fewer instances: see `MakespanTable.assumption`). */
  schedule: Schedule;
}

export interface MakespanTable {
  rows: MakespanRow[];
  /** Sum of all hours: the makespan on one instance. */
  totalHours: number;
  /** The critical path length: no row is below it. */
  criticalPathHours: number;
  /** The assumptions, in words. */
  assumption: string;
}

/** The words under every makespan table. */
export const SCHEDULE_ASSUMPTION =
  'Each item runs on one instance for its upper-bound hours and is never split; an item starts when every item it depends on has ended; ' +
  'a free instance always takes the ready item with the longest chain of work still behind it (ties: plan order); ' +
  'items without hours take no time; an instance is never idle while an item is ready. ' +
  'With N instances the table shows the best of these schedules for 1…N instances (one may stay idle), so adding an instance never makes it worse.';

/**
 * A list schedule on `instances` instances, highest-remaining-path first (ties: plan order).
 * O((items + edges) · log items). Pass `cp` to reuse a computed critical path.
 */
export function listSchedule(graph: PlanGraph, instances: number, cp: CriticalPath = criticalPath(graph)): Schedule {
  const n = graph.items.length;
  const slots = Math.max(1, Math.floor(instances));
  const { weight, predStart, succStart, succs } = graph;
  const priority = cp.remaining;
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = predStart[i + 1]! - predStart[i]!;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const instanceOf = new Int32Array(n);
  const ready = new IndexHeap(n, (a, b) => priority[a]! > priority[b]! || (priority[a] === priority[b] && a < b));
  const running = new IndexHeap(n, (a, b) => end[a]! < end[b]! || (end[a] === end[b] && a < b));
  const free = new IndexHeap(slots, (a, b) => a < b);
  for (let s = 0; s < slots; s++) free.push(s);
  for (let i = 0; i < n; i++) if (indeg[i] === 0) ready.push(i);
  const order = new Int32Array(n);
  let placed = 0;
  let now = 0;
  while (placed < n) {
    while (free.size > 0 && ready.size > 0) {
      const i = ready.pop();
      const s = free.pop();
      start[i] = now;
      end[i] = now + weight[i]!;
      instanceOf[i] = s;
      order[placed++] = i;
      running.push(i);
    }
    if (running.size === 0) break; // only when the graph has a cycle, which buildPlanGraph never leaves
    // Release everything that ends at the next instant before choosing again.
    now = end[running.peek()]!;
    while (running.size > 0 && end[running.peek()]! === now) {
      const i = running.pop();
      free.push(instanceOf[i]!);
      for (let k = succStart[i]!; k < succStart[i + 1]!; k++) {
        const w = succs[k]!;
        if (--indeg[w]! === 0) ready.push(w);
      }
    }
  }
  let makespan = 0;
  const items: ScheduledItem[] = new Array<ScheduledItem>(placed);
  for (let k = 0; k < placed; k++) {
    const i = order[k]!;
    if (end[i]! > makespan) makespan = end[i]!;
    items[k] = { item: i, instance: instanceOf[i]!, start: start[i]!, end: end[i]! };
  }
  return { instances: slots, makespan, items };
}

/**
 * The makespan for 1…`maxInstances` instances: each row's schedule, speed-up against one
 * instance and utilisation. Non-increasing in N by construction (see {@link SCHEDULE_ASSUMPTION}).
 */
export function makespanTable(graph: PlanGraph, maxInstances: number, cp: CriticalPath = criticalPath(graph)): MakespanTable {
  let total = 0;
  for (let i = 0; i < graph.weight.length; i++) total += graph.weight[i]!;
  const rows: MakespanRow[] = [];
  let best: Schedule | undefined;
  const k = Math.max(1, Math.floor(maxInstances));
  for (let n = 1; n <= k; n++) {
    const s = listSchedule(graph, n, cp);
    if (!best || s.makespan < best.makespan) best = s;
    const makespan = best.makespan;
    const first = rows[0]?.makespan ?? makespan;
    rows.push({
      instances: n,
      makespan,
      speedup: makespan > 0 ? first / makespan : 1,
      utilisation: makespan > 0 ? total / (n * makespan) : 0,
      schedule: best,
    });
  }
  return { rows, totalHours: total, criticalPathHours: cp.hours, assumption: SCHEDULE_ASSUMPTION };
}
