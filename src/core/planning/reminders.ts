// Go/no-go checkpoints and regular check-ins as reminders, timed from the marathon's start.
import { problem, type Plan, type Problem, type RunEvent, type Window } from '../model';
import { eventTime } from '../clock/runlog';
import { list } from '../checks/util';
import { parseRef } from '../checks/refs';
import type { CriticalPath } from './critical';
import { upperHours } from './items';
import { refsInProse } from './refs';
import type { PlanGraph } from './types';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** Check-ins listed at most; a longer marathon gets this many. */
const MAX_CHECK_INS = 500;

/** The default choices of a decision. */
export const DEFAULT_OPTIONS: readonly string[] = ['Continue', 'Stop'];

/** Something to decide or report at a time relative to the marathon's start. */
export interface Reminder {
  /** Stable and unique in the plan: `week-1-checkpoint`, `check-in-3`. A `checkpoint.decision` event names it. */
  id: string;
  title: string;
  /** When it falls due, in ms after the marathon's start (the first `session.start` in the run log). */
  dueAt: number;
  /** The choices (`Continue`, `Abandon`); `Continue`, `Stop` when the plan gives none. */
  options: string[];
  line: number;
  /** The question as the plan asks it (`Continue or Abandon?`). */
  question?: string;
  /** Reminders of one series (the hourly check-ins): only the latest due one is shown. */
  series?: string;
}

export interface ReminderOptions {
  /** The plan text, for check-ins stated in prose (`Hourly check-ins`). */
  text?: string;
  /** To time a checkpoint named after a phase or session (`Phase 1 checkpoint`) at its earliest finish. */
  graph?: PlanGraph;
  cp?: CriticalPath;
  /** How far check-ins go, in hours; default the plan's total hours, else the critical path, else 24. */
  horizonHours?: number;
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '') || 'checkpoint';
}

/**
 * The end of a calendar window in wall-clock ms: `Week 1` ends 7 days in, `Day 3` 3 days in,
 * `Hour 12` 12 hours in (weeks and days are calendar time here, unlike the schedule's working hours).
 */
export function windowDueMs(w: Window): number {
  if (w.unit === 'hour') return Math.max(w.from, w.to) * HOUR_MS;
  return Math.max(w.from, w.to) * (w.unit === 'week' ? WEEK_MS : DAY_MS);
}

const CHECK_IN = /\b(hourly|daily)\s+check[- ]?ins?\b|\bcheck[- ]?ins?\s+every\s+(?:(hour|day)|(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|h)\b)|\bevery\s+(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?)\s*[:,-]?\s*check[- ]?in/i;

// The interval of a check-in the text asks for, in ms, and its line.
function checkIn(text: string): { everyMs: number; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = CHECK_IN.exec(lines[i] ?? '');
    if (!m) continue;
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    if (word === 'hourly' || word === 'hour') return { everyMs: HOUR_MS, line: i + 1 };
    if (word === 'daily' || word === 'day') return { everyMs: DAY_MS, line: i + 1 };
    const n = Number(m[3] ?? m[5]);
    const unit = (m[4] ?? m[6] ?? '').toLowerCase();
    const ms = unit.startsWith('h') ? n * HOUR_MS : n * 60_000;
    if (Number.isFinite(ms) && ms >= 60_000) return { everyMs: ms, line: i + 1 };
  }
  return undefined;
}

/**
 * The reminders of a plan: each go/no-go checkpoint (timed by its window, or by the earliest
 * finish of the phase or session it names) and the check-ins the plan asks for. Checkpoints that
 * cannot be timed come back as `planning-checkpoint-untimed` findings.
 */
