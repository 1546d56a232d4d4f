import type { Hours, Status, Window } from '../../model';
import { parseHours, parseWindow } from '../hours';
import { TextMemo } from '../memo';
import { plain, statusFromWords, stripMarkers } from './inline';

/** What a heading opens. Sections are the named parts inside a session, stream or plan. */
export type SectionKind =
  | 'objectives'
  | 'criteria'
  | 'deliverables'
  | 'terminals'
  | 'agent-work'
  | 'tasks'
  | 'never-share'
  | 'context'
  | 'risks'
  | 'timeline'
  | 'checkpoints'
  | 'dependencies'
  | 'other';

export type HeadingKind =
  | { kind: 'session'; id: string; title: string; status?: Status; percent?: number }
  | { kind: 'stream'; id: string; title: string; declaredTasks?: number }
  | { kind: 'phase'; id: string; title: string; duration?: Hours; window?: Window; status?: Status }
  | { kind: 'calendar'; id: string; title: string; window: Window }
  | { kind: 'task'; id: string; title: string; status?: Status }
  | { kind: 'terminal'; from: number; to: number; title: string }
  | { kind: 'checkpoint'; title: string; window?: Window }
  | { kind: 'section'; section: SectionKind; title: string };

const SESSION =
  /^(?:Burn\s+|CCW\s+|Marathon\s+)?Session[\s_]+#?(\d{4}-\d{2}-\d{2}(?=[\s.:—–]|$)|[A-Za-z]{0,3}\d[\w.-]{0,30}?)[.:]?(?:\s*[:—–-]\s*|\s+|$)(.*)$/i;
const STREAM = /^Stream\s+([A-Z0-9]{1,3})\s*(?:[:—–-]\s*(.*)|$)/i;
const PHASE = /^Phase\s+(\d{1,3}(?:\.\d{1,2})?[a-z]?|[IVX]{1,5})\s*(?:[:—–-]\s*(.*)|$)/i;
const CALENDAR = /^((?:Days?|Weeks?)\s+\d{1,4}(?:\s*[-–−]\s*\d{1,4})?)\s*[:—–-]\s*(.*)$/i;
/** Task ids: `DEBT-001`, `FIX-006`, `SEC-001`, `T012`. */
export const TASK_ID = /^(?:[A-Z][A-Z0-9]{1,12}-\d{1,5}[A-Za-z]?|T\d{1,5})$/;
const TASK = /^([A-Z][A-Z0-9]{1,12}-\d{1,5}[A-Za-z]?|T\d{1,5})\s*[:—–-]\s*(.*)$/;
const TERMINAL = /^Terminals?\s+(\d{1,4})(?:\s*[-–−]\s*(\d{1,4}))?\s*[:—–-]\s*(.*)$/i;
const PERCENT = /\(\s*(\d{1,3}(?:\.\d)?)\s*%\s*(?:complete[d]?)?\s*(?:[-–—,:]\s*([^)]{0,60}))?\)/i;
const TRAILING_PAREN = /\(([^()]{1,60})\)\s*$/;
const NUMBERING = /^\d{1,3}[a-z]?[.)]\s+/;
const ID_TAIL = /[.-]+$/;
const CHECKPOINT = /checkpoint\b/i;
const TRAILING_MARKER = /\s*([✅✓✔❌✗⚠⏳🔄])\ufe0f?\s*$/u;

// Section headings repeat (`### Objectives` in every session): their kinds are remembered by text,
// one memo per value of `inPhase` (bounded). Only sections are kept: the other kinds carry objects
// that go into the plan, which must not be shared, while a section's kind is only read.
const sectionHeadingMemo = [new TextMemo<HeadingKind>(1000), new TextMemo<HeadingKind>(1000)] as const;

/** Classifies a heading's text. `inPhase` marks headings nested in a numbered phase. */
export function classifyHeading(raw: string, inPhase: boolean): HeadingKind {
  const memo = sectionHeadingMemo[inPhase ? 1 : 0];
  let kind = memo.get(raw);
  if (kind === undefined) {
    kind = classify(raw, inPhase);
    // (Read again for the memo, from a copy: a section is known only once its heading is read.)
    if (kind.kind === 'section' && raw.length <= 200) kind = memo.add(raw, (own) => classify(own, inPhase));
  }
  return kind;
}

function classify(raw: string, inPhase: boolean): HeadingKind {
  const { status: marker, rest } = stripMarkers(raw);
  let text = plain(rest);
  // `1. Title`, `0a. Title` numbering in front of a heading is decoration.
  if (isDigit(text.charCodeAt(0))) text = text.replace(NUMBERING, '');
  // The patterns below are anchored, so the first letter rules most of them out without a run.
  const first = text.charCodeAt(0) | 0x20; // lower-cased for ASCII letters

  let m = first === 98 || first === 99 || first === 109 || first === 115 ? SESSION.exec(text) : null; // b c m s
  if (m) return session(withoutIdTail(m[1]!), m[2] ?? '', marker);
  if (first === 115 && (m = STREAM.exec(text))) {
    const rest = m[2] ?? '';
    const declared = /\((\d{1,6})\s+tasks?\)/i.exec(rest);
    const title = rest.replace(/\s*\(\d{1,6}\s+tasks?\)\s*/i, ' ').trim();
    const stream: HeadingKind = { kind: 'stream', id: m[1]!.toUpperCase(), title };
    if (declared) stream.declaredTasks = Number(declared[1]);
    return stream;
  }
  if (first === 112 && (m = PHASE.exec(text))) return phase(m[1]!, m[2] ?? '', marker);
  if ((m = TASK.exec(text))) {
    const task: HeadingKind = { kind: 'task', id: m[1]!, title: m[2]!.trim() };
    if (marker) task.status = marker;
    return task;
  }
  if (first === 116 && (m = TERMINAL.exec(text))) {
    const from = Number(m[1]);
    return { kind: 'terminal', from, to: m[2] !== undefined ? Number(m[2]) : from, title: m[3]!.trim() };
  }
  // `Week 1 Checkpoint` is one; a `Checkpoints` heading only holds them.
  if (CHECKPOINT.test(text)) {
    const window = parseWindow(text);
    const checkpoint: HeadingKind = { kind: 'checkpoint', title: text };
    if (window) checkpoint.window = window;
    return checkpoint;
  }
  if (!inPhase && (first === 100 || first === 119) && (m = CALENDAR.exec(text))) {
    const window = parseWindow(m[1]!);
    if (window) return { kind: 'calendar', id: m[1]!.replace(/\s+/g, ' '), title: m[2]!.trim(), window };
  }
  return { kind: 'section', section: sectionOf(text), title: text };
}

