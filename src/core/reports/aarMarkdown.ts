// The AAR model as markdown, in the shape of the marathon retrospectives: a header, per-session
// results, metrics, commits, blockers, scope, terminals, checkpoint decisions, and what was not
// measured. Only figures from the model are printed; there is no grade.
import { onClock } from '../clock/stopwatch';
import type { AarModel, AarSession, AarStatus } from './aar';
import { redactReport } from '../launch/privacy';
import { cell, code, formatTime, hm, hours, idList, oneLine, short } from './format';
import { num, plural } from '../words';
import { deliverableLine } from './handoff';

const ICON: Record<AarStatus, string> = { done: '✅', partial: '⚠️', blocked: '⚠️', 'not-started': '❌' };
const WORD: Record<AarStatus, string> = { done: 'DONE', partial: 'PARTIAL', blocked: 'BLOCKED', 'not-started': 'NOT STARTED' };

function pct(n: number | undefined): string {
  return n === undefined ? 'n/a' : `${n}%`;
}

/** ` Left out, still on the clock: R1, R2.` — or nothing when no session is. */
function stillOn(ids: readonly string[]): string {
  return ids.length ? ` Left out, still on the clock: ${idList(ids)}.` : '';
}

function ratio(n: number | undefined): string {
  return n === undefined ? 'n/a' : `${Math.round(n * 100) / 100}`;
}

function sessionSection(s: AarSession): string[] {
  const out = [`### ${ICON[s.status]} Session ${oneLine(s.id)}: ${oneLine(s.title, 200)} (${pct(s.completion.percent)} Complete - ${WORD[s.status]})`, ''];
  out.push(`**Status:** ${WORD[s.status]} — ${s.why}`);
  out.push(`**Completion:** ${s.completion.formula}`);
  const planned = s.plannedMs === undefined ? 'not planned' : `${hours(s.plannedMs)} h`;
  const actual =
    s.actualMs === undefined ? 'no timer data' : `${hours(s.actualMs)} h (${hm(s.actualMs)})${onClock(s.runState) ? ` so far, still ${s.runState}` : ''}`;
  out.push(`**Hours:** planned ${planned}, actual ${actual}${s.efficiency !== undefined ? `, efficiency ${ratio(s.efficiency)} (planned ÷ actual)` : ''}`);
  if (s.workInGit) out.push(`**⚠️ Flag:** marked not started, but ${oneLine(s.workInGit, 300)}`);
  out.push('');
  if (s.deliverables.length) out.push('**Deliverables:**', ...s.deliverables.map((d) => `- ${deliverableLine(d)}`), '');
  for (const b of s.blockers) out.push(`**Blocker${b.resolved ? ' (resolved)' : ''}:** ${oneLine(b.text)}`);
  if (s.blockers.length) out.push('');
  out.push('---', '');
  return out;
}

/** The AAR as markdown. */
export function aarMarkdown(m: AarModel): string {
  return redactReport({ neverShare: m.neverShare ?? [] }, writeAar(m));
}

