import type { Plan, Problem } from '../model';
import { dependents, hasDependencies, indexPlan, kindName, resolveRef, type RefKind } from './refs';
import { at, idKey, safeLine } from './util';

interface Node {
  kind: RefKind;
  id: string;
  line: number;
  edges: number[];
}

// Longest path spelled out in a message; longer cycles are elided in the middle.
const MAX_PATH = 20;

/** Builds the dependency graph: one node per session/phase/task id (repeats merge into the first). */
function buildGraph(plan: Plan): Node[] {
  const index = indexPlan(plan);
  const nodes: Node[] = [];
  // One map per kind, so no `kind:key` string is built per item.
  const byKey: Record<RefKind, Map<string, number>> = { session: new Map(), phase: new Map(), task: new Map(), stream: new Map() };
  const items = dependents(plan);
  // Each item's node, or -1 when its id is empty; a repeated id merges into the first node.
  const nodeOf = new Int32Array(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const key = idKey(item.id);
    if (!key) continue;
    const map = byKey[item.kind];
    const seen = map.get(key);
    if (seen !== undefined) {
      nodeOf[i] = seen;
      continue;
    }
    map.set(key, nodes.length);
    nodeOf[i] = nodes.length;
    nodes.push({ kind: item.kind, id: item.id.trim(), line: safeLine(item.line), edges: [] });
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const from = nodeOf[i]!;
    if (from < 0 || item.dependsOn.length === 0) continue;
    for (const raw of item.dependsOn) {
      const ref = resolveRef(index, item.kind, raw);
      const to = ref?.found ? byKey[ref.kind].get(ref.key) : undefined;
      if (to !== undefined) nodes[from]!.edges.push(to);
    }
  }
  return nodes;
}

/** Tarjan's strongly connected components, iteratively. Returns each node's component number. */
function components(nodes: readonly Node[]): Int32Array {
  const n = nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frames: number[] = []; // node ids of the simulated call stack
  const next = new Int32Array(n); // per node: index of the next edge to visit
  let counter = 0;
  let compCount = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frames.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length) {
      const v = frames[frames.length - 1] as number;
      const edges = nodes[v]?.edges ?? [];
      const e = next[v] ?? 0;
      if (e < edges.length) {
        next[v] = e + 1;
        const w = edges[e] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] ?? 0, low[v] ?? 0);
      if (low[v] === index[v]) {
        let w: number | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack[w] = 0;
          comp[w] = compCount;
        } while (w !== v);
        compCount++;
      }
    }
  }
  return comp;
}

/** The shortest cycle through `start` inside its component, found breadth-first. */
function cycleFrom(nodes: readonly Node[], comp: Int32Array, start: number): number[] {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const w of nodes[v]?.edges ?? []) {
      if (w === start) {
        const path = [start];
        for (let u = v; u !== -1; u = parent.get(u) ?? -1) path.push(u);
        return path.reverse();
      }
      if (comp[w] === comp[start] && !parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function spell(nodes: readonly Node[], path: readonly number[]): string {
  const kinds = new Set(path.map((i) => nodes[i]?.kind));
  const label = (i: number): string => {
    const node = nodes[i];
    if (!node) return '?';
    return kinds.size === 1 ? node.id : `${kindName(node.kind)} ${node.id}`;
  };
  const labels = path.length > MAX_PATH
    ? [...path.slice(0, MAX_PATH / 2).map(label), `… (${path.length - MAX_PATH} more) …`, ...path.slice(-MAX_PATH / 2).map(label)]
    : path.map(label);
  return labels.join(' → ');
}

/**
 * `dependency-cycle` (error): sessions, phases or tasks that depend on each other in a loop.
 * Each knot of mutually dependent items is reported once, with one loop spelled out and on the
 * line of its earliest item; an item depending on itself is reported on its own. Linear time.
 */
export function checkDependencyCycles(plan: Plan): Problem[] {
  if (!hasDependencies(plan)) return []; // no edges, no cycles
  const nodes = buildGraph(plan);
  const comp = components(nodes);
  // Only knots (components of two or more) are reported: count sizes first, so no list is built
  // for the usual one-node components. Groups keep the order of their first member.
  const size = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) size[comp[i]!]!++;
  const members = new Map<number, number[]>();
  for (let i = 0; i < nodes.length; i++) {
    const c = comp[i]!;
    if (size[c]! < 2) continue;
    const group = members.get(c);
    if (group) group.push(i);
    else members.set(c, [i]);
  }
  const problems: Problem[] = [];
  nodes.forEach((node, i) => {
    if (!node.edges.includes(i)) return;
    const name = `${kindName(node.kind)} ${node.id}`;
    problems.push(at('dependency-cycle', 'error', `${name} depends on itself (${node.id} → ${node.id}).`, node.line));
  });
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const start = group.reduce((a, b) => ((nodes[b]?.line ?? 0) < (nodes[a]?.line ?? 0) ? b : a));
    const path = cycleFrom(nodes, comp, start);
    const loopSize = path.length - 1;
    const rest = group.length - loopSize;
    const more = rest > 0 ? ` ${rest} more ${rest === 1 ? 'item is' : 'items are'} tangled in the same knot.` : '';
    problems.push(
      at('dependency-cycle', 'error', `Dependency cycle: ${spell(nodes, path)}.${more}`, nodes[start]?.line),
    );
  }
  return problems;
}
