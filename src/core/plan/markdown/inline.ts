import type { Status } from '../../model';

/**
 * Inline pieces of a markdown plan line: status markers, `**Label:** value` fields, checkboxes,
 * table cells, paths. Every pattern here is anchored or bounded so a line costs linear time.
 *
 * Speed: these run on every line of the plan on every keystroke. Patterns live in module
 * constants (a regex literal inside a function builds a new RegExp object on each call, which
 * adds garbage), and cheap `includes`/first-character tests skip patterns that cannot match.
 */

/** Status markers and what they claim, including the bare and emoji-presentation forms. */
const MARKERS: [string, Status][] = [
  ['✅', 'done'],
  ['✔', 'done'],
  ['✓', 'done'],
  ['☑', 'done'],
  ['❌', 'failed'],
  ['✗', 'failed'],
  ['✘', 'failed'],
  ['⚠', 'partial'],
  ['⏳', 'in-progress'],
  ['🔄', 'in-progress'],
  ['🚧', 'in-progress'],
  ['⏸', 'pending'],
  ['🔴', 'pending'],
  ['🟡', 'pending'],
  ['🟢', 'pending'],
  ['🔵', 'pending'],
];

// Leading decoration: markers, emoji, variation selectors, spaces.
const LEADING_DECOR = /^(?:\s|\u200d|\ufe0f|[\u2190-\u2bff]|[\u{1f000}-\u{1faff}])+/u;

// Cheap pre-check: text starting with printable ASCII has no leading decoration.
function undecorated(text: string): boolean {
  const c = text.charCodeAt(0);
  return c > 32 && c < 128;
}

/** `stripMarkers(text).rest` without building the result object. */
export function markerRest(text: string): string {
  return undecorated(text) ? text : stripMarkers(text).rest;
}

/** `stripMarkers(text).status` without building the result object. */
export function markerStatus(text: string): Status | undefined {
  return undecorated(text) ? undefined : stripMarkers(text).status;
}

/** Splits leading markers off `text`: `✅ Session 024` → { status: 'done', rest: 'Session 024' }. */
export function stripMarkers(text: string): { status?: Status; marker?: string; rest: string } {
  if (undecorated(text)) return { rest: text };
  const m = LEADING_DECOR.exec(text);
  if (!m) return { rest: text };
  const decor = m[0];
  for (const [mark, status] of MARKERS) {
    if (decor.includes(mark)) return { status, marker: mark, rest: text.slice(decor.length) };
  }
  return { rest: text.slice(decor.length) };
}

/** Status words, tried in order: the first that occurs wins. */
const STATUS_WORDS: [RegExp, Status][] = [
  [/\bnot[\s_-]started\b|\bnot begun\b|\btodo\b/, 'not-started'],
  [/\bblocked\b/, 'blocked'],
  [/\bin[\s_-]progress\b|\bongoing\b|\bwip\b/, 'in-progress'],
  [/\bpartial(?:ly)?\b|\bincomplete\b/, 'partial'],
  [/\bfail(?:ed|ure)?\b|\babandoned\b/, 'failed'],
  [/\bpending\b|\bready\b|\bplanned\b|\bqueued\b/, 'pending'],
  [/\b(?:done|complete|completed|success|successful|merged|resolved|finished)\b/, 'done'],
];

/** The status a short phrase claims: `BLOCKED`, `NOT STARTED`, `Complete`, `Merged`, `RESOLVED`. */
export function statusFromWords(text: string): Status | undefined {
  const t = text.toLowerCase();
  for (const [words, status] of STATUS_WORDS) if (words.test(t)) return status;
  return undefined;
}

/** A field written `**Label:** value` or `**Label**: value`. */
export interface Field {
  label: string;
  value: string;
  /** 1-based column where the value starts. */
  column: number;
}

/**
 * One frozen empty list shared by every reader result that has nothing to list (a line without
 * fields, a task row without dependencies): read-only, so a stray write throws.
 */
const FROZEN_EMPTY: readonly never[] = Object.freeze([]);

/** The shared frozen empty list, typed as the list it stands for. */
export function emptyList<T>(): T[] {
  return FROZEN_EMPTY as unknown as T[];
}

/** What readFields gives for a line without fields. */
const NO_FIELDS = emptyList<Field>();

