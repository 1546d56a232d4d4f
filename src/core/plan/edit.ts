import type { Criterion } from '../model';

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
