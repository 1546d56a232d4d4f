// The dependency graph of a plan: items from the reader and from prose, edges from `dependsOn`,
// `**Prerequisites**:`, "Cannot Parallelize" lists and containment; cycles broken
// deterministically; stored as typed-array adjacency lists for the scheduler.
import { problem, type Plan, type Problem } from '../model';
import { parseRef } from '../checks/refs';
import { fmt } from '../checks/util';
import { collectItems, type CollectedItems, type WrittenDependency } from './items';
import { readProse, type Prose } from './prose';
import { externalRef, type RawRef } from './refs';
import type { IgnoredDependency, ItemKind, ParallelGroup, PlanGraph, PlanItem } from './types';

/** How to build the graph. */
export interface GraphOptions {
  /** The plan's text, for the prose forms the reader does not capture (markdown plans). */
  text?: string;
}

const PROSE_ORDER: readonly ItemKind[] = ['task', 'session', 'phase', 'stream'];
// Cycles spelled out one by one; more are counted in one last finding.
const MAX_CYCLE_FINDINGS = 20;

/**
 * Builds the dependency graph of `plan`. Never throws: unknown ids, references into other plans,
 * prose it cannot resolve and cycles become findings; each cycle is broken by ignoring its last
 * link in a depth-first walk in plan order, so the result is acyclic and always the same.
 */
export function buildPlanGraph(plan: Plan, options: GraphOptions = {}): PlanGraph {
  const prose = options.text !== undefined && plan.format !== 'yaml' ? readProse(options.text) : undefined;
  const collected = collectItems(plan, prose);
  const { items } = collected;
  const findings: Problem[] = [];
  const ignored: IgnoredDependency[] = [];
  if (prose) addProseDependencies(prose, collected, findings);

  const n = items.length;
  const edges = new EdgeSet(n);
  const resolveOne = (owner: number, written: WrittenDependency): void => {
    const item = items[owner] as PlanItem;
    const outside = written.external === undefined ? externalRef(written.text) : undefined;
    const dep = outside ? { ...written, ...outside } : written;
    if (dep.external !== undefined) {
      ignored.push({ from: owner, text: `${dep.external}#${dep.text}`, reason: 'external', line: dep.line });
      findings.push(problem('planning-external-dependency', 'info', `${item.label} depends on ${dep.text} in ${dep.external}, another plan: planning does not wait for it.`, dep.line));
      return;
    }
    const to = resolve(collected, item.kind, dep);
    if (to === undefined) {
      ignored.push({ from: owner, text: dep.text, reason: 'unknown', line: dep.line });
      findings.push(problem('planning-unknown-dependency', 'warning', `${item.label} depends on "${dep.text.trim()}", which is no item of this plan: planning ignores it.`, dep.line));
      return;
    }
    if (to === owner || isAncestor(items, to, owner)) return; // waiting for itself or its container: meaningless
    edges.add(to, owner);
  };
  collected.deps.forEach((list, owner) => list.forEach((dep) => resolveOne(owner, dep)));

  inheritContainers(items, edges);
  const assumptions = weighContainers(items, findings);
  const graph = finish(items, edges, ignored, findings);
  graph.parallel = prose ? parallelGroups(prose, collected, graph, findings) : [];
  graph.assumptions.push(...assumptions);
  return graph;
}

/** A set of edges `from → to` (from must finish before to starts) in insertion order. */
class EdgeSet {
  readonly from: number[] = [];
  readonly to: number[] = [];
  private readonly seen = new Set<number>();
  constructor(private readonly n: number) {}
  add(from: number, to: number): void {
    const k = from * this.n + to;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.from.push(from);
    this.to.push(to);
  }
  has(from: number, to: number): boolean {
    return this.seen.has(from * this.n + to);
  }
}

function isAncestor(items: readonly PlanItem[], a: number, b: number): boolean {
  for (let p = items[b]?.parent, guard = 0; p !== undefined && guard < items.length; p = items[p]?.parent, guard++) {
    if (p === a) return true;
  }
  return false;
}

