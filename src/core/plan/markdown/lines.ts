import { problem, type Deliverable, type Plan, type Problem, type Session, type Status, type Terminal } from '../../model';
import { parseAgents } from '../agents';
import { parseHours, parseWindow } from '../hours';
import { TextMemo } from '../memo';
import { sectionOf, TASK_ID, type SectionKind } from './headings';
import { digitsValue, isSpace, loneCodeSpan, skipSpaces, loneSpanPath, markerRest, pathsIn, plain, spacedSpanPath, statusFromWords, stripMarkers, type Field, type ListLine, type PathToken } from './inline';
import { inside, type Frame } from './scanner';

/** The scanner's state, shared with the line handlers. */
export interface Context {
  plan: Plan;
  problems: Problem[];
  frames: Frame[];
  /** A section opened by a bold label line (`**Deliverables:**`) until the next heading. */
  labelSection: SectionKind | undefined;
  /** The terminal a stream's bold line names (`**Terminal 1: …**`), for the tables under it. */
  streamTerminal: number | undefined;
  /** The sessions `plan.overview` already lists, so a repeated row is skipped in constant time. */
  overviewIds?: Set<string>;
  line: number;
}

const HOURS_LABEL = /^(?:duration|time|hours|budget|time budget|estimated?(?: time| hours| duration| effort)?|est\.? (?:hours|time)|planned hours)$/;
const DEPENDS_LABEL = /depend|prereq|requires|blocked by/;
const TERMINALS_LABEL = /^terminals?\s+(\d{1,4})(?:\s*[-–−]\s*(\d{1,4}))?$/i;
const TERMINAL_COUNT = /(\d{1,4})\s+(?:parallel\s+)?(?:CCW\s+|work\s+|agent\s+)?terminals?\b/i;
const DEPENDS_PROSE = /\b(?:requires?|required|depends?\s+on|dependent\s+on|prerequisites?)\b/i;
// Patterns used per line or per item are module constants: a regex literal inside a function
// builds a new RegExp object on every call.
const TRAILING_COLON = /[\s:]+$/;
const BRANCH_SPAN = /`([^`\s]{1,200})`/;
const ONE_WORD = /^\S{1,200}$/;
const COMMIT_HASH = /^[0-9a-f]{7,40}$/;
const AGENTS_LABEL = /^agents?$/;
const DELIVERABLES_LABEL = /^deliverables?$/;
const OBJECTIVES_LABEL = /^(?:objective|goal)s?$/;
const FILES_LABEL = /^files?$|^paths?$/;
const SPACE_RUN = /\s{2,}/g;
const MALFORMED_CHECKBOX = /^\[\s{0,2}\]\S|^\[\]|^\[ {2,}\]/;
const TERMINAL_ITEM = /^Terminals?\s+(\d{1,4})(?:\s*[-–−]\s*(\d{1,4}))?\s*:\s*(.*)$/i;
const TERMINAL_BOLD = /^Terminals?\s+(\d{1,4})(?:\s*[-–−]\s*(\d{1,4}))?\s*([:|])?/i;
const HOUR_WORD = /^hour/i;
const COMMENT_LINE = /^\s*#/;
/** Between the paths of a one-line list: `a.md, b.md; c/`. */
const LIST_SEPARATOR = /\s*[,;]\s*/;
const TIMELINE = /^\s*(?:[-*]\s+)?(Hours?|Days?|Weeks?)\s+(\d{1,5})\s*(?:-|–|−|to)\s*(\d{1,5})\s*:\s*(.*)$/i;

/** The section a line is read in: a bold label's, else the innermost heading's. */
function section(ctx: Context): SectionKind | undefined {
  if (ctx.labelSection) return ctx.labelSection;
  const top = ctx.frames[ctx.frames.length - 1];
  return top?.kind === 'section' ? top.section : undefined;
}

function anySection(ctx: Context, kind: SectionKind): boolean {
  return ctx.labelSection === kind || ctx.frames.some((f) => f.kind === 'section' && f.section === kind);
}

/** A field label as routed, and the terminals it names when it is `Terminals 1-3`. */
interface Label {
  /** Plain, lower-case, no trailing colon or spaces. */
  text: string;
  /** The section the label names (`Never share` → never-share), for one-line lists and bare labels. */
  section: SectionKind;
  terminals?: { from: number; to: string | undefined };
}

// Labels repeat (`Duration`, `Branch`, `Terminals 1-3` in every session): how each is routed is
// remembered (bounded). The entries are never changed.
const labelMemo = new TextMemo<Label>(1000);

function fieldLabel(raw: string): Label {
  return labelMemo.get(raw) ?? labelMemo.add(raw, readLabel);
}

function readLabel(raw: string): Label {
  const text = withoutTrailingColon(plain(raw).toLowerCase());
  const terminals = text.startsWith('terminal') ? TERMINALS_LABEL.exec(text) : null;
  const section = sectionOf(text);
  return terminals ? { text, section, terminals: { from: Number(terminals[1]), to: terminals[2] } } : { text, section };
}

/** A `**Label:** value` field, routed by its label and the open frames. */
export function handleField(ctx: Context, f: Field): void {
  const { text: label, section: listed, terminals } = fieldLabel(f.label);
  const value = f.value;
  const session = inside(ctx, 'session')?.obj;
  if (terminals && session) {
    addTerminal(session, terminals.from, terminals.to, value, ctx.line);
    return;
  }
  if (value === '') {
    labelOpens(ctx, listed);
    return;
  }
  // `**Never share:** .env, docs/data/*.json` lists its paths on one line. Never-share paths count
  // wherever they are written, a session's included; context files belong to the plan.
  if (listed === 'never-share' || (listed === 'context' && !session)) {
    for (const part of value.split(LIST_SEPARATOR)) filePath(ctx, part, listed);
    return;
  }
  const text = plain(value);
  if (session) return sessionField(ctx, session, label, value, text);
  const phase = inside(ctx, 'phase')?.obj;
  const task = inside(ctx, 'task')?.obj;
  const checkpoint = inside(ctx, 'checkpoint')?.obj;
  if (checkpoint && /decision/.test(label)) {
    checkpoint.decision = text;
    checkpoint.options = text.replace(/\?+$/, '').split(/\s+or\s+|\s*\/\s*|,\s*/i).map((s) => s.trim()).filter(Boolean);
    return;
  }
  if (task) {
    if (label === 'status') task.done = claimed(value) === 'done' ? true : task.done;
    else if (FILES_LABEL.test(label)) task.files.push(...pathsIn(value).map((p) => p.path));
    else if (DEPENDS_LABEL.test(label)) task.dependsOn.push(...refsIn(text, 'task'));
    return;
  }
  if (phase) {
    // A heading's `(Week 17)` is a window, not a length: a duration field still counts.
    if (HOURS_LABEL.test(label) && phase.duration?.min === undefined) phase.duration = withLine(parseHours(text), ctx.line);
    else if (DEPENDS_LABEL.test(label)) addUnique(phase.dependsOn, refsIn(text, 'phase'));
    else if (label === 'status') setStatus(phase, claimed(value));
    return;
  }
  if (inside(ctx, 'stream')) return;
  // Plan metadata sits at the top of the plan: not in deeper sections such as a what-if.
  if (ctx.frames.some((fr) => fr.level > 2)) return;
  planField(ctx.plan, label, text, ctx.line);
}

