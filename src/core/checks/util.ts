import { problem, type Hours, type Problem, type Severity } from '../model';

/** The array itself, or an empty one when a malformed plan left it out. */
export function list<T>(value: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** A usable 1-based line: the value when it is a positive integer, else 1. */
export function safeLine(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

/** A problem on a whole line, with the line made safe. */
export function at(code: string, severity: Severity, message: string, line: unknown): Problem {
  return problem(code, severity, message, safeLine(line));
}

/** A finite number, or undefined. */
export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The hours a duration budgets: its `max` when a range, else its `min`; undefined when not numeric. */
export function hoursValue(hours: Hours | undefined): number | undefined {
  if (!hours) return undefined;
  return finite(hours.max) ?? finite(hours.min);
}

/** `[low, high]` of a duration, or undefined when it is not numeric. */
export function hoursSpan(hours: Hours | undefined): [number, number] | undefined {
  if (!hours) return undefined;
  const lo = finite(hours.min) ?? finite(hours.max);
  const hi = finite(hours.max) ?? finite(hours.min);
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

/** `4`, `3.5`, `0.33` — hours for messages. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

/** A duration for messages: `4 h` or `3-4 h`. */
export function fmtSpan([lo, hi]: [number, number]): string {
  return lo === hi ? `${fmt(lo)} h` : `${fmt(lo)}-${fmt(hi)} h`;
}

/** The text as a string ('' when it is not one). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * An id reduced for comparison: trimmed, lower-cased, emphasis and `#` removed, leading zeros
 * dropped (`024` and `24` are the same session; `0a` stays `0a`).
 */
export function idKey(raw: unknown): string {
  const text = str(raw);
  // Fast path for the usual ids (`024`, `7`, `DEBT-001`): with only letters, digits, `.` and `-`
  // there is nothing to trim or strip. Checks key every session and task, so this is hot.
  const key = isPlainId(text)
    ? text.toLowerCase()
    : text
        .trim()
        .replace(/^[*_`]+|[*_`]+$/g, '')
        .trim()
        .toLowerCase()
        .replace(/^#\s*/, '');
  return key.charCodeAt(0) === 48 ? withoutLeadingZeros(key) : key;
}

/** `key.replace(/^0+(?=\d)/, '')` as a loop (ids are keyed by every check): zeros go, not the last digit. */
function withoutLeadingZeros(key: string): string {
  let zeros = 0;
  while (key.charCodeAt(zeros) === 48) zeros++;
  const next = key.charCodeAt(zeros);
  if (!(next >= 48 && next <= 57)) zeros--; // the run ends the id or a word: one zero stays
  return zeros > 0 ? key.slice(zeros) : key;
}

/** Only ASCII letters, digits, `.` and `-`: an id with nothing to trim or strip. */
export function isPlainId(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c | 0x20) >= 97 && (c | 0x20) <= 122;
    if (!letter && !(c >= 48 && c <= 57) && c !== 45 && c !== 46) return false;
  }
  return true;
}

/** Joins up to `max` items and says how many more there are. */
export function joinSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
