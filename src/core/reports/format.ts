// Small markdown and number formatting helpers shared by the writers.
import { formatElapsed } from '../clock';

/** Text from a plan or the run log on one line: newlines become spaces, control characters go. */
export function oneLine(text: string, max = 500): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A table cell: one line, `|` escaped. */
export function cell(text: string): string {
  return oneLine(text, 200).replace(/\|/g, '\\|');
}

/** A code span that survives backticks inside (`` `a`b` `` → ``` `` a`b `` ```). */
export function code(text: string): string {
  const t = oneLine(text, 300);
  const runs = t.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  return fence.length === 1 ? `\`${t}\`` : `${fence} ${t} ${fence}`;
}

/** `2026-01-10 13:05 UTC` for an ms time. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown time';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `h:mm`. */
export const hm = formatElapsed;

/** Hours with at most two decimals: `4`, `2.5`, `0.33`. */
export function hours(ms: number): string {
  return String(Math.round((ms / 3_600_000) * 100) / 100);
}

/** The short form of a commit hash. */
export function short(hash: string): string {
  return hash.slice(0, 7);
}

/** Session ids for a one-line list: the first 20, joined by commas, and ` …` when there are more. */
export function idList(ids: readonly string[]): string {
  return `${ids.slice(0, 20).map((id) => oneLine(id)).join(', ')}${ids.length > 20 ? ' …' : ''}`;
}