/** `label.replace(/[\s:]+$/, '')`, run only when the label ends in a space or colon. */
function withoutTrailingColon(label: string): string {
  const c = label.charCodeAt(label.length - 1);
  return c === 58 || isSpace(c) ? label.replace(TRAILING_COLON, '') : label;
}

function withLine<T extends object>(o: T | undefined, line: number): (T & { line: number }) | undefined {
  if (!o) return undefined;
  // `o` is always a fresh object from parseHours, so it is extended in place instead of copied.
  const withIt = o as T & { line: number };
  withIt.line = line;
  return withIt;
}

function sessionField(ctx: Context, s: Session, label: string, value: string, text: string): void {
  if (HOURS_LABEL.test(label)) {
    if (s.hours) return;
    s.hours = withLine(parseHours(text), ctx.line);
    if (s.hours && s.hours.min === undefined) {
      ctx.problems.push(problem('hours-unparsed', 'info', `"${text}" is not a length of time, so session ${s.id} has no budget. Write e.g. \`4 hours\` or \`3-4h\`.`, ctx.line));
    }
  } else if (label === 'branch') {
    const span = BRANCH_SPAN.exec(value);
    const candidate = span ? span[1]! : ONE_WORD.test(text) ? text : undefined;
    if (candidate && !COMMIT_HASH.test(candidate)) s.branch = candidate;
  } else if (AGENTS_LABEL.test(label)) {
    s.agents = parseAgents(text);
  } else if (label === 'status') {
    setStatus(s, claimed(value));
  } else if (DEPENDS_LABEL.test(label)) {
    addUnique(s.dependsOn, refsIn(text, 'session'));
  } else if (DELIVERABLES_LABEL.test(label)) {
    s.deliverables.push(...deliverablesOf(value, ctx.line));
  } else if (OBJECTIVES_LABEL.test(label)) {
    s.objectives.push({ text, line: ctx.line });
  }
}

