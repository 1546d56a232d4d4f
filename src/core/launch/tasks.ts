import type { Plan, RangeNum, Session, Task, Terminal } from '../model';
import { taskNumber } from './names';

/** The most terminal slots {@link slotsForSession} gives for one session (plan text is untrusted). */
export const MAX_SLOTS = 100;

/** One terminal of a session's allocation: `Terminals 1-3: … (tasks 1-10)` gives slots 1, 2, 3. */
export interface TerminalSlot {
  /** The terminal number. */
  slot: number;
  /** `Terminals 1-3: Core scheduling tools (tasks 1-10)`. */
  label: string;
  /** The allocation's task range, when it states one. */
  tasks?: RangeNum;
  /** The allocation the slot comes from. */
  terminal: Terminal;
}

/** A task a session launches, with the terminal allocation it belongs to, if any. */
export interface SessionTask {
  task: Task;
  terminal?: Terminal;
}

/** True for a range with finite integer ends that does not run backwards. */
function validRange(from: unknown, to: unknown): boolean {
  return Number.isSafeInteger(from) && Number.isSafeInteger(to) && (from as number) <= (to as number);
}

/** `Terminals 1-3: Core scheduling tools (tasks 1-10)`, `Terminal 4: Docs`. */
export function terminalLabel(terminal: Terminal): string {
  const which = terminal.from === terminal.to ? `Terminal ${terminal.from}` : `Terminals ${terminal.from}-${terminal.to}`;
  const label = terminal.label.trim();
  const range = terminal.tasks
    ? terminal.tasks.from === terminal.tasks.to
      ? ` (task ${terminal.tasks.from})`
      : ` (tasks ${terminal.tasks.from}-${terminal.tasks.to})`
    : '';
  return `${which}${label && label !== which ? `: ${label}` : ''}${range}`;
}

/**
 * One entry per terminal number of the session's allocations, in plan order: `Terminals 1-3`
 * gives 1, 2 and 3. A number already given by an earlier allocation is skipped, backwards ranges
 * are ignored, and at most {@link MAX_SLOTS} slots are returned.
 */
export function slotsForSession(session: Session): TerminalSlot[] {
  const slots: TerminalSlot[] = [];
  const seen = new Set<number>();
  for (const terminal of session.terminals) {
    if (!validRange(terminal.from, terminal.to)) continue;
    const label = terminalLabel(terminal);
    for (let n = terminal.from; n <= terminal.to && slots.length < MAX_SLOTS; n++) {
      if (seen.has(n)) continue;
      seen.add(n);
      const slot: TerminalSlot = { slot: n, label, terminal };
      if (terminal.tasks) slot.tasks = { ...terminal.tasks };
      slots.push(slot);
    }
  }
  return slots;
}

/** The allocation whose task range holds task number `n`. */
function byTaskRange(session: Session, n: number | undefined): Terminal | undefined {
  if (n === undefined) return undefined;
  return session.terminals.find((t) => t.tasks && validRange(t.tasks.from, t.tasks.to) && t.tasks.from <= n && n <= t.tasks.to);
}

/** The allocation whose terminal numbers hold `n`. */
function byTerminalNumber(session: Session, n: number | undefined): Terminal | undefined {
  if (n === undefined) return undefined;
  return session.terminals.find((t) => validRange(t.from, t.to) && t.from <= n && n <= t.to);
}

/** `7`, `#7`, `Task 7` → `7`; other ids as written, trimmed and lower-cased. */
function idKey(id: string): string {
  const n = taskNumber(id);
  return n === undefined ? id.trim().toLowerCase() : String(n);
}

/**
 * The tasks a session launches, in order: first the session's own tasks (with the allocation whose
 * task range holds the task's number, else the one whose terminals hold the task's `terminal`),
 * then, allocation by allocation, the plan's other tasks (`plan.tasks` and the streams' tasks) whose
 * numeric ids fall inside the allocation's task range (`tasks 1-10` → tasks 1 to 10), in number
 * order. A task id met twice is launched once, the first time.
 */
export function tasksForSession(plan: Plan, session: Session): SessionTask[] {
  const out: SessionTask[] = [];
  const seen = new Set<string>();
  const add = (task: Task, terminal: Terminal | undefined): void => {
    const key = idKey(task.id);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(terminal ? { task, terminal } : { task });
  };
  for (const task of session.tasks) {
    add(task, byTaskRange(session, taskNumber(task.id)) ?? byTerminalNumber(session, task.terminal));
  }
  const pool: { task: Task; n: number }[] = [];
  for (const task of [...plan.tasks, ...plan.streams.flatMap((s) => s.tasks)]) {
    const n = taskNumber(task.id);
    if (n !== undefined) pool.push({ task, n });
  }
  pool.sort((a, b) => a.n - b.n);
  for (const terminal of session.terminals) {
    const range = terminal.tasks;
    if (!range || !validRange(range.from, range.to)) continue;
    for (const { task, n } of pool) if (range.from <= n && n <= range.to) add(task, terminal);
  }
  return out;
}