const FIELD = /\*\*([^*]{1,80}?)(?::\*\*|\*\*\s{0,2}:)[ \t]*/g;
const TRAILING_PIPE = /\s*\|\s*$/;

/**
 * Room for the one field most field lines hold, reused line after line by the scanner: a line
 * with one field then costs only its label and value strings.
 */
export interface FieldScratch {
  field: Field;
  list: Field[];
}

export function newFieldScratch(): FieldScratch {
  const field: Field = { label: '', value: '', column: 0 };
  return { field, list: [field] };
}

/**
 * Reads the fields of one line; several may share it (`**A:** x | **B:** y`). The line may be a
 * blockquote (`> **Label:** v`) or a list item (`- **Label:** v`). With `scratch`, a line of one
 * field gives `scratch.list`, overwritten by the next such call.
 */
export function readFields(line: string, scratch?: FieldScratch): Field[] {
  // The first field starts the body, after at most a quote or list prefix: the prefix is measured
  // first, so most lines are ruled out without a search through the whole line.
  const offset = line.charCodeAt(0) === 42 && line.charCodeAt(1) === 42 ? 0 : fieldPrefixLength(line);
  if (line.charCodeAt(offset) !== 42 || line.charCodeAt(offset + 1) !== 42) return NO_FIELDS;
  // The first field must start the body; each field's value runs to the next field.
  const labelEnd = fieldLabelEnd(line, offset);
  if (labelEnd < 0) return NO_FIELDS;
  const firstValue = fieldValueStart(line, labelEnd);
  // Further fields are rare: the pattern runs only when another bold span follows.
  if (line.indexOf('**', firstValue) < 0) {
    // Read in place (the body is not sliced off the prefix): same strings, fewer copies.
    const label = line.slice(offset + 2, labelEnd).trim();
    const value = fieldValue(line, firstValue, line.length);
    const column = firstValue + 1;
    if (!scratch) return [{ label, value, column }];
    scratch.field.label = label;
    scratch.field.value = value;
    scratch.field.column = column;
    return scratch.list;
  }
  const body = offset === 0 ? line : line.slice(offset);
  let label = body.slice(2, labelEnd - offset).trim();
  let valueStart = firstValue - offset;
  const fields: Field[] = [];
  FIELD.lastIndex = valueStart;
  let m: RegExpExecArray | null;
  while (body.indexOf('**', FIELD.lastIndex) >= 0 && (m = FIELD.exec(body)) !== null) {
    // Later fields must follow a `|` separator; otherwise bold text inside a value is not a field.
    if (!afterPipe(body, m.index)) continue;
    fields.push({ label, value: fieldValue(body, valueStart, m.index), column: offset + valueStart + 1 });
    label = m[1]!.trim();
    valueStart = m.index + m[0].length;
  }
  fields.push({ label, value: fieldValue(body, valueStart, body.length), column: offset + valueStart + 1 });
  return fields;
}

/**
 * The length of `^\s{0,3}(?:>\s?)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?` at the start of `line`: the
 * quote marks and list marker a field may follow. Written out: it runs for every list item.
 */
function fieldPrefixLength(line: string): number {
  let i = 0;
  while (i < 3 && isSpace(line.charCodeAt(i))) i++;
  while (line.charCodeAt(i) === 62) {
    i++; // `>`, then at most one space
    if (isSpace(line.charCodeAt(i))) i++;
  }
  const c = line.charCodeAt(i);
  let k = i;
  if (c === 45 || c === 42 || c === 43) k++; // `-`, `*`, `+`
  else {
    while (k < i + 3 && isDigit(line.charCodeAt(k))) k++;
    const dot = line.charCodeAt(k);
    if (k === i || (dot !== 46 && dot !== 41)) return i; // no `1.` or `1)`
    k++;
  }
  const marker = k;
  while (isSpace(line.charCodeAt(k))) k++;
  return k > marker ? k : i; // a marker counts only with a space after it
}

/**
 * Where the label of a field at `start` ends, as the pattern `\*\*([^*]{1,80}?)(?::\*\*|\*\*\s{0,2}:)`
 * finds it there: the index of the `:` of `**Label:**` or of the first `*` of `**Label**:`; -1 when
 * no field starts there. The label has no `*`, so only the first `*` after `**` can close it, and
 * the shorter label (`:**`) wins.
 */
