import type { OverviewRow, Task } from '../../model';
import { parseHours } from '../hours';
import { ownCopy, TextMemo } from '../memo';
import { TASK_ID } from './headings';
import {
  cellIs, cellPathNames, cellText, cellTexts, digitsValue, emptyList, isSpace, markerRest, markerStatus, newRowSpans, numRange, plain, rowHasBracket, rowText, splitRow, type RowSpans,
} from './inline';

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

// Every session of a big plan repeats the same task table header: its meaning is remembered by
// the header row's text (bounded). Only the scanner uses this; the kinds it returns are shared and
// never changed.
const kindMemo = new TextMemo<TableKind>(200);

/** classifyTable of a header row split by splitRow, remembered per row text. */
export function tableKind(header: RowSpans): TableKind {
  // (A kind outlives the read as the last table seen: it holds copies, not slices.)
  if (header.to - header.from > 500) return classifyTable(cellTexts(header).map(ownCopy));
  const row = rowText(header);
  return kindMemo.get(row) ?? kindMemo.add(row, (own) => classifyTable(cellTexts(splitRow(own, newRowSpans()))));
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

/** NUMBER_ID.test(cell) for cell `i` of a split row, without slicing it: one to six digits. */
function isNumberCell(cells: RowSpans, i: number): boolean {
  if (i >= cells.count) return false;
  const start = cells.start[i]!;
  const end = cells.end[i]!;
  if (end - start < 1 || end - start > 6) return false;
  for (let k = start; k < end; k++) {
    const c = cells.row.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// The texts of small task numbers (`1` … `9999`), made once and shared by every table's rows.
const NUMBER_TEXTS: string[] = [];

/** The text of number cell `i` (isNumberCell holds), shared for a small number without leading zeros. */
function numberText(cells: RowSpans, i: number): string {
  const start = cells.start[i]!;
  const end = cells.end[i]!;
  const { row } = cells;
  if (end - start > 4 || row.charCodeAt(start) === 48) return row.slice(start, end);
  const n = digitsValue(row, start, end);
  return (NUMBER_TEXTS[n] ??= String(n));
}

/** `[x] `-style prefix removal, tested cheaply first: most cells do not start with `[`. */
function withoutBox(text: string, box: RegExp): string {
  return text.charCodeAt(0) === 91 ? text.replace(box, '') : text;
}

/** The length of the arrow (`→`, `->`, `⇒`, `=>`) starting at `i`, or 0. */
function arrowAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x2192 || c === 0x21d2) return 1;
  return (c === 45 || c === 61) && text.charCodeAt(i + 1) === 62 ? 2 : 0;
}

/**
 * The parts of `text` between its arrows, exactly as a split on the pattern `\s*(?:→|->|⇒|=>)\s*`
 * gives them (spaces around an arrow belong to the separator). Written out: every status cell of
 * a task table is split, and a regex split costs several times more.
 */
export function splitArrows(text: string): string[] {
  const parts: string[] = [];
  let part = 0; // where the current part starts
  for (let i = 0; i < text.length; i++) {
    const arrow = arrowAt(text, i);
    if (arrow === 0) continue;
    let before = i;
    while (before > part && isSpace(text.charCodeAt(before - 1))) before--;
    let after = i + arrow;
    while (after < text.length && isSpace(text.charCodeAt(after))) after++;
    parts.push(text.slice(part, before));
    part = after;
    i = after - 1;
  }
  parts.push(text.slice(part));
  return parts;
}

/** The index of the first arrow at or after `from`, or -1. */
function arrowFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (arrowAt(text, i) > 0) return i;
  return -1;
}

/** `from → to` of a status cell; `to` joins any further steps with ` → `. */
function statusOf(raw: string): NonNullable<Task['status']> {
  const arrow = arrowFrom(raw, 0);
  if (arrow < 0) return { from: raw };
  let after = arrow + arrowAt(raw, arrow);
  while (after < raw.length && isSpace(raw.charCodeAt(after))) after++;
  if (arrowFrom(raw, after) < 0) {
    // One arrow, the usual `Partial → Full`: the two sides as splitArrows gives them.
    let before = arrow;
    while (before > 0 && isSpace(raw.charCodeAt(before - 1))) before--;
    return { from: raw.slice(0, before), to: raw.slice(after) };
  }
  const parts = splitArrows(raw); // two arrows or more
  return { from: parts[0]!, to: parts.slice(1).join(' → ') };
}

/** What a status cell says: its `from → to` parts (none when it is empty) and whether it is marked done. */
interface StatusCell {
  status?: NonNullable<Task['status']>;
  done: boolean;
}

