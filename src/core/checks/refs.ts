import type { Phase, Plan, Session, Stream, Task } from '../model';
import { idKey, list, str } from './util';

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
  text = text.replace(/\s*\(.*\)\s*$/, '').replace(/\s*[:–—]\s.*$/, '').trim();
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
  const tasks: Task[] = [...list(plan.tasks)];
  for (const stream of list(plan.streams)) tasks.push(...list(stream?.tasks));
  for (const session of list(plan.sessions)) tasks.push(...list(session?.tasks));
  return tasks.filter((t) => t != null);
}

/** Indexes the plan's sessions, phases, tasks and streams by id key. */
export function indexPlan(plan: Plan): RefIndex {
  return {
    session: firstBy(list(plan.sessions).filter((s) => s != null)),
    phase: firstBy(list(plan.phases).filter((p) => p != null)),
    task: firstBy(allTasks(plan)),
    stream: firstBy(list(plan.streams).filter((s) => s != null)),
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
