// Session timers computed from the run log. Pure: the caller passes `now` (ms since the epoch);
// nothing here reads the clock.
import type { Hours, RunEvent, Session } from '../model';
import { eventTime } from './runlog';

/** Where a session stands: not begun, on the clock, paused, or stopped with an outcome. */
export type RunState = 'not-started' | 'running' | 'paused' | 'done' | 'blocked' | 'abandoned';

/** Is a session in this state on the clock: running, or paused in a run that has not stopped? */
export function onClock(state: RunState | undefined): boolean {
  return state === 'running' || state === 'paused';
}

/** A pause of the clock; `to` is absent while the pause lasts. */
export interface Pause {
  from: number;
  to?: number;
}

/** A session's clock, computed from its `session.*` events. All times are ms since the epoch. */
export interface SessionRun {
  state: RunState;
  /** Sum of the running intervals over all runs; the current one counts up to `now` (never below 0). */
  elapsedMs: number;
  /** The first start of the first run. */
  startedAt?: number;
  /** The last stop, while the session is stopped (cleared when a new run starts). */
  stoppedAt?: number;
  /**
   * Where the current running interval began, while running. A display can tick without
   * recomputing: at a later `t`, elapsed is `elapsedMs + (t − now)` (when `runningSince ≤ now`).
   */
  runningSince?: number;
  /** Every pause of every run, in time order. */
  pauses: Pause[];
  /** git HEAD at the first start that recorded one: the base of the session's changes. */
  head?: string;
  /** The session as planned at the first start that recorded it. */
  planned?: Session;
  /** How many runs there were (starts that began a run; repeated starts do not count). */
  runs: number;
}

/** The key of a session in {@link allRuns}: plan and session id joined by U+0000. */
export function runKey(plan: string, session: string): string {
  return `${plan}\u0000${session}`;
}

/**
 * A run in the making: the fold's mutable state, with a fixed shape (no `delete`), turned into a
 * {@link SessionRun} by {@link finish}. Times are NaN when unset.
 */
interface Acc {
  state: RunState;
  /** The elapsed time of the closed running intervals. */
  closed: number;
  startedAt: number;
  stoppedAt: number;
  runningSince: number;
  pauses: Pause[];
  head: string | undefined;
  planned: Session | undefined;
  runs: number;
}

function newAcc(): Acc {
  const none = Number.NaN;
  return { state: 'not-started', closed: 0, startedAt: none, stoppedAt: none, runningSince: none, pauses: [], head: undefined, planned: undefined, runs: 0 };
}

/**
 * Applies one event at time `t` (events come in time order). The rules: `start` begins a run
 * unless one is going (a start while running is a duplicate and ignored; a start while paused
 * resumes); `pause` only while running; `resume` only while paused; `stop` ends the run (closing
 * an open pause) and sets the outcome, and a stop with no run records the outcome with no time.
 * Other kinds change nothing.
 */
function apply(acc: Acc, e: RunEvent, t: number): void {
  switch (e.event) {
    case 'session.start':
      if (acc.state === 'running') return;
      if (acc.state === 'paused') return resume(acc, t);
      acc.state = 'running';
      acc.runs++;
      acc.runningSince = t;
      if (Number.isNaN(acc.startedAt)) acc.startedAt = t;
      acc.stoppedAt = Number.NaN;
      acc.head ??= e.head;
      acc.planned ??= e.planned;
      return;
    case 'session.pause':
      if (acc.state !== 'running') return;
      acc.closed += t - acc.runningSince;
      acc.runningSince = Number.NaN;
      acc.state = 'paused';
      acc.pauses.push({ from: t });
      return;
    case 'session.resume':
      if (acc.state === 'paused') resume(acc, t);
      return;
    case 'session.stop':
      if (acc.state === 'running') acc.closed += t - acc.runningSince;
      if (acc.state === 'paused') closePause(acc, t);
      acc.runningSince = Number.NaN;
      acc.state = e.outcome;
      acc.stoppedAt = t;
      return;
    default:
      return;
  }
}

function resume(acc: Acc, t: number): void {
  closePause(acc, t);
  acc.state = 'running';
  acc.runningSince = t;
}

function closePause(acc: Acc, t: number): void {
  const open = acc.pauses[acc.pauses.length - 1];
  if (open && open.to === undefined) open.to = t;
}

/** The result at `now`; optional fields are present only when set. */
function finish(acc: Acc, now: number): SessionRun {
  const running = acc.state === 'running';
  const run: SessionRun = {
    state: acc.state,
    elapsedMs: acc.closed + (running ? Math.max(0, now - acc.runningSince) : 0),
    pauses: acc.pauses,
    runs: acc.runs,
  };
  if (!Number.isNaN(acc.startedAt)) run.startedAt = acc.startedAt;
  if (!Number.isNaN(acc.stoppedAt)) run.stoppedAt = acc.stoppedAt;
  if (running) run.runningSince = acc.runningSince;
  if (acc.head !== undefined) run.head = acc.head;
  if (acc.planned !== undefined) run.planned = acc.planned;
  return run;
}