// A status column repeats a few values (`Partial → Full`, `✅ Done`): the last cell read and what it
// says are remembered, so a repeated cell is compared in place, and the tasks of a run of equal
// cells share one frozen status object (the model is read-only; a frozen object makes a stray
// write fail loudly). Ten thousand rows then retain one status rather than ten thousand.
let lastStatusText = '';
let lastStatusCell: StatusCell = { done: false };

function statusCell(cells: RowSpans, i: number): StatusCell {
  if (!cellIs(cells, i, lastStatusText)) {
    // (Copied: the last cell outlives the read.)
    const text = ownCopy(cellText(cells, i) ?? '');
    const raw = plain(text);
    lastStatusCell = raw !== '' ? { status: Object.freeze(statusOf(raw)), done: markerStatus(text) === 'done' } : { done: markerStatus(text) === 'done' };
    lastStatusText = text;
  }
  return lastStatusCell;
}

/** The dependencies of a task row in a table without a dependency column (most tables). */
const NO_DEPENDENCIES = emptyList<string>();

/** A task from one row of a task table (split by splitRow); undefined for rows that are not tasks (totals, blanks). */
export function taskFromRow(t: Extract<TableKind, { kind: 'tasks' }>, cells: RowSpans, line: number, terminal?: number): Task | undefined {
  // The usual id cell is a plain number, with nothing to strip.
  const plainNumber = isNumberCell(cells, t.id);
  const rawId = plainNumber ? numberText(cells, t.id) : cellText(cells, t.id) ?? '';
  const idCell = plainNumber ? rawId : withoutBox(plain(markerRest(rawId)), ID_BOX);
  if (!plainNumber && !NUMBER_ID.test(idCell) && !TASK_ID.test(idCell)) return undefined;
  let files: string[];
  if (t.files.length === 1) files = cellPathNames(cells, t.files[0]!); // the usual single file column
  else {
    files = [];
    for (const i of t.files) for (const p of cellPathNames(cells, i)) files.push(p);
  }
  const title = withoutBox(plain(cellText(cells, t.title) ?? ''), TITLE_BOX);
  // The usual row has a status: create the task with it rather than adding the key afterwards.
  const status = t.status !== undefined ? statusCell(cells, t.status) : undefined;
  const task: Task =
    status?.status !== undefined
      ? { id: idCell, title, files, dependsOn: NO_DEPENDENCIES, line, status: status.status }
      : { id: idCell, title, files, dependsOn: NO_DEPENDENCIES, line };
  if (status?.done) task.done = true;
  if (t.terminal !== undefined) {
    const r = numRange(cellText(cells, t.terminal) ?? '');
    if (r) task.terminal = r.from;
  } else if (terminal !== undefined) {
    task.terminal = terminal;
  }
  if (t.depends !== undefined) {
    task.dependsOn = (cellText(cells, t.depends) ?? '')
      .split(/[,;\s]+/)
      .map((s) => plain(s).replace(/^#/, ''))
      .filter((s) => NUMBER_ID.test(s) || TASK_ID.test(s));
  }
  // A checked box (`[x]`) is looked for once in the row rather than in each cell: a box never
  // spans a `|`, so the answer is the same.
  if (rowHasBracket(cells) && CHECKED.test(rowText(cells))) task.done = true;
  const extras = extrasOf(t);
  if (extras.length > 0) {
    let extra: Record<string, string> | undefined;
    for (const { index, name } of extras) {
      const v = cellText(cells, index);
      if (v !== undefined && v !== '') (extra ??= {})[name] = plain(v);
    }
    if (extra && Object.keys(extra).length > 0) task.extra = extra;
  }
  return task;
}

/** A row of the overview table; undefined for total rows and rows without a session id. */
export function overviewFromRow(t: Extract<TableKind, { kind: 'overview' }>, cells: RowSpans, line: number): OverviewRow | undefined {
  const written = plain(markerRest(cellText(cells, t.session) ?? ''));
  // (Only an `s` or `S` can start the word `Session`: most cells are bare ids.)
  const id = (written.charCodeAt(0) | 0x20) === 115 ? written.replace(SESSION_WORD, '') : written;
  if (!SESSION_ID.test(id)) return undefined;
  const hours = parseHours(plain(cellText(cells, t.hours) ?? ''));
  const row: OverviewRow = { session: id, title: t.title >= 0 ? plain(cellText(cells, t.title) ?? '') : '' } as OverviewRow;
  if (hours) row.hours = hours;
  row.line = line; // after `hours`, as the keys were always ordered
  return row;
}
