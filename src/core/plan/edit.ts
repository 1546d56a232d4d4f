import type { Criterion, Session } from '../model';

/** A one-line text replacement, 1-based line and column, end-exclusive. */
export interface LineEdit {
  line: number;
  column: number;
  endColumn: number;
  newText: string;
}

/**
 * The edit that ticks or unticks a success criterion's checkbox (`- [ ]` ↔ `- [x]`), or why it
 * cannot be made: the line must still hold a checkbox at the criterion's column with its text.
 */
export function checkboxEdit(lineText: string | undefined, c: Criterion, done: boolean): { edit: LineEdit } | { error: string } {
  if (lineText === undefined) return { error: `Line ${c.line} no longer exists in the plan.` };
  const at = c.column - 1;
  const box = lineText.slice(at, at + 3);
  if (!/^\[[ xX✓✔]\]$/.test(box)) {
    return { error: `Line ${c.line} no longer has a checkbox where "${short(c.text)}" was; the plan changed. Refresh and try again.` };
  }
  const words = c.text.replace(/[`*_]/g, '').trim().slice(0, 40);
  if (words && !lineText.replace(/[`*_]/g, '').includes(words)) {
    return { error: `Line ${c.line} no longer reads "${short(c.text)}"; the plan changed. Refresh and try again.` };
  }
  return { edit: { line: c.line, column: c.column + 1, endColumn: c.column + 2, newText: done ? 'x' : ' ' } };
}

function short(text: string): string {
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

/** Text to insert before a 1-based line (`line` = last line + 1 appends at the end). */
export interface LineInsert {
  line: number;
  text: string;
}

/** A whole-line deletion, 1-based. */
export interface LineDelete {
  line: number;
}

type PlanFormat = 'markdown' | 'yaml';

/**
 * Where and what to insert to add `path` to a session's deliverables list: after its last
 * deliverable, in the same list style; or, when the session lists none, a new Deliverables list
 * at the end of the session's own text. `lines` is the plan's current text split into lines; the
 * session must still start where the model says (a stale model gives an error, not a bad edit).
 */
export function addDeliverableEdit(
  lines: readonly string[],
  format: PlanFormat,
  session: Pick<Session, 'id' | 'line' | 'endLine' | 'deliverables'>,
  path: string,
): { insert: LineInsert } | { error: string } {
  const head = lines[session.line - 1];
  if (head === undefined || !head.includes(session.id)) {
    return { error: `Session ${session.id} is no longer at line ${session.line}; the plan changed. Refresh and try again.` };
  }
  if (session.deliverables.some((d) => d.path === path)) return { error: `${path} is already a deliverable of session ${session.id}.` };
  const last = session.deliverables.at(-1);
  const lastText = last ? lines[last.line - 1] : undefined;
  if (last && lastText !== undefined) {
    const prefix = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/.exec(lastText)?.[0] ?? '- ';
    const bullet = prefix.replace(/\[[ xX]\]/, '[ ]');
    return { insert: { line: last.line + 1, text: `${bullet}${format === 'yaml' ? JSON.stringify(path) : codeSpan(path)}` } };
  }
  if (format === 'yaml') {
    const indent = /^(\s*)(?:-\s+)?/.exec(head)?.[0].replace(/-/, ' ') ?? '  ';
    const at = lastContentLine(lines, session.line, session.endLine);
    return { insert: { line: at + 1, text: `${indent}deliverables:\n${indent}  - ${JSON.stringify(path)}` } };
  }
  const at = lastContentLine(lines, session.line, session.endLine);
  return { insert: { line: at + 1, text: `\n**Deliverables:**\n\n- ${codeSpan(path)}` } };
}

/** The line that removes `path` from a session's deliverables, when it is listed there on a line of its own. */
export function removeDeliverableEdit(
  lines: readonly string[],
  session: Pick<Session, 'id' | 'deliverables'>,
  path: string,
): { delete: LineDelete } | { error: string } {
  const d = session.deliverables.find((x) => x.path === path);
  if (!d) return { error: `${path} is not a deliverable of session ${session.id}.` };
  const text = lines[d.line - 1];
  if (text === undefined || !text.includes(path)) return { error: `Line ${d.line} no longer names ${path}; the plan changed. Refresh and try again.` };
  return { delete: { line: d.line } };
}

// The last line of a session's text that is not blank or a `---` rule, so an insertion lands
// inside the session rather than after the separator before the next one.
function lastContentLine(lines: readonly string[], from: number, to: number): number {
  for (let n = Math.min(to, lines.length); n > from; n--) {
    const t = (lines[n - 1] ?? '').trim();
    if (t !== '' && !/^(?:-{3,}|\*{3,}|_{3,})$/.test(t)) return n;
  }
  return from;
}

// A markdown code span that survives backticks in the path.
function codeSpan(path: string): string {
  const runs = path.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  return fence.length > 1 || path.startsWith(' ') || path.endsWith(' ') ? `${fence} ${path} ${fence}` : `${fence}${path}${fence}`;
}
