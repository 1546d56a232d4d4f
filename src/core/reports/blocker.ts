// The blocker note (SESSION_<id>_BLOCKER.md), the same blocker as issue text, and the fallback
// session to pivot to: the blocker protocol of the marathon retrospectives, from measured facts.
import { sessionRun } from '../clock';
import { redactReport } from '../launch/privacy';
import { parseRef } from '../checks/refs';
import { idKey } from '../checks/util';
import type { Plan, RunEvent, Session } from '../model';
import { code, formatTime, hm, oneLine } from './format';
import { findSession } from './handoff';
import { blockerRecords, sessionEvents, type BlockerRecord } from './progress';

/** The sessions that depend on `id`, directly or through others (cycles are safe). */
export function dependentsOf(plan: Plan, id: string): Set<string> {
  const target = idKey(id);
  const deps = new Map<string, string[]>();
  for (const s of plan.sessions) {
    const keys: string[] = [];
    for (const raw of s.dependsOn) {
      const ref = parseRef(raw);
      if (ref && (ref.kind === undefined || ref.kind === 'session')) keys.push(ref.key);
    }
    deps.set(idKey(s.id), keys);
  }
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [key, on] of deps) {
      if (out.has(key) || key === target) continue;
      if (on.some((d) => d === target || out.has(d))) {
        out.add(key);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * The session to pivot to when `blockedId` is blocked: the next one in plan order (wrapping to
 * the start) that does not depend on the blocked one, directly or transitively, and is not in
 * `skip` (e.g. sessions already done). Undefined when there is none.
 */
export function fallbackSession(plan: Plan, blockedId: string, skip: ReadonlySet<string> = new Set()): Session | undefined {
  const index = plan.sessions.findIndex((s) => idKey(s.id) === idKey(blockedId));
  const dependents = dependentsOf(plan, blockedId);
  const skipped = new Set([...skip].map(idKey));
  const n = plan.sessions.length;
  const start = index < 0 ? 0 : index + 1;
  for (let i = 0; i < n; i++) {
    const s = plan.sessions[(start + i) % n] as Session;
    const key = idKey(s.id);
    if (key === idKey(blockedId) || dependents.has(key) || skipped.has(key)) continue;
    return s;
  }
  return undefined;
}

/** What a blocker note is written from. */
export interface BlockerInput {
  plan: Plan;
  planFile: string;
  sessionId: string;
  events: readonly RunEvent[];
  now: number;
  /** The blocker's text; by default the latest open `blocker.report` of the session. */
  text?: string;
  /** Sessions to pass over when choosing the fallback (already done). */
  done?: ReadonlySet<string>;
}

interface Resolved {
  session?: Session;
  blocker?: BlockerRecord;
  text: string;
  elapsedMs?: number;
  dependents: Session[];
  fallback?: Session;
}

function resolve(input: BlockerInput): Resolved {
  const session = findSession(input.plan.sessions, input.sessionId);
  const events = sessionEvents(input.events, input.planFile, session?.id ?? input.sessionId);
  const open = blockerRecords(events).filter((b) => !b.resolved);
  const blocker = open[open.length - 1];
  const text = input.text ?? blocker?.text ?? 'No blocker text given and no open blocker.report event for this session.';
  const run = sessionRun(events, input.planFile, events[0]?.session ?? input.sessionId, input.now);
  const keys = dependentsOf(input.plan, input.sessionId);
  return {
    ...(session ? { session } : {}),
    ...(blocker && input.text === undefined ? { blocker } : {}),
    text,
    ...(run.runs > 0 ? { elapsedMs: run.elapsedMs } : {}),
    dependents: input.plan.sessions.filter((s) => keys.has(idKey(s.id))),
    ...(() => {
      const f = fallbackSession(input.plan, input.sessionId, input.done);
      return f ? { fallback: f } : {};
    })(),
  };
}

const label = (s: Session): string => `Session ${oneLine(s.id)}: ${oneLine(s.title, 120)}`;

/** The blocker note as markdown. */
export function blockerMarkdown(input: BlockerInput): string {
  return redactReport(input.plan, writeBlocker(input));
}

function writeBlocker(input: BlockerInput): string {
  const r = resolve(input);
  const name = r.session ? label(r.session) : `Session ${oneLine(input.sessionId)}`;
  const out = [`# ${name} — BLOCKER`, '', `> Plan: ${code(input.planFile)} · Written ${formatTime(input.now)}`, ''];
  out.push('## Blocker', '', oneLine(r.text, 2000), '');
  if (r.blocker) out.push(`Reported ${formatTime(Date.parse(r.blocker.time))}${r.blocker.by ? ` by ${oneLine(r.blocker.by, 80)}` : ''}${r.blocker.file ? `; details in ${code(r.blocker.file)}` : ''}.`, '');
  if (!r.session) out.push(`The plan has no session ${code(input.sessionId)}.`, '');
  if (r.session) {
    out.push('## Where the Session Stands', '');
    out.push(`- Time spent: ${r.elapsedMs === undefined ? 'no timer data' : hm(r.elapsedMs)}`);
    const done = r.session.criteria.filter((c) => c.done);
    out.push(`- Criteria ticked: ${done.length} of ${r.session.criteria.length}`);
    for (const c of done) out.push(`  - [x] ${oneLine(c.text)}`);
    out.push('');
  }
  out.push('## Impact', '');
  if (r.dependents.length === 0) out.push('No session depends on this one.', '');
  else out.push(`Sessions that depend on it (directly or through others): ${r.dependents.map((s) => oneLine(s.id)).join(', ')}.`, '');
  out.push('## Fallback', '');
  out.push(r.fallback ? `Pivot to ${label(r.fallback)} — the next session that does not depend on the blocked one.` : 'None: every other session depends on this one (or is done).', '');
  out.push('## Next Steps', '', '1. Open an issue for the blocker (text below).', `2. ${r.fallback ? `Start ${label(r.fallback)}.` : 'Resolve the blocker before continuing.'}`, '3. Record the resolution (`blocker.resolve`) when it is lifted.', '');
  return out.join('\n');
}

/** The blocker as an issue to paste into a tracker: a title and a markdown body. */
export function issueText(input: BlockerInput): { title: string; body: string } {
  const issue = writeIssue(input);
  return { title: redactReport(input.plan, issue.title), body: redactReport(input.plan, issue.body) };
}

function writeIssue(input: BlockerInput): { title: string; body: string } {
  const r = resolve(input);
  const name = r.session ? label(r.session) : `Session ${oneLine(input.sessionId)}`;
  const title = oneLine(`Blocker: ${name} — ${oneLine(r.text, 80)}`, 160);
  const body = [
    `**Session:** ${name}`,
    `**Plan:** ${code(input.planFile)}`,
    r.blocker ? `**Reported:** ${formatTime(Date.parse(r.blocker.time))}${r.blocker.by ? ` by ${oneLine(r.blocker.by, 80)}` : ''}` : undefined,
    '',
    '### What blocks',
    '',
    oneLine(r.text, 4000),
    '',
    '### Impact',
    '',
    r.dependents.length ? `Blocks sessions ${r.dependents.map((s) => oneLine(s.id)).join(', ')}.` : 'No other session depends on it.',
    r.fallback ? `Work continues with ${label(r.fallback)}.` : undefined,
    '',
  ]
    .filter((l): l is string => l !== undefined)
    .join('\n');
  return { title, body };
}