function fieldLabelEnd(line: string, start: number): number {
  const star = line.indexOf('*', start + 2);
  if (star < 0 || line.charCodeAt(star + 1) !== 42) return -1;
  const length = star - start - 2; // of the label before the stars
  if (length >= 2 && length <= 81 && line.charCodeAt(star - 1) === 58) return star - 1; // `**Label:**`
  if (length < 1 || length > 80) return -1;
  let k = star + 2;
  while (k < star + 4 && isSpace(line.charCodeAt(k))) k++;
  return line.charCodeAt(k) === 58 ? star : -1; // `**Label**:`, up to two spaces before the colon
}

/** Where a field's value starts: after the label's closing `:**` or `**:` and any spaces or tabs. */
function fieldValueStart(line: string, labelEnd: number): number {
  let i = labelEnd + 3; // past `:**`
  if (line.charCodeAt(labelEnd) !== 58) {
    i = labelEnd + 2; // past `**`, then to just after the colon
    while (line.charCodeAt(i) !== 58) i++;
    i++;
  }
  for (let c = line.charCodeAt(i); c === 32 || c === 9; c = line.charCodeAt(++i));
  return i;
}

/** The value of a field, `text.slice(start, end)` without a trailing pipe, trimmed. */
function fieldValue(text: string, start: number, end: number): string {
  let value = text.slice(start, end);
  if (value.includes('|')) value = value.replace(TRAILING_PIPE, '');
  return value.trim();
}

// Does a `|` (then only spaces) come right before `index`? Scans back over the spaces only, so
// checking every bold span of a long line stays linear.
function afterPipe(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return text[i] === '|';
}

const BOLD_LINE = /^\s{0,3}\*\*([^*]{1,200})\*\*:?\s*$/;

/** A line that is only bold text: `**Terminal 1: Core Scheduling Tools (10 tasks)**`. */
export function boldLine(line: string): string | undefined {
  // Cheap pre-checks: `**` after at most three spaces, and `*` or `:` last (before any spaces).
  let i = 0;
  while (i < 3 && isSpace(line.charCodeAt(i))) i++;
  if (line.charCodeAt(i) !== 42 || line.charCodeAt(i + 1) !== 42) return undefined;
  let end = line.length;
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  const last = line.charCodeAt(end - 1);
  if (last !== 42 && last !== 58) return undefined;
  const m = BOLD_LINE.exec(line);
  return m ? m[1]!.trim() : undefined;
}

/** A list item: bullet or number, optional checkbox. `column` is the 1-based column of `[`. */
export interface ListItem {
  text: string;
  indent: number;
  ordered: boolean;
  checkbox?: { done: boolean; column: number };
}

/**
 * A list item as the scanner reads it: one object, overwritten for each item (nothing keeps it),
 * so an item costs only its text. `box` is -1 without a checkbox, 0 for `[ ]`, 1 for a ticked box;
 * `boxColumn` is then the 1-based column of its `[`.
 */
export interface ListLine {
  text: string;
  indent: number;
  ordered: boolean;
  box: number;
  boxColumn: number;
}

export function newListLine(): ListLine {
  return { text: '', indent: 0, ordered: false, box: -1, boxColumn: 0 };
}

/** A list item (see scanListItem), or undefined when the line is none. */
export function readListItem(line: string): ListItem | undefined {
  const item = newListLine();
  if (!scanListItem(line, item)) return undefined;
  const { text, indent, ordered } = item;
  return item.box < 0 ? { text, indent, ordered } : { text, indent, ordered, checkbox: { done: item.box === 1, column: item.boxColumn } };
}

/**
 * Reads a list item into `item`: `^(\s{0,12})(?:>\s?)?([-*+]|\d{1,4}[.)])\s+(.*)$` and an optional
 * checkbox, written out because a third of a plan's lines are list items. False when the line is
 * no list item (`item` is then left as it was). As in that pattern, `.` matches no U+2028/U+2029.
 */