function planField(plan: Plan, label: string, text: string, line: number): void {
  if (/^(?:purpose|goal|mission)$/.test(label)) plan.purpose ??= text;
  else if (/^(?:created|date|created on)$/.test(label)) plan.created ??= text;
  else if (/^total(?: hours| duration| time| budget| estimated)?$|^(?:marathon )?duration$|^budget$/.test(label)) {
    const hours = parseHours(text.split(/[,;]/)[0]!);
    if (hours?.min !== undefined) plan.totalHours ??= { ...hours, line };
  }
  if (/^total|tasks/.test(label)) {
    const tasks = /(\d[\d,]{0,6})\s+(?:CCW\s+|parallel\s+)?tasks?\b/i.exec(text);
    if (tasks) plan.totalTasks ??= Number(tasks[1]!.replace(/,/g, ''));
  }
  const terminals = TERMINAL_COUNT.exec(text) ?? (/^(?:ccw |parallel )?terminals?(?: budget| count)?$/.test(label) ? /^(\d{1,4})\b/.exec(text) : null);
  if (terminals) plan.terminalCount ??= Number(terminals[1]);
}

/** A bold label with no value opens the section it names (`kind`, as sectionOf reads the label). */
function labelOpens(ctx: Context, kind: SectionKind): void {
  // Sub-labels inside a file list (`**Core Understanding:**`) keep the list's meaning.
  if (kind === 'other' && (anySection(ctx, 'context') || anySection(ctx, 'never-share'))) return;
  ctx.labelSection = kind;
}

function addTerminal(s: Session, from: number, to: string | undefined, value: string, line: number): void {
  const range = findTaskRange(value);
  // The range removed as `value.replace(TASK_RANGE, '')` would.
  const rest = range ? value.slice(0, range.index) + value.slice(range.end) : value;
  const words = plain(rest);
  const label = (hasSpaceRun(words) ? words.replace(SPACE_RUN, ' ') : words).trim();
  const last = to !== undefined ? Number(to) : from;
  // Built whole (a key added later costs a new hidden class and property storage).
  const terminal: Terminal = range
    ? { from, to: last, label, line, tasks: { from: range.from, to: range.to } }
    : { from, to: last, label, line };
  s.terminals.push(terminal);
}

/** A task range `(tasks 1-10)` in a terminal's text: where it starts and ends, and its numbers. */
export interface TaskRange {
  index: number;
  end: number;
  from: number;
  to: number;
}

// What findTaskRange found last: overwritten by each call (a terminal line is read at once).
const foundRange: TaskRange = { index: 0, end: 0, from: 0, to: 0 };

/**
 * The first match of `/\(\s*tasks?\s+(\d{1,6})(?:\s*[-–−]\s*(\d{1,6}))?\s*\)/i` in `text`, or
 * undefined. Written out, as every terminal line is searched; the result is overwritten by the
 * next call.
 */
export function findTaskRange(text: string): TaskRange | undefined {
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    if (taskRangeAt(text, open)) return foundRange;
  }
  return undefined;
}

function digitsEnd(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i));
  return i;
}

/**
 * Does the task range pattern match at the `(` at `open`? The parts it joins (spaces, `task`,
 * digits, a dash, `)`) never overlap, so no backtracking can change the answer: each part is
 * read once. Sets foundRange when it matches.
 */