/**
 * Feeds `events` in time order to `visit`, skipping those whose `time` does not parse. Clocks of
 * different machines disagree, so the log's order is not trusted; the sort is stable (events at
 * the same instant keep log order) and skipped when the log is already in order.
 */
function inTimeOrder(events: readonly RunEvent[], visit: (e: RunEvent, t: number) => void): void {
  const times: number[] = new Array<number>(events.length);
  let ordered = true;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const t = eventTime(events[i] as RunEvent) ?? Number.NaN;
    times[i] = t;
    if (Number.isNaN(t)) continue;
    if (t < last) ordered = false;
    last = t;
  }
  const visitAt = (i: number): void => {
    const t = times[i] as number;
    if (!Number.isNaN(t)) visit(events[i] as RunEvent, t);
  };
  if (ordered) {
    for (let i = 0; i < events.length; i++) visitAt(i);
    return;
  }
  const order: number[] = [];
  for (let i = 0; i < events.length; i++) if (!Number.isNaN(times[i])) order.push(i);
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  for (const i of order) visitAt(i);
}

/**
 * The clock of one session of one plan at `now`, from the run log's events (any order; other
 * plans' and sessions' events are ignored). A run that was stopped and started again accumulates:
 * `elapsedMs` sums every run. Events whose `time` does not parse are ignored.
 */
export function sessionRun(events: readonly RunEvent[], plan: string, session: string, now: number): SessionRun {
  const acc = newAcc();
  const mine = events.filter((e) => e.plan === plan && e.session === session);
  inTimeOrder(mine, (e, t) => apply(acc, e, t));
  return finish(acc, now);
}

/**
 * The clocks of every session named in `events` at `now`, keyed by {@link runKey}: the same
 * result as {@link sessionRun} for each, in one pass (linear when the log is in time order).
 * Sessions with only non-`session.*` events are present, as not started.
 */
export function allRuns(events: readonly RunEvent[], now: number): Map<string, SessionRun> {
  // Nested maps: no key string is built per event.
  const byPlan = new Map<string, Map<string, Acc>>();
  inTimeOrder(events, (e, t) => {
    let sessions = byPlan.get(e.plan);
    if (!sessions) byPlan.set(e.plan, (sessions = new Map()));
    let acc = sessions.get(e.session);
    if (!acc) sessions.set(e.session, (acc = newAcc()));
    apply(acc, e, t);
  });
  const runs = new Map<string, SessionRun>();
  for (const [plan, sessions] of byPlan) {
    for (const [session, acc] of sessions) runs.set(runKey(plan, session), finish(acc, now));
  }
  return runs;
}

const HOUR_MS = 3_600_000;

/**
 * A session's budget in ms: its hours (the upper end of a range such as `3-4 hours`, else the
 * lower), rounded to whole ms; `undefined` when it states none or the value is not finite.
 */
export function budgetMs(hours?: Hours): number | undefined {
  const h = hours?.max ?? hours?.min;
  if (h === undefined || !Number.isFinite(h) || h < 0) return undefined;
  const ms = Math.round(h * HOUR_MS);
  return Number.isFinite(ms) ? ms : undefined;
}

/** `h:mm`, minutes rounded down: `0:05`, `1:12`, `12:00`, `105:30`. Negative or not finite → `0:00`. */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0:00';
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, '0')}`;
}

/** The timer as shown: `1:12 / 4:00` against the session's budget, or `1:12` when it has none. */
export function formatTimer(run: Pick<SessionRun, 'elapsedMs'>, hours?: Hours): string {
  const budget = budgetMs(hours);
  const elapsed = formatElapsed(run.elapsedMs);
  return budget === undefined ? elapsed : `${elapsed} / ${formatElapsed(budget)}`;
}

/** Elapsed over budget (`1` = the whole budget used); `undefined` when there is no budget above 0. */
export function budgetRatio(run: Pick<SessionRun, 'elapsedMs'>, hours?: Hours): number | undefined {
  const budget = budgetMs(hours);
  if (budget === undefined || budget <= 0) return undefined;
  return Math.max(0, run.elapsedMs) / budget;
}

/** How much budget is used. */
export type BudgetLevel = 'ok' | 'warning' | 'over';

/**
 * `ok` below 80 % of the budget, `warning` from 80 % up to and including 100 %, `over` beyond.
 * No ratio (no budget) or a NaN is `ok`.
 */
export function budgetLevel(ratio: number | undefined): BudgetLevel {
  if (ratio === undefined || Number.isNaN(ratio)) return 'ok';
  if (ratio > 1) return 'over';
  if (ratio >= 0.8) return 'warning';
  return 'ok';
}