export function scanListItem(line: string, item: ListLine): boolean {
  let i = skipSpaces(line, 0);
  if (i > 12) return false;
  const indent = i;
  if (line.charCodeAt(i) === 62) {
    i++; // `>` quoting the item, then at most one space
    if (isSpace(line.charCodeAt(i))) i++;
  }
  const marker = line.charCodeAt(i);
  const ordered = isDigit(marker);
  if (ordered) {
    let digits = 0;
    while (isDigit(line.charCodeAt(i))) {
      i++;
      digits++;
    }
    const dot = line.charCodeAt(i);
    if (digits > 4 || (dot !== 46 && dot !== 41)) return false; // `1.` or `1)`
    i++;
  } else if (marker === 45 || marker === 42 || marker === 43) {
    i++; // `-`, `*`, `+`
  } else {
    return false;
  }
  const afterMarker = i;
  i = skipSpaces(line, i);
  if (i === afterMarker) return false;
  // (Two native searches cost less than the pattern `[\u2028\u2029]`; in one-byte text they end at once.)
  if (line.indexOf('\u2028', i) >= 0 || line.indexOf('\u2029', i) >= 0) return false;
  const box = checkboxLength(line, i);
  item.indent = indent;
  item.ordered = ordered;
  if (box > 0) {
    item.box = line.charCodeAt(i + 1) !== 32 ? 1 : 0;
    item.boxColumn = i + 1;
    item.text = line.slice(i + box);
  } else {
    item.box = -1;
    item.boxColumn = 0;
    item.text = i === 0 ? line : line.slice(i);
  }
  return true;
}

/**
 * The length of `^\[([ xX✓✔])\](?:\s+|$)` at index `at` of `line` (the box and the spaces after
 * it), or 0. Written out: a third of a plan's lines are list items.
 */
function checkboxLength(line: string, at: number): number {
  if (line.charCodeAt(at) !== 91 || line.charCodeAt(at + 2) !== 93) return 0;
  const mark = line.charCodeAt(at + 1);
  if (mark !== 32 && mark !== 120 && mark !== 88 && mark !== 0x2713 && mark !== 0x2714) return 0; // space x X ✓ ✔
  let end = at + 3;
  while (isSpace(line.charCodeAt(end))) end++;
  return end > at + 3 || end === line.length ? end - at : 0;
}

/** Is this UTF-16 code unit white space to `trim()` and `\s`? */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** The index of the first character at or after `i` that is not white space (the length when none). */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The value of the 1-6 digits `text[start, end)`, or -1 when that is no such run. */
export function digitsValue(text: string, start: number, end: number): number {
  if (end === start || end - start > 6) return -1;
  let n = 0;
  for (let k = start; k < end; k++) n = n * 10 + text.charCodeAt(k) - 48;
  return n;
}

/** Splits a table row into trimmed cells; undefined when the line is not a row. */
export function tableCells(line: string): string[] | undefined {
  const t = line.trim();
  return t.startsWith('|') ? cellTexts(splitRow(t, newRowSpans())) : undefined;
}

/**
 * The cells of one table row as index ranges of a text: cell `i` is
 * `row.slice(start[i], end[i])`, already trimmed, and the row itself is `row.slice(from, to)`.
 * A cell's string is made only when it is read, and the scanner reuses one RowSpans for every row
 * (whose `row` is then the whole plan), so a row costs neither an array nor a string of its own.
 */
export interface RowSpans {
  row: string;
  from: number;
  to: number;
  count: number;
  start: number[];
  end: number[];
  /** The first `[` at or after `bracketFrom` in `bracketText` (-1 for none), kept for rowHasBracket. */
  bracket: number;
  bracketFrom: number;
  bracketText: string;
}

export function newRowSpans(): RowSpans {
  return { row: '', from: 0, to: 0, count: 0, start: [], end: [], bracket: -1, bracketFrom: 0, bracketText: '' };
}

/**
 * Does the split row hold a `[`? The place indexOf finds is kept for the rows after it in the same
 * text, so asking this of every row of a plan searches the plan once, not once per row.
 */
export function rowHasBracket(spans: RowSpans): boolean {
  const { row, from } = spans;
  if (spans.bracketText !== row || from < spans.bracketFrom || (spans.bracket >= 0 && spans.bracket < from)) {
    spans.bracketText = row;
    spans.bracketFrom = from;
    spans.bracket = row.indexOf('[', from);
  }
  return spans.bracket >= 0 && spans.bracket < spans.to;
}