function taskRangeAt(text: string, open: number): boolean {
  let i = skipSpaces(text, open + 1);
  // `task` in any (ASCII) case, as the `i` flag folds, then an optional `s`, then spaces.
  if ((text.charCodeAt(i) | 32) !== 116 || (text.charCodeAt(i + 1) | 32) !== 97 || (text.charCodeAt(i + 2) | 32) !== 115 || (text.charCodeAt(i + 3) | 32) !== 107) return false;
  i += 4;
  if ((text.charCodeAt(i) | 32) === 115) i++;
  const spaced = skipSpaces(text, i);
  if (spaced === i) return false;
  const firstEnd = digitsEnd(text, spaced);
  const first = digitsValue(text, spaced, firstEnd);
  if (first < 0) return false; // no digits, or seven and more (the seventh can follow nothing)
  let k = skipSpaces(text, firstEnd);
  let last = first;
  const dash = text.charCodeAt(k);
  if (dash === 45 || dash === 0x2013 || dash === 0x2212) {
    // The second number must follow; without it the `)` cannot come at a dash either.
    const second = skipSpaces(text, k + 1);
    const secondEnd = digitsEnd(text, second);
    last = digitsValue(text, second, secondEnd);
    if (last < 0) return false;
    k = skipSpaces(text, secondEnd);
  }
  if (text.charCodeAt(k) !== 41) return false; // `)`
  foundRange.index = open;
  foundRange.end = k + 1;
  foundRange.from = first;
  foundRange.to = last;
  return true;
}

/** SPACE_RUN.test(text) as a loop: most labels have no run of spaces to fold. */
function hasSpaceRun(text: string): boolean {
  for (let i = 1; i < text.length; i++) if (isSpace(text.charCodeAt(i)) && isSpace(text.charCodeAt(i - 1))) return true;
  return false;
}

/** The status an item claims by its marker or words (`✅`, `⚠️`, `PARTIAL`). */
function claimed(text: string): Status | undefined {
  const { status, rest } = stripMarkers(text.trim());
  return status ?? statusFromWords(rest.slice(0, 40));
}

function setStatus(o: { status?: Status }, status: Status | undefined): void {
  if (status && !o.status) o.status = status;
}

function addUnique(into: string[], ids: string[]): void {
  for (const id of ids) if (!into.includes(id)) into.push(id);
}

/** Deliverables named by one list item or field value; one per path, or one without a path. */
function deliverablesOf(raw: string, line: number, checked?: boolean): Deliverable[] {
  const { status, rest } = stripMarkers(raw.trim());
  const claim = checked ? 'done' : status;
  // The usual deliverable is one code span naming one path: read without the general search.
  const code = loneCodeSpan(rest);
  const lone = code !== undefined ? loneSpanPath(code) ?? spacedSpanPath(code) : undefined;
  if (lone) return [deliverable(code!, line, claim, lone)];
  const text = code ?? plain(rest);
  const paths = pathsIn(rest);
  if (paths.length === 0) return [deliverable(text, line, claim, undefined)];
  return paths.map((p) => deliverable(text, line, claim, p));
}

/**
 * One deliverable, with a claim and a path when given. One object literal per shape, keys in the
 * model's order: spreading a shared base is slow.
 */
function deliverable(text: string, line: number, claim: Status | undefined, p: PathToken | undefined): Deliverable {
  if (!p) {
    return claim
      ? { text, line, claimed: claim, isGlob: false, isPlaceholder: false, isFolder: false }
      : { text, line, isGlob: false, isPlaceholder: false, isFolder: false };
  }
  return claim
    ? { text, line, claimed: claim, path: p.path, isGlob: p.isGlob, isPlaceholder: p.isPlaceholder, isFolder: p.isFolder }
    : { text, line, path: p.path, isGlob: p.isGlob, isPlaceholder: p.isPlaceholder, isFolder: p.isFolder };
}

/**
 * Ids a dependency phrase names: `Phases 1-3` → 1, 2, 3; `Session 024` → 024; `FIX-006`.
 * `kind` decides what a bare number means.
 */
