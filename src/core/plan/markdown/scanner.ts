import {
  emptyPlan,
  problem,
  type Checkpoint,
  type Phase,
  type Problem,
  type ReadResult,
  type Session,
  type Stream,
  type Task,
} from '../../model';
import { mayHoldMojibake, nextSuspect, repairMojibake, repairSuspectLine } from '../mojibake';
import { classifyHeading, type HeadingKind, type SectionKind } from './headings';
import {
  boldLine, isTableSeparator, newFieldScratch, newRowSpans, readFields, readHeading, newListLine, scanListItem, splitRow, stripMarkers,
  type FieldScratch, type HeadingLine, type ListLine, type RowSpans,
} from './inline';
import { handleField, handleListItem, handleProse, handleFenceLine, type Context } from './lines';
import { overviewFromRow, tableKind, taskFromRow, type TableKind } from './tables';

/** One open heading: what it opened and the object it fills. */
export type Frame =
  | { level: number; kind: 'session'; obj: Session }
  | { level: number; kind: 'stream'; obj: Stream }
  | { level: number; kind: 'phase'; obj: Phase }
  | { level: number; kind: 'task'; obj: Task }
  | { level: number; kind: 'checkpoint'; obj: Checkpoint }
  | { level: number; kind: 'section'; section: SectionKind; title: string };

/** Splits text into lines: BOM removed, CRLF/CR/LF all accepted, mojibake repaired. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files use LF only, and a string split is several times faster than a regex one.
  const lines = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  // One test over the whole text spares the per-line repair in the usual case of no mojibake.
  if (mayHoldMojibake(body)) for (let i = 0; i < lines.length; i++) lines[i] = repairMojibake(lines[i]!);
  return lines;
}

const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;

/**
 * The lines of a text one at a time, exactly as `splitLines` gives them. LF-only text (the usual
 * case) is read lazily, so only the current line is alive rather than an array of every line of a
 * big plan, which the garbage collector would copy while the plan is being read. The current line
 * is the range `text[start, end)`: a reader that can work on that range (table rows, most of a
 * big plan) needs no string of the line at all; `line()` makes one for the others.
 */
class Lines {
  private readonly body: string;
  /** Index in `body` of the next place that may be mojibake (see nextSuspect), or -1 for none. */
  private suspect: number;
  /** All lines, split up front, for text with CR or CRLF line ends (rare). */
  private readonly split: string[] | undefined;
  private index = 0;
  /** Where the next line starts in `body`; -1 once the last line has been read. */
  private pos = 0;
  /** The text holding the current line: `body`, or the line itself when split or repaired. */
  text = '';
  start = 0;
  end = 0;

  constructor(text: string) {
    this.body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.split = this.body.includes('\r') ? splitLines(text) : undefined;
    this.suspect = this.split === undefined ? nextSuspect(this.body, 0) : -1;
  }

  /** Moves to the next line; false after the last. */
  advance(): boolean {
    if (this.split) {
      if (this.index >= this.split.length) return false;
      this.setLine(this.split[this.index++]!);
      return true;
    }
    if (this.pos < 0) return false;
    const start = this.pos;
    const end = this.lineEnd(start);
    this.pos = end < this.body.length ? end + 1 : -1;
    if (!this.holdsSuspect(end)) {
      this.text = this.body;
      this.start = start;
      this.end = end;
    } else {
      this.suspect = nextSuspect(this.body, end);
      this.setLine(repairSuspectLine(this.body.slice(start, end)));
    }
    return true;
  }

  /** The current line as a string. */
  line(): string {
    return this.start === 0 && this.end === this.text.length ? this.text : this.text.slice(this.start, this.end);
  }

  /** The next line as a string, without moving to it; undefined after the last. */
  peek(): string | undefined {
    if (this.split) return this.split[this.index];
    if (this.pos < 0) return undefined;
    const end = this.lineEnd(this.pos);
    const line = this.body.slice(this.pos, end);
    return this.holdsSuspect(end) ? repairSuspectLine(line) : line;
  }

  /** Where the line starting at `start` in `body` ends (its `\n`, or the end of the text). */
  private lineEnd(start: number): number {
    const found = this.body.indexOf('\n', start);
    return found < 0 ? this.body.length : found;
  }

