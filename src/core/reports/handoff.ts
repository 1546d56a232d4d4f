// The session handoff note, in the shape of the "Mandatory Session Handoff Notes" template:
// completion, completed work, blocked work, next steps, time and effort to complete — every
// figure computed from the plan, the run log, the work tree and git.
import { budgetMs, sessionRun } from '../clock';
import { redactReport } from '../launch/privacy';
import { idKey } from '../checks/util';
import type { Session } from '../model';
import { cell, code, formatTime, hm, oneLine, short } from './format';
import { plural } from '../words';
import { blockerRecords, completion, sessionEvents, taskRecords, type Completion } from './progress';
import type { DeliverableState, HandoffInput } from './types';

/** The session of `plan` with this id (as written, else by id key: `24` finds `024`). */
export function findSession(sessions: readonly Session[], id: string): Session | undefined {
  return sessions.find((s) => s.id === id) ?? sessions.find((s) => idKey(s.id) === idKey(id));
}

/** A deliverable as a list item: `✅ \`src/a.ts\` (120 lines)`. */
export function deliverableLine(d: DeliverableState): string {
  const what = d.path !== undefined ? code(d.path) : oneLine(d.text, 200);
  const size = d.lines !== undefined ? ` (${plural(d.lines, 'line')})` : d.files !== undefined ? ` (${plural(d.files, 'file')})` : '';
  switch (d.state) {
    case 'present':
      return `✅ ${what}${size}`;
    case 'stub':
      return `⚠️ ${what}${size} — stub: ${d.reason ?? 'too small to be the deliverable'}`;
    case 'missing':
      return `❌ ${what} — missing${d.reason ? `: ${d.reason}` : ''}`;
    case 'unchecked':
      return `❔ ${what} — not checked${d.reason ? `: ${d.reason}` : ''}`;
  }
}

/**
 * Estimated effort to complete: the elapsed time extrapolated linearly over the completion
 * (`elapsed × (100 − p) ÷ p`), with the computation spelled out; "not measured" when there is
 * no elapsed time or nothing completed to extrapolate from.
 */
export function effortEstimate(elapsedMs: number, timed: boolean, c: Completion): { ms?: number; text: string } {
  if (!timed || elapsedMs <= 0) return { text: 'Not measured: the run log has no time for this session, so there is nothing to extrapolate from.' };
  if (c.percent === undefined) return { text: 'Not measured: the session has no criteria or checkable deliverables to measure progress by.' };
  if (c.percent === 0) return { text: `Not measured: ${hm(elapsedMs)} spent and nothing completed yet, so a rate cannot be computed.` };
  if (c.percent === 100) return { ms: 0, text: 'None: every criterion is ticked and every checked deliverable is present.' };
  const ms = (elapsedMs * (100 - c.percent)) / c.percent;
  return {
    ms,
    text: `${hm(ms)} (linear extrapolation: ${hm(elapsedMs)} elapsed for ${c.percent}% complete → ${hm(elapsedMs)} × ${100 - c.percent} ÷ ${c.percent}).`,
  };
}

/** The handoff note of one session as markdown. Pure: the same input gives the same text. */
export function handoffMarkdown(input: HandoffInput): string {
  return redactReport(input.plan, writeHandoff(input));
}