/** The text of a split row. */
export function rowText(spans: RowSpans): string {
  return spans.from === 0 && spans.to === spans.row.length ? spans.row : spans.row.slice(spans.from, spans.to);
}

/**
 * Splits the row `text.slice(from, to)`, a trimmed line starting with `|`, into `spans`
 * (overwritten). Rows are most of a big plan's lines: the pipes are found with indexOf (native,
 * several times faster than reading every character in a loop), and only the characters at a
 * cell's ends are looked at to trim it. A cell runs between the outer pipes; an escaped pipe `\|`
 * stays in its cell.
 */
export function splitRow(text: string, spans: RowSpans, from = 0, to = text.length): RowSpans {
  const end = text.charCodeAt(to - 1) === 124 && to - from > 1 ? to - 1 : to;
  let count = 0;
  let start = from + 1;
  for (let i = text.indexOf('|', start); ; i = text.indexOf('|', i + 1)) {
    // The last cell ends at `end`; the others at an unescaped pipe before it.
    const last = i < 0 || i >= end;
    if (!last && text.charCodeAt(i - 1) === 92 && i - 1 > from) continue;
    const stop = last ? end : i;
    let a = start;
    let b = stop;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    spans.start[count] = a;
    spans.end[count] = b;
    count++;
    if (last) break;
    start = i + 1;
  }
  spans.row = text;
  spans.from = from;
  spans.to = to;
  spans.count = count;
  return spans;
}

/** Cell `i` of a split row, or undefined past the last cell (as `cells[i]` of an array). */
export function cellText(spans: RowSpans, i: number): string | undefined {
  return i < spans.count ? spans.row.slice(spans.start[i], spans.end[i]) : undefined;
}

/** Is cell `i` of a split row exactly `text`? Compared in place, without slicing the cell. */
export function cellIs(spans: RowSpans, i: number, text: string): boolean {
  if (i >= spans.count) return false;
  const start = spans.start[i]!;
  if (spans.end[i]! - start !== text.length) return false;
  // Compared a character at a time: `startsWith` with a position costs several times more here,
  // and the texts compared (status cells) are short.
  const { row } = spans;
  for (let k = 0; k < text.length; k++) if (row.charCodeAt(start + k) !== text.charCodeAt(k)) return false;
  return true;
}

/**
 * `pathNames` of cell `i` of a split row. A file cell is usually one code span (`` `src/a.py` ``):
 * its path is then sliced straight from the row, without slicing the cell first.
 */
export function cellPathNames(spans: RowSpans, i: number): string[] {
  if (i < spans.count) {
    const { row } = spans;
    const start = spans.start[i]!;
    const last = spans.end[i]! - 1; // the closing tick, when the cell is one span
    if (isLoneSpan(row, start, last)) {
      // As pathTokens reads a lone span; a span that is no path falls through to the full reading.
      const code = row.slice(start + 1, last).trim();
      const token = lonePathToken(code);
      if (token !== undefined) return [cleanPath(token)];
      const spaced = spacedSpanPath(code);
      if (spaced) return [spaced.path];
    }
  }
  return pathNames(cellText(spans, i) ?? '');
}

/** Every cell of a split row as a string. */
export function cellTexts(spans: RowSpans): string[] {
  const cells: string[] = [];
  for (let i = 0; i < spans.count; i++) cells.push(spans.row.slice(spans.start[i], spans.end[i]));
  return cells;
}

const TABLE_SEPARATOR = /^\s{0,3}\|?\s{0,3}:?-{1,}:?\s{0,3}(?:\|\s{0,3}:?-{1,}:?\s{0,3})*\|?\s*$/;

export function isTableSeparator(line: string): boolean {
  return TABLE_SEPARATOR.test(line);
}

