// Dependencies and parallel lists the plan states in prose, read from the plan's text with a
// small line scanner of its own (the plan reader is not changed for this): `**Prerequisites**:`
// lines and lists, "Can Run in Parallel" and "Cannot Parallelize (Dependencies)" lists, overlap
// lines (`Session 025 (Backend) + Session 026 (Frontend) = No conflict`), and task ids defined
// as bold list items under a phase (`- **OPS-001**: CI/CD Pipeline`).
import { refsInProse, type RawRef } from './refs';

/** A `**Prerequisites**:` line (or list): its line and what it names. */
export interface ProsePrerequisite {
  line: number;
  refs: RawRef[];
  text: string;
}

/** A "Cannot Parallelize" entry: `**SEC-001** needs …` — the subjects depend on the refs. */
export interface ProseConstraint {
  line: number;
  subjects: RawRef[];
  refs: RawRef[];
  /** The words after the subject (`needs working checkpoints`). */
  need: string;
}

/** One entry of a parallel list: its references, each one's domain word in parentheses, the text. */
export interface ProseParallelEntry {
  refs: RawRef[];
  /** `labels[i]` is the word in parentheses after `refs[i]` (`Backend`), or ''. */
  labels: string[];
  text: string;
  line: number;
}

/** A list of things that may run at the same time. */
export interface ProseParallel {
  line: number;
  /** True when each entry is its own group (`A + B = No conflict`), else the list is one group. */
  perEntry: boolean;
  entries: ProseParallelEntry[];
}

/** A task defined as a bold list item: `- **OPS-001**: CI/CD Pipeline`. */
export interface ProseTask {
  id: string;
  title: string;
  line: number;
}

export interface Prose {
  prerequisites: ProsePrerequisite[];
  constraints: ProseConstraint[];
  parallel: ProseParallel[];
  tasks: ProseTask[];
  /** Lines of headings, for spans of heading-defined items. */
  headings: number[];
}

type Section = 'none' | 'parallel' | 'cannot' | 'prereq';

const HEADING = /^\s{0,3}(#{1,6})\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const BOLD_LABEL_ONLY = /^\s*\*\*([^*]+?)\*\*\s*:?\s*$/;
const PREREQ_LABEL = /^\s*(?:[-*+]\s+)?(?:>\s*)?\*\*(prerequisites?|pre-requisites?)\s*:?\s*\*\*\s*:?\s*(.*)$/i;
const PREREQ_PLAIN = /^\s*(?:[-*+]\s+)?(prerequisites?)\s*:\s*(.*)$/i;
const CANNOT = /cannot\s+(?:be\s+)?paralleli[sz]e|can(?:not|'t)\s+run\s+in\s+parallel|must\s+run\s+sequentially|sequential\s+dependencies/i;
const CAN_PARALLEL = /can\s+run\s+in\s+parallel|can\s+be\s+paralleli[sz]ed|overlapping\s+sessions|can\s+overlap|parallel(?:i[sz]able)?\s+(?:sessions|work|tracks)/i;
const TASK_DEF = /^\s*(?:[-*+]|\d+[.)])\s+\*\*([A-Z][A-Z0-9]*-\d+[A-Za-z]?)\*\*\s*:\s*(.*)$/;
const TASK_DEF_INNER = /^\s*(?:[-*+]|\d+[.)])\s+\*\*([A-Z][A-Z0-9]*-\d+[A-Za-z]?):\*\*\s*(.*)$/;
const BOLD_SUBJECT = /^\*\*([^*]+)\*\*\s*(.*)$/;
const NEED_WORDS = /^(?:\([^)]*\)\s*)?(?:[-–—:]\s*)?(needs?|requires?|depends?\s+on|after|blocked\s+by|waits?\s+for)\b\s*(.*)$/i;

function sectionOf(title: string): Section {
  if (CANNOT.test(title)) return 'cannot';
  if (CAN_PARALLEL.test(title)) return 'parallel';
  if (/^(?:prerequisites?|pre-requisites?)\b/i.test(title.replace(/[^\w\s-]/g, '').trim())) return 'prereq';
  return 'none';
}

