// `deliverable-too-large`: a deliverable exists but is too large to read for stubs.
import type { Finding } from '../../findings';
import { MAX_READ_BYTES, type Probe } from './files';
import { onPlanLine } from './finding';
import type { GitCheckContext } from './types';

/** `3.4 MB`, `812 KB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * `deliverable-too-large` (info, on the deliverable's line): the file exists and is larger than
 * 2 MB, so Marathon checked only that it exists and its size; it was not read for stubs.
 */
export function checkDeliverableTooLarge(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const state of ctx.deliverables) {
    const large = [state.probe, ...(state.matches ?? [])].filter((p): p is Extract<Probe, { kind: 'file' }> => p?.kind === 'file' && p.tooLarge === true);
    for (const p of large.slice(0, 5)) {
      const message = `The deliverable \`${p.path}\` is ${formatBytes(p.size)}: Marathon checked that it exists and did not read it for stubs (files over ${formatBytes(MAX_READ_BYTES)} are not read).`;
      findings.push(onPlanLine(ctx.planFile, 'deliverable-too-large', 'info', message, state.deliverable.line, state.session.id));
    }
  }
  return findings;
}
