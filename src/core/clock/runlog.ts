// Reading and writing `.marathon/runlog.jsonl`: one JSON event per line, appended, never
// rewritten. The reader never throws: a damaged log still yields every event it can, plus
// problems saying what was skipped and where.
import { problem, RunEventSchema, type Problem, type RunEvent, type RunEventKind } from '../model';

/** The event kinds this version understands; other kinds are skipped as written by a newer version. */
export const RUN_EVENT_KINDS: ReadonlySet<string> = new Set<RunEventKind>(
  RunEventSchema.options.map((o) => o.shape.event.value),
);

/** What {@link parseRunLog} returns: the valid events in file order, and what was skipped. */
export interface RunLogResult {
  events: RunEvent[];
  problems: Problem[];
}

/** Longest excerpt of a bad line quoted in a problem message. */
const EXCERPT = 60;

/**
 * One event as a JSON line ending in `\n`. Keys come in a stable order — `time`, `event`, `plan`,
 * `session`, then the rest as they are in `e` — so logs diff and grep well. Fields that are
 * `undefined` are left out.
 */
export function serializeEvent(e: RunEvent): string {
  const { time, event, plan, session, ...rest } = e;
  return `${JSON.stringify({ time, event, plan, session, ...rest })}\n`;
}

/**
 * The text to append to a log whose current content is `current` so that `event` starts on a line
 * of its own: a `\n` first when `current` is non-empty and does not end with one (the log ends in
 * a line torn by a crash mid-append), then {@link serializeEvent}. Only the end of `current`
 * matters, so passing just the log's last character is enough. The caller does the actual append.
 */
export function appendPlan(current: string, event: RunEvent): string {
  const prefix = current.length > 0 && !current.endsWith('\n') ? '\n' : '';
  return prefix + serializeEvent(event);
}

/**
 * Reads a run log. One JSON object per line; blank lines, CRLF line ends and a leading BOM are
 * fine. Lines that cannot be used are skipped and reported, and the rest are still read:
 *
 * - a last line with no line end that is not valid JSON was torn by a crash mid-append:
 *   `runlog-torn-line` (info);
 * - any other line that is not a JSON object, or is an event of a known kind that does not match
 *   its schema: `runlog-bad-line` (warning), with its 1-based line number;
 * - an event of a kind this version does not know (a newer version wrote it):
 *   `runlog-unknown-event` (info).
 *
 * Events keep file order (see {@link sortEvents}); fields the schema does not know are dropped.
 * Linear in the size of `text`; never throws.
 */
export function parseRunLog(text: string): RunLogResult {
  const events: RunEvent[] = [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const lastIndex = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i] ?? '';
    if (i === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.trim() === '') continue;
    const line = i + 1;
    const bad = (code: string, severity: Problem['severity'], message: string): void => {
      problems.push(problem(code, severity, message, line, 1, raw.length + 1));
    };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      // Only the last line can be torn: every complete append ends with `\n`.
      if (i === lastIndex) bad('runlog-torn-line', 'info', `Run log: the last line is incomplete (an append was cut short) and is skipped: ${excerpt(raw)}`);
      else bad('runlog-bad-line', 'warning', `Run log line ${line} is not valid JSON and is skipped: ${excerpt(raw)}`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      bad('runlog-bad-line', 'warning', `Run log line ${line} is not a JSON object and is skipped: ${excerpt(raw)}`);
      continue;
    }
    const kind = (value as { event?: unknown }).event;
    if (typeof kind === 'string' && !RUN_EVENT_KINDS.has(kind)) {
      bad('runlog-unknown-event', 'info', `Run log line ${line}: event "${excerpt(kind)}" is not known to this version and is skipped.`);
      continue;
    }
    const parsed = safeParse(value);
    if (parsed.ok) events.push(parsed.event);
    else bad('runlog-bad-line', 'warning', `Run log line ${line} is not a valid event and is skipped: ${parsed.reason}`);
  }
  return { events, problems };
}

/** `RunEventSchema.safeParse` with the first issue as a short reason; never throws. */
function safeParse(value: unknown): { ok: true; event: RunEvent } | { ok: false; reason: string } {
  try {
    const r = RunEventSchema.safeParse(value);
    if (r.success) return { ok: true, event: r.data };
    const issue = r.error.issues[0];
    if (!issue) return { ok: false, reason: 'invalid event' };
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return { ok: false, reason: excerpt(where + issue.message) };
  } catch (err) {
    return { ok: false, reason: excerpt(String(err)) };
  }
}

function excerpt(s: string): string {
  return s.length > EXCERPT ? `${s.slice(0, EXCERPT)}…` : s;
}

/** An event's time in ms since the epoch, or `undefined` when `time` is not a parseable date. */
export function eventTime(e: Pick<RunEvent, 'time'>): number | undefined {
  const t = Date.parse(e.time);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * The events ordered by time (machines' clocks differ, so file order is not time order). The sort
 * is stable: events at the same instant keep file order. Events whose `time` does not parse come
 * last, in file order. Returns a new array; linear when `events` are already in order.
 */
export function sortEvents<E extends Pick<RunEvent, 'time'>>(events: readonly E[]): E[] {
  const times = events.map((e) => eventTime(e) ?? Number.POSITIVE_INFINITY);
  let sorted = true;
  for (let i = 1; i < times.length && sorted; i++) sorted = (times[i - 1] ?? 0) <= (times[i] ?? 0);
  if (sorted) return events.slice();
  const order = events.map((_, i) => i);
  order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  return order.map((i) => events[i] as E);
}