function clean(text: string): string {
  return text.replace(/\*\*/g, '').replace(/`/g, '').trim();
}

/** Reads the prose dependency forms out of a plan's text. Fenced code is skipped. */
export function readProse(text: string): Prose {
  const out: Prose = { prerequisites: [], constraints: [], parallel: [], tasks: [], headings: [] };
  const lines = text.split(/\r?\n/);
  let fence: string | undefined;
  let section: Section = 'none';
  let sectionLine = 0;
  let parallel: ProseParallel | undefined;
  let prereq: ProsePrerequisite | undefined;
  // True while the list under an empty `**Prerequisites:**` label is being read.
  let prereqOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const no = i + 1;
    const f = FENCE.exec(raw);
    if (f) {
      if (fence === undefined) fence = f[1];
      else if (raw.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = HEADING.exec(raw);
    const boldOnly = h ? undefined : BOLD_LABEL_ONLY.exec(raw);
    if (h || boldOnly) {
      if (h) out.headings.push(no);
      const title = clean(h ? (h[2] ?? '') : (boldOnly?.[1] ?? ''));
      const next = sectionOf(title);
      // A bold line inside a section that names no new section (`**IF …:**`) does not end it.
      if (h || next !== 'none') {
        section = next;
        sectionLine = no;
        parallel = undefined;
        prereq = undefined;
      }
      continue;
    }
    const label = PREREQ_LABEL.exec(raw) ?? PREREQ_PLAIN.exec(raw);
    if (label) {
      const rest = label[2] ?? '';
      prereq = { line: no, refs: refsInProse(rest), text: clean(rest) };
      prereqOpen = clean(rest) === '';
      out.prerequisites.push(prereq);
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (!item) {
      if (raw.trim() !== '' && !/^\s/.test(raw)) prereq = undefined;
      continue;
    }
    const body = item[2] ?? '';
    if (prereq && (prereqOpen || (item[1] ?? '').length > 0)) {
      // The list under an empty `**Prerequisites:**` label.
      for (const ref of refsInProse(body)) prereq.refs.push(ref);
      prereq.text = prereq.text ? `${prereq.text}; ${clean(body)}` : clean(body);
      continue;
    }
    prereq = undefined;
    if (section === 'prereq') {
      out.prerequisites.push({ line: no, refs: refsInProse(body), text: clean(body) });
      continue;
    }
    if (section === 'cannot' && (item[1] ?? '').length === 0) {
      out.constraints.push(constraintOf(body, no));
      continue;
    }
    if (section === 'parallel' && (item[1] ?? '').length === 0) {
      if (!parallel) {
        parallel = { line: sectionLine, perEntry: false, entries: [] };
        out.parallel.push(parallel);
      }
      const entry = { ...labelledRefs(body), text: clean(body), line: no };
      if (/\s\+\s/.test(body)) parallel.perEntry = true;
      parallel.entries.push(entry);
      continue;
    }
    const def = TASK_DEF.exec(raw) ?? TASK_DEF_INNER.exec(raw);
    if (def && section === 'none') out.tasks.push({ id: def[1] ?? '', title: clean(def[2] ?? ''), line: no });
  }
  return out;
}

// `**SEC-001** needs working checkpoints`, `Session 027 requires Session 025`.
function constraintOf(body: string, line: number): ProseConstraint {
  const bold = BOLD_SUBJECT.exec(body.trim());
  let subjectText: string;
  let rest: string;
  if (bold) {
    subjectText = bold[1] ?? '';
    rest = bold[2] ?? '';
  } else {
    const m = /^(.*?)\b(needs?|requires?|depends?\s+on|after|blocked\s+by|waits?\s+for)\b(.*)$/i.exec(body);
    subjectText = m ? (m[1] ?? '') : body;
    rest = m ? `${m[2] ?? ''}${m[3] ?? ''}` : '';
  }
  const need = NEED_WORDS.exec(rest.trim());
  const needText = need ? (need[2] ?? '') : rest;
  return { line, subjects: refsInProse(subjectText), refs: refsInProse(needText), need: clean(rest) };
}

// References with the domain word in parentheses after each: `Session 025 (Backend) + Session 026
// (Frontend)` → 025 `backend`, 026 `frontend`.
function labelledRefs(body: string): { refs: RawRef[]; labels: string[] } {
  const refs: RawRef[] = [];
  const labels: string[] = [];
  for (const part of body.split(/\s\+\s|\s=\s|,\s/)) {
    const label = /\(([^)]+)\)/.exec(part)?.[1]?.trim().toLowerCase() ?? '';
    for (const ref of refsInProse(part)) {
      refs.push(ref);
      labels.push(label);
    }
  }
  return { refs, labels };
}