/** The item a written dependency names: an explicit kind word wins, else the owner's kind (prose: any kind). */
function resolve(c: CollectedItems, owner: ItemKind, dep: WrittenDependency | RawRef): number | undefined {
  const ref = parseRef(dep.text);
  if (!ref) return undefined;
  if (ref.kind) return ref.kind in c.byKind ? c.byKind[ref.kind as ItemKind].get(ref.key) : undefined;
  const kinds = 'prose' in dep && !dep.prose ? [owner] : PROSE_ORDER;
  for (const kind of kinds) {
    const i = c.byKind[kind].get(ref.key);
    if (i !== undefined) return i;
  }
  return undefined;
}

// `**Prerequisites**:` belongs to the innermost item whose lines hold it; a "Cannot Parallelize"
// entry makes its subjects depend on what it names.
function addProseDependencies(prose: Prose, c: CollectedItems, findings: Problem[]): void {
  for (const pre of prose.prerequisites) {
    const owner = innermostAt(c, pre.line);
    if (owner === undefined) {
      if (pre.refs.length > 0) findings.push(problem('planning-prose-dependency', 'info', `Prerequisites "${pre.text}" sit under no session, phase or task: planning ignores them.`, pre.line));
      continue;
    }
    for (const ref of pre.refs) c.deps[owner]?.push({ ...ref, line: pre.line, prose: true });
  }
  for (const con of prose.constraints) {
    const subjects = con.subjects.map((s) => ({ ref: s, at: s.external === undefined ? resolve(c, 'task', s) : undefined }));
    const known = subjects.filter((s) => s.at !== undefined);
    const unknown = subjects.filter((s) => s.at === undefined).map((s) => s.ref.text);
    const resolvable = con.refs.filter((r) => r.external !== undefined || resolve(c, 'task', r) !== undefined);
    for (const s of known) for (const ref of con.refs) c.deps[s.at as number]?.push({ ...ref, line: con.line, prose: true });
    const problems: string[] = [];
    if (subjects.length === 0) problems.push('it names no item before its need');
    if (unknown.length > 0) problems.push(`${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} no item of this plan`);
    if (resolvable.length === 0) problems.push(`"${con.need}" names no item (write ids, e.g. "needs FIX-006" or "needs Phase 1")`);
    if (problems.length > 0) {
      findings.push(problem('planning-prose-dependency', 'info', `A "Cannot Parallelize" entry is not fully used: ${problems.join('; ')}.`, con.line));
    }
  }
}

function innermostAt(c: CollectedItems, line: number): number | undefined {
  let best: number | undefined;
  c.items.forEach((it, i) => {
    const end = c.endLine[i] ?? it.line;
    if (it.line > line || end < line) return;
    const b = best === undefined ? undefined : c.items[best];
    if (!b || it.line > b.line || (it.line === b.line && end < (c.endLine[best as number] ?? 0))) best = i;
  });
  return best;
}

// A child waits for what its container waits for, and the container ends when its children end.
function inheritContainers(items: readonly PlanItem[], edges: EdgeSet): void {
  const n = items.length;
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < edges.from.length; e++) preds[edges.to[e] as number]?.push(edges.from[e] as number);
  // Parents before children: depth order.
  const depth = new Int32Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let p = items[i]?.parent; p !== undefined && d <= n; p = items[p]?.parent) d++;
    depth[i] = d;
    order.push(i);
  }
  order.sort((a, b) => (depth[a] as number) - (depth[b] as number) || a - b);
  for (const i of order) {
    const p = items[i]?.parent;
    if (p === undefined) continue;
    for (const q of preds[p] ?? []) {
      if (q === i || isAncestor(items, i, q)) continue;
      if (!edges.has(q, i)) {
        edges.add(q, i);
        preds[i]?.push(q);
      }
    }
    edges.add(i, p);
  }
}

