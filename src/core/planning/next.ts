// What is done, what is under way, and what to start next.
import type { RunEvent } from '../model';
import { allRuns, type RunState } from '../clock/stopwatch';
import { idKey } from '../checks/util';
import type { CriticalPath } from './critical';
import type { PlanGraph } from './types';

/** Where an item stands. */
export type ItemState = 'done' | 'started' | 'not-started';

/** Where the states come from. */
export interface StateOptions {
  /** The run log's events (any plans; see `planFile`). */
  events?: readonly RunEvent[];
  /** The plan file as the run log names it; when absent, events of every plan count. */
  planFile?: string;
  /** For the run log's clocks (ms since the epoch); only the states are used. */
  now?: number;
}

/**
 * Each item's state: the run log first (a session stopped `done` is done; running, paused,
 * blocked or abandoned is started; a launched task is started), then the plan's own markers
 * (✅ / 100 % / a ticked task is done; in progress, partial, blocked, failed is started). A
 * container is done when all its children are, and started when any of them is.
 */
export function itemStates(graph: PlanGraph, options: StateOptions = {}): ItemState[] {
  const { items } = graph;
  const events = (options.events ?? []).filter((e) => options.planFile === undefined || e.plan === options.planFile);
  const sessions = new Map<string, RunState>();
  for (const [key, run] of allRuns(events, options.now ?? Date.now())) {
    const id = idKey(key.slice(key.indexOf('\u0000') + 1));
    if (run.state !== 'not-started') sessions.set(id, run.state);
  }
  const launched = new Set<string>();
  for (const e of events) if (e.event === 'task.launch') launched.add(idKey(e.task));
  const states: ItemState[] = items.map((it) => {
    const key = idKey(it.id);
    const run = it.kind === 'session' ? sessions.get(key) : undefined;
    if (run === 'done') return 'done';
    if (run !== undefined) return 'started';
    if (it.kind === 'task' && launched.has(key) && it.status !== 'done') return 'started';
    if (it.status === 'done') return 'done';
    if (it.status && it.status !== 'not-started' && it.status !== 'pending') return 'started';
    return 'not-started';
  });
  // Containers from their children, deepest first.
  const children = new Map<number, number[]>();
  items.forEach((it, i) => {
    if (it.parent === undefined) return;
    const list = children.get(it.parent);
    if (list) list.push(i);
    else children.set(it.parent, [i]);
  });
  const depth = (i: number): number => {
    let d = 0;
    for (let p = items[i]?.parent; p !== undefined && d <= items.length; p = items[p]?.parent) d++;
    return d;
  };
  const containers = [...children.keys()].sort((a, b) => depth(b) - depth(a));
  for (const c of containers) {
    if (states[c] === 'done') continue;
    const kids = children.get(c) ?? [];
    if (kids.length > 0 && kids.every((k) => states[k] === 'done')) states[c] = 'done';
    else if (kids.some((k) => states[k] !== 'not-started')) states[c] = 'started';
  }
  return states;
}

/** A ready item, with why it ranks where it does. */
export interface NextItem {
  item: number;
  /** On the critical path: any delay delays the end. */
  critical: boolean;
  slack: number;
  /** Hours of the longest chain from its start to the end. */
  remaining: number;
}

/**
 * Items ready to start: not started, every dependency done, ordered by slack (critical first)
 * then plan order. The tasks of a session that has not started wait for their session.
 */
export function nextItems(graph: PlanGraph, cp: CriticalPath, states: readonly ItemState[]): NextItem[] {
  const { items, predStart, preds } = graph;
  const out: NextItem[] = [];
  for (let i = 0; i < items.length; i++) {
    if (states[i] !== 'not-started') continue;
    const parent = items[i]?.parent;
    if (parent !== undefined && items[parent]?.kind === 'session' && states[parent] === 'not-started') continue;
    let ready = true;
    for (let k = predStart[i]!; k < predStart[i + 1]! && ready; k++) {
      const p = preds[k]!;
      // A container waits for its children only to end, not to start.
      if (items[p]?.parent === i) continue;
      if (states[p] !== 'done') ready = false;
    }
    if (!ready) continue;
    const slack = cp.slack[i]!;
    out.push({ item: i, critical: slack <= 1e-9, slack, remaining: cp.remaining[i]! });
  }
  return out.sort((a, b) => a.slack - b.slack || a.item - b.item);
}