export function refsIn(text: string, kind: 'session' | 'phase' | 'task'): string[] {
  const out: string[] = [];
  const re = /\b(phases?|sessions?)\s+((?:[A-Za-z]{0,3}\d[\w.-]{0,30}?)(?:\s*(?:-|–|−|to|,|and|&)\s*[A-Za-z]{0,3}\d[\w.-]{0,30}?)*)(?=$|[\s,.;:)])/gi;
  let m: RegExpExecArray | null;
  let named = false;
  while ((m = re.exec(text)) !== null) {
    named = true;
    const isPhase = m[1]!.toLowerCase().startsWith('phase');
    if (isPhase !== (kind === 'phase') && kind !== 'task') continue;
    for (const id of expandIds(m[2]!)) out.push(isPhase ? id.toLowerCase() : id);
  }
  for (const t of text.match(/\b[A-Z][A-Z0-9]{1,12}-\d{1,5}[A-Za-z]?\b/g) ?? []) if (TASK_ID.test(t)) out.push(t);
  if (!named && out.length === 0) {
    for (const w of text.split(/[\s,;]+/)) if (/^[A-Za-z]{0,3}\d[\w.-]{0,30}$/.test(w)) out.push(kind === 'phase' ? w.toLowerCase() : w);
  }
  return out;
}

function expandIds(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(/\s*(?:,|and|&)\s*/)) {
    const r = /^(\d{1,4})\s*(?:-|–|−|to)\s*(\d{1,4})$/.exec(part.trim());
    if (r && Number(r[2]) >= Number(r[1]) && Number(r[2]) - Number(r[1]) <= 100) {
      for (let n = Number(r[1]); n <= Number(r[2]); n++) out.push(String(n).padStart(r[1]!.length, '0'));
    } else if (part.trim() !== '') out.push(part.trim());
  }
  return out;
}

/** A list item, read by the section it sits in. */
export function handleListItem(ctx: Context, item: ListLine, line: string): void {
  if (item.text.charCodeAt(0) === 91 && MALFORMED_CHECKBOX.test(item.text)) {
    ctx.problems.push(problem('malformed-checkbox', 'warning', 'This looks like a checkbox but is not one: write `- [ ] text` (one space inside the brackets, one after).', ctx.line, 1, line.length + 1));
  }
  const sec = section(ctx);
  const session = inside(ctx, 'session')?.obj;
  if (timeline(ctx, line)) return;
  if (session && sec === 'deliverables') {
    // A deliverable reads the item as written (its own plain text), checkbox or not.
    const found = deliverablesOf(item.text, ctx.line, item.box === 1);
    for (let i = 0; i < found.length; i++) session.deliverables.push(found[i]!);
    return;
  }
  if (sec === 'never-share' || (sec === 'context' && !session)) return filePath(ctx, item.text, sec);
  const text = plain(item.text);
  if (session) {
    if (sec === 'terminals') {
      const t = TERMINAL_ITEM.exec(text);
      if (t) return addTerminal(session, Number(t[1]), t[2], t[3]!, ctx.line);
    }
    if (item.box >= 0) {
      session.criteria.push({ text, done: item.box === 1, line: ctx.line, column: item.boxColumn });
      return;
    }
    if (sec === 'objectives') session.objectives.push({ text: markerRest(text), line: ctx.line });
    else if (sec === 'dependencies') addUnique(session.dependsOn, refsIn(text, 'session'));
    else {
      const depends = DEPENDS_PROSE.exec(text);
      if (depends) addUnique(session.dependsOn, refsIn(text.slice(depends.index), 'session'));
    }
    return;
  }
  if (sec === 'risks') {
    ctx.plan.risks.push({ text: stripMarkers(text).rest, line: ctx.line, ...riskLevel(ctx) });
    return;
  }
  const phase = inside(ctx, 'phase')?.obj;
  if (phase && (sec === 'dependencies' || DEPENDS_PROSE.test(text))) addUnique(phase.dependsOn, refsIn(dependsTail(text), 'phase'));
}

function dependsTail(text: string): string {
  const m = DEPENDS_PROSE.exec(text);
  return m ? text.slice(m.index) : text;
}

