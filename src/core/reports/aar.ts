// The After Action Review as a typed model: every figure computed from the plan, the run log,
// the work tree and git — and a "not measured" entry for whatever could not be verified.
import { allRuns, budgetMs, eventTime, onClock, runKey, type RunState } from '../clock';
import { idKey } from '../checks/util';
import type { CommitFact, WindowFacts } from '../git/types';
import type { Finding } from '../findings';
import type { Plan, RunEvent, Session } from '../model';
import { idList } from './format';
import { plural } from '../words';
import { blockerRecords, completion, parallelism, terminalSpans, type BlockerRecord, type Completion, type Parallelism } from './progress';
import type { AarInput, DeliverableState } from './types';

/** Where a session ended up, from the run log and its criteria. */
export type AarStatus = 'done' | 'partial' | 'blocked' | 'not-started';

export interface AarSession {
  id: string;
  title: string;
  status: AarStatus;
  /** Why this status: which facts decided it. */
  why: string;
  runState: RunState;
  completion: Completion;
  /** Planned hours in ms (the upper end of a range); undefined when the plan gives none. */
  plannedMs?: number;
  /** Timed hours in ms; undefined when the run log has no start of the session ("no timer data"). */
  actualMs?: number;
  /**
   * planned ÷ actual; undefined unless both are known, actual > 0 and the session's clock has
   * stopped (hours so far of a session still on the clock say nothing against its plan).
   */
  efficiency?: number;
  deliverables: DeliverableState[];
  /** "Not started" per the run log and criteria, yet git has its work: the evidence. */
  workInGit?: string;
  blockers: BlockerRecord[];
}

export interface AarTotals {
  sessions: number;
  byStatus: Record<AarStatus, number>;
  itemsDone: number;
  items: number;
  /** Overall completion over all sessions' items; undefined when there are none. */
  percent?: number;
  /** Sums over the sessions with both planned and timer data whose clock has stopped. */
  plannedMs: number;
  actualMs: number;
  timedSessions: number;
  /** Sessions with a plan and timer data still on the clock (running or paused), left out of the sums. */
  onClock: string[];
  efficiency?: number;
  deliverables: Record<'present' | 'stub' | 'missing' | 'unchecked', number>;
}

export interface AarModel {
  title: string;
  /** The plan's never-share paths: the writers leave them out of the text. */
  neverShare?: Plan['neverShare'];
  planFile: string;
  generatedAt: number;
  since?: number;
  until?: number;
  sessions: AarSession[];
  totals: AarTotals;
  /** The window's git figures; undefined when git was not read. */
  git?: WindowFacts;
  blockers: BlockerRecord[];
  findings?: readonly Finding[];
  terminals: Parallelism;
  checkpoints: { time: string; session: string; checkpoint: string; decision: string; by?: string }[];
  notMeasured: string[];
}

function inWindow(e: RunEvent, since?: number, until?: number): boolean {
  if (since === undefined && until === undefined) return true;
  const t = eventTime(e);
  if (t === undefined) return false;
  return (since === undefined || t >= since) && (until === undefined || t <= until);
}

// Commits that name the session in their subject: `Session 024`, `session-024`, `session_24`.
function mentions(commits: readonly CommitFact[], id: string): CommitFact | undefined {
  const key = idKey(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!key) return undefined;
  const re = new RegExp(`\\bsession[\\s_#-]*0*${key}(?![\\w])`, 'i');
  return commits.find((c) => re.test(c.subject));
}

function statusOf(
  session: Session,
  runState: RunState,
  c: Completion,
  openBlockers: number,
): { status: AarStatus; why: string } {
  const allDone = c.percent === 100;
  switch (runState) {
    case 'blocked':
      return { status: 'blocked', why: 'stopped as blocked in the run log' };
    case 'done':
      if (openBlockers > 0) return { status: 'blocked', why: `stopped as done, but ${plural(openBlockers, 'blocker')} ${openBlockers === 1 ? 'is' : 'are'} still open` };
      return allDone || c.percent === undefined
        ? { status: 'done', why: c.percent === undefined ? 'stopped as done in the run log (nothing to count)' : 'stopped as done; every criterion ticked and deliverable present' }
        : { status: 'partial', why: `stopped as done, but only ${c.percent}% of its items are complete` };
    case 'running':
    case 'paused':
      return openBlockers > 0 ? { status: 'blocked', why: `${runState}, with ${plural(openBlockers, 'open blocker')}` } : { status: 'partial', why: `still ${runState} at review time` };
    case 'abandoned':
      return { status: 'partial', why: 'stopped as abandoned in the run log' };
    case 'not-started':
      if (openBlockers > 0) return { status: 'blocked', why: `never started; ${plural(openBlockers, 'open blocker')}` };
      if (allDone) return { status: 'done', why: 'not timed, but every criterion is ticked and deliverable present' };
      if ((c.percent ?? 0) > 0) return { status: 'partial', why: `not timed; ${c.percent}% of its items are complete` };
      return { status: 'not-started', why: session.criteria.length ? 'no run in the log and no criterion ticked' : 'no run in the log' };
  }
}

