// Planning: dependencies, critical path, makespan for N instances, what to start next, budgets,
// checkpoint reminders and risks. Pure: the caller passes the plan, its text, the run log and `now`.
import type { Plan, Problem, RunEvent } from '../model';
import { budgetFindings } from './budgets';
import { criticalPath, type CriticalPath } from './critical';
import { buildPlanGraph } from './graph';
import { itemStates, nextItems, type ItemState, type NextItem } from './next';
import { planReminders, type Reminder } from './reminders';
import { planRisks, type RiskItem } from './risks';
import { makespanTable, type MakespanTable } from './schedule';
import type { PlanGraph } from './types';

export * from './types';
export { buildPlanGraph, type GraphOptions } from './graph';
export { criticalPath, type CriticalPath } from './critical';
export { listSchedule, makespanTable, SCHEDULE_ASSUMPTION, type MakespanRow, type MakespanTable, type Schedule, type ScheduledItem } from './schedule';
export { itemStates, nextItems, type ItemState, type NextItem, type StateOptions } from './next';
export { budgetFindings, hourFindings, agentFindings, terminalFindings, overlapFindings } from './budgets';
export { planReminders, dueReminders, windowDueMs, DEFAULT_OPTIONS, type Reminder, type DueReminder, type ReminderOptions } from './reminders';
export { planRisks, type RiskItem } from './risks';
export { refsInProse, type RawRef } from './refs';
export { readProse, type Prose } from './prose';
export { graphFromItems, type SimpleItem } from './simple';

/** Everything planning knows about one plan. */
export interface Planning {
  graph: PlanGraph;
  criticalPath: CriticalPath;
  table: MakespanTable;
  states: ItemState[];
  next: NextItem[];
  reminders: Reminder[];
  risks: RiskItem[];
  /** Graph, budget and reminder findings, sorted by line. */
  findings: Problem[];
}

export interface PlanningOptions {
  /** The plan's text (markdown plans): prose dependencies, budget tables, check-ins. */
  text?: string;
  /** Instances for the makespan table: 1…`instances` (default 5). */
  instances?: number;
  events?: readonly RunEvent[];
  planFile?: string;
  now?: number;
}

/** Runs every planning step on a read plan. Never throws on a user's plan. */
export function planPlan(plan: Plan, options: PlanningOptions = {}): Planning {
  const graph = buildPlanGraph(plan, options.text !== undefined ? { text: options.text } : {});
  const cp = criticalPath(graph);
  const table = makespanTable(graph, options.instances ?? 5, cp);
  const states = itemStates(graph, { ...(options.events ? { events: options.events } : {}), ...(options.planFile !== undefined ? { planFile: options.planFile } : {}), ...(options.now !== undefined ? { now: options.now } : {}) });
  const next = nextItems(graph, cp, states);
  const { reminders, findings: reminderFindings } = planReminders(plan, { ...(options.text !== undefined ? { text: options.text } : {}), graph, cp });
  const risks = planRisks(plan, options.text);
  const findings = [...graph.findings, ...budgetFindings(plan, options.text, graph), ...reminderFindings].sort((a, b) => a.line - b.line || a.column - b.column);
  return { graph, criticalPath: cp, table, states, next, reminders, risks, findings };
}
