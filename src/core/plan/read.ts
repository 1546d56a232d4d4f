import { emptyPlan, type ReadResult } from '../model';
import { readMarkdownPlan } from './markdown';
import { readYamlPlan } from './yaml';

/** True for names the YAML reader owns: `*.marathon.yaml`, `marathon.yml`, any `.yaml`/`.yml`. */
export function isYamlPlanName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

/**
 * Reads a plan file's text into the model. Markdown unless the name says YAML.
 * Never throws: anything unexpected becomes an `internal-error` problem on line 1.
 */
export function readPlan(text: string, fileName: string): ReadResult {
  try {
    return isYamlPlanName(fileName) ? readYamlPlan(text) : readMarkdownPlan(text);
  } catch (err) {
    // A reader bug must not take the editor down; report it as data and keep going.
    const message = `Marathon could not read this file (${err instanceof Error ? err.message : String(err)}). Please report this.`;
    const problems = [{ code: 'internal-error', severity: 'error' as const, message, line: 1, column: 1, endLine: 1, endColumn: 1 }];
    return { plan: { ...emptyPlan(isYamlPlanName(fileName) ? 'yaml' : 'markdown'), problems }, problems };
  }
}
