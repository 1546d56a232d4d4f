// Escaping and number hygiene for the report HTML. Every value of a ReportView comes from users'
// plan files (or a model built from them), so text and attributes are escaped here, always, and
// numbers are checked at run time (a view built from JSON may carry anything).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML/SVG text content and double- or single-quoted attribute values. */
export function esc(value: unknown): string {
  const text = typeof value === 'string' ? value : value == null ? '' : String(value);
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A finite number, or undefined for anything else (NaN, Infinity, strings, objects). */
export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A finite, non-negative number, or undefined. */
export function hours(value: unknown): number | undefined {
  const n = finite(value);
  return n === undefined || n < 0 ? undefined : n;
}

/** A positive integer (a 1-based line, a count) up to 2^31 - 1, or the fallback. */
export function positiveInt(value: unknown, fallback: number): number {
  const n = finite(value);
  return n === undefined || n < 1 ? fallback : Math.min(Math.floor(n), 2 ** 31 - 1);
}

/** Hours for people: `4 h`, `3.5 h`, `0.25 h`. */
export function formatHours(h: number): string {
  return `${parseFloat(h.toFixed(2))} h`;
}

/** Shortens text to `max` characters (code points), ending with an ellipsis. Escape afterwards. */
export function truncate(value: unknown, max: number): string {
  const chars = Array.from(typeof value === 'string' ? value : value == null ? '' : String(value));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Rounds an SVG coordinate to 0.1 so the markup stays small and stable. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Picks `value` if it is one of `allowed`, else `fallback`: class names never come from data. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** A list that is really an array, without null entries (an untrusted view may hold anything). */
export function list<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value.filter((v: T | null | undefined) => v != null) : [];
}