export function planReminders(plan: Plan, options: ReminderOptions = {}): { reminders: Reminder[]; findings: Problem[] } {
  const reminders: Reminder[] = [];
  const findings: Problem[] = [];
  const ids = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    return id;
  };
  for (const c of list(plan.checkpoints)) {
    let due = c.window ? windowDueMs(c.window) : undefined;
    if (due === undefined && options.graph && options.cp) {
      for (const ref of refsInProse(c.title)) {
        const parsed = parseRef(ref.text);
        const at = parsed?.kind ? options.graph.byKey.get(`${parsed.kind}:${parsed.key}`) : undefined;
        if (at !== undefined) {
          due = (options.cp.earliestFinish[at] ?? 0) * HOUR_MS;
          break;
        }
      }
    }
    if (due === undefined) {
      findings.push(problem('planning-checkpoint-untimed', 'info', `Checkpoint "${c.title}" names no week, day, hour, phase or session: no reminder is set for it.`, c.line));
      continue;
    }
    const reminder: Reminder = {
      id: unique(slug(c.title)),
      title: c.title,
      dueAt: due,
      options: c.options.length > 0 ? [...c.options] : [...DEFAULT_OPTIONS],
      line: c.line,
    };
    if (c.decision) reminder.question = c.decision;
    reminders.push(reminder);
  }
  const every = options.text !== undefined ? checkIn(options.text) : undefined;
  if (every) {
    const horizon = options.horizonHours ?? upperHours(plan.totalHours) ?? (options.cp && options.cp.hours > 0 ? options.cp.hours : 24);
    const count = Math.min(MAX_CHECK_INS, Math.floor((horizon * HOUR_MS) / every.everyMs));
    const hours = every.everyMs / HOUR_MS;
    for (let k = 1; k <= count; k++) {
      const at = k * every.everyMs;
      const when = hours >= 24 && hours % 24 === 0 ? `day ${(k * hours) / 24}` : `hour ${Math.round(((k * every.everyMs) / HOUR_MS) * 100) / 100}`;
      reminders.push({ id: unique(`check-in-${k}`), title: `Check-in (${when})`, dueAt: at, options: [...DEFAULT_OPTIONS], line: every.line, series: 'check-in' });
    }
  }
  reminders.sort((a, b) => a.dueAt - b.dueAt || a.line - b.line);
  return { reminders, findings };
}

/** A reminder that is due, with its wall-clock time. */
export interface DueReminder extends Reminder {
  /** ms since the epoch. */
  dueTime: number;
}

/**
 * The reminders due at `now` (ms since the epoch) and not yet decided: the marathon starts at the
 * first `session.start` of the run log (of `planFile` when given); nothing is due before it. A
 * `checkpoint.decision` event decides the reminder whose id or title it names. Of a series only
 * the latest due reminder is returned, and none when a later one was decided.
 */
export function dueReminders(reminders: readonly Reminder[], events: readonly RunEvent[], now: number, planFile?: string): DueReminder[] {
  let start = Number.POSITIVE_INFINITY;
  const decided = new Set<string>();
  for (const e of events) {
    if (planFile !== undefined && e.plan !== planFile) continue;
    if (e.event === 'session.start') {
      const t = eventTime(e);
      if (t !== undefined && t < start) start = t;
    } else if (e.event === 'checkpoint.decision') decided.add(e.checkpoint.trim().toLowerCase());
  }
  if (!Number.isFinite(start)) return [];
  const isDecided = (r: Reminder): boolean => decided.has(r.id.toLowerCase()) || decided.has(r.title.trim().toLowerCase());
  const due: DueReminder[] = [];
  const latestOfSeries = new Map<string, DueReminder>();
  const seriesDecidedAt = new Map<string, number>();
  for (const r of reminders) {
    if (r.series !== undefined && isDecided(r)) seriesDecidedAt.set(r.series, Math.max(seriesDecidedAt.get(r.series) ?? -1, r.dueAt));
  }
  for (const r of reminders) {
    const dueTime = start + r.dueAt;
    if (dueTime > now || isDecided(r)) continue;
    if (r.series !== undefined) {
      if ((seriesDecidedAt.get(r.series) ?? -1) >= r.dueAt) continue;
      const prev = latestOfSeries.get(r.series);
      if (!prev || prev.dueAt < r.dueAt) latestOfSeries.set(r.series, { ...r, dueTime });
      continue;
    }
    due.push({ ...r, dueTime });
  }
  due.push(...latestOfSeries.values());
  return due.sort((a, b) => a.dueTime - b.dueTime || a.line - b.line);
}
