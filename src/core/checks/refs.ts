import type { Phase, Plan, Session, Stream, Task } from '../model';
import { idKey, isPlainId, list, str } from './util';

/** The kinds of things a dependency can name. */
export type RefKind = 'session' | 'phase' | 'task' | 'stream';

/** A dependency as understood: the kind its words name (if any) and the id key. */
export interface ParsedRef {
  kind?: RefKind;
  key: string;
}

const PREFIX: Record<string, RefKind> = {
  session: 'session',
  sessions: 'session',
  sess: 'session',
  phase: 'phase',
  phases: 'phase',
  stage: 'phase',
  task: 'task',
  tasks: 'task',
  stream: 'stream',
  streams: 'stream',
};

// `Session 024`, `Phase #2`, `task 7`, `Session024`; the word must end before a space, `#` or digit.
const PREFIX_RE = /^(sessions?|sess\.?|phases?|stage|tasks?|streams?)(?:\s+|\s*#\s*|(?=\d))(.+)$/i;

// Words that mean "no dependency" rather than naming one.
const NONE_RE = /^(none|n\/?a|nil|nothing|-+|—|–)$/i;

/**
 * Reads a written dependency leniently: `Session 024`, `024`, `Phase 1`, `1`,
 * `Session 024 (MCP tools)`, `Session 024: MCP tools`. Undefined for empty or `none`.
 */
export function parseRef(raw: unknown): ParsedRef | undefined {
  let text = str(raw).trim();
  // The usual ref is a bare id such as `024` or `7`: starting with a digit, it is neither a `none`
  // word nor a prefixed one, so no pattern needs to run.
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57 && isPlainId(text)) return { key: idKey(text) };
  // The replacements only apply when their characters occur; most refs are bare ids.
  if (text.includes('(')) text = text.replace(/\s*\(.*\)\s*$/, '');
  if (/[:–—]/.test(text)) text = text.replace(/\s*[:–—]\s.*$/, '');
  text = text.trim();
  if (!text || NONE_RE.test(text)) return undefined;
  const m = PREFIX_RE.exec(text);
  if (m) {
    const word = (m[1] ?? '').toLowerCase().replace(/\.$/, '');
    const key = idKey(m[2]);
    return key ? { kind: PREFIX[word], key } : undefined;
  }
  const key = idKey(text);
  return key ? { key } : undefined;
}

/** First occurrence of each id key, per kind. */
export interface RefIndex {
  session: Map<string, Session>;
  phase: Map<string, Phase>;
  task: Map<string, Task>;
  stream: Map<string, Stream>;
}

function firstBy<T extends { id: string }>(items: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = idKey(item?.id);
    if (key && !map.has(key)) map.set(key, item);
  }
  return map;
}

/** Every task in the plan: stand-alone, in streams, in sessions (in that order). */
export function allTasks(plan: Plan): Task[] {
  // Pushed one by one: spreading 10,000 tasks into push() and filtering copies them twice.
  const tasks: Task[] = [];
  pushTasks(tasks, plan.tasks);
  for (const stream of list(plan.streams)) pushTasks(tasks, stream?.tasks);
  for (const session of list(plan.sessions)) pushTasks(tasks, session?.tasks);
  return tasks;
}

function pushTasks(into: Task[], tasks: readonly Task[] | undefined): void {
  for (const t of list(tasks)) if (t != null) into.push(t);
}

/** True when some session, phase or task lists a dependency: else there is nothing to resolve. */
export function hasDependencies(plan: Plan): boolean {
  if (anyDependsOn(plan.sessions) || anyDependsOn(plan.phases) || anyDependsOn(plan.tasks)) return true;
  for (const stream of list(plan.streams)) if (anyDependsOn(stream?.tasks)) return true;
  for (const session of list(plan.sessions)) if (anyDependsOn(session?.tasks)) return true;
  return false;
}

/** Does some item list a dependency? A plain loop: it runs over every task of the plan, twice. */
function anyDependsOn(items: readonly ({ dependsOn?: readonly string[] } | null | undefined)[] | undefined): boolean {
  if (!Array.isArray(items)) return false;
  for (const item of items) {
    const deps = item?.dependsOn;
    if (Array.isArray(deps) && deps.length > 0) return true;
  }
  return false;
}

/** Indexes the plan's sessions, phases, tasks and streams by id key. */
export function indexPlan(plan: Plan): RefIndex {
  // firstBy skips missing items itself (their key is empty).
  return {
    session: firstBy(list(plan.sessions)),
    phase: firstBy(list(plan.phases)),
    task: firstBy(allTasks(plan)),
    stream: firstBy(list(plan.streams)),
  };
}

/** Where a dependency points: the kind looked in, the key, and whether it was found. */
export interface Resolved {
  kind: RefKind;
  key: string;
  found: boolean;
}

/**
 * Resolves a dependency written by an item of kind `owner`: an explicit word (`Phase 1`) picks
 * the kind, otherwise the owner's own kind is meant (a session's `024` is a session).
 */
export function resolveRef(index: RefIndex, owner: RefKind, raw: unknown): Resolved | undefined {
  const ref = parseRef(raw);
  if (!ref) return undefined;
  const kind = ref.kind ?? owner;
  return { kind, key: ref.key, found: index[kind].has(ref.key) };
}

/** Human name of a kind, capitalised: `Session`. */
export function kindName(kind: RefKind): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** An item that can depend on others: its kind, id as written, line and raw dependencies. */
export interface Dependent {
  kind: RefKind;
  id: string;
  line: number;
  dependsOn: readonly string[];
}

/** Every session, phase and task with its dependencies, in plan order. */
export function dependents(plan: Plan): Dependent[] {
  const out: Dependent[] = [];
  for (const s of list(plan.sessions)) {
    if (s) out.push({ kind: 'session', id: str(s.id), line: s.line, dependsOn: list(s.dependsOn) });
  }
  for (const p of list(plan.phases)) {
    if (p) out.push({ kind: 'phase', id: str(p.id), line: p.line, dependsOn: list(p.dependsOn) });
  }
  for (const t of allTasks(plan)) {
    out.push({ kind: 'task', id: str(t.id), line: t.line, dependsOn: list(t.dependsOn) });
  }
  return out;
}