/** The AAR model. Pure: the same input gives the same model. */
export function aarModel(input: AarInput): AarModel {
  const { plan, planFile, since, until } = input;
  const notMeasured: string[] = [...(input.notes ?? [])];
  const events = input.events.filter((e) => e.plan === planFile && inWindow(e, since, until));
  const end = until !== undefined ? Math.min(until, input.now) : input.now;
  const runs = allRuns(events, end);
  const blockers = blockerRecords(events);
  const commits = input.facts?.commits ?? [];
  const sessions: AarSession[] = [];
  const noTimer: string[] = [];
  for (const s of plan.sessions) {
    const key = idKey(s.id);
    // The run log may write the id differently (`24` for `024`): match by id key.
    let run = runs.get(runKey(planFile, s.id));
    if (!run) for (const [k, r] of runs) if (k.startsWith(`${planFile}\u0000`) && idKey(k.slice(planFile.length + 1)) === key) run = r;
    const deliverables = input.deliverables.filter((d) => d.session === s.id);
    const c = completion(s, deliverables);
    const mine = blockers.filter((b) => idKey(b.session) === key);
    const open = mine.filter((b) => !b.resolved).length;
    const runState = run?.state ?? 'not-started';
    const { status, why } = statusOf(s, runState, c, open);
    const plannedMs = budgetMs(s.hours);
    const timed = run !== undefined && run.runs > 0;
    if (!timed) noTimer.push(s.id);
    const entry: AarSession = {
      id: s.id,
      title: s.title,
      status,
      why,
      runState,
      completion: c,
      deliverables,
      blockers: mine,
      ...(plannedMs !== undefined ? { plannedMs } : {}),
      ...(timed ? { actualMs: run!.elapsedMs } : {}),
    };
    if (plannedMs !== undefined && timed && !onClock(runState) && run!.elapsedMs > 0) entry.efficiency = plannedMs / run!.elapsedMs;
    if (status === 'not-started' && input.facts) {
      const hit = mentions(commits, s.id);
      const touched = deliverables.find((d) => d.path !== undefined && input.touchedPaths?.has(d.path));
      if (hit) entry.workInGit = `commit ${hit.hash.slice(0, 7)} "${hit.subject}" names this session`;
      else if (touched) entry.workInGit = `its deliverable ${touched.path} changed in the window's commits`;
    }
    sessions.push(entry);
  }

  const byStatus: Record<AarStatus, number> = { done: 0, partial: 0, blocked: 0, 'not-started': 0 };
  const dcount = { present: 0, stub: 0, missing: 0, unchecked: 0 };
  let itemsDone = 0;
  let items = 0;
  let plannedMs = 0;
  let actualMs = 0;
  let timedSessions = 0;
  const running: string[] = [];
  for (const s of sessions) {
    byStatus[s.status]++;
    itemsDone += s.completion.criteriaDone + s.completion.deliverablesPresent;
    items += s.completion.criteriaTotal + s.completion.deliverablesChecked;
    if (s.plannedMs !== undefined && s.actualMs !== undefined) {
      if (onClock(s.runState)) {
        running.push(s.id);
      } else {
        plannedMs += s.plannedMs;
        actualMs += s.actualMs;
        timedSessions++;
      }
    }
    for (const d of s.deliverables) dcount[d.state]++;
  }
  const totals: AarTotals = {
    sessions: sessions.length,
    byStatus,
    itemsDone,
    items,
    plannedMs,
    actualMs,
    timedSessions,
    onClock: running,
    deliverables: dcount,
    ...(items > 0 ? { percent: Math.round((itemsDone / items) * 100) } : {}),
    ...(actualMs > 0 ? { efficiency: plannedMs / actualMs } : {}),
  };

  if (noTimer.length) notMeasured.push(`Hours of ${plural(noTimer.length, 'session')} with no timer data: ${idList(noTimer)}.`);
  if (running.length) notMeasured.push(`Planned against actual hours of ${plural(running.length, 'session')} still on the clock: ${idList(running)}.`);
  if (!input.facts) notMeasured.push('Commits, authors and line figures: git was not read.');
  else for (const n of input.facts.notes) notMeasured.push(`git: ${n.message}`);
  if (input.findings === undefined) notMeasured.push('Scope findings: the git scope checks were not run.');
  const spans = terminalSpans(events, end);
  if (spans.length === 0) notMeasured.push('Terminals and parallel factor: no task.launch events in the run log.');
  const terminals = parallelism(spans);
  if (terminals.stillOpen > 0) notMeasured.push(`${plural(terminals.stillOpen, 'task terminal')} ${terminals.stillOpen === 1 ? 'has' : 'have'} no task.exit: counted as open until ${until !== undefined ? 'the end of the window' : 'review time'}.`);
  if (dcount.unchecked > 0) notMeasured.push(`${plural(dcount.unchecked, 'deliverable')} not checked (placeholders, paths outside the workspace, or globs without git).`);
  notMeasured.push('Test counts and test results: Marathon does not run tests.');

  const checkpoints = events
    .filter((e): e is Extract<RunEvent, { event: 'checkpoint.decision' }> => e.event === 'checkpoint.decision')
    .map((e) => ({ time: e.time, session: e.session, checkpoint: e.checkpoint, decision: e.decision, ...(e.by ? { by: e.by } : {}) }));

  return {
    title: plan.title,
    ...(plan.neverShare.length ? { neverShare: plan.neverShare } : {}),
    planFile,
    generatedAt: input.now,
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    sessions,
    totals,
    ...(input.facts ? { git: input.facts } : {}),
    blockers,
    ...(input.findings !== undefined ? { findings: input.findings } : {}),
    terminals,
    checkpoints,
    notMeasured,
  };
}
