// The git-aware checks: scope, deliverables, stubs, time and overlaps, measured from git facts,
// the run log's clocks and the files themselves. Each rule is a pure function of a context built
// once; building it is the only step that reads the disk (confined to the workspace).
import type { Finding } from '../../findings';
import { at } from '../util';
import { buildContext } from './context';
import { checkDeliverableMissing } from './deliverableMissing';
import { checkDeliverableStub } from './deliverableStub';
import { checkDeliverableTooLarge } from './deliverableTooLarge';
import { checkOverlapConflict } from './overlapConflict';
import { checkDeliverableOutside } from './outsideWorkspace';
import { checkProtectedPath } from './protectedPath';
import { checkScopeCreep } from './scopeCreep';
import { checkScopeExpansion } from './scopeExpansion';
import { checkTimeOverrun } from './timeOverrun';
import type { GitCheckInput, GitRule } from './types';

export type { GitCheckContext, GitCheckInput, GitRule, PerSession, SessionView, DeliverableState } from './types';
export { buildContext } from './context';
export {
  checkDeliverableMissing,
  checkDeliverableOutside,
  checkDeliverableStub,
  checkDeliverableTooLarge,
  checkOverlapConflict,
  checkProtectedPath,
  checkScopeCreep,
  checkScopeExpansion,
  checkTimeOverrun,
};

/** Every git rule, by the code it reports, in the order they run. */
export const GIT_RULES: Readonly<Record<string, GitRule>> = {
  'scope-creep': checkScopeCreep,
  'deliverable-missing': checkDeliverableMissing,
  'deliverable-stub': checkDeliverableStub,
  'deliverable-too-large': checkDeliverableTooLarge,
  'deliverable-outside-workspace': checkDeliverableOutside,
  'time-overrun': checkTimeOverrun,
  'scope-expansion': checkScopeExpansion,
  'overlap-conflict': checkOverlapConflict,
  'protected-path': checkProtectedPath,
};

/** The codes the git checks report. */
export const GIT_CHECK_CODES = Object.keys(GIT_RULES);

/**
 * Runs every git-aware check on one plan and returns the findings sorted by line, then code.
 * Paths in findings are workspace-relative. Never rejects: a rule that fails is reported as a
 * `check-failed` warning, and a context that cannot be built as one `check-failed` warning.
 */
export async function runGitChecks(input: GitCheckInput): Promise<Finding[]> {
  const planFile = input.planFile.replace(/\\/g, '/');
  let ctx;
  try {
    ctx = await buildContext(input);
  } catch (err) {
    return [{ ...at('check-failed', 'warning', `The git checks could not start: ${reason(err)}`, 1), file: planFile }];
  }
  const findings: Finding[] = [];
  for (const [code, rule] of Object.entries(GIT_RULES)) {
    try {
      for (const f of rule(ctx)) findings.push(f);
    } catch (err) {
      findings.push({ ...at('check-failed', 'warning', `The ${code} check failed on this plan: ${reason(err)}`, 1), file: planFile });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
