// `deliverable-missing`: a finished session's deliverable is not there.
import type { Finding, RelatedInfo } from '../../findings';
import { onPlanLine, related, whereText } from './finding';
import type { DeliverableState, GitCheckContext, SessionView } from './types';

/** What git says happened to a missing path: deleted, or renamed to somewhere else. */
function fate(view: SessionView | undefined, target: string): { text: string; related?: RelatedInfo } | undefined {
  if (!view) return undefined;
  const renamed = view.changed.find((c) => c.from === target && (c.kind === 'renamed' || c.kind === 'copied'));
  if (renamed) {
    return {
      text: `; git shows it ${renamed.kind} to \`${renamed.path}\` (${whereText(renamed.where)})`,
      related: related(renamed.path, `\`${target}\` was ${renamed.kind} here`),
    };
  }
  const deleted = view.changed.find((c) => c.path === target && c.kind === 'deleted');
  if (deleted) return { text: `; git shows it deleted (${whereText(deleted.where)})` };
  return undefined;
}

/** Why the deliverable should exist: the session's reason, or the plan's own ✅ claim. */
function because(view: SessionView | undefined, state: DeliverableState): string | undefined {
  if (view?.finished) return `session ${state.session.id} is finished (${view.finished})`;
  if (state.deliverable.claimed === 'done') return 'the plan marks it done';
  return undefined;
}

/**
 * `deliverable-missing` (error, on the deliverable's line): the session was stopped as done, or all
 * its criteria are ticked (or the deliverable is marked ✅), and the file does not exist — a glob or
 * placeholder matches no file, a folder is not there. A deleted file is missing; for a renamed one
 * the message says where it went.
 */
export function checkDeliverableMissing(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const state of ctx.deliverables) {
    if (!state.target) continue;
    const view = ctx.sessions.find((v) => v.session === state.session);
    const why = because(view, state);
    if (!why) continue;
    const d = state.deliverable;
    let what: string | undefined;
    if (state.kind === 'glob') {
      if (state.matches && state.matches.length === 0 && !state.truncated) what = `No file matches the deliverable \`${state.written}\``;
    } else if (state.probe?.kind === 'missing') {
      what = state.kind === 'folder' ? `The deliverable folder \`${state.written}\` does not exist` : `The deliverable \`${state.written}\` does not exist`;
    }
    if (!what) continue;
    const gone = state.kind === 'glob' ? undefined : fate(view, state.target);
    const message = `${what}${gone?.text ?? ''}, but ${why}.`;
    const f = onPlanLine(ctx.planFile, 'deliverable-missing', 'error', message, d.line, state.session.id);
    if (gone?.related) f.related = [gone.related];
    findings.push(f);
  }
  return findings;
}
