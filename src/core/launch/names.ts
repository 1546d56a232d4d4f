import { sanitizeForTerminal } from './shellQuote';

/** The longest part of a prompt file name taken from one id. */
const MAX_PART = 40;
/** The longest terminal name, `…` included. */
const MAX_TERMINAL_NAME = 60;

/** The number in a task id written as `7`, `#7` or `Task 7`. */
export function taskNumber(id: string): number | undefined {
  const m = /^(?:task\s*)?#?\s*(\d{1,9})$/i.exec(id.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The short key of a task: `T3` for a numbered task (`3`, `#3`, `Task 3`), otherwise the id as
 * written (`DEBT-001`; `T3` stays `T3`).
 */
export function taskKey(taskId: string): string {
  const n = taskNumber(taskId);
  return n === undefined ? taskId.trim() : `T${n}`;
}

/** One part of a file name: only `[A-Za-z0-9._-]`, no `..`, no leading dot or dash, bounded. */
function safePart(raw: string): string {
  const part = raw
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._-]+/, '')
    .slice(0, MAX_PART)
    .replace(/[._-]+$/, '');
  return part || 'x';
}

/**
 * A safe file name for a prompt: `promptFileName('024', 'T3')` → `024-T3.md`. Only
 * `[A-Za-z0-9._-]`, never `..` nor a leading dot or dash, at most 84 characters; a numbered task id
 * (`3`) becomes its {@link taskKey} (`T3`).
 */
export function promptFileName(sessionId: string, taskKeyOrId: string): string {
  return `${safePart(sessionId)}-${safePart(taskKey(taskKeyOrId))}.md`;
}

/** Removes bidirectional-override and other invisible format characters that can spoof a name. */
function stripFormatChars(text: string): string {
  return text.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '');
}

/** `text` cut to at most `max` code points, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/**
 * A terminal's name: `terminalName('024', '3', 'Add rotation template tools')` →
 * `024 · T3 · Add rotation template tools`. Control and bidi-format characters are removed,
 * white space collapsed, empty parts left out, and the name cut to 60 characters with `…`.
 */
export function terminalName(sessionId: string, taskId: string, title: string): string {
  const clean = (s: string): string => stripFormatChars(sanitizeForTerminal(s)).replace(/\s+/g, ' ').trim();
  const parts = [clean(sessionId), clean(taskId) ? taskKey(clean(taskId)) : '', clean(title)].filter((p) => p);
  return truncate(parts.join(' · '), MAX_TERMINAL_NAME);
}