// Any character that plain() may remove.
const MARKUP = /[*`[_]/;

/** Removes markdown emphasis, code ticks and links, keeping the words; code spans stay as written. */
export function plain(text: string): string {
  if (!MARKUP.test(text)) return text.trim();
  // A lone code span (`` `src/a.py` ``, the usual deliverable) is its text as written.
  const lone = loneCodeSpan(text);
  if (lone !== undefined) return lone;
  // Code spans (as /`[^`]{1,500}`/, found with indexOf) are kept as written, ticks removed;
  // the text between them loses its emphasis.
  let out = '';
  let last = 0;
  for (let open = text.indexOf('`'); open >= 0; ) {
    const close = text.indexOf('`', open + 1);
    if (close < 0) break;
    if (close - open - 1 < 1 || close - open - 1 > 500) {
      open = close; // no span here; its closing tick may open one
      continue;
    }
    out += unemphasize(text.slice(last, open)) + text.slice(open + 1, close);
    last = close + 1;
    open = text.indexOf('`', last);
  }
  return (last === 0 ? unemphasize(text) : out + unemphasize(text.slice(last))).trim();
}

const LINK = /\[([^\]]{0,200})\]\([^)]{0,500}\)/g;
const STRONG_OR_TICK = /\*\*|`/g;
const UNDERSCORES = /(?<![\w*])__(?=\S)([^_]{1,200})__(?!\w)/g;
const STAR = /(?<![\w*/])\*(?=[^\s*])([^*]{1,200})\*(?![\w*])/g;

function unemphasize(text: string): string {
  // Each replacement runs only when its characters occur: most text has none of them.
  let out = text;
  if (out.includes('[')) out = out.replace(LINK, '$1');
  if (out.includes('*') || out.includes('`')) out = out.replace(STRONG_OR_TICK, '');
  if (out.includes('__')) out = out.replace(UNDERSCORES, '$1');
  if (out.includes('*')) out = out.replace(STAR, '$1');
  return out;
}

/** Backticked spans of a line, with their 1-based columns. */
export function codeSpans(text: string): { code: string; column: number }[] {
  const out: { code: string; column: number }[] = [];
  if (!text.includes('`')) return out;
  const re = /`([^`]{1,500})`/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ code: m[1]!.trim(), column: m.index + 2 });
  return out;
}

// An extension has a letter: `v1.2` and `python3.11` are versions, not files.
const EXT = /\.(?=[a-z0-9]{0,5}[a-z])[a-z0-9]{1,6}$/i;
const PLACEHOLDER = /YYYY|MMDD|XXX|<[^>]{1,40}>|\{[a-z_]{1,40}\}|\.\.\.|…/;

const URL_START = /^[a-z][a-z0-9+.-]{1,12}:\/\//i;
const HTTP_VERB = /^(?:GET|POST|PUT|DELETE|PATCH)$/;

/**
 * Does this token look like a path, glob or folder rather than a command or prose? Every test
 * only rules the token out, so their order is free. Every file cell and deliverable is tested, so
 * one pass over the token's characters stands for the patterns `[\s()=;$]` (never in a path),
 * `[*?]` (a wildcard) and the `://` and `/` searches.
 */
export function looksLikePath(token: string): boolean {
  if (token.length === 0 || token.length > 300) return false;
  let slash = false;
  let wildcard = false;
  let scheme = false; // `://` occurs
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 40 || c === 41 || c === 61 || c === 59 || c === 36 || isSpace(c)) return false; // ( ) = ; $
    if (c === 47) slash = true;
    else if (c === 42 || c === 63) wildcard = true; // * ?
    else if (c === 58 && token.charCodeAt(i + 1) === 47 && token.charCodeAt(i + 2) === 47) scheme = true;
  }
  if (scheme && URL_START.test(token)) return false; // URLs
  if (token.length <= 6 && HTTP_VERB.test(token)) return false;
  if (token.startsWith('/api/')) return false; // routes, not files
  return slash || EXT.test(token) || wildcard;
}

const SYMBOL = /:[A-Za-z_][\w]*$/;

// `file.py:function` → `file.py`.
function withoutSymbol(token: string): string {
  return token.includes(':') ? token.replace(SYMBOL, '') : token;
}

/**
 * The one path of a deliverable written as a lone code span (`` `src/a.py` ``), `code` being the
 * span's trimmed text: what pathsIn gives for it, or undefined when pathsIn would give no path.
 */
export function loneSpanPath(code: string): PathToken | undefined {
  const token = lonePathToken(code);
  return token !== undefined ? describePath(token) : undefined;
}