/** `id.replace(ID_TAIL, '')`, run only when the id ends in `.` or `-` (most end in a digit). */
function withoutIdTail(id: string): string {
  const c = id.charCodeAt(id.length - 1);
  return c === 46 || c === 45 ? id.replace(ID_TAIL, '') : id;
}

function session(id: string, rawTitle: string, marker: Status | undefined): HeadingKind {
  let title = rawTitle.trim();
  let status = marker;
  let percent: number | undefined;
  const p = title.includes('%') ? PERCENT.exec(title) : null; // (a percentage needs its sign)
  if (p) {
    percent = Math.min(100, Number(p[1]));
    const words = p[2] ? statusFromWords(p[2]) : undefined;
    if (words) status = words;
    else if (!status) status = percent >= 100 ? 'done' : percent > 0 ? 'partial' : 'not-started';
    title = (title.slice(0, p.index) + title.slice(p.index + p[0].length)).trim();
  }
  const tail = stripTrailingMarker(title);
  if (tail.status && !status) status = tail.status;
  title = tail.rest;
  // Optional keys are set only when present (no spreads: they are slow in V8), in the same order.
  const h: HeadingKind = { kind: 'session', id, title };
  if (status) h.status = status;
  if (percent !== undefined) h.percent = percent;
  return h;
}

function phase(id: string, rawTitle: string, marker: Status | undefined): HeadingKind {
  let title = rawTitle.trim();
  let duration: Hours | undefined;
  let window: Window | undefined;
  const paren = TRAILING_PAREN.exec(title);
  if (paren) {
    const inner = paren[1]!;
    window = /\b(?:weeks?|days?|hours?)\s+\d/i.test(inner) ? parseWindow(inner) : undefined;
    const hours = parseHours(`(${inner})`);
    if (window || hours?.min !== undefined) {
      duration = hours;
      title = title.slice(0, paren.index).trim();
    }
  }
  const words = statusFromWords(title.replace(/^.*?\b(?:status)\b/i, ''));
  const status = /\b(complete|completed|done|blocked|in progress)\b/i.test(title) ? words : marker === 'done' ? marker : undefined;
  const h: HeadingKind = { kind: 'phase', id: id.toLowerCase(), title };
  if (duration) h.duration = duration;
  if (window) h.window = window;
  if (status) h.status = status;
  return h;
}

// A marker written after the title: `Session 024: Title ✅`.
function stripTrailingMarker(title: string): { status?: Status; rest: string } {
  // Cheap pre-check: a title ending in a printable ASCII character has no trailing marker.
  const last = title.charCodeAt(title.length - 1);
  if (last > 32 && last < 128) return { rest: title };
  const m = TRAILING_MARKER.exec(title);
  if (!m) return { rest: title };
  return { status: stripMarkers(m[1]!).status, rest: title.slice(0, m.index).trim() };
}

// Section titles repeat (every session has its `Objectives`), so their kinds are remembered.
const sectionMemo = new TextMemo<SectionKind>(1000); // bounded: titles are few, text is not

/** Which named part a heading or a bold label opens. */
export function sectionOf(text: string): SectionKind {
  if (text.length > 200) return sectionKind(text);
  return sectionMemo.get(text) ?? sectionMemo.add(text, sectionKind);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function sectionKind(text: string): SectionKind {
  const t = text.toLowerCase();
  if (/never[\s-]*share|do not share|don't share|must not share|forbidden files|off[\s-]limits/.test(t)) return 'never-share';
  if (/(?:files|context)\b.{0,30}\bshare|context files|shared context|context for|files to read/.test(t)) return 'context';
  if (/success criteria|acceptance criteria|definition of done|exit criteria|done when|success checklist/.test(t)) return 'criteria';
  if (/^(?:key\s+)?deliverables?\b|^outputs?\b|^artifacts?\b|deliverables/.test(t)) return 'deliverables';
  if (/^(?:objectives?|goals?)\b|objectives/.test(t)) return 'objectives';
  if (/terminal (?:allocation|assignment)|terminals? allocation/.test(t)) return 'terminals';
  if (/agent work/.test(t)) return 'agent-work';
  if (/\brisks?\b/.test(t)) return 'risks';
  if (/timeline/.test(t)) return 'timeline';
  if (/go\s*\/\s*no[\s-]go|checkpoints?|decision points/.test(t)) return 'checkpoints';
  if (/^(?:dependencies|prerequisites|depends on)\b/.test(t)) return 'dependencies';
  if (/task breakdown|^tasks?\b|work items/.test(t)) return 'tasks';
  return 'other';
}
