import { emptyPlan, type ReadResult } from '../model';

/** PLACEHOLDER while the scanner is written in this session. */
export function readMarkdownPlan(_text: string): ReadResult {
  const plan = emptyPlan('markdown');
  return { plan, problems: plan.problems };
}
