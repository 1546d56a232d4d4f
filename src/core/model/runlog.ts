import { z } from 'zod';
import { SessionSchema } from './plan';

/**
 * One line of `.marathon/runlog.jsonl`: an append-only record of what happened, when. Timers,
 * reports and checks are computed from these events, never from memory.
 */
const base = {
  /** ISO 8601 timestamp with time zone (`new Date().toISOString()`). */
  time: z.string(),
  /** The plan file, relative to the workspace folder, with `/` separators. */
  plan: z.string(),
  /** The session id as written in the plan. */
  session: z.string(),
  /** Who or what wrote the event (user name, host), when known. */
  by: z.string().optional(),
};

export const StopOutcomeSchema = z.enum(['done', 'blocked', 'abandoned']);
export type StopOutcome = z.infer<typeof StopOutcomeSchema>;

export const RunEventSchema = z.discriminatedUnion('event', [
  z.object({
    ...base,
    event: z.literal('session.start'),
    /** git HEAD when the session started: the base of its changes. */
    head: z.string().optional(),
    branch: z.string().optional(),
    /** The session as planned at start, to detect scope added later. */
    planned: SessionSchema.optional(),
  }),
  z.object({ ...base, event: z.literal('session.pause') }),
  z.object({ ...base, event: z.literal('session.resume') }),
  z.object({ ...base, event: z.literal('session.stop'), outcome: StopOutcomeSchema, note: z.string().optional() }),
  z.object({
    ...base,
    event: z.literal('task.launch'),
    task: z.string(),
    terminal: z.string(),
    promptFile: z.string().optional(),
  }),
  z.object({ ...base, event: z.literal('task.exit'), task: z.string(), terminal: z.string(), exitCode: z.number().int().optional() }),
  z.object({ ...base, event: z.literal('blocker.report'), text: z.string(), file: z.string().optional() }),
  z.object({ ...base, event: z.literal('blocker.resolve'), note: z.string().optional() }),
  z.object({ ...base, event: z.literal('checkpoint.decision'), checkpoint: z.string(), decision: z.string() }),
  z.object({
    ...base,
    event: z.literal('preflight.result'),
    ok: z.boolean(),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean().optional(), detail: z.string() })),
  }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
export type RunEventKind = RunEvent['event'];