function writeHandoff(input: HandoffInput): string {
  const { plan, planFile, now } = input;
  const session = findSession(plan.sessions, input.sessionId);
  const out: string[] = [];
  const notMeasured: string[] = [...(input.notes ?? [])];
  if (!session) {
    out.push(`# Session ${oneLine(input.sessionId)} Handoff`, '');
    out.push(`> Plan: ${code(planFile)} · Generated ${formatTime(now)}`, '');
    out.push(`The plan has no session ${code(input.sessionId)}${plan.sessions.length ? `; its sessions are ${plan.sessions.map((s) => s.id).join(', ')}` : ''}.`, '');
    return out.join('\n');
  }
  const events = sessionEvents(input.events, planFile, session.id);
  const run = sessionRun(events, planFile, events[0]?.session ?? session.id, now);
  const deliverables = input.deliverables.filter((d) => d.session === session.id);
  const c = completion(session, deliverables);

  out.push(`# Session ${oneLine(session.id)} Handoff: ${oneLine(session.title)}`, '');
  const meta = [`Plan: ${code(planFile)}`, `Generated ${formatTime(now)}`, `State: ${run.state}`];
  if (session.branch) meta.push(`Branch: ${code(session.branch)}`);
  out.push(`> ${meta.join(' · ')}`, '');

  out.push(`## Completion: ${c.percent === undefined ? 'not measured' : `${c.percent}%`}`, '', `${c.formula}.`, '');

  // Completed work.
  out.push('## Completed Work', '');
  const ticked = session.criteria.filter((x) => x.done);
  const present = deliverables.filter((d) => d.state === 'present');
  if (ticked.length) out.push('### Criteria ticked', '', ...ticked.map((x) => `- [x] ${oneLine(x.text)}`), '');
  if (present.length) out.push('### Deliverables present', '', ...present.map((d) => `- ${deliverableLine(d)}`), '');
  if (input.git) {
    const base = input.git.base ? ` (since ${input.git.baseSource === 'start-time' ? 'the session start time' : `base ${code(short(input.git.base))}`})` : '';
    out.push(`### Commits${base}: ${input.git.commits.length}`, '');
    for (const cm of input.git.commits.slice(0, 200)) out.push(`- ${code(short(cm.hash))} ${oneLine(cm.subject, 200)} — ${oneLine(cm.author, 80)}`);
    if (input.git.commits.length > 200) out.push(`- … and ${input.git.commits.length - 200} more`);
    if (input.git.commits.length) out.push('');
    for (const n of input.git.notes) notMeasured.push(`git: ${n.message}`);
  } else {
    notMeasured.push('Commits: git was not read for this session.');
  }
  if (!ticked.length && !present.length && !(input.git?.commits.length ?? 0)) out.push('Nothing completed yet: no criterion ticked, no deliverable present, no commit.', '');

  // Blocked work.
  out.push('## Blocked Work', '');
  const blockers = blockerRecords(events);
  if (blockers.length === 0) out.push('No blocker reported (no `blocker.report` event for this session).', '');
  for (const b of blockers) {
    const status = b.resolved ? `resolved ${formatTime(Date.parse(b.resolved.time))}${b.resolved.note ? `: ${oneLine(b.resolved.note)}` : ''}` : 'open';
    out.push(`- **${status === 'open' ? 'Open' : 'Resolved'}** (reported ${formatTime(Date.parse(b.time))}${b.by ? ` by ${oneLine(b.by, 80)}` : ''}): ${oneLine(b.text)}${b.file ? ` — details in ${code(b.file)}` : ''}${status === 'open' ? '' : ` — ${status}`}`);
  }
  if (blockers.length) out.push('');

  // Scope findings.
  out.push('## Scope Findings', '');
  if (input.findings === undefined) {
    out.push('Not checked: no scope checks were run for this note.', '');
    notMeasured.push('Scope: the git scope checks were not run.');
  } else {
    const mine = input.findings.filter((f) => f.session === undefined || idKey(f.session) === idKey(session.id));
    if (mine.length === 0) out.push('None: the scope checks found nothing.', '');
    for (const f of mine) out.push(`- ${f.severity} \`${f.code}\` ${code(f.file)}:${f.line}: ${oneLine(f.message)}`);
    if (mine.length) out.push('');
  }

  // Next steps.
  out.push('## Next Steps', '');
  const steps: string[] = [];
  for (const x of session.criteria.filter((x) => !x.done)) steps.push(`Meet criterion: ${oneLine(x.text)} (plan line ${x.line})`);
  for (const d of deliverables.filter((d) => d.state === 'missing' || d.state === 'stub')) {
    steps.push(`${d.state === 'missing' ? 'Create' : 'Finish'} deliverable ${d.path !== undefined ? code(d.path) : oneLine(d.text, 200)}`);
  }
  for (const t of taskRecords(session.tasks, events)) {
    if (t.state === 'not-launched') steps.push(`Launch task ${oneLine(t.task.id)}: ${oneLine(t.task.title, 200)} (never launched)`);
    else if (t.state === 'failed') steps.push(`Relaunch task ${oneLine(t.task.id)}: ${oneLine(t.task.title, 200)} (its terminal exited with code ${t.exitCode})`);
  }
  for (const b of blockers.filter((b) => !b.resolved)) steps.push(`Resolve blocker: ${oneLine(b.text, 200)}`);
  if (steps.length === 0) out.push('None found: every criterion is ticked, every checked deliverable present, every task launched without failure.', '');
  else out.push(...steps.map((s, i) => `${i + 1}. ${s}`), '');

  // Time.
  const budget = budgetMs(session.hours);
  const timed = run.runs > 0;
  const pausedMs = run.pauses.reduce((sum, p) => sum + ((p.to ?? now) - p.from), 0);
  out.push('## Time', '', '| Budget | Elapsed | Pauses | Runs | State |', '|---|---|---|---|---|');
  out.push(
    `| ${budget === undefined ? `none${session.hours ? ` (${cell(session.hours.text)})` : ''}` : hm(budget)} | ${timed ? hm(run.elapsedMs) : 'no timer data'} | ${timed ? `${run.pauses.length} (${hm(pausedMs)} paused)` : '—'} | ${run.runs} | ${run.state} |`,
    '',
  );
  if (timed && budget !== undefined && budget > 0) out.push(`Budget used: ${Math.round((run.elapsedMs / budget) * 100)}% (${hm(run.elapsedMs)} of ${hm(budget)}).`, '');
  if (!timed) notMeasured.push('Time: the run log has no start of this session.');

  out.push('## Estimated Effort to Complete', '', effortEstimate(run.elapsedMs, timed, c).text, '');

  const unchecked = deliverables.filter((d) => d.state === 'unchecked');
  for (const d of unchecked) notMeasured.push(`Deliverable ${d.path !== undefined ? code(d.path) : oneLine(d.text, 120)}: ${d.reason ?? 'not checked'}.`);
  if (notMeasured.length) out.push('## Not Measured', '', ...notMeasured.map((n) => `- ${oneLine(n)}`), '');
  return out.join('\n');
}

/** The handoff's headline figures, for a CLI summary line. */
export function handoffSummary(input: HandoffInput): { found: boolean; percent?: number } {
  const session = findSession(input.plan.sessions, input.sessionId);
  if (!session) return { found: false };
  const c = completion(session, input.deliverables.filter((d) => d.session === session.id));
  return { found: true, ...(c.percent !== undefined ? { percent: c.percent } : {}) };
}
