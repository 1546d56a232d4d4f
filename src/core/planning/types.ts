import type { Problem, Status } from '../model';

/** What a planning item is: a session, a phase, a task, or a stream of tasks. */
export type ItemKind = 'session' | 'phase' | 'task' | 'stream';

/** Where an item's hours come from. */
export type HoursSource =
  /** its own duration (the upper bound of a range) */
  | 'hours'
  /** its calendar window, e.g. `(Weeks 1-3)` = 3 × 40 h */
  | 'window'
  /** its children carry the hours; the item itself weighs 0 and ends when they all end */
  | 'children'
  /** nothing numeric: it weighs 0 */
  | 'none';

/** One node of the dependency graph. */
export interface PlanItem {
  /** Unique in the plan: `session:024`, `phase:1`, `task:fix-006`, `stream:a`. */
  key: string;
  kind: ItemKind;
  /** The id as written. */
  id: string;
  title: string;
  /** `Session 024`, `Phase 1`, `FIX-006` (tasks are named by their id alone). */
  label: string;
  /** The weight used for planning, in hours (0 when none or when the children carry the hours). */
  hours: number;
  /** The item's own hours as stated (upper bound), even when its children carry the weight. */
  statedHours?: number;
  hoursSource: HoursSource;
  line: number;
  /** Index of the containing item (a session for its tasks, a phase for what lies inside it). */
  parent?: number;
  /** A status marker written in the plan (✅, `(30% Complete - BLOCKED)`, a ticked task). */
  status?: Status;
  /** Found by the planning module in the plan's prose, not by the reader. */
  fromProse?: boolean;
}

/** A dependency the graph does not use, and why. */
export interface IgnoredDependency {
  /** The depending item's index. */
  from: number;
  /** The item depended on (index), when it is in the plan. */
  to?: number;
  /** The dependency as written. */
  text: string;
  reason: 'cycle' | 'unknown' | 'external';
  line: number;
}

/** Items the plan says may run at the same time (a "Can Run in Parallel" list, `025 + 026`). */
export interface ParallelGroup {
  items: number[];
  /** Names in the list that are no item of the plan (`Infrastructure prep`). */
  unresolved: string[];
  /** Domain words the plan gives each item, e.g. `(Backend)`, by item index. */
  labels: Map<number, string>;
  line: number;
}

/**
 * The dependency graph of a plan, acyclic. Edges are stored twice in CSR form (typed arrays):
 * the predecessors of item `i` are `preds[predStart[i]] … preds[predStart[i+1]-1]`, and
 * likewise for successors. Items keep plan order: the index is the plan-order tie-breaker.
 */
export interface PlanGraph {
  items: PlanItem[];
  /** Hours per item (= `items[i].hours`), for the hot loops. */
  weight: Float64Array;
  predStart: Int32Array;
  preds: Int32Array;
  succStart: Int32Array;
  succs: Int32Array;
  /** A topological order of all items (dependencies first, plan order among equals). */
  topo: Int32Array;
  /** Item index by key. */
  byKey: Map<string, number>;
  ignored: IgnoredDependency[];
  parallel: ParallelGroup[];
  /** What building the graph found: cycles broken, unknown and external ids, missing hours. */
  findings: Problem[];
  /** The assumptions behind the hours, in words. */
  assumptions: string[];
}
