import type { Plan, Problem } from '../model';
import { at, idKey, list, safeLine, str } from './util';

/** `duplicate-session-id` (error) on every repeat of a session id, naming the first one's line. */
export function checkDuplicateSessions(plan: Plan): Problem[] {
  const first = new Map<string, { id: string; line: number }>();
  const problems: Problem[] = [];
  for (const s of list(plan.sessions)) {
    const key = idKey(s?.id);
    if (!s || !key) continue;
    const seen = first.get(key);
    const id = str(s.id).trim();
    if (!seen) {
      first.set(key, { id, line: safeLine(s.line) });
      continue;
    }
    const same = seen.id === id ? '' : ` (written ${seen.id} there)`;
    problems.push(
      at('duplicate-session-id', 'error', `Session id ${id} is used twice; it was first used on line ${seen.line}${same}.`, s.line),
    );
  }
  return problems;
}
