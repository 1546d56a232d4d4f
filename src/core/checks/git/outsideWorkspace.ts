// `deliverable-outside-workspace`: a deliverable that resolves outside the workspace root.
import type { Finding } from '../../findings';
import { onPlanLine } from './finding';
import type { GitCheckContext } from './types';

/**
 * `deliverable-outside-workspace` (error, on the deliverable's line): the path is absolute and
 * elsewhere, climbs out with `..`, or goes through a symbolic link whose target is outside the
 * workspace root (resolved with realpath). Marathon neither reads it nor checks it for stubs.
 */
export function checkDeliverableOutside(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const state of ctx.deliverables) {
    const p = state.probe;
    if (p?.kind !== 'outside') continue;
    const what = `The deliverable \`${state.written}\``;
    const message =
      p.how === 'symlink'
        ? `${what} resolves through a symbolic link to ${p.target ? `\`${p.target}\`` : 'a place'} outside the workspace; Marathon does not read it.`
        : p.how === 'absolute'
          ? `${what} is an absolute path outside the workspace; Marathon does not read it.`
          : `${what} climbs out of the workspace with \`..\`; Marathon does not read it.`;
    findings.push(onPlanLine(ctx.planFile, 'deliverable-outside-workspace', 'error', message, state.deliverable.line, state.session.id));
  }
  return findings;
}