  /**
   * Does the line ending at `end` (the current or next one) hold the next suspect place? Only such
   * a line can change on repair: a suspect pair never spans a line break.
   */
  private holdsSuspect(end: number): boolean {
    return this.suspect >= 0 && this.suspect < end;
  }

  private setLine(line: string): void {
    this.text = line;
    this.start = 0;
    this.end = line.length;
  }
}

/**
 * The opening run of a code fence (```` ``` ````, `~~~`) at the start of a line, with the spaces
 * before it, as `^ {0,3}(`{3,}|~{3,})` matches it; undefined when there is none.
 */
function fenceRun(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = line.charCodeAt(i);
  if (c !== 96 && c !== 126) return undefined;
  let end = i + 1;
  while (line.charCodeAt(end) === c) end++;
  return end - i >= 3 ? line.slice(0, end) : undefined;
}

const CHAR_DASH = 45;
const CHAR_STAR = 42;
const CHAR_UNDERSCORE = 95;
const CHAR_PIPE = 124;

/**
 * Reads a markdown plan with a line-oriented structural scan: headings open frames (session,
 * stream, phase, named sections), and each line is read in the context of the open frames.
 * Fenced code is never structure. Never throws on any input.
 */
export function scanMarkdown(text: string): ReadResult {
  const plan = emptyPlan('markdown');
  const problems: Problem[] = [];
  const lines = new Lines(text);
  const ctx: Context = { plan, problems, frames: [], labelSection: undefined, streamTerminal: undefined, line: 0 };
  let fence: { char: string; len: number; line: number } | undefined;
  let table: TableKind | undefined;
  let lastContent = 0;
  let titleSet = false;
  let blankOnly = true; // every line seen so far is blank (saves a second pass at the end)
  // The first heading anywhere, fenced or not: the title when there is no level-1 heading.
  let firstHeading: string | undefined;

  const close = (level: number) => {
    while (ctx.frames.length > 0 && ctx.frames[ctx.frames.length - 1]!.level >= level) {
      const f = ctx.frames.pop()!;
      if (f.kind === 'session' || f.kind === 'stream' || f.kind === 'phase') f.obj.endLine = Math.max(f.obj.line, lastContent);
    }
  };

  // One RowSpans holds the cells of every row in turn: nothing downstream keeps it.
  const rowSpans = newRowSpans();
  // Likewise one ListLine holds each list item in turn.
  const item = newListLine();
  const fieldScratch = newFieldScratch();
  const headingLine: HeadingLine = { level: 0, text: '' };
  let no = 0;
  while (lines.advance()) {
    no++;
    ctx.line = no;
    // The table row to read, as the range `text[from, to)`, trimmed.
    let { text, start: from, end: to } = lines;
    const last = text.charCodeAt(to - 1);
    // A table row outside a fence (most lines of a big plan) is read in place, without a string of
    // its own, when nothing needs trimming: `|` first and a visible ASCII character last.
    if (!fence && text.charCodeAt(from) === CHAR_PIPE && last > 32 && last < 127) {
      blankOnly = false;
      lastContent = no;
    } else {
      const line = lines.line();

      // Fenced code: the content is data for some sections, never structure.
      const fm = fenceRun(line);
      const run = fm?.trimStart();
      if (fence) {
        // Fenced lines are never read as headings below, but may still give the title.
        if (firstHeading === undefined) firstHeading = readHeading(line)?.text;
        if (run && run[0] === fence.char && run.length >= fence.len && line.trim() === run) fence = undefined;
        else handleFenceLine(ctx, line);
        // Blank lines inside a fence end nothing; the empty line after a final newline is not content.
        if (line.trim() !== '') {
          lastContent = no;
          blankOnly = false;
        }
        continue;
      }
      if (fm && run && !(run[0] === '`' && line.slice(fm.length).includes('`'))) {
        fence = { char: run[0]!, len: run.length, line: no };
        blankOnly = false;
        table = undefined;
        lastContent = no;
        continue;
      }

      const trimmed = line.trim();
      if (trimmed !== '') blankOnly = false;
      const first = trimmed.charCodeAt(0);
      if (
        trimmed === '' ||
        // (A break repeats its first character: list items starting `- ` are ruled out cheaply.)
        ((first === CHAR_DASH || first === CHAR_STAR || first === CHAR_UNDERSCORE) &&
          trimmed.charCodeAt(1) === first &&
          THEMATIC_BREAK.test(trimmed))
      ) {
        table = undefined;
        continue;
      }

      const heading = readHeading(line, headingLine);
      if (heading) {
        firstHeading ??= heading.text;
        table = undefined;
        ctx.labelSection = undefined;
        ctx.streamTerminal = undefined;
        if (!titleSet && heading.level === 1) {
          plan.title = stripMarkers(heading.text).rest.trim();
          titleSet = true;
          close(1);
          lastContent = no;
          continue;
        }
        close(heading.level);
        openHeading(ctx, heading.level, heading.text, no, close);
        lastContent = no;
        continue;
      }
      lastContent = no;

      if (first !== CHAR_PIPE) {
        table = undefined;
        otherLine(ctx, line, item, fieldScratch);
        continue;
      }
      text = trimmed;
      from = 0;
      to = trimmed.length;
    }

    // Tables: a header row is recognised by the separator line under it.
    const cells = splitRow(text, rowSpans, from, to);
    if (table) {
      tableRow(ctx, table, cells, no);
    } else {
      const next = lines.peek();
      if (next !== undefined && isTableSeparator(next)) {
        table = tableKind(cells);
        lines.advance();
        no++;
      }
    }
  }

  if (fence) {
    problems.push(problem('unclosed-fence', 'warning', 'This code fence is never closed, so the rest of the file is read as code.', fence.line, 1, 4));
  }
  close(0);
  if (!titleSet) plan.title = firstHeading === undefined ? '' : stripMarkers(firstHeading).rest.trim();
  if (blankOnly) {
    problems.push(problem('empty-plan', 'warning', 'The file is empty: there is no plan to read.', 1));
  } else if (plan.sessions.length + plan.streams.length + plan.phases.length + plan.tasks.length === 0) {
    problems.push(
      problem('no-plan-structure', 'info', 'No sessions, streams, phases or tasks found. Plans use headings like `## Session 024: Title`, `## Stream A: Title` or `## Phase 1: Title`.', 1),
    );
  }
  plan.problems = problems;
  return { plan, problems };
}

