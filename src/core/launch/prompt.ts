import type { Plan, Session, Task, Terminal } from '../model';
import { normalizePath } from '../checks/neverShare';
import { codeSpan, fencedBlock, headingText, inlineText, plainText } from './markdown';
import { taskNumber } from './names';
import { neverShareFilter } from './privacy';
import { tasksForSession, terminalLabel } from './tasks';

export { promptFileName, taskKey, terminalName } from './names';

/** What a prompt is built from. */
export interface PromptInput {
  plan: Plan;
  /** The plan file's path as it should be shown to the agent (workspace-relative is best). */
  planPath: string;
  session: Session;
  /** The task the agent works on; omit for a terminal-slot prompt. */
  task?: Task;
  /** The terminal allocation the task belongs to, or the one the slot prompt is for. */
  terminal?: Terminal;
  /** The terminal number within `terminal` (`2` of `Terminals 1-3`), for a slot prompt. */
  slot?: number;
  /** Context files to add to the plan's own (`plan.contextFiles`). */
  contextFiles?: string[];
}

/** A built prompt. */
export interface BuiltPrompt {
  markdown: string;
  /**
   * The paths left out because they match the plan's never-share patterns (context files, task
   * files, deliverables, the plan path, and path-like words of plan text), each once, in the order
   * met. They are never written into `markdown`.
   */
  omitted: string[];
}

/** `Task 4`, `Task DEBT-001`. */
function taskName(id: string): string {
  const n = taskNumber(id);
  return `Task ${n ?? id.trim()}`;
}

/** `## Heading`, then the body, then a blank line; nothing when the body is empty. */
function section(title: string, body: readonly string[]): string[] {
  return body.length === 0 ? [] : [`## ${title}`, '', ...body, ''];
}

/**
 * A markdown prompt for one agent: a heading with the session (and the task, or the terminal slot
 * with its task range), the plan path and branch, the task as the plan writes it (in a fenced
 * block), its files, the session's objectives, success criteria (`- [ ]` / `- [x]`),
 * deliverables, and the context files (the plan's plus `contextFiles`).
 *
 * Every path that matches the plan's never-share patterns is left out and listed in `omitted`;
 * the markdown names neither those paths nor the patterns, and path-like words of plan text that
 * match are replaced by `[omitted]`. Plan text becomes markdown text only: control characters are
 * removed, `<` is escaped, and fences are longer than any backtick run they hold.
 */
export function buildPrompt(input: PromptInput): BuiltPrompt {
  const { plan, session, task, terminal } = input;
  const filter = neverShareFilter(plan);
  const omitted: string[] = [];
  const omit = (p: string): void => {
    if (!omitted.includes(p)) omitted.push(p);
  };
  /** Plan text with never-share paths redacted. */
  const text = (s: string): string => {
    const r = filter.redact(s);
    r.hits.forEach(omit);
    return r.text;
  };
  const shareable = (p: string): boolean => {
    if (!filter.blocks(p)) return true;
    omit(p.trim());
    return false;
  };

  const out: string[] = [];
  const sessionTitle = plainText(session.title) ? `: ${text(session.title)}` : '';
  out.push(`# ${headingText(`Session ${session.id}${sessionTitle}`)}`, '');
  if (task) {
    const title = plainText(task.title) ? `: ${text(task.title)}` : '';
    out.push(`## ${headingText(`${taskName(task.id)}${title}`)}`, '');
  } else if (terminal) {
    const which = input.slot !== undefined ? ` — you are terminal ${input.slot}` : '';
    out.push(`## ${headingText(text(terminalLabel(terminal)) + which)}`, '');
  }

  out.push(
    task
      ? 'You are one of several coding agents working on this session in parallel terminals. Work on this task; leave the other tasks to their agents.'
      : 'You are one of several coding agents working on this session in parallel terminals. Work on the tasks of your terminal allocation.',
    '',
  );
  const facts: string[] = [];
  if (plainText(input.planPath) && shareable(input.planPath)) facts.push(`- **Plan:** ${codeSpan(input.planPath)}`);
  if (session.branch && plainText(session.branch)) facts.push(`- **Branch:** ${codeSpan(text(session.branch))}`);
  if (task && terminal) facts.push(`- **Terminal allocation:** ${inlineText(text(terminalLabel(terminal)))}`);
  if (facts.length) out.push(...facts, '');

  if (task) {
    const lines = [`${taskName(task.id)}: ${text(task.title)}`];
    if (task.status) lines.push(`Status: ${text(task.status.from)}${task.status.to ? ` → ${text(task.status.to)}` : ''}`);
    if (task.dependsOn.length) lines.push(`Depends on: ${task.dependsOn.map(text).join(', ')}`);
    for (const [key, value] of Object.entries(task.extra ?? {})) lines.push(`${text(key)}: ${text(value)}`);
    if (task.done) lines.push('(The plan marks this task done.)');
    out.push(...section('Task', ['The plan’s entry for your task, quoted as written:', '', ...fencedBlock(lines)]));
    const files = task.files.filter((f) => plainText(f) && shareable(f));
    out.push(...section('Files', files.map((f) => `- ${codeSpan(f)}`)));
  } else if (terminal) {
    const mine = tasksForSession(plan, session).filter((e) => e.terminal === terminal);
    const lines = mine.map(({ task: t }) => {
      const files = t.files.filter((f) => plainText(f) && shareable(f));
      return `${taskName(t.id)}: ${text(t.title)}${files.length ? ` (${files.join(', ')})` : ''}`;
    });
    const intro =
      terminal.from === terminal.to
        ? 'Your tasks, quoted from the plan:'
        : `Terminals ${terminal.from}-${terminal.to} share these tasks; split them with the other terminals (quoted from the plan):`;
    out.push(...section('Tasks', lines.length ? [intro, '', ...fencedBlock(lines)] : []));
  }

  out.push(...section('Session objectives', session.objectives.filter((o) => plainText(o.text)).map((o, i) => `${i + 1}. ${inlineText(text(o.text))}`)));
  out.push(...section('Success criteria', session.criteria.filter((c) => plainText(c.text)).map((c) => `- [${c.done ? 'x' : ' '}] ${inlineText(text(c.text))}`)));
  const deliverables = session.deliverables.filter((d) => plainText(d.text) && (!d.path || d.isPlaceholder || shareable(d.path)));
  out.push(...section('Deliverables', deliverables.map((d) => `- ${inlineText(text(d.text))}`)));

  const seen = new Set<string>();
  const context: string[] = [];
  for (const raw of [...plan.contextFiles.map((c) => c.path), ...(input.contextFiles ?? [])]) {
    const p = raw.trim();
    const key = normalizePath(p) || p;
    if (!plainText(p) || seen.has(key)) continue;
    seen.add(key);
    if (shareable(p)) context.push(`- ${codeSpan(p)}`);
  }
  out.push(...section('Context files', context.length ? ['Read these before you start:', '', ...context] : []));

  if (omitted.length) {
    out.push(
      ...section('Private files', [
        'The plan marks some files as never to be shared; they were left out of this prompt. Do not open, print, copy or send such files.',
      ]),
    );
  }
  return { markdown: `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, omitted };
}
