// The items of a plan for planning: sessions, phases, streams and tasks (the reader's and those
// found in prose), with their hours and what contains them.
import type { Hours, Plan, Status, Task, Window } from '../model';
import { parseHours, HOURS_PER_DAY, HOURS_PER_WEEK } from '../plan/hours';
import { idKey, list, safeLine, str } from '../checks/util';
import type { Prose } from './prose';
import type { ItemKind, PlanItem } from './types';

/** A dependency as written, before it is resolved. */
export interface WrittenDependency {
  text: string;
  external?: string;
  line: number;
  /** Prose references may name any kind; the reader's bare ids name the owner's kind. */
  prose: boolean;
}

/** The items, their written dependencies, and a lookup by kind and id key. */
export interface CollectedItems {
  items: PlanItem[];
  deps: WrittenDependency[][];
  /** Item index by id key, per kind. */
  byKind: Record<ItemKind, Map<string, number>>;
  /** Last line of each item's text (sessions, phases, streams; heading tasks to the next heading). */
  endLine: number[];
}

/** `Session 024`, `Phase 1`, `Stream A`; tasks by their id when it has letters (`FIX-006`), else `Task 12`. */
export function labelOf(kind: ItemKind, id: string): string {
  if (kind === 'task') return /[A-Za-z]/.test(id) ? id : `Task ${id}`;
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${id}`;
}

/** Upper bound of a duration in hours, or undefined. */
export function upperHours(hours: Hours | undefined): number | undefined {
  const h = hours?.max ?? hours?.min;
  return typeof h === 'number' && Number.isFinite(h) && h >= 0 ? h : undefined;
}

/** Working hours of a calendar window: `Weeks 1-3` = 3 × 40, `Day 1-2` = 2 × 8, `Hour 0-4` = 4. */
export function windowHours(w: Window | undefined): number | undefined {
  if (!w || !Number.isFinite(w.from) || !Number.isFinite(w.to) || w.to < w.from) return undefined;
  if (w.unit === 'hour') return w.to - w.from;
  return (w.to - w.from + 1) * (w.unit === 'week' ? HOURS_PER_WEEK : HOURS_PER_DAY);
}

const TASK_HOURS_HEADER = /^(?:est\.?\s*)?(?:hours?|hrs?|h|effort|estimate[sd]?|duration|time|est\.?)\b/i;

// A task's hours from a table column such as `Hours`, `Est.` or `Effort`.
function taskHours(task: Task): number | undefined {
  for (const [header, cell] of Object.entries(task.extra ?? {})) {
    if (typeof cell !== 'string') continue;
    if (!TASK_HOURS_HEADER.test(header.trim())) continue;
    const text = /^\s*\d+(?:\.\d+)?\s*$/.test(cell) ? `${cell.trim()} hours` : cell;
    const h = upperHours(parseHours(text));
    if (h !== undefined) return h;
  }
  return undefined;
}

function taskStatus(task: Task): Status | undefined {
  return task.done === true ? 'done' : undefined;
}

/** Collects the items of `plan` (and the tasks `prose` defines) in plan order, repeats merged. */
export function collectItems(plan: Plan, prose: Prose | undefined): CollectedItems {
  const items: PlanItem[] = [];
  const deps: WrittenDependency[][] = [];
  const endLine: number[] = [];
  const byKind: Record<ItemKind, Map<string, number>> = { session: new Map(), phase: new Map(), task: new Map(), stream: new Map() };
  const add = (
    kind: ItemKind,
    id: unknown,
    title: unknown,
    line: unknown,
    end: number | undefined,
    hours: { value?: number; source: PlanItem['hoursSource'] },
    written: readonly string[] | undefined,
    status?: Status,
    fromProse?: boolean,
  ): number => {
    const text = str(id).trim();
    const key = idKey(text);
    if (!key) return -1;
    const seen = byKind[kind].get(key);
    const at = safeLine(line);
    const dependsOn = list(written).map((d) => ({ text: str(d), line: at, prose: false }));
    if (seen !== undefined) {
      deps[seen]?.push(...dependsOn);
      return seen;
    }
    const index = items.length;
    byKind[kind].set(key, index);
    const item: PlanItem = {
      key: `${kind}:${key}`,
      kind,
      id: text,
      title: str(title).trim(),
      label: labelOf(kind, text),
      hours: hours.value ?? 0,
      hoursSource: hours.value === undefined ? 'none' : hours.source,
      line: at,
    };
    if (hours.value !== undefined) item.statedHours = hours.value;
    if (status !== undefined) item.status = status;
    if (fromProse) item.fromProse = true;
    items.push(item);
    deps.push(dependsOn);
    endLine.push(Math.max(at, end ?? at));
    return index;
  };

  for (const s of list(plan.sessions)) {
    if (s == null) continue;
    const status = s.percent === 100 ? 'done' : s.status;
    add('session', s.id, s.title, s.line, s.endLine, { value: upperHours(s.hours), source: 'hours' }, s.dependsOn, status);
  }
  for (const p of list(plan.phases)) {
    if (p == null) continue;
    const own = upperHours(p.duration);
    const fromWindow = own === undefined ? windowHours(p.window) : undefined;
    const hours = own !== undefined ? { value: own, source: 'hours' as const } : { value: fromWindow, source: 'window' as const };
    add('phase', p.id, p.title, p.line, p.endLine, hours, p.dependsOn, p.status);
  }
  for (const st of list(plan.streams)) if (st != null) add('stream', st.id, st.title, st.line, st.endLine, { source: 'none' }, []);
  const headingEnd = (line: number): number => {
    const next = prose?.headings.find((h) => h > line);
    return next === undefined ? line : next - 1;
  };
  for (const t of list(plan.tasks)) if (t != null) add('task', t.id, t.title, t.line, headingEnd(t.line), { value: taskHours(t), source: 'hours' }, t.dependsOn, taskStatus(t));
  for (const st of list(plan.streams)) {
    for (const t of list(st?.tasks)) if (t != null) add('task', t.id, t.title, t.line, t.line, { value: taskHours(t), source: 'hours' }, t.dependsOn, taskStatus(t));
  }
  for (const s of list(plan.sessions)) {
    for (const t of list(s?.tasks)) if (t != null) add('task', t.id, t.title, t.line, t.line, { value: taskHours(t), source: 'hours' }, t.dependsOn, taskStatus(t));
  }
  for (const t of prose?.tasks ?? []) {
    if (byKind.task.has(idKey(t.id))) continue;
    add('task', t.id, t.title, t.line, t.line, { source: 'none' }, [], undefined, true);
  }
  assignParents(plan, items, byKind, endLine);
  return { items, deps, byKind, endLine };
}

// Tasks of a session or stream belong to it; anything else inside a phase's or session's lines
// belongs to the innermost one.
function assignParents(plan: Plan, items: PlanItem[], byKind: CollectedItems['byKind'], endLine: number[]): void {
  const owned = new Set<number>();
  const own = (parentKind: ItemKind, parentId: string, tasks: readonly Task[] | undefined): void => {
    const p = byKind[parentKind].get(idKey(parentId));
    if (p === undefined) return;
    for (const t of list(tasks)) {
      const i = byKind.task.get(idKey(t?.id));
      if (i === undefined || i === p || owned.has(i)) continue;
      const item = items[i];
      if (item) item.parent = p;
      owned.add(i);
    }
  };
  for (const s of list(plan.sessions)) own('session', str(s?.id), s?.tasks);
  for (const st of list(plan.streams)) own('stream', str(st?.id), st?.tasks);
  // Containers by first line; a sweep keeps the stack of those open at each item's line.
  const containers: number[] = [];
  items.forEach((it, i) => {
    if (it.kind === 'phase' || it.kind === 'session' || it.kind === 'stream') containers.push(i);
  });
  containers.sort((a, b) => (items[a]?.line ?? 0) - (items[b]?.line ?? 0) || (endLine[b] ?? 0) - (endLine[a] ?? 0) || a - b);
  const order = items.map((_, i) => i).sort((a, b) => (items[a]?.line ?? 0) - (items[b]?.line ?? 0) || a - b);
  const stack: number[] = [];
  let next = 0;
  for (const i of order) {
    const item = items[i];
    if (!item) continue;
    while (next < containers.length && (items[containers[next] as number]?.line ?? 0) <= item.line) {
      const c = containers[next++] as number;
      while (stack.length && (endLine[stack[stack.length - 1] as number] ?? 0) < (items[c]?.line ?? 0)) stack.pop();
      stack.push(c);
    }
    while (stack.length && (endLine[stack[stack.length - 1] as number] ?? 0) < item.line) stack.pop();
    if (owned.has(i)) continue;
    // The innermost open container other than the item itself (a container opens at its own line).
    for (let s = stack.length - 1; s >= 0; s--) {
      const c = stack[s] as number;
      if (c === i) continue;
      const cItem = items[c];
      // A phase may hold sessions and phases; a session or stream holds only tasks.
      if (cItem && (cItem.kind === 'phase' || item.kind === 'task') && (endLine[c] ?? 0) >= (endLine[i] ?? 0) && (cItem.line < item.line || (endLine[c] ?? 0) > (endLine[i] ?? 0))) {
        item.parent = c;
        break;
      }
    }
  }
}