/** A line that is no heading, table row or fence: fields, a bold label, a list item or prose. */
function otherLine(ctx: Context, line: string, item: ListLine, fieldScratch: FieldScratch): void {
  const bold = boldLine(line);
  if (bold === undefined) {
    const fields = readFields(line, fieldScratch);
    if (fields.length > 0) {
      for (let i = 0; i < fields.length; i++) handleField(ctx, fields[i]!);
      return;
    }
  }
  if (scanListItem(line, item)) {
    handleListItem(ctx, item, line);
    return;
  }
  handleProse(ctx, line, bold);
}

function inside<K extends Frame['kind']>(ctx: Context, kind: K): Extract<Frame, { kind: K }> | undefined {
  for (let i = ctx.frames.length - 1; i >= 0; i--) {
    const f = ctx.frames[i]!;
    if (f.kind === kind) return f as Extract<Frame, { kind: K }>;
  }
  return undefined;
}

function openHeading(ctx: Context, level: number, text: string, no: number, close: (level: number) => void): void {
  const { plan } = ctx;
  const h = classifyHeading(text, inside(ctx, 'phase') !== undefined);
  switch (h.kind) {
    case 'session': {
      // Sessions do not nest: a session heading ends the open session, whatever its level.
      const open = inside(ctx, 'session');
      if (open) close(open.level);
      const obj: Session = {
        id: h.id, title: h.title, agents: [], objectives: [], terminals: [], criteria: [], deliverables: [],
        tasks: [], dependsOn: [], line: no, endLine: no,
      };
      // Optional keys are set only when present (no spreads: they are slow in V8).
      if (h.status) obj.status = h.status;
      if (h.percent !== undefined) obj.percent = h.percent;
      plan.sessions.push(obj);
      ctx.frames.push({ level, kind: 'session', obj });
      return;
    }
    case 'stream': {
      const open = inside(ctx, 'stream');
      if (open) close(open.level);
      const obj: Stream = { id: h.id, title: h.title, tasks: [], line: no, endLine: no };
      if (h.declaredTasks !== undefined) obj.declaredTasks = h.declaredTasks;
      plan.streams.push(obj);
      ctx.frames.push({ level, kind: 'stream', obj });
      return;
    }
    case 'phase':
    case 'calendar': {
      const obj: Phase = { id: h.id, title: h.title, dependsOn: [], line: no, endLine: no };
      if (h.kind === 'phase') {
        if (h.duration) obj.duration = h.duration;
        if (h.window) obj.window = h.window;
        if (h.status) obj.status = h.status;
      } else {
        obj.window = h.window;
      }
      plan.phases.push(obj);
      ctx.frames.push({ level, kind: 'phase', obj });
      return;
    }
    case 'task':
    case 'terminal': {
      const obj: Task =
        h.kind === 'task'
          ? { id: h.id, title: h.title, files: [], dependsOn: [], line: no }
          : { id: String(h.from), title: h.title, files: [], dependsOn: [], terminal: h.from, line: no };
      if (h.kind === 'task' && h.status === 'done') obj.done = true;
      taskHome(ctx).push(obj);
      ctx.frames.push({ level, kind: 'task', obj });
      return;
    }
    case 'checkpoint': {
      const obj: Checkpoint = { title: h.title, options: [], line: no };
      if (h.window) obj.window = h.window;
      plan.checkpoints.push(obj);
      ctx.frames.push({ level, kind: 'checkpoint', obj });
      return;
    }
    case 'section': {
      // Inside a risk section, a sub-heading that names no level is itself a risk (`If Tests Fail`).
      const risk = topSection(ctx) === 'risks' && h.section === 'other';
      if (risk && !/\b(?:critical|moderate|manageable|high|medium|low|minor)\b/i.test(h.title)) {
        plan.risks.push({ text: h.title, line: no });
        ctx.frames.push({ level, kind: 'section', section: 'other', title: h.title });
        return;
      }
      ctx.frames.push(risk ? { level, kind: 'section', section: 'risks', title: h.title } : sectionFrame(h, level));
      return;
    }
  }
}

