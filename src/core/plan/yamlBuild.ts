import type { z } from 'zod';
import type {
  Agent, Checkpoint, Criterion, Deliverable, Hours, PathRef, Phase, Plan, RangeNum, Risk, Session, Status, Stream,
  Task, Terminal, TextItem, TimelineEntry, Window,
} from '../model';
import { parseAgents } from './agents';
import { parseHours, parseWindow } from './hours';
import type { YamlNodes } from './yamlNodes';
import {
  STATUS_ALIASES, TERMINAL_LINE,
  type AgentsInputSchema, type CheckpointInputSchema, type CriterionInputSchema, type PhaseInputSchema,
  type PlanAuthoring, type RiskInputSchema, type SessionInputSchema, type StreamInputSchema, type TaskInputSchema,
  type TerminalsInputSchema, type TimelineListInputSchema,
} from './yamlSchema';
import type { Loose, Path } from './yamlWalk';

type In<S extends z.ZodType> = Loose<z.infer<S>>;
type Id = string | number;
type WindowIn = string | { unit: Window['unit']; from: number; to?: number };
type RangeIn = string | { from: number; to?: number };

/**
 * Turns a salvaged authoring document into the model's plan fields. Every `line` is the line
 * of the YAML node the value came from; `problems` is left for the caller.
 */
export function buildPlan(doc: Loose<Partial<PlanAuthoring>>, nodes: YamlNodes): Omit<Plan, 'problems'> {
  const b = new Builder(nodes);
  return clean({
    format: 'yaml' as const,
    title: doc.title ?? '',
    purpose: doc.purpose,
    created: doc.created === undefined ? undefined : String(doc.created),
    totalHours: b.hours(doc.totalHours, ['totalHours']),
    terminalCount: doc.terminals,
    totalTasks: doc.totalTasks,
    sessions: items(doc.sessions, ['sessions'], (s, p) => b.session(s, p)),
    streams: items(doc.streams, ['streams'], (s, p) => b.stream(s, p)),
    phases: items(doc.phases, ['phases'], (s, p) => b.phase(s, p)),
    tasks: b.tasks(doc.tasks, ['tasks']),
    overview: [],
    neverShare: b.paths(doc.neverShare, ['neverShare']),
    contextFiles: b.paths(doc.contextFiles, ['contextFiles']),
    risks: items(doc.risks, ['risks'], (r, p) => b.risk(r, p)),
    checkpoints: items(doc.checkpoints, ['checkpoints'], (c, p) => b.checkpoint(c, p)),
    timeline: b.timeline(doc.timeline, ['timeline']),
  });
}

class Builder {
  constructor(private readonly nodes: YamlNodes) {}

  session(s: In<typeof SessionInputSchema>, p: Path): Session {
    return clean({
      id: this.id(s.id, [...p, 'id']),
      title: s.title ?? '',
      hours: this.hours(s.hours, [...p, 'hours']),
      branch: s.branch,
      agents: agentsOf(s.agents),
      objectives: this.texts(s.objectives, [...p, 'objectives']),
      terminals: this.terminals(s.terminals, [...p, 'terminals']),
      criteria: items(s.criteria, [...p, 'criteria'], (c, q) => this.criterion(c, q)),
      deliverables: items(s.deliverables, [...p, 'deliverables'], (d, q) => deliverable(d, this.nodes.line(q))),
      tasks: this.tasks(s.tasks, [...p, 'tasks']),
      dependsOn: this.ids(s.dependsOn, [...p, 'dependsOn']),
      status: statusOf(s.status),
      percent: s.percent,
      line: this.nodes.line(p),
      endLine: this.nodes.endLine(p),
    });
  }

  stream(s: In<typeof StreamInputSchema>, p: Path): Stream {
    return clean({
      id: this.id(s.id, [...p, 'id']),
      title: s.title ?? '',
      declaredTasks: s.declaredTasks,
      terminals: rangeOf(s.terminals),
      tasks: this.tasks(s.tasks, [...p, 'tasks']),
      line: this.nodes.line(p),
      endLine: this.nodes.endLine(p),
    });
  }

  phase(s: In<typeof PhaseInputSchema>, p: Path): Phase {
    return clean({
      id: this.id(s.id, [...p, 'id']),
      title: s.title ?? '',
      duration: this.hours(s.duration, [...p, 'duration']),
      window: windowOf(s.window),
      dependsOn: this.ids(s.dependsOn, [...p, 'dependsOn']),
      status: statusOf(s.status),
      line: this.nodes.line(p),
      endLine: this.nodes.endLine(p),
    });
  }