function riskLevel(ctx: Context): { level?: 'critical' | 'moderate' | 'low' } {
  for (let i = ctx.frames.length - 1; i >= 0; i--) {
    const f = ctx.frames[i]!;
    if (f.kind !== 'section') continue;
    const t = f.title.toLowerCase();
    if (/critical|high|🔴/.test(t)) return { level: 'critical' };
    if (/moderate|medium|🟡/.test(t)) return { level: 'moderate' };
    if (/manageable|low|minor|🟢/.test(t)) return { level: 'low' };
  }
  return {};
}

function filePath(ctx: Context, raw: string, sec: 'never-share' | 'context'): void {
  const body = raw.replace(/\s#\s.*$/, '').trim();
  const spans = pathsIn(body);
  // A lone word (`Makefile`, `.env`) is a path; the first word of prose (`Anything with …`) is not.
  const paths = spans.length > 0 ? spans.map((p) => p.path) : /^[\w.@*/-]{1,300}$/.test(body) ? [body] : [];
  const into = sec === 'never-share' ? ctx.plan.neverShare : ctx.plan.contextFiles;
  for (const path of paths) into.push({ path, line: ctx.line });
}

/**
 * Can TIMELINE match `line`? Its word (`Hours`, `Days`, `Weeks`) comes first, after at most a
 * bullet: a cheap test that spares the pattern on most lines.
 */
export function mayBeTimeline(line: string): boolean {
  let i = skipSpaces(line, 0);
  let c = line.charCodeAt(i);
  if ((c === 45 || c === 42) && isSpace(line.charCodeAt(i + 1))) {
    i = skipSpaces(line, i + 1); // `-` or `*`, then spaces
    c = line.charCodeAt(i);
  }
  c |= 0x20; // ASCII lower case, as the pattern's `i` flag folds
  return c === 104 || c === 100 || c === 119; // h d w
}

function timeline(ctx: Context, line: string): boolean {
  if (!line.includes(':') || !mayBeTimeline(line)) return false; // cheap pre-checks: TIMELINE needs both
  const m = TIMELINE.exec(line);
  if (!m || !HOUR_WORD.test(m[1]!) && !anySection(ctx, 'timeline')) return false;
  const window = parseWindow(`${m[1]} ${m[2]}-${m[3]}`);
  if (!window) return false;
  const label = m[4]!.trim();
  const sessions = [...label.matchAll(/\bSessions?\s+([A-Za-z]{0,3}\d[\w-]{0,30})/gi)].map((s) => s[1]!);
  ctx.plan.timeline.push({ window, label, sessions, line: ctx.line });
  return true;
}

/** A line inside a code fence: data only for file lists and timelines. */
export function handleFenceLine(ctx: Context, line: string): void {
  const sec = section(ctx);
  if (sec === 'never-share' || sec === 'context') {
    if (line.trim() !== '' && !COMMENT_LINE.test(line)) filePath(ctx, line.trim(), sec);
    return;
  }
  timeline(ctx, line);
}

/** A paragraph line or a bold-only line. */
export function handleProse(ctx: Context, line: string, bold: string | undefined): void {
  const stream = inside(ctx, 'stream')?.obj;
  if (bold !== undefined) {
    const label = bold.replace(/:$/, '');
    const t = TERMINAL_BOLD.exec(label);
    if (stream && t) {
      if (t[3] === ':' || (t[2] === undefined && t[3] !== '|')) ctx.streamTerminal = Number(t[1]);
      else stream.terminals ??= { from: Number(t[1]), to: t[2] !== undefined ? Number(t[2]) : Number(t[1]) };
      if (t[3] === '|' && t[2] === undefined) stream.terminals ??= { from: Number(t[1]), to: Number(t[1]) };
      return;
    }
    if (!DEPENDS_PROSE.test(label)) {
      labelOpens(ctx, sectionOf(label.toLowerCase()));
      return;
    }
  }
  if (timeline(ctx, line)) return;
  const text = plain(bold ?? line);
  if (!DEPENDS_PROSE.test(text)) return;
  const session = inside(ctx, 'session')?.obj;
  const phase = inside(ctx, 'phase')?.obj;
  if (session) addUnique(session.dependsOn, refsIn(dependsTail(text), 'session'));
  else if (phase) addUnique(phase.dependsOn, refsIn(dependsTail(text), 'phase'));
}
