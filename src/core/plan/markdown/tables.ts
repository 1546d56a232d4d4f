import type { OverviewRow, Task } from '../../model';
import { parseHours } from '../hours';
import { TASK_ID } from './headings';
import { markerRest, markerStatus, numRange, pathsIn, plain, stripMarkers } from './inline';

/** How a table's columns map to meaning, decided once from its header row. */
export type TableKind =
  | { kind: 'tasks'; id: number; title: number; files: number[]; status?: number; terminal?: number; depends?: number; headers: string[] }
  | { kind: 'overview'; session: number; title: number; hours: number }
  | { kind: 'other' };

const ID_HEADER = /^(?:#|no\.?|id|task\s*(?:id|#)|item|ref)$/;
const TITLE_HEADER = /task|service|component|feature|module|scenario|audit area|title|description|item|name|focus|work|goal/;
const FILE_HEADER = /file|path|location|deliverable/;
const STATUS_HEADER = /status|state|→/;
const TERMINAL_HEADER = /^(?:terminals?|term\.?|terminal #)$/;
const DEPENDS_HEADER = /depend|blocked by|requires|prereq|after/;
const HOURS_HEADER = /hour|est|duration|time|budget|planned/;
const SESSION_HEADER = /^sessions?(?:\s*(?:id|#))?$/;
const ACTUAL = /actual/;
const OVERVIEW_TITLE_HEADER = /focus|title|name|theme|goal|description|topic/;
const NUMBER_ID = /^\d{1,6}$/;
const SESSION_WORD = /^session\s+/i;
const SESSION_ID = /^[A-Za-z]{0,3}\d[\w.-]{0,30}$/;
const ID_BOX = /^\[[ xX]\]\s*/;
const TITLE_BOX = /^\[[ xX✓✔]\]\s*/;

/** Maps a header row to a table kind by the meaning of its column names. */
export function classifyTable(header: string[]): TableKind {
  const h = header.map((c) => plain(c).toLowerCase());
  const sessionCol = h.findIndex((c) => SESSION_HEADER.test(c));
  if (sessionCol >= 0) {
    const hours = h.findIndex((c, i) => i !== sessionCol && HOURS_HEADER.test(c) && !ACTUAL.test(c));
    if (hours >= 0) {
      const title = h.findIndex((c, i) => i !== sessionCol && OVERVIEW_TITLE_HEADER.test(c));
      return { kind: 'overview', session: sessionCol, hours, title: title >= 0 ? title : -1 };
    }
    return { kind: 'other' };
  }
  if (h.length < 2 || !ID_HEADER.test(h[0]!)) return { kind: 'other' };
  const used = new Set<number>([0]);
  const find = (re: RegExp): number | undefined => {
    const i = h.findIndex((c, j) => !used.has(j) && re.test(c));
    if (i < 0) return undefined;
    used.add(i);
    return i;
  };
  const status = find(STATUS_HEADER);
  const terminal = find(TERMINAL_HEADER);
  const depends = find(DEPENDS_HEADER);
  const files: number[] = [];
  for (let f = find(FILE_HEADER); f !== undefined; f = find(FILE_HEADER)) files.push(f);
  const title = find(TITLE_HEADER) ?? firstUnused(h.length, used);
  const kind: TableKind = { kind: 'tasks', id: 0, title, files, headers: header.map((c) => plain(c)) };
  if (status !== undefined) kind.status = status;
  if (terminal !== undefined) kind.terminal = terminal;
  if (depends !== undefined) kind.depends = depends;
  return kind;
}

function firstUnused(n: number, used: Set<number>): number {
  for (let i = 0; i < n; i++) if (!used.has(i)) return i;
  return 0;
}

const CHECKED = /\[[xX✓✔]\]/;

/** The columns of a task table that no field reads, with their names: they become `extra`. */
function extraColumns(t: Extract<TableKind, { kind: 'tasks' }>): { index: number; name: string }[] {
  const extras: { index: number; name: string }[] = [];
  t.headers.forEach((h, i) => {
    if (i === t.id || i === t.title || i === t.status || i === t.terminal || i === t.depends || t.files.includes(i)) return;
    extras.push({ index: i, name: h || `column ${i + 1}` });
  });
  return extras;
}

// The rows of a table come one after another: remembering the last table's extra columns
// computes them once per table rather than once per row.
let lastTable: TableKind | undefined;
let lastExtras: { index: number; name: string }[] = [];

function extrasOf(t: Extract<TableKind, { kind: 'tasks' }>): { index: number; name: string }[] {
  if (t !== lastTable) {
    lastExtras = extraColumns(t);
    lastTable = t;
  }
  return lastExtras;
}

/** `[x] `-style prefix removal, tested cheaply first: most cells do not start with `[`. */
function withoutBox(text: string, box: RegExp): string {
  return text.charCodeAt(0) === 91 ? text.replace(box, '') : text;
}

// The arrows of a `Status → Target` cell: `→`, `->`, `⇒`, `=>`.
const ARROW = /\s*(?:→|->|⇒|=>)\s*/;

/** `from → to` of a status cell; `to` joins any further steps with ` → `. */
function statusOf(raw: string): NonNullable<Task['status']> {
  // Most status cells have one arrow or none: only those with an arrow-like character are split.
  if (!raw.includes('→') && !raw.includes('>') && !raw.includes('⇒')) return { from: raw };
  const parts = raw.split(ARROW);
  if (parts.length === 1) return { from: raw };
  return { from: parts[0]!, to: parts.length === 2 ? parts[1]! : parts.slice(1).join(' → ') };
}

/** A task from one row of a task table; undefined for rows that are not tasks (totals, blanks). */
export function taskFromRow(t: Extract<TableKind, { kind: 'tasks' }>, cells: string[], line: number, terminal?: number): Task | undefined {
  const idCell = withoutBox(plain(markerRest(cells[t.id] ?? '')), ID_BOX);
  if (!NUMBER_ID.test(idCell) && !TASK_ID.test(idCell)) return undefined;
  const files: string[] = [];
  for (const i of t.files) for (const p of pathsIn(cells[i] ?? '')) files.push(p.path);
  const title = withoutBox(plain(cells[t.title] ?? ''), TITLE_BOX);
  // The usual row has a status: create the task with it rather than adding the key afterwards.
  const raw = t.status !== undefined ? plain(cells[t.status] ?? '') : '';
  const task: Task =
    raw !== '' ? { id: idCell, title, files, dependsOn: [], line, status: statusOf(raw) } : { id: idCell, title, files, dependsOn: [], line };
  if (t.status !== undefined && markerStatus(cells[t.status] ?? '') === 'done') task.done = true;
  if (t.terminal !== undefined) {
    const r = numRange(cells[t.terminal] ?? '');
    if (r) task.terminal = r.from;
  } else if (terminal !== undefined) {
    task.terminal = terminal;
  }
  if (t.depends !== undefined) {
    task.dependsOn = (cells[t.depends] ?? '')
      .split(/[,;\s]+/)
      .map((s) => plain(s).replace(/^#/, ''))
      .filter((s) => NUMBER_ID.test(s) || TASK_ID.test(s));
  }
  for (const c of cells) {
    if (c.includes('[') && CHECKED.test(c)) {
      task.done = true;
      break;
    }
  }
  const extras = extrasOf(t);
  if (extras.length > 0) {
    let extra: Record<string, string> | undefined;
    for (const { index, name } of extras) {
      const v = cells[index];
      if (v !== undefined && v !== '') (extra ??= {})[name] = plain(v);
    }
    if (extra && Object.keys(extra).length > 0) task.extra = extra;
  }
  return task;
}

/** A row of the overview table; undefined for total rows and rows without a session id. */
export function overviewFromRow(t: Extract<TableKind, { kind: 'overview' }>, cells: string[], line: number): OverviewRow | undefined {
  const id = plain(markerRest(cells[t.session] ?? '')).replace(SESSION_WORD, '');
  if (!SESSION_ID.test(id)) return undefined;
  const hours = parseHours(plain(cells[t.hours] ?? ''));
  const row: OverviewRow = { session: id, title: t.title >= 0 ? plain(cells[t.title] ?? '') : '' } as OverviewRow;
  if (hours) row.hours = hours;
  row.line = line; // after `hours`, as the keys were always ordered
  return row;
}
