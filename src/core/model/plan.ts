import { z } from 'zod';
import { ProblemSchema } from './problem';

/**
 * The plan model. These zod schemas are the one source of the model types: the readers build
 * values of these shapes, `marathon parse --json` prints them, and the YAML authoring schema
 * (src/core/plan/yamlSchema.ts) transforms into them.
 *
 * Line numbers are 1-based and refer to the plan file the value was read from.
 */

const line = z.number().int().min(1);

/** A duration as written. `min`/`max` are hours; absent when the text is not a duration. */
export const HoursSchema = z.object({
  text: z.string(),
  min: z.number().nonnegative().optional(),
  max: z.number().nonnegative().optional(),
  /** The unit the text used; days count 8 working hours, weeks 40. */
  unit: z.enum(['minutes', 'hours', 'days', 'weeks']).optional(),
  approximate: z.boolean().optional(),
  /** The line the duration was written on, when it has one of its own. */
  line: line.optional(),
});
export type Hours = z.infer<typeof HoursSchema>;

/** A calendar position such as `(Week 1)`, `(Weeks 1-3)`, `Day 1-2`, `Hour 0-4`. */
export const WindowSchema = z.object({
  unit: z.enum(['hour', 'day', 'week']),
  from: z.number(),
  to: z.number(),
});
export type Window = z.infer<typeof WindowSchema>;

export const StatusSchema = z.enum([
  'done',
  'partial',
  'in-progress',
  'blocked',
  'not-started',
  'failed',
  'pending',
]);
export type Status = z.infer<typeof StatusSchema>;

export const AgentSchema = z.object({
  role: z.string(),
  count: z.number().int().nonnegative(),
  model: z.string().optional(),
});
export type Agent = z.infer<typeof AgentSchema>;

export const RangeNumSchema = z.object({ from: z.number().int(), to: z.number().int() });
export type RangeNum = z.infer<typeof RangeNumSchema>;

/** `**Terminals 1-3:** Core scheduling tools (tasks 1-10)` */
export const TerminalSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  label: z.string(),
  tasks: RangeNumSchema.optional(),
  line,
});
export type Terminal = z.infer<typeof TerminalSchema>;

export const CriterionSchema = z.object({
  text: z.string(),
  done: z.boolean(),
  line,
  /** 1-based column of the `[` of the checkbox, for write-back. */
  column: z.number().int().min(1),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const DeliverableSchema = z.object({
  /** The path, glob, folder (ends with `/`) or placeholder; absent when the line names none. */
  path: z.string().optional(),
  /** The whole list item as written (markers removed). */
  text: z.string(),
  isGlob: z.boolean(),
  isPlaceholder: z.boolean(),
  isFolder: z.boolean(),
  /** A status the document claims for this deliverable (✅ / ⚠️ / ❌ in handoffs and AARs). */
  claimed: StatusSchema.optional(),
  line,
});
export type Deliverable = z.infer<typeof DeliverableSchema>;

export const TextItemSchema = z.object({ text: z.string(), line });
export type TextItem = z.infer<typeof TextItemSchema>;

export const TaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  files: z.array(z.string()),
  status: z.object({ from: z.string(), to: z.string().optional() }).optional(),
  terminal: z.number().int().optional(),
  dependsOn: z.array(z.string()),
  done: z.boolean().optional(),
  /** Other cells of the task's table row, keyed by their header. */
  extra: z.record(z.string(), z.string()).optional(),
  line,
});
export type Task = z.infer<typeof TaskSchema>;

export const SessionSchema = z.object({
  /** The id exactly as written: `024`, `052B`, `095e`, `2026-01-11`, `38`. */
  id: z.string(),
  title: z.string(),
  hours: HoursSchema.optional(),
  branch: z.string().optional(),
  agents: z.array(AgentSchema),
  objectives: z.array(TextItemSchema),
  terminals: z.array(TerminalSchema),
  criteria: z.array(CriterionSchema),
  deliverables: z.array(DeliverableSchema),
  tasks: z.array(TaskSchema),
  dependsOn: z.array(z.string()),
  status: StatusSchema.optional(),
  percent: z.number().min(0).max(100).optional(),
  line,
  endLine: line,
});
export type Session = z.infer<typeof SessionSchema>;

