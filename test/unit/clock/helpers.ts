// Builders of run-log events for the clock tests. Times are minutes after a fixed origin.
import type { RunEvent, Session, StopOutcome } from '../../../src/core/model';

/** 2026-01-10T09:00:00Z, the origin of every test clock. */
export const T0 = Date.parse('2026-01-10T09:00:00.000Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** The ms time `m` minutes after {@link T0}. */
export function at(m: number): number {
  return T0 + m * MIN;
}

/** ISO time `m` minutes after {@link T0}. */
export function iso(m: number): string {
  return new Date(at(m)).toISOString();
}

type Where = { plan?: string; session?: string };
const where = (w: Where): { plan: string; session: string } => ({ plan: w.plan ?? 'plan.marathon.md', session: w.session ?? '024' });

export const start = (m: number, w: Where = {}, extra: { head?: string; planned?: Session } = {}): RunEvent => ({ time: iso(m), event: 'session.start', ...where(w), ...extra });
export const pause = (m: number, w: Where = {}): RunEvent => ({ time: iso(m), event: 'session.pause', ...where(w) });
export const resume = (m: number, w: Where = {}): RunEvent => ({ time: iso(m), event: 'session.resume', ...where(w) });
export const stop = (m: number, outcome: StopOutcome = 'done', w: Where = {}): RunEvent => ({ time: iso(m), event: 'session.stop', outcome, ...where(w) });