  tasks(list: (In<typeof TaskInputSchema> | undefined)[] | undefined, p: Path): Task[] {
    return items(list, p, (t, q) => {
      const files = t.files === undefined ? [] : typeof t.files === 'string' ? splitList(t.files) : defined(t.files);
      return clean({
        id: this.id(t.id, [...q, 'id']),
        title: t.title ?? '',
        files,
        status: typeof t.status === 'string' ? statusChange(t.status) : t.status,
        terminal: t.terminal,
        dependsOn: this.ids(t.dependsOn, [...q, 'dependsOn']),
        done: t.done,
        line: this.nodes.line(q),
      });
    });
  }

  // `column` is the `[` of a `"[x] …"` item, else the item's first column (`text:` of a map).
  criterion(c: In<typeof CriterionInputSchema>, p: Path): Criterion {
    const r = this.nodes.range(this.nodes.locate(p).node);
    if (typeof c !== 'string') return { text: c.text, done: c.done ?? false, line: r.line, column: r.column };
    const box = /^\s{0,8}\[([ xX✓✔]?)\]\s*/.exec(c);
    if (!box) return { text: c.trim(), done: false, line: r.line, column: r.column };
    // Only the start of the source is searched: an alias may repeat a long item many times.
    const at = this.nodes.sourceText(this.nodes.locate(p).node, 64).indexOf('[');
    const done = box[1] !== undefined && box[1].trim() !== '';
    return { text: c.slice(box[0].length).trim(), done, line: r.line, column: r.column + Math.max(at, 0) };
  }

  risk(r: In<typeof RiskInputSchema>, p: Path): Risk {
    const line = this.nodes.line(p);
    return typeof r === 'string' ? { text: r, line } : clean({ text: r.text, level: r.level, line });
  }

  checkpoint(c: In<typeof CheckpointInputSchema>, p: Path): Checkpoint {
    const line = this.nodes.line(p);
    if (typeof c === 'string') return { title: c, options: [], line };
    return clean({ title: c.title, decision: c.decision, window: windowOf(c.window), options: defined(c.options ?? []), line });
  }

  timeline(t: In<typeof TimelineListInputSchema> | undefined, p: Path): TimelineEntry[] {
    if (t === undefined) return [];
    if (!Array.isArray(t)) return Object.entries(t).flatMap(([key, label]) => timelineText(`${key}: ${label}`, this.nodes.line([...p, key])));
    return items(t, p, (e, q) => {
      if (typeof e === 'string') return timelineText(e, this.nodes.line(q));
      const window = windowOf(e.window);
      if (!window) return [];
      const label = e.label ?? '';
      const sessions = e.sessions ? defined(e.sessions).map((id, i) => this.id(id, [...q, 'sessions', i])) : sessionIds(label);
      return [{ window, label, sessions, line: this.nodes.line(q) }];
    }).flat();
  }

  terminals(t: In<typeof TerminalsInputSchema> | undefined, p: Path): Terminal[] {
    if (t === undefined) return [];
    if (!Array.isArray(t)) {
      return Object.entries(t).flatMap(([key, label]) => terminalText(`${key}: ${label}`, this.nodes.line([...p, key])));
    }
    return items(t, p, (e, q) => {
      const line = this.nodes.line(q);
      if (typeof e === 'string') return terminalText(e, line);
      return [clean({ from: e.from, to: e.to ?? e.from, label: e.label ?? '', tasks: rangeOf(e.tasks), line })];
    }).flat();
  }

  // A duration with the line it is written on; a number counts hours.
  hours(v: string | number | undefined, p: Path): Hours | undefined {
    const h = v === undefined ? undefined : parseHours(String(v));
    return h && { ...h, line: this.nodes.line(p) };
  }

  paths(list: (string | undefined)[] | undefined, p: Path): PathRef[] {
    return items(list, p, (path, q) => ({ path, line: this.nodes.line(q) }));
  }

  texts(list: (string | undefined)[] | undefined, p: Path): TextItem[] {
    return items(list, p, (text, q) => ({ text, line: this.nodes.line(q) }));
  }

  // A list of ids, one id, or `"024, 025"`, each as written.
  ids(v: Id | (Id | undefined)[] | undefined, p: Path): string[] {
    if (v === undefined) return [];
    if (Array.isArray(v)) return items(v, p, (id, q) => this.id(id, q));
    return typeof v === 'string' ? splitList(v) : [this.id(v, p)];
  }

  // An id as written in the file: `024` stays `024` although YAML reads the number 24.
  id(v: Id, p: Path): string {
    return typeof v === 'string' ? v : (this.nodes.source(p) ?? String(v));
  }
}

