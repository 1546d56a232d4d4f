import type { RunEvent } from '../model';

/** A blocker reported on a session, and its resolution once there is one. */
export interface BlockerRecord {
  session: string;
  time: string;
  text: string;
  file?: string;
  by?: string;
  resolved?: { time: string; note?: string };
}

/**
 * Blockers from blocker.report events; each blocker.resolve resolves the oldest open one of its
 * session. Pass one plan's events (sessions ids are unique only within a plan).
 */
export function blockerRecords(events: readonly RunEvent[]): BlockerRecord[] {
  const out: BlockerRecord[] = [];
  for (const e of events) {
    if (e.event === 'blocker.report') {
      out.push({ session: e.session, time: e.time, text: e.text, ...(e.file ? { file: e.file } : {}), ...(e.by ? { by: e.by } : {}) });
    } else if (e.event === 'blocker.resolve') {
      const open = out.find((b) => b.session === e.session && !b.resolved);
      if (open) open.resolved = { time: e.time, ...(e.note ? { note: e.note } : {}) };
    }
  }
  return out;
}

/** The latest unresolved blocker of one session of one plan, if any. */
export function openBlocker(events: readonly RunEvent[], plan: string, session: string): BlockerRecord | undefined {
  return blockerRecords(events.filter((e) => e.plan === plan && e.session === session))
    .filter((b) => !b.resolved)
    .at(-1);
}