// What never appears in a path written with spaces: shell syntax, quotes, globs, a drive or symbol colon.
const NOT_IN_SPACED_PATH = /[()=;$|&<>"'`\\*?[\]{}:\t]|(?:^|[\s/])-/;

/**
 * A path with spaces, written as the whole code span where a path is expected (a deliverable, a
 * task table's file cell): `docs/Design Notes.md`. Anywhere else a span with spaces is a command
 * or prose (`npm run build`), and even here it is read as a path only when it looks like nothing
 * else: a folder before the first space, then a file name with an extension or a closing `/`; no
 * shell characters, quotes, globs or colons; no word or folder starting with `-`. So `cd src/a.ts` and
 * `My Docs/a.md` are not read (a top-level folder with a space in its name is left out).
 */
export function spacedSpanPath(code: string): PathToken | undefined {
  if (code.length > 300) return undefined;
  const space = code.indexOf(' ');
  const slash = code.indexOf('/');
  if (space < 0 || slash < 0 || slash > space || code.includes('  ') || NOT_IN_SPACED_PATH.test(code)) return undefined;
  const segments = code.split('/');
  const last = segments[segments.length - 1]!;
  // Every folder named (no `a//b`, no ` /`), and a file with an extension or a folder's closing `/`.
  for (let i = 0; i < segments.length - 1; i++) if (segments[i]!.trim() !== segments[i] || segments[i] === '') return undefined;
  if (last.trim() !== last || (last !== '' && !EXT.test(last))) return undefined;
  return describePath(code);
}

/** The path token a lone code span's trimmed text names (`file.py:function` → `file.py`), if any. */
function lonePathToken(code: string): string | undefined {
  const token = withoutSymbol(code);
  return looksLikePath(token) ? token : undefined;
}

/** The trimmed text of `text` when it is one code span and nothing else, as plain() reads it; else undefined. */
export function loneCodeSpan(text: string): string | undefined {
  const end = text.length - 1;
  return isLoneSpan(text, 0, end) ? text.slice(1, end).trim() : undefined;
}

/**
 * Is `text[start, last]` one code span and nothing else, as /`[^`]{1,500}`/ finds it: a tick at
 * `start`, the next tick at `last`, 1 to 500 characters between them?
 */
function isLoneSpan(text: string, start: number, last: number): boolean {
  const length = last - start - 1;
  return text.charCodeAt(start) === 96 && length >= 1 && length <= 500 && text.indexOf('`', start + 1) === last;
}

export interface PathToken {
  path: string;
  isGlob: boolean;
  isPlaceholder: boolean;
  isFolder: boolean;
}

const GLOB = /[*?[\]{}]/;
const NAMED_SLOT = /\{[a-z_]{1,40}\}/;

/** A path without a leading `./`. */
function cleanPath(path: string): string {
  return path.charCodeAt(0) === 46 && path.charCodeAt(1) === 47 ? path.slice(2) : path; // `./`
}

export function describePath(path: string): PathToken {
  const clean = cleanPath(path);
  return {
    path: clean,
    isGlob: GLOB.test(clean) && !NAMED_SLOT.test(clean),
    isPlaceholder: PLACEHOLDER.test(clean) || clean.startsWith('PR #'),
    isFolder: clean.endsWith('/'),
  };
}

const SPACES = /\s+/;
const WORD_PUNCTUATION = /^[("']+|[)"',.;:]+$/g;
const PR_PLACEHOLDER = /\bPR #(?:X{2,}|\d{1,6}|N{1,3}|\?{1,3})/;
const PR_UNKNOWN = /X|N|\?/;

/**
 * The path-like tokens of `text` as written: backticked paths first, else bare path-like words.
 * Hot (every file cell and deliverable): code spans are found with indexOf, not a pattern.
 */
function pathTokens(text: string, clean = false): string[] {
  // Most items name one path: the array is built only for a second one.
  let first: string | undefined;
  let more: string[] | undefined;
  let spans = 0;
  for (let open = text.indexOf('`'); open >= 0; ) {
    const close = text.indexOf('`', open + 1);
    if (close < 0) break;
    // As /`([^`]{1,500})`/g: an empty or over-long span is no span, and its closing tick may open one.
    const length = close - open - 1;
    if (length < 1 || length > 500) {
      open = close;
      continue;
    }
    spans++;
    const code = withoutSymbol(text.slice(open + 1, close).trim());
    if (looksLikePath(code)) {
      const path = clean ? cleanPath(code) : code;
      if (first === undefined) first = path;
      else (more ??= [first]).push(path);
    }
    open = text.indexOf('`', close + 1);
  }
  if (spans === 0) {
    for (const word of text.split(SPACES)) {
      // A bare path has an extension or a slash: words with neither are prose, skipped unread.
      if (!word.includes('.') && !word.includes('/')) continue;
      const w = withoutSymbol(word.replace(WORD_PUNCTUATION, ''));
      if (!isBarePath(w)) continue;
      const path = clean ? cleanPath(w) : w;
      if (first === undefined) first = path;
      else (more ??= [first]).push(path);
    }
  }
  return more ?? (first === undefined ? [] : [first]);
}

/** `PR #123`, `PR #XXX`: the placeholder an item names when it names no path. */
function prPlaceholder(text: string): string | undefined {
  return text.includes('PR #') ? PR_PLACEHOLDER.exec(text)?.[0] : undefined;
}

/**
 * The paths an item names: backticked paths first; else bare path-like words; else a `PR #…`
 * placeholder. `file.py:function` references keep only the file.
 */
export function pathsIn(text: string): PathToken[] {
  const found = pathTokens(text);
  if (found.length === 0) {
    const pr = prPlaceholder(text);
    return pr ? [{ path: pr, isGlob: false, isPlaceholder: PR_UNKNOWN.test(pr), isFolder: false }] : [];
  }
  return found.map(describePath);
}

/** `pathsIn(text).map((p) => p.path)`, without describing each path. */
export function pathNames(text: string): string[] {
  // Task file lists are kept in the plan: pathTokens builds them cleaned, so no second array is made.
  const found = pathTokens(text, true);
  if (found.length === 0) {
    const pr = prPlaceholder(text);
    return pr ? [pr] : [];
  }
  return found;
}

// A path written without backticks must look unmistakably like one: an extension, a trailing
// slash, or two slashes (`and/or`, `N-1/N-2` are words).
const LOWER = /[a-z]/;
const ABBREVIATION = /^(?:e\.g|i\.e|etc|vs)\.?$/i;
const TWO_SLASHES = /\/.*\//;

function isBarePath(w: string): boolean {
  const c = w.charCodeAt(0);
  if (!looksLikePath(w) || !LOWER.test(w) || (c >= 48 && c <= 57) || ABBREVIATION.test(w)) return false;
  return EXT.test(w) || w.endsWith('/') || TWO_SLASHES.test(w);
}

/** `3-4`, `7`, `9 - 10` → a range; undefined otherwise. */
const NUM_RANGE = /(\d{1,6})(?:\s{0,3}(?:-|–|—|−|to)\s{0,3}(\d{1,6}))?/;

export function numRange(text: string): { from: number; to: number } | undefined {
  const m = NUM_RANGE.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  return { from, to: m[2] !== undefined ? Number(m[2]) : from };
}

const CLOSING_HASHES = /(?:^|[ \t])#+$/;

/** A heading line: level 1-6 and its text (closing `#`s removed). */
export interface HeadingLine {
  level: number;
  text: string;
}

/**
 * The heading on `line`, or undefined. With `into`, the heading is written into it and it is
 * returned (the scanner reuses one object for every heading: nothing keeps it).
 */
export function readHeading(line: string, into?: HeadingLine): HeadingLine | undefined {
  // Cheap pre-check: `#` first, or after one to three spaces.
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 35) return undefined;
  // As /^ {0,3}(#{1,6})(?=[ \t]|$)/: one to six `#`, then a space, a tab or the end.
  let end = i;
  while (line.charCodeAt(end) === 35) end++;
  const after = line.charCodeAt(end);
  if (end - i > 6 || (end < line.length && after !== 32 && after !== 9)) return undefined;
  let text = line.slice(end).trim();
  if (text.endsWith('#')) text = text.replace(CLOSING_HASHES, '').trim();
  if (!into) return { level: end - i, text };
  into.level = end - i;
  into.text = text;
  return into;
}