// A container whose children carry hours weighs 0 (it spans them); the rest keep their own.
function weighContainers(items: PlanItem[], findings: Problem[]): string[] {
  const n = items.length;
  const below = new Float64Array(n);
  const depthOf = (i: number): number => {
    let d = 0;
    for (let p = items[i]?.parent; p !== undefined && d <= n; p = items[p]?.parent) d++;
    return d;
  };
  const order = items.map((_, i) => i).sort((a, b) => depthOf(b) - depthOf(a) || b - a);
  for (const i of order) {
    const item = items[i] as PlanItem;
    const p = item.parent;
    if (below[i]! > 0 && item.hours > 0) {
      item.hours = 0;
      item.hoursSource = 'children';
    } else if (below[i]! > 0) item.hoursSource = 'children';
    if (p !== undefined) below[p] = (below[p] ?? 0) + item.hours + (below[i] ?? 0);
  }
  const assumptions: string[] = [];
  const fromWindow = items.filter((it) => it.hoursSource === 'window');
  if (fromWindow.length > 0) {
    const list = fromWindow.map((it) => `${it.label} ${fmt(it.hours)} h`).join(', ');
    findings.push(problem('planning-hours-from-window', 'info', `Hours taken from calendar windows (a week = 40 h, a day = 8 h): ${list}.`, fromWindow[0]?.line ?? 1));
    assumptions.push('An item with no duration but a calendar window (Weeks 1-3) takes its working hours: a week is 40 h, a day 8 h.');
  }
  const underWeighted = (i: number): boolean => {
    for (let p = items[i]?.parent; p !== undefined; p = items[p]?.parent) if ((items[p]?.statedHours ?? 0) > 0) return true;
    return false;
  };
  const noHours = items.map((it, i) => ({ it, i })).filter(({ it, i }) => it.hoursSource === 'none' && it.kind !== 'stream' && !underWeighted(i));
  for (const { it } of noHours.filter(({ it }) => it.kind !== 'task')) {
    findings.push(problem('planning-no-hours', 'info', `${it.label} states no hours: planning weighs it 0.`, it.line));
  }
  const tasks = noHours.filter(({ it }) => it.kind === 'task');
  if (tasks.length > 0) {
    const names = tasks.slice(0, 5).map(({ it }) => it.label).join(', ') + (tasks.length > 5 ? `, … (${tasks.length - 5} more)` : '');
    findings.push(problem('planning-no-hours', 'info', `${tasks.length} task${tasks.length === 1 ? '' : 's'} outside any item with hours state${tasks.length === 1 ? 's' : ''} no hours and weigh${tasks.length === 1 ? 's' : ''} 0: ${names}.`, tasks[0]?.it.line ?? 1));
  }
  return assumptions;
}

// Breaks cycles (iterative depth-first walk in plan order; a back edge is ignored), then builds
// the typed adjacency lists and a topological order (plan order among ready items).
function finish(items: PlanItem[], edges: EdgeSet, ignored: IgnoredDependency[], findings: Problem[]): PlanGraph {
  const n = items.length;
  const m = edges.from.length;
  const succStart0 = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) succStart0[(edges.from[e] as number) + 1]!++;
  for (let i = 0; i < n; i++) succStart0[i + 1]! += succStart0[i]!;
  const succEdge = new Int32Array(m);
  const fill = succStart0.slice(0, n);
  for (let e = 0; e < m; e++) succEdge[fill[edges.from[e] as number]!++] = e;
  const dropped = new Uint8Array(m);
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const stackPos = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const nextEdge = new Int32Array(n);
  let cycles = 0;
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    stack.push(root);
    state[root] = 1;
    stackPos[root] = 0;
    nextEdge[root] = succStart0[root]!;
    while (stack.length) {
      const v = stack[stack.length - 1] as number;
      const k = nextEdge[v]!;
      if (k < succStart0[v + 1]!) {
        nextEdge[v] = k + 1;
        const e = succEdge[k]!;
        const w = edges.to[e] as number;
        if (state[w] === 0) {
          state[w] = 1;
          stackPos[w] = stack.length;
          stack.push(w);
          nextEdge[w] = succStart0[w]!;
        } else if (state[w] === 1) {
          dropped[e] = 1;
          cycles++;
          const path = stack.slice(stackPos[w]!).concat(w);
          ignored.push({ from: w, to: v, text: items[v]?.label ?? '', reason: 'cycle', line: items[w]?.line ?? 1 });
          if (cycles <= MAX_CYCLE_FINDINGS) {
            const spelled = path.map((i) => items[i]?.label ?? '?').join(' → ');
            const line = Math.min(...path.map((i) => items[i]?.line ?? 1));
            findings.push(problem('planning-cycle', 'warning', `Dependency cycle: ${spelled} (each waits for the next). Planning ignores that ${items[w]?.label} waits for ${items[v]?.label}.`, line));
          }
        }
        continue;
      }
      stack.pop();
      state[v] = 2;
      stackPos[v] = -1;
    }
  }
  if (cycles > MAX_CYCLE_FINDINGS) {
    findings.push(problem('planning-cycle', 'warning', `${cycles - MAX_CYCLE_FINDINGS} more dependency cycles were broken the same way.`, 1));
  }
  // CSR without the dropped edges, both directions.
  const predStart = new Int32Array(n + 1);
  const succStart = new Int32Array(n + 1);
  let kept = 0;
  for (let e = 0; e < m; e++) {
    if (dropped[e]) continue;
    kept++;
    predStart[(edges.to[e] as number) + 1]!++;
    succStart[(edges.from[e] as number) + 1]!++;
  }
  for (let i = 0; i < n; i++) {
    predStart[i + 1]! += predStart[i]!;
    succStart[i + 1]! += succStart[i]!;
  }
  const preds = new Int32Array(kept);
  const succs = new Int32Array(kept);
  const pf = predStart.slice(0, n);
  const sf = succStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    if (dropped[e]) continue;
    const a = edges.from[e] as number;
    const b = edges.to[e] as number;
    preds[pf[b]!++] = a;
    succs[sf[a]!++] = b;
  }
  const topo = topoOrder(n, predStart, succStart, succs);
  const weight = new Float64Array(n);
  items.forEach((it, i) => (weight[i] = it.hours));
  const byKey = new Map<string, number>();
  items.forEach((it, i) => byKey.set(it.key, i));
  return { items, weight, predStart, preds, succStart, succs, topo, byKey, ignored, parallel: [], findings, assumptions: [] };
}

