// `scope-expansion`: work added to a session after it started.
import type { Finding, RelatedInfo } from '../../findings';
import type { Session } from '../../model';
import { idKey } from '../util';
import { onPlanLine, related, sessionName } from './finding';
import { plural } from '../../words';
import type { GitCheckContext } from './types';

/** Text compared loosely: case, spacing and emphasis ignored. */
function loose(text: string | undefined): string {
  return (text ?? '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What `now` has that `planned` did not: tasks (by id), criteria (by text), deliverables (by path). */
export function addedSince(planned: Session, now: Session): { tasks: Session['tasks']; criteria: Session['criteria']; deliverables: Session['deliverables'] } {
  const taskIds = new Set((planned.tasks ?? []).map((t) => idKey(t.id)));
  const criteria = new Set((planned.criteria ?? []).map((c) => loose(c.text)));
  const deliverables = new Set((planned.deliverables ?? []).map((d) => loose(d.path ?? d.text)));
  return {
    tasks: (now.tasks ?? []).filter((t) => !taskIds.has(idKey(t.id))),
    criteria: (now.criteria ?? []).filter((c) => !criteria.has(loose(c.text))),
    deliverables: (now.deliverables ?? []).filter((d) => !deliverables.has(loose(d.path ?? d.text))),
  };
}

/** `"Ship the…"`: a criterion shortened for a list. */
function short(text: string, max = 60): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * `scope-expansion` (info, on the session heading): tasks, criteria or deliverables in the plan
 * now that were not in the session as recorded at its start (`planned` in the run log). Each
 * addition is related information at its line. Removed items are not reported.
 */
export function checkScopeExpansion(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const view of ctx.sessions) {
    const planned = view.run?.planned;
    if (!planned) continue;
    const added = addedSince(planned, view.session);
    const total = added.tasks.length + added.criteria.length + added.deliverables.length;
    if (total === 0) continue;
    const parts: string[] = [];
    const rel: RelatedInfo[] = [];
    if (added.tasks.length > 0) {
      parts.push(`${plural(added.tasks.length, 'task')} (${added.tasks.map((t) => t.id).join(', ')})`);
      for (const t of added.tasks) rel.push(related(ctx.planFile, `task ${t.id} added after the start`, t.line));
    }
    if (added.criteria.length > 0) {
      parts.push(plural(added.criteria.length, 'criterion', 'criteria'));
      for (const c of added.criteria) rel.push(related(ctx.planFile, `criterion "${short(c.text)}" added after the start`, c.line));
    }
    if (added.deliverables.length > 0) {
      parts.push(`${plural(added.deliverables.length, 'deliverable')} (${added.deliverables.map((d) => d.path ?? short(d.text, 40)).join(', ')})`);
      for (const d of added.deliverables) rel.push(related(ctx.planFile, `deliverable \`${d.path ?? short(d.text, 40)}\` added after the start`, d.line));
    }
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] as string);
    const message = `${sessionName(view.session.id)} grew after it started: ${list} added.`;
    findings.push({ ...onPlanLine(ctx.planFile, 'scope-expansion', 'info', message, view.session.line, view.session.id), related: rel });
  }
  return findings;
}
