// `overlap-conflict`: sessions that run at the same time and touch the same files.
import { onClock } from '../../clock/stopwatch';
import type { Finding, RelatedInfo } from '../../findings';
import type { Plan } from '../../model';
import { idKey, joinSome } from '../util';
import { onPlanLine, related, sessionName } from './finding';
import { plural } from '../../words';
import { isBookkeeping } from './patterns';
import type { GitCheckContext, SessionView } from './types';

/** A session's time on the clock: first start to last stop (open while running or paused). */
function interval(view: SessionView): [number, number] | undefined {
  const run = view.run;
  if (!run || run.startedAt === undefined || run.state === 'not-started') return undefined;
  return [run.startedAt, onClock(run.state) || run.stoppedAt === undefined ? Number.POSITIVE_INFINITY : run.stoppedAt];
}

/** The line of a timeline entry that puts both sessions at the same time, if any. */
export function plannedTogether(plan: Plan, a: string, b: string): number | undefined {
  const ka = idKey(a);
  const kb = idKey(b);
  const entries = plan.timeline ?? [];
  const of = (k: string) => entries.filter((e) => (e.sessions ?? []).some((s) => idKey(s) === k));
  const ea = of(ka);
  const eb = of(kb);
  for (const x of ea) {
    for (const y of eb) {
      if (x === y) return x.line;
      if (x.window.unit === y.window.unit && x.window.from < y.window.to && y.window.from < x.window.to) return y.line;
    }
  }
  return undefined;
}

/** Paths a session changes, and the literal files it owns. */
function concrete(ctx: GitCheckContext, view: SessionView): Set<string> {
  const out = new Set<string>();
  for (const c of view.changed) if (!isBookkeeping(c.path, ctx.planFile)) out.add(c.path);
  for (const p of view.patterns) if (p.kind === 'file') out.add(p.pattern);
  return out;
}

/** Files both sessions change or own (a changed file counts when the other's glob or folder covers it). */
export function sharedFiles(ctx: GitCheckContext, a: SessionView, b: SessionView): string[] {
  const ca = concrete(ctx, a);
  const cb = concrete(ctx, b);
  const shared = new Set<string>();
  for (const p of ca) if (cb.has(p) || b.patterns.some((q) => q.kind !== 'file' && q.test(p))) shared.add(p);
  for (const p of cb) if (a.patterns.some((q) => q.kind !== 'file' && q.test(p))) shared.add(p);
  return [...shared].sort();
}

/**
 * `overlap-conflict` (warning, on both sessions' headings): two sessions whose runs overlap in the
 * run log (first start to last stop; a running or paused session is open-ended), or that the
 * plan's timeline runs at the same time, and that change or own the same file.
 */
export function checkOverlapConflict(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const a of ctx.sessions) {
    for (const b of ctx.all) {
      if (a === b || idKey(a.session.id) === idKey(b.session.id)) continue;
      const ia = interval(a);
      const ib = interval(b);
      const ran = ia !== undefined && ib !== undefined && ia[0] < ib[1] && ib[0] < ia[1];
      const planned = ran ? undefined : plannedTogether(ctx.plan, a.session.id, b.session.id);
      if (!ran && planned === undefined) continue;
      const files = sharedFiles(ctx, a, b);
      if (files.length === 0) continue;
      const when = ran ? `ran at the same time as session ${b.session.id}` : `is planned in parallel with session ${b.session.id} (timeline, line ${planned})`;
      const message = `${sessionName(a.session.id)} ${when}, and both change or own ${plural(files.length, 'file')}: ${joinSome(files)}.`;
      const rel: RelatedInfo[] = [related(ctx.planFile, `session ${b.session.id}`, b.session.line), ...files.slice(0, 50).map((f) => related(f, `changed or owned by sessions ${a.session.id} and ${b.session.id}`))];
      findings.push({ ...onPlanLine(ctx.planFile, 'overlap-conflict', 'warning', message, a.session.line, a.session.id), related: rel });
    }
  }
  return findings;
}
