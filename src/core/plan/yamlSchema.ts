import { z } from 'zod';
import { StatusSchema } from '../model';

/**
 * The authoring schema: what a person writes in `*.marathon.yaml`. It is friendly and loose
 * (numbers or text for ids and hours, short strings or maps for list items) and validates only;
 * src/core/plan/yamlBuild.ts turns a document it accepts into the model `Plan`, and
 * scripts/gen-schema.ts turns it into schemas/plan.schema.json for editors.
 * Unknown keys are not rejected here: the reader reports them as warnings (yamlWalk.ts `unknownKeys`).
 */

// No regex flags below: they become JSON Schema `pattern`s, which have none.

/** `1-3`, `4`, `T1-T3`, `Terminals 1-3`: the part of a terminal line before the colon. */
export const TERMINAL_RANGE = /^\s{0,3}(?:[Tt]erminals?\s{0,3}|TERMINALS?\s{0,3}|T)?(\d{1,4})(?:\s{0,3}[-–]\s{0,3}T?(\d{1,4}))?\s{0,3}$/;
/** `1-3: Core scheduling tools (tasks 1-10)` */
export const TERMINAL_LINE = /^\s{0,3}(?:[Tt]erminals?\s{0,3}|TERMINALS?\s{0,3}|T)?(\d{1,4})(?:\s{0,3}[-–]\s{0,3}T?(\d{1,4}))?\s{0,3}:/;
/** `Hour 0-4`, `Week 2`, `Days 1-2` */
export const WINDOW_TEXT = /^\s{0,3}(?:[Hh]ours?|HOURS?|[Dd]ays?|DAYS?|[Ww]eeks?|WEEKS?)\s{1,3}\d/;
/** `1-10`, `7` */
export const RANGE_TEXT = /^\s{0,3}\d{1,6}(?:\s{0,3}[-–]\s{0,3}\d{1,6})?\s{0,3}$/;

const Id = z
  .union([z.string().min(1), z.number()])
  .describe('An id as written: "024", 052B, 38. Marathon keeps leading zeros (024 stays "024").');
const IdList = z.union([Id, z.array(Id)]);
const Text = z.string();
const TextList = z.array(Text);

/** A duration as text (`3-4 hours`, `~45 minutes`, `2 days`) or a number of hours. */
export const HoursInputSchema = z
  .union([z.string(), z.number().nonnegative()])
  .describe('A duration: "3-4 hours", "~45 minutes", "2 days", or a number of hours.');

/** The canonical statuses and the few everyday words that mean one of them. */
export const STATUS_ALIASES = {
  complete: 'done',
  completed: 'done',
  todo: 'not-started',
  'not started': 'not-started',
  wip: 'in-progress',
  'in progress': 'in-progress',
} as const;
const StatusInput = z.enum([...StatusSchema.options, ...(Object.keys(STATUS_ALIASES) as (keyof typeof STATUS_ALIASES)[])]);

const RangeInput = z.union([
  z.object({ from: z.number().int(), to: z.number().int().optional() }),
  z.string().regex(RANGE_TEXT, 'Expected a range such as "1-10".'),
]);

const WindowInput = z.union([
  z.string().regex(WINDOW_TEXT, 'Expected a window such as "Hour 0-4", "Week 2" or "Days 1-2".'),
  z.object({ unit: z.enum(['hour', 'day', 'week']), from: z.number().int(), to: z.number().int().optional() }),
]);

/** One agent role, or a line such as `3 (ARCHITECT, TOOLSMITH, QA_TESTER)`. */
export const AgentInputSchema = z.union([
  z.string(),
  z.object({ role: z.string().min(1), count: z.number().int().nonnegative().optional(), model: z.string().optional() }),
]);
/** A session's `agents:` value. */
export const AgentsInputSchema = z
  .union([z.string(), z.number().int().nonnegative(), z.array(AgentInputSchema)])
  .describe('"3 (ARCHITECT, TOOLSMITH, QA_TESTER)", a count, or a list of roles / {role, count, model}.');

/** `1-3: Core scheduling tools (tasks 1-10)` or `{from, to, label, tasks}`. */
export const TerminalInputSchema = z.union([
  z.string().regex(TERMINAL_LINE, 'Expected "1-3: label (tasks 1-10)".'),
  z.object({ from: z.number().int(), to: z.number().int().optional(), label: Text.optional(), tasks: RangeInput.optional() }),
]);
/** A list of terminal lines, or a map from `1-3` to the label. */
export const TerminalsInputSchema = z.union([
  z.array(TerminalInputSchema),
  z.record(z.string().regex(TERMINAL_RANGE, 'Expected a terminal range such as "1-3".'), Text),
]);

