// Small builders for the findings of the git rules.
import type { Finding, RelatedInfo } from '../../findings';
import type { Severity } from '../../model';
import { at } from '../util';

/** A finding on a whole line of the plan file. */
export function onPlanLine(planFile: string, code: string, severity: Severity, message: string, line: number, session?: string): Finding {
  const f: Finding = { ...at(code, severity, message, line), file: planFile };
  if (session !== undefined) f.session = session;
  return f;
}

/** Related information pointing at `line` of `file` (line 1 when the whole file is meant). */
export function related(file: string, message: string, line = 1): RelatedInfo {
  const l = Number.isInteger(line) && line >= 1 ? line : 1;
  return { file, message, range: { line: l, column: 1, endLine: l, endColumn: 1 } };
}

/** `Session 024`. */
export function sessionName(id: string): string {
  return `Session ${id}`;
}

/** Where a change lives, for messages: `committed`, `staged, unstaged`, `untracked`. */
export function whereText(where: readonly string[] | undefined): string {
  return where && where.length > 0 ? where.join(', ') : 'changed';
}
