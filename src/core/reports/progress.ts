// Figures shared by the handoff and the AAR, each computed from the plan, the run log and the
// deliverable states: completion, task launches and exits, blockers, terminal lifetimes.
import type { RunEvent, Session, Task } from '../model';
import { eventTime } from '../clock';
import { idKey } from '../checks/util';
import type { DeliverableState } from './types';

/** Completion of a session: ticked criteria and present deliverables over all checkable items. */
export interface Completion {
  criteriaDone: number;
  criteriaTotal: number;
  deliverablesPresent: number;
  /** Deliverables that could be checked (present, stub or missing). */
  deliverablesChecked: number;
  /** Rounded percent; undefined when there is nothing to count. */
  percent?: number;
  /** The formula with its figures, e.g. `(3 of 5 criteria + 1 of 2 deliverables) ÷ 7 items = 57%`. */
  formula: string;
}

/** The completion of `session` given its deliverable states. */
export function completion(session: Session, deliverables: readonly DeliverableState[]): Completion {
  const criteriaTotal = session.criteria.length;
  const criteriaDone = session.criteria.filter((c) => c.done).length;
  const checked = deliverables.filter((d) => d.state !== 'unchecked');
  const deliverablesPresent = checked.filter((d) => d.state === 'present').length;
  const total = criteriaTotal + checked.length;
  const done = criteriaDone + deliverablesPresent;
  if (total === 0) {
    return { criteriaDone, criteriaTotal, deliverablesPresent, deliverablesChecked: 0, formula: 'no criteria and no checkable deliverables: nothing to count' };
  }
  const percent = Math.round((done / total) * 100);
  const formula = `(${criteriaDone} of ${criteriaTotal} criteria ticked + ${deliverablesPresent} of ${checked.length} deliverables present) ÷ ${total} items = ${done} ÷ ${total} = ${percent}%`;
  return { criteriaDone, criteriaTotal, deliverablesPresent, deliverablesChecked: checked.length, percent, formula };
}

/** The events of one session of one plan (session ids compared as written, then by id key). */
export function sessionEvents(events: readonly RunEvent[], planFile: string, sessionId: string): RunEvent[] {
  const key = idKey(sessionId);
  return events.filter((e) => e.plan === planFile && (e.session === sessionId || idKey(e.session) === key));
}

/** What the run log says about one task. */
export interface TaskRecord {
  task: Task;
  state: 'not-launched' | 'running' | 'succeeded' | 'failed' | 'exited';
  launches: number;
  exitCode?: number;
}

/** Each of the session's tasks with its launches and last exit, from task.launch / task.exit events. */
export function taskRecords(tasks: readonly Task[], events: readonly RunEvent[]): TaskRecord[] {
  const byTask = new Map<string, { launches: number; open: number; exit?: number; exited: boolean }>();
  for (const e of events) {
    if (e.event !== 'task.launch' && e.event !== 'task.exit') continue;
    const key = idKey(e.task);
    let r = byTask.get(key);
    if (!r) byTask.set(key, (r = { launches: 0, open: 0, exited: false }));
    if (e.event === 'task.launch') {
      r.launches++;
      r.open++;
    } else {
      r.open = Math.max(0, r.open - 1);
      r.exited = true;
      r.exit = e.exitCode;
    }
  }
  return tasks.map((task) => {
    const r = byTask.get(idKey(task.id));
    if (!r || r.launches === 0) return { task, state: 'not-launched', launches: 0 };
    const base = { task, launches: r.launches, ...(r.exit !== undefined ? { exitCode: r.exit } : {}) };
    if (r.open > 0) return { ...base, state: 'running' };
    if (r.exit === undefined) return { ...base, state: 'exited' };
    return { ...base, state: r.exit === 0 ? 'succeeded' : 'failed' };
  });
}

/** A reported blocker and whether a later `blocker.resolve` of the same session resolved it. */
export { blockerRecords, type BlockerRecord } from '../clock/blockers';

/** One task terminal's life, from its task.launch to its task.exit (or to `end` while open). */
export interface TerminalSpan {
  session: string;
  task: string;
  terminal: string;
  from: number;
  to: number;
  open: boolean;
}

/** Task terminal lifetimes: each task.exit closes the latest open launch of the same terminal and task. */
export function terminalSpans(events: readonly RunEvent[], end: number): TerminalSpan[] {
  const spans: TerminalSpan[] = [];
  const open = new Map<string, TerminalSpan[]>();
  for (const e of events) {
    if (e.event !== 'task.launch' && e.event !== 'task.exit') continue;
    const t = eventTime(e);
    if (t === undefined) continue;
    const key = `${e.plan}\u0000${e.session}\u0000${e.terminal}\u0000${e.task}`;
    if (e.event === 'task.launch') {
      const span: TerminalSpan = { session: e.session, task: e.task, terminal: e.terminal, from: t, to: end, open: true };
      spans.push(span);
      const list = open.get(key) ?? [];
      list.push(span);
      open.set(key, list);
    } else {
      const span = open.get(key)?.pop();
      if (span) {
        span.to = Math.max(span.from, t);
        span.open = false;
      }
    }
  }
  for (const s of spans) if (s.open) s.to = Math.max(s.from, end);
  return spans;
}

/** Concurrency of task terminals: the most open at once, and the sum of lifetimes over the wall time they span. */
export interface Parallelism {
  terminals: number;
  stillOpen: number;
  maxConcurrent: number;
  /** Sum of lifetimes, ms. */
  busyMs: number;
  /** From the first launch to the last exit (or `end` for open ones), ms. */
  wallMs: number;
  /** busy ÷ wall; undefined when the wall time is 0. */
  factor?: number;
}

export function parallelism(spans: readonly TerminalSpan[]): Parallelism {
  if (spans.length === 0) return { terminals: 0, stillOpen: 0, maxConcurrent: 0, busyMs: 0, wallMs: 0 };
  const points: [number, number][] = [];
  let busyMs = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of spans) {
    points.push([s.from, 1], [s.to, -1]);
    busyMs += s.to - s.from;
    first = Math.min(first, s.from);
    last = Math.max(last, s.to);
  }
  // Ends sort before starts at the same instant: a terminal closing as another opens is not overlap.
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let maxConcurrent = 0;
  for (const [, d] of points) {
    now += d;
    maxConcurrent = Math.max(maxConcurrent, now);
  }
  const wallMs = last - first;
  return {
    terminals: spans.length,
    stillOpen: spans.filter((s) => s.open).length,
    maxConcurrent,
    busyMs,
    wallMs,
    ...(wallMs > 0 ? { factor: busyMs / wallMs } : {}),
  };
}