function writeAar(m: AarModel): string {
  const t = m.totals;
  const out: string[] = [`# After Action Review: ${oneLine(m.title || m.planFile)}`, ''];
  const window = m.since !== undefined || m.until !== undefined ? `${m.since !== undefined ? formatTime(m.since) : 'the start'} to ${m.until !== undefined ? formatTime(m.until) : 'now'}` : 'the whole run log and history';
  out.push(`> **Plan:** ${code(m.planFile)}`);
  out.push(`> **Window:** ${window}`);
  out.push(`> **Generated:** ${formatTime(m.generatedAt)}`);
  out.push(`> **Sessions Planned:** ${t.sessions}`);
  out.push(`> **Overall Progress:** ${t.percent === undefined ? 'not measured (no criteria or checkable deliverables)' : `${t.percent}% completion (${t.itemsDone} of ${t.items} criteria and deliverables)`}`);
  out.push('', '---', '');

  out.push('## Summary', '');
  out.push(`- Sessions: ${t.byStatus.done} done, ${t.byStatus.partial} partial, ${t.byStatus.blocked} blocked, ${t.byStatus['not-started']} not started (of ${t.sessions}).`);
  out.push(
    t.timedSessions > 0
      ? `- Hours (${plural(t.timedSessions, 'session')} with a plan and timer data, clock stopped): planned ${hours(t.plannedMs)} h, actual ${hours(t.actualMs)} h, efficiency ${ratio(t.efficiency)} (planned ÷ actual).${stillOn(t.onClock)}`
      : t.onClock.length
        ? `- Hours: no session with a plan and timer data has stopped its clock yet.${stillOn(t.onClock)}`
        : '- Hours: no session has both planned hours and timer data.',
  );
  out.push(`- Deliverables: ${t.deliverables.present} ✅ present, ${t.deliverables.stub} ⚠️ stub, ${t.deliverables.missing} ❌ missing, ${t.deliverables.unchecked} not checked.`);
  if (m.git) {
    out.push(`- Git: ${plural(m.git.commits.length, 'commit')} by ${plural(m.git.authors.length, 'author')}; ${plural(m.git.filesChanged, 'file')} changed, +${num(m.git.insertions)} / −${num(m.git.deletions)} lines.`);
  }
  const flagged = m.sessions.filter((s) => s.workInGit);
  if (flagged.length) out.push(`- ⚠️ ${plural(flagged.length, 'session')} marked not started ${flagged.length === 1 ? 'has' : 'have'} work in git: ${flagged.map((s) => s.id).join(', ')}.`);
  out.push('', '---', '', '## Per-Session Results', '');
  for (const s of m.sessions) out.push(...sessionSection(s));

  out.push('## Metrics', '', '| Metric | Value | How measured |', '|---|---|---|');
  out.push(`| Sessions done / planned | ${t.byStatus.done} / ${t.sessions} | run log stops and criteria |`);
  out.push(`| Completion | ${pct(t.percent)} | ${t.itemsDone} of ${t.items} criteria ticked and deliverables present |`);
  out.push(`| Planned hours (timed, clock stopped) | ${t.timedSessions ? hours(t.plannedMs) : 'n/a'} | plan durations |`);
  out.push(`| Actual hours (timed, clock stopped) | ${t.timedSessions ? hours(t.actualMs) : 'n/a'} | run log timers |`);
  out.push(`| Efficiency | ${ratio(t.efficiency)} | planned ÷ actual |`);
  if (m.git) {
    out.push(`| Commits | ${num(m.git.commits.length)} | git log over the window |`);
    out.push(`| Authors | ${num(m.git.authors.length)} | distinct author emails |`);
    out.push(`| Files changed | ${num(m.git.filesChanged)} | git diff --shortstat between the window's ends |`);
    out.push(`| Insertions / deletions | +${num(m.git.insertions)} / −${num(m.git.deletions)} | git diff --shortstat between the window's ends |`);
    if (m.git.churn) out.push(`| Churn (files / + / −) | ${num(m.git.churn.filesChanged)} / +${num(m.git.churn.insertions)} / −${num(m.git.churn.deletions)} | git log --numstat summed over the commits |`);
  }
  out.push(`| Max concurrent terminals | ${m.terminals.terminals ? m.terminals.maxConcurrent : 'n/a'} | overlapping task.launch→task.exit spans |`);
  out.push(
    `| Parallel factor | ${m.terminals.factor !== undefined ? ratio(m.terminals.factor) : 'n/a'} | ${m.terminals.terminals ? `${hm(m.terminals.busyMs)} terminal time ÷ ${hm(m.terminals.wallMs)} wall time` : 'no task terminals'} |`,
  );
  out.push('');

  if (m.git) {
    out.push('## Commits and Authors', '');
    if (m.git.authors.length) {
      out.push('| Author | Commits |', '|---|---|', ...m.git.authors.map((a) => `| ${cell(a.name)} | ${a.commits} |`), '');
    }
    const shown = m.git.commits.slice(0, 50);
    for (const c of shown) out.push(`- ${code(short(c.hash))} ${oneLine(c.subject, 160)} — ${oneLine(c.author, 60)}`);
    if (m.git.commits.length > shown.length) out.push(`- … and ${num(m.git.commits.length - shown.length)} more`);
    if (m.git.commits.length === 0) out.push('No commit in the window.');
    out.push('');
  }

  out.push('## Blockers', '');
  if (m.blockers.length === 0) out.push('None reported (no `blocker.report` events).');
  for (const b of m.blockers) {
    out.push(`- Session ${oneLine(b.session)} (${formatTime(Date.parse(b.time))}): ${oneLine(b.text)}${b.resolved ? ` — resolved ${formatTime(Date.parse(b.resolved.time))}` : ' — open'}`);
  }
  out.push('', '## Scope Findings', '');
  if (m.findings === undefined) out.push('Not checked.');
  else if (m.findings.length === 0) out.push('None.');
  else for (const f of m.findings) out.push(`- ${f.severity} \`${f.code}\`${f.session ? ` (session ${oneLine(f.session)})` : ''} ${code(f.file)}: ${oneLine(f.message)}`);
  out.push('', '## Terminals and Parallelism', '');
  if (m.terminals.terminals === 0) out.push('No task terminals were launched (no `task.launch` events).');
  else {
    out.push(`- Task terminals: ${m.terminals.terminals} (${m.terminals.stillOpen} without an exit)`);
    out.push(`- Max concurrent: ${m.terminals.maxConcurrent}`);
    out.push(`- Parallel factor: ${ratio(m.terminals.factor)} = ${hm(m.terminals.busyMs)} of terminal lifetimes ÷ ${hm(m.terminals.wallMs)} from the first launch to the last exit`);
  }
  out.push('', '## Checkpoint Decisions', '');
  if (m.checkpoints.length === 0) out.push('None recorded (no `checkpoint.decision` events).');
  for (const c of m.checkpoints) out.push(`- ${formatTime(Date.parse(c.time))} — ${oneLine(c.checkpoint, 200)}: **${oneLine(c.decision, 200)}** (session ${oneLine(c.session)}${c.by ? `, ${oneLine(c.by, 60)}` : ''})`);
  out.push('', '## What Went Well / What Could Be Improved', '', '_For the team to write: Marathon reports only what it measured._', '');
  out.push('## Not Measured', '', ...m.notMeasured.map((n) => `- ${oneLine(n)}`), '');
  return out.join('\n');
}