/** Maps the defined items of a list that keeps `undefined` for invalid ones, with each item's path. */
function items<T, R>(list: (T | undefined)[] | undefined, p: Path, f: (item: T, path: Path) => R): R[] {
  const out: R[] = [];
  list?.forEach((item, i) => {
    if (item !== undefined) out.push(f(item, [...p, i]));
  });
  return out;
}

function defined<T>(list: (T | undefined)[]): T[] {
  return list.filter((x): x is T => x !== undefined);
}

function splitList(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

// Drops keys whose value is undefined, so optional model fields are absent rather than undefined.
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}


function statusOf(v: string | undefined): Status | undefined {
  if (v === undefined) return undefined;
  return (Object.hasOwn(STATUS_ALIASES, v) ? STATUS_ALIASES[v as keyof typeof STATUS_ALIASES] : v) as Status;
}

function statusChange(s: string): { from: string; to?: string } {
  const [from = '', to] = s.split(/\s{0,3}(?:->|→|=>)\s{0,3}/, 2);
  return to === undefined ? { from: from.trim() } : { from: from.trim(), to: to.trim() };
}

function agentsOf(v: In<typeof AgentsInputSchema> | undefined): Agent[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return [{ role: 'agent', count: v }];
  if (typeof v === 'string') return parseAgents(v);
  return defined(v).flatMap((a) => (typeof a === 'string' ? parseAgents(a) : [clean({ role: a.role, count: a.count ?? 1, model: a.model })]));
}

function rangeOf(v: RangeIn | undefined): RangeNum | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return { from: v.from, to: v.to ?? v.from };
  const m = /(\d{1,6})(?:\s{0,3}[-–]\s{0,3}(\d{1,6}))?/.exec(v);
  return m ? { from: Number(m[1]), to: Number(m[2] ?? m[1]) } : undefined;
}

function windowOf(v: WindowIn | undefined): Window | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? parseWindow(v) : { unit: v.unit, from: v.from, to: v.to ?? v.from };
}

// `1-3: Core scheduling tools (tasks 1-10)`
function terminalText(text: string, line: number): Terminal[] {
  const m = TERMINAL_LINE.exec(text);
  if (!m) return [];
  const from = Number(m[1]);
  let label = text.slice(m[0].length).trim();
  const tasksAt = /\(\s{0,3}tasks?\s{1,3}(\d{1,6})(?:\s{0,3}[-–]\s{0,3}(\d{1,6}))?\s{0,3}\)\s*$/i.exec(label);
  const tasks = tasksAt ? { from: Number(tasksAt[1]), to: Number(tasksAt[2] ?? tasksAt[1]) } : undefined;
  if (tasksAt) label = label.slice(0, tasksAt.index).trim();
  return [clean({ from, to: m[2] === undefined ? from : Number(m[2]), label, tasks, line })];
}

// `Hour 0-4: Session 024 (MCP Tools)`
function timelineText(text: string, line: number): TimelineEntry[] {
  const window = parseWindow(text);
  if (!window) return [];
  const colon = text.indexOf(':');
  const label = colon >= 0 ? text.slice(colon + 1).trim() : text.trim();
  return [{ window, label, sessions: sessionIds(label), line }];
}

/** The session ids a label names: `Session 024 (MCP Tools)`, `Sessions 025, 026 & 027`. */
export function sessionIds(label: string): string[] {
  const m = /\bsessions?\s{1,3}([^()\n]{1,200})/i.exec(label);
  if (!m?.[1]) return [];
  const ids: string[] = [];
  for (const part of m[1].split(/\s{0,3}(?:,|&|\+|\band\b)\s{0,3}/i)) {
    const id = /^\s{0,3}(\d[\w-]{0,30})/.exec(part);
    if (!id?.[1]) break;
    ids.push(id[1]);
  }
  return ids;
}

const GLOB = /[*?[{]/;
const PLACEHOLDER = /YYYY|XXX|<[^<>\n]{1,80}>|PR #/;

/** A deliverable line: the path (a backticked one, else a first word that looks like a path) and its kind. */
export function deliverable(text: string, line: number): Deliverable {
  const tick = /`([^`\n]{1,300})`/.exec(text);
  const first = /^\S{1,300}/.exec(text.trim())?.[0];
  const path = tick?.[1] ?? (first !== undefined && /[/.*<]/.test(first) ? first : undefined);
  return clean({
    path,
    text,
    isGlob: path !== undefined && GLOB.test(path),
    isPlaceholder: PLACEHOLDER.test(text),
    isFolder: path !== undefined && path.endsWith('/'),
    line,
  });
}