/** `"[x] text"`, plain text (not done) or `{text, done}`. */
export const CriterionInputSchema = z.union([z.string(), z.object({ text: Text, done: z.boolean().optional() })]);

/** A task of a session, a stream or the plan. */
export const TaskInputSchema = z.object({
  id: Id,
  title: Text.optional(),
  files: z.union([Text, TextList]).optional(),
  status: z
    .union([Text, z.object({ from: Text, to: Text.optional() })])
    .optional()
    .describe('A status, or a change such as "pending -> done".'),
  terminal: z.number().int().optional(),
  dependsOn: IdList.optional(),
  done: z.boolean().optional(),
});

/** One item of `sessions:`. */
export const SessionInputSchema = z.object({
  id: Id,
  title: Text.optional(),
  hours: HoursInputSchema.optional(),
  branch: Text.optional(),
  agents: AgentsInputSchema.optional(),
  objectives: TextList.optional(),
  terminals: TerminalsInputSchema.optional(),
  criteria: z.array(CriterionInputSchema).optional().describe('Success criteria: "[x] text", "[ ] text" or {text, done}.'),
  deliverables: TextList.optional().describe('Paths, globs (src/**/*.ts), folders (docs/) or placeholders (PR #XXX).'),
  tasks: z.array(TaskInputSchema).optional(),
  dependsOn: IdList.optional().describe('Ids of sessions that must finish first.'),
  status: StatusInput.optional(),
  percent: z.number().min(0).max(100).optional(),
});

/** One item of `streams:` (a parallel line of work over a range of terminals). */
export const StreamInputSchema = z.object({
  id: Id,
  title: Text.optional(),
  declaredTasks: z.number().int().nonnegative().optional(),
  terminals: RangeInput.optional(),
  tasks: z.array(TaskInputSchema).optional(),
});

/** One item of `phases:`. */
export const PhaseInputSchema = z.object({
  id: Id,
  title: Text.optional(),
  duration: HoursInputSchema.optional(),
  window: WindowInput.optional(),
  dependsOn: IdList.optional(),
  status: StatusInput.optional(),
});

/** A risk as text, or `{text, level}`. */
export const RiskInputSchema = z.union([
  Text,
  z.object({ text: Text, level: z.enum(['critical', 'moderate', 'low']).optional() }),
]);

/** A decision point as text (its title), or `{title, decision, window, options}`. */
export const CheckpointInputSchema = z.union([
  Text,
  z.object({ title: Text, decision: Text.optional(), window: WindowInput.optional(), options: TextList.optional() }),
]);

/** `Hour 0-4: Session 024 (MCP Tools)` or `{window, label, sessions}`. */
export const TimelineInputSchema = z.union([
  z.string().regex(WINDOW_TEXT, 'Expected "Hour 0-4: label".'),
  z.object({ window: WindowInput, label: Text.optional(), sessions: z.array(Id).optional() }),
]);
/** A list of timeline lines, or a map from `Hour 0-4` to its label. */
export const TimelineListInputSchema = z.union([
  z.array(TimelineInputSchema),
  z.record(z.string().regex(WINDOW_TEXT, 'Expected a window such as "Hour 0-4".'), Text),
]);

/** The top level of a YAML plan. */
export const PlanAuthoringSchema = z
  .object({
    $schema: Text.optional(),
    title: Text.describe('The marathon\'s name.'),
    purpose: Text.optional(),
    created: z.union([Text, z.number()]).optional(),
    totalHours: HoursInputSchema.optional(),
    terminals: z.number().int().nonnegative().optional().describe('How many terminals the marathon uses.'),
    totalTasks: z.number().int().nonnegative().optional(),
    sessions: z.array(SessionInputSchema).optional(),
    streams: z.array(StreamInputSchema).optional(),
    phases: z.array(PhaseInputSchema).optional(),
    tasks: z.array(TaskInputSchema).optional().describe('Tasks that belong to no session or stream.'),
    neverShare: TextList.optional().describe('Paths no two terminals may edit at once.'),
    contextFiles: TextList.optional().describe('Files every session should read first.'),
    risks: z.array(RiskInputSchema).optional(),
    checkpoints: z.array(CheckpointInputSchema).optional(),
    timeline: TimelineListInputSchema.optional(),
  })
  .describe('A Marathon plan: sessions, their hours, agents, criteria and deliverables.');
/** A YAML plan as validated (before it becomes the model `Plan`). */
export type PlanAuthoring = z.infer<typeof PlanAuthoringSchema>;
