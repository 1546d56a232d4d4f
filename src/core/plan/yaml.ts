import { emptyPlan, type ReadResult } from '../model';

/** PLACEHOLDER: the YAML reader is being written in this session. */
export function readYamlPlan(_text: string): ReadResult {
  const plan = emptyPlan('yaml');
  return { plan, problems: plan.problems };
}