// Kahn's algorithm with a FIFO queue: dependencies first, items without any in plan order.
function topoOrder(n: number, predStart: Int32Array, succStart: Int32Array, succs: Int32Array): Int32Array {
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = predStart[i + 1]! - predStart[i]!;
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indeg[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const v = order[head]!;
    for (let k = succStart[v]!; k < succStart[v + 1]!; k++) {
      const w = succs[k]!;
      if (--indeg[w]! === 0) order[tail++] = w;
    }
  }
  return order;
}

// "Can Run in Parallel" lists and `A + B` overlap lines, resolved; a dependency between two
// members contradicts the list.
function parallelGroups(prose: Prose, c: CollectedItems, graph: PlanGraph, findings: Problem[]): ParallelGroup[] {
  const groups: ParallelGroup[] = [];
  for (const list of prose.parallel) {
    const entries = list.perEntry ? list.entries.map((e) => [e]) : [list.entries];
    for (const es of entries) {
      const group: ParallelGroup = { items: [], unresolved: [], labels: new Map(), line: es[0]?.line ?? list.line };
      for (const e of es) {
        let resolvedAny = false;
        e.refs.forEach((ref, k) => {
          const at = ref.external === undefined ? resolve(c, 'task', ref) : undefined;
          if (at === undefined) return void group.unresolved.push(ref.text);
          resolvedAny = true;
          if (!group.items.includes(at)) group.items.push(at);
          const label = e.labels[k];
          if (label) group.labels.set(at, label);
        });
        if (!resolvedAny && e.refs.length === 0) group.unresolved.push(e.text);
      }
      if (group.items.length >= 2) checkGroup(group, graph, findings);
      groups.push(group);
    }
  }
  return groups;
}

function checkGroup(group: ParallelGroup, graph: PlanGraph, findings: Problem[]): void {
  for (const a of group.items) {
    const reach = reachable(graph, a);
    for (const b of group.items) {
      if (a === b || !reach[b]) continue;
      const la = graph.items[a]?.label;
      const lb = graph.items[b]?.label;
      findings.push(problem('planning-parallel-conflict', 'warning', `${la} and ${lb} are listed to run in parallel, but ${lb} waits for ${la}.`, group.line));
    }
  }
}

function reachable(graph: PlanGraph, from: number): Uint8Array {
  const seen = new Uint8Array(graph.items.length);
  const stack = [from];
  while (stack.length) {
    const v = stack.pop() as number;
    for (let k = graph.succStart[v]!; k < graph.succStart[v + 1]!; k++) {
      const w = graph.succs[k]!;
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}