export const StreamSchema = z.object({
  /** `A` in `## Stream A: MCP Tool Completion (30 Tasks)`. */
  id: z.string(),
  title: z.string(),
  /** The task count the heading declares, if any. */
  declaredTasks: z.number().int().optional(),
  terminals: RangeNumSchema.optional(),
  tasks: z.array(TaskSchema),
  line,
  endLine: line,
});
export type Stream = z.infer<typeof StreamSchema>;

export const PhaseSchema = z.object({
  /** `1` in `## Phase 1: …`, `0a`, or the heading's own words for `Day 1-2`. */
  id: z.string(),
  title: z.string(),
  duration: HoursSchema.optional(),
  window: WindowSchema.optional(),
  dependsOn: z.array(z.string()),
  status: StatusSchema.optional(),
  line,
  endLine: line,
});
export type Phase = z.infer<typeof PhaseSchema>;

export const RiskSchema = z.object({
  text: z.string(),
  level: z.enum(['critical', 'moderate', 'low']).optional(),
  line,
});
export type Risk = z.infer<typeof RiskSchema>;

export const CheckpointSchema = z.object({
  title: z.string(),
  decision: z.string().optional(),
  window: WindowSchema.optional(),
  options: z.array(z.string()),
  line,
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** `Hour 0-4:   Session 024 (MCP Tools)` */
export const TimelineEntrySchema = z.object({
  window: WindowSchema,
  label: z.string(),
  sessions: z.array(z.string()),
  line,
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** A row of the plan's overview table (`| Session | Focus | Est. Hours | … |`). */
export const OverviewRowSchema = z.object({
  session: z.string(),
  title: z.string(),
  hours: HoursSchema.optional(),
  line,
});
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

export const PathRefSchema = z.object({ path: z.string(), line });
export type PathRef = z.infer<typeof PathRefSchema>;

export const PlanSchema = z.object({
  format: z.enum(['markdown', 'yaml']),
  title: z.string(),
  purpose: z.string().optional(),
  created: z.string().optional(),
  totalHours: HoursSchema.optional(),
  /** The terminal count the plan states (e.g. `10 CCW Terminals`), if any. */
  terminalCount: z.number().int().optional(),
  /** The task count the plan states (e.g. `100 CCW tasks`), if any. */
  totalTasks: z.number().int().optional(),
  sessions: z.array(SessionSchema),
  streams: z.array(StreamSchema),
  phases: z.array(PhaseSchema),
  /** Tasks with ids that sit under no session or stream (`### DEBT-001: …`). */
  tasks: z.array(TaskSchema),
  overview: z.array(OverviewRowSchema),
  neverShare: z.array(PathRefSchema),
  contextFiles: z.array(PathRefSchema),
  risks: z.array(RiskSchema),
  checkpoints: z.array(CheckpointSchema),
  timeline: z.array(TimelineEntrySchema),
  problems: z.array(ProblemSchema),
});
export type Plan = z.infer<typeof PlanSchema>;

/** What every reader returns. It never throws on a user's file. */
export interface ReadResult {
  plan: Plan;
  problems: import('./problem').Problem[];
}

/** An empty plan of the given format, the starting point of every reader. */
export function emptyPlan(format: Plan['format'], title = ''): Plan {
  return {
    format,
    title,
    sessions: [],
    streams: [],
    phases: [],
    tasks: [],
    overview: [],
    neverShare: [],
    contextFiles: [],
    risks: [],
    checkpoints: [],
    timeline: [],
    problems: [],
  };
}
