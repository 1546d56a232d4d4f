// `protected-path`: a never-share path among what a session touches or shares.
import type { Finding } from '../../findings';
import { compileNeverShare, type NeverShareRule } from '../neverShare';
import { onPlanLine, related, sessionName } from './finding';
import { plural } from '../../words';
import { planPath } from './patterns';
import type { GitCheckContext } from './types';

/** The plan's never-share rules. */
function rules(ctx: GitCheckContext): NeverShareRule[] {
  return (ctx.plan.neverShare ?? []).map((r) => (typeof r?.path === 'string' ? compileNeverShare(r.path, r.line) : undefined)).filter((r): r is NeverShareRule => r !== undefined);
}

/** The rule that covers `path` (workspace-relative), if any. */
function ruleFor(all: readonly NeverShareRule[], path: string | undefined): NeverShareRule | undefined {
  if (!path) return undefined;
  return all.find((r) => r.matches(path));
}

/**
 * `protected-path` (error): a path under the plan's never-share patterns that a session changed
 * (on the session heading, each file as related information), that is a deliverable (on its
 * line), or that is a context file given to agents' prompts (on its line; only when the check runs
 * on the whole plan).
 */
export function checkProtectedPath(ctx: GitCheckContext): Finding[] {
  const all = rules(ctx);
  if (all.length === 0) return [];
  const findings: Finding[] = [];
  for (const view of ctx.sessions) {
    const hits = view.changed.map((c) => ({ c, rule: ruleFor(all, c.path) })).filter((h) => h.rule !== undefined);
    if (hits.length > 0) {
      const list = hits.slice(0, 5).map((h) => `${h.c.path} (pattern \`${h.rule?.pattern}\`, line ${h.rule?.line})`).join(', ');
      const more = hits.length > 5 ? ` and ${hits.length - 5} more` : '';
      const message = `${sessionName(view.session.id)} changed ${plural(hits.length, 'never-share path')}: ${list}${more}.`;
      const rel = hits.map((h) => related(h.c.path, `never-share (pattern \`${h.rule?.pattern}\`)`));
      findings.push({ ...onPlanLine(ctx.planFile, 'protected-path', 'error', message, view.session.line, view.session.id), related: rel });
    }
  }
  for (const state of ctx.deliverables) {
    const rule = ruleFor(all, state.kind === 'glob' ? undefined : state.target);
    if (!rule) continue;
    const message = `The deliverable \`${state.written}\` is a never-share path (pattern \`${rule.pattern}\`, line ${rule.line}).`;
    findings.push(onPlanLine(ctx.planFile, 'protected-path', 'error', message, state.deliverable.line, state.session.id));
  }
  // Context files belong to the plan, not a session: reported when no single session is asked for.
  for (const ref of ctx.onlySession === undefined ? (ctx.plan.contextFiles ?? []) : []) {
    const rule = ruleFor(all, typeof ref?.path === 'string' ? planPath(ref.path, ctx.planFile, ctx.root) : undefined);
    if (!rule || !ref) continue;
    const message = `The context file \`${ref.path}\` is a never-share path (pattern \`${rule.pattern}\`, line ${rule.line}); prompts leave it out.`;
    findings.push(onPlanLine(ctx.planFile, 'protected-path', 'error', message, ref.line));
  }
  return findings;
}