// Section headings repeat (`### Objectives` in every session) and their kinds are shared (see
// classifyHeading); so are the frames they open, one per kind and level. Frames are only read.
const sectionFrames = new WeakMap<HeadingKind, Frame[]>();

function sectionFrame(h: Extract<HeadingKind, { kind: 'section' }>, level: number): Frame {
  let byLevel = sectionFrames.get(h);
  if (!byLevel) sectionFrames.set(h, (byLevel = []));
  return (byLevel[level] ??= { level, kind: 'section', section: h.section, title: h.title });
}

/** The innermost named section, if the innermost frame is one. */
export function topSection(ctx: Context): SectionKind | undefined {
  const top = ctx.frames[ctx.frames.length - 1];
  return top?.kind === 'section' ? top.section : undefined;
}

/** Where a task found here belongs: the open stream, else the open session, else the plan. */
export function taskHome(ctx: Context): Task[] {
  for (let i = ctx.frames.length - 1; i >= 0; i--) {
    const f = ctx.frames[i]!;
    if (f.kind === 'stream' || f.kind === 'session') return f.obj.tasks;
  }
  return ctx.plan.tasks;
}

function tableRow(ctx: Context, kind: TableKind, cells: RowSpans, no: number): void {
  if (kind.kind === 'tasks') {
    const task = taskFromRow(kind, cells, no, ctx.streamTerminal);
    if (task) taskHome(ctx).push(task);
  } else if (kind.kind === 'overview' && !inside(ctx, 'session')) {
    const row = overviewFromRow(kind, cells, no);
    // The first row for a session wins; a Set keeps this linear (`overview.some` was quadratic).
    const seen = (ctx.overviewIds ??= new Set(ctx.plan.overview.map((r) => r.session)));
    if (row && !seen.has(row.session)) {
      seen.add(row.session);
      ctx.plan.overview.push(row);
    }
  }
}

export { inside };
