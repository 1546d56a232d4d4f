// One plan against git: which sessions to ask git about, their facts, and the git-aware checks.
// Shared by the extension's diagnostics and `marathon check --git`, so both say the same thing.
import * as path from 'node:path';
import { runGitChecks } from './checks/git';
import { allRuns, onClock, runKey, type SessionRun } from './clock/stopwatch';
import type { Finding } from './findings';
import { headFacts, sessionFacts } from './git';
import type { GitNote, SessionGitFacts } from './git/types';
import type { Plan, RunEvent } from './model';

export interface PlanGitInput {
  plan: Plan;
  /** The plan file, absolute. */
  planFile: string;
  /** The workspace root (where `.marathon/runlog.jsonl` lives), absolute. */
  workspaceRoot: string;
  /** The run log's events (any plan; this plan's are picked out). */
  events: readonly RunEvent[];
  scopeIgnore: readonly string[];
  /** ms since the epoch: the clock the time checks measure against. */
  now: number;
  /** Check this session only (CLI `--session`). */
  session?: string;
  /** Measure changes from this revision (CLI `--base`). */
  base?: string;
}

export interface PlanGitResult {
  findings: Finding[];
  /** What git could not tell, once per distinct note. */
  notes: GitNote[];
  /** The sessions whose changes were asked of git. */
  sessions: string[];
}

/**
 * Runs the git-aware checks on one plan. Git is asked about: the session named by `session`; else
 * every session on the clock (running or paused); else the sessions whose branch is checked out
 * (a CI job on a session's pull request, with no run log). Stopped sessions are still checked for
 * their deliverables and time, but their changes are not measured against a work tree that later
 * sessions have moved on. Never rejects.
 */
export async function planGitFindings(input: PlanGitInput): Promise<PlanGitResult> {
  const planRel = path.relative(input.workspaceRoot, input.planFile).split(path.sep).join('/');
  const all = allRuns(input.events.filter((e) => e.plan === planRel), input.now);
  const runs = new Map<string, SessionRun>();
  for (const s of input.plan.sessions) {
    const run = all.get(runKey(planRel, s.id));
    if (run) runs.set(s.id, run);
  }
  const notes: GitNote[] = [];
  if (input.session !== undefined && !input.plan.sessions.some((s) => s.id === input.session)) {
    const known = input.plan.sessions.map((s) => s.id).join(', ') || 'none';
    return { findings: [], notes: [{ code: 'unknown-session', message: `The plan has no session ${input.session} (sessions: ${known}).` }], sessions: [] };
  }
  const ids = await sessionsToMeasure(input, runs, notes);
  const facts = new Map<string, SessionGitFacts>();
  for (const id of ids) {
    const session = input.plan.sessions.find((s) => s.id === id);
    const run = runs.get(id);
    const f = await sessionFacts(input.workspaceRoot, {
      ...(input.base !== undefined ? { base: input.base } : {}),
      ...(run?.head !== undefined ? { runLogHead: run.head } : {}),
      ...(session?.branch !== undefined ? { branch: session.branch } : {}),
    });
    facts.set(id, f);
    notes.push(...f.notes);
  }
  const findings = await runGitChecks({
    plan: input.plan,
    planFile: planRel,
    workspaceRoot: input.workspaceRoot,
    facts,
    runs,
    scopeIgnore: input.scopeIgnore,
    ...(input.session !== undefined ? { session: input.session } : {}),
  });
  const seen = new Set<string>();
  return { findings, notes: notes.filter((n) => !seen.has(n.message) && seen.add(n.message)), sessions: ids };
}

async function sessionsToMeasure(input: PlanGitInput, runs: ReadonlyMap<string, SessionRun>, notes: GitNote[]): Promise<string[]> {
  if (input.session !== undefined) return [input.session];
  const live = input.plan.sessions.filter((s) => onClock(runs.get(s.id)?.state));
  if (live.length > 0) return live.map((s) => s.id);
  const head = await headFacts(input.workspaceRoot);
  if (head.note !== undefined && head.branch === undefined) {
    notes.push({ code: 'no-session', message: `No session is on the clock, and git gives no branch to match one by (${head.note}).` });
    return [];
  }
  const mine = input.plan.sessions.filter((s) => s.branch !== undefined && s.branch === head.branch && !isStopped(runs.get(s.id)));
  if (mine.length === 0) notes.push({ code: 'no-session', message: `No session is on the clock and none has the checked-out branch ${head.branch ?? '(detached)'}: changes were not measured. Use --session ID.` });
  return mine.map((s) => s.id);
}

function isStopped(run: SessionRun | undefined): boolean {
  return run !== undefined && (run.state === 'done' || run.state === 'blocked' || run.state === 'abandoned');
}
