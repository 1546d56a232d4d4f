// Dependency references written in prose: `Phase 1`, `Phases 1-3`, `Sessions 024 and 025`,
// `FIX-006`, `PERSIST-004/005`, and references into another plan (`other.marathon.md#Session 3`).

/** A reference as found in a sentence: the text to resolve, or the other plan file it points into. */
export interface RawRef {
  /** `Session 024`, `Phase 2`, `FIX-006`; resolved with the checks' reference reader. */
  text: string;
  /** The plan file named, when the reference points into another plan. */
  external?: string;
}

const KIND = String.raw`(sessions?|phases?|tasks?|streams?)`;
// An id after a kind word: digits first (`024`, `052B`, `1a`, `2026-01-11`), a capital letter
// alone (`Stream A`), or letters then digits (`T012`, `DEBT-001`).
const FIRST_ID = String.raw`(?:\d{4}-\d{2}-\d{2}|\d[\w.]*|[A-Z]\b|[A-Za-z]+-?\d[\w-]*)`;
// Further ids of a list or range must hold a digit (so `and the docs` is not an id).
const MORE_ID = String.raw`(?:\d{4}-\d{2}-\d{2}|\d[\w.]*|[A-Z]\b|[A-Za-z]+-?\d[\w-]*)`;
const KIND_RE = new RegExp(
  String.raw`\b${KIND}\s*#?\s*(${FIRST_ID}(?:\s*(?:-|–|—|to|through)\s*${MORE_ID})?(?:\s*(?:,|&|\band\b|\bor\b|/)\s*${MORE_ID}(?:\s*(?:-|–|—|to|through)\s*${MORE_ID})?)*)`,
  'gi',
);
// `FIX-006`, `SEC-001`, `PERSIST-004/005` (the slash repeats the prefix).
const TASK_ID_RE = /\b([A-Z][A-Z0-9]*)-(\d+[A-Za-z]?)((?:\/\d+[A-Za-z]?)*)\b/g;
// `plan-b.marathon.md#Session 3`, `other.yaml: 024`.
const EXTERNAL_RE = /([\w./-]+\.(?:md|markdown|ya?ml|txt))\s*(?:#|:|\s)\s*((?:sessions?|phases?|tasks?|streams?)\s*#?\s*[\w.-]+|[A-Z][A-Z0-9]*-\d+\w*|\d[\w.-]*)/gi;

function singular(word: string): string {
  const w = word.toLowerCase().replace(/s$/, '');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** `1-3` → 1, 2, 3; `024-026` → 024, 025, 026 (padding kept); anything else as written. */
function expandRange(from: string, to: string): string[] {
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const a = Number(from);
    const b = Number(to);
    if (b >= a && b - a <= 200) {
      const out: string[] = [];
      for (let n = a; n <= b; n++) out.push(String(n).padStart(from.length, '0'));
      return out;
    }
  }
  return [from, to];
}

function idsOf(list: string): string[] {
  const ids: string[] = [];
  for (const part of list.split(/\s*(?:,|&|\band\b|\bor\b|\/)\s*/i)) {
    const p = part.trim().replace(/\.+$/, '');
    if (!p) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(p)) {
      ids.push(p);
      continue;
    }
    const range = /^(\S+?)\s*(?:-|–|—|\bto\b|\bthrough\b)\s*(\S+)$/i.exec(p);
    if (range && /^\d/.test(range[1] ?? '') && /^\d/.test(range[2] ?? '')) ids.push(...expandRange(range[1] ?? '', range[2] ?? ''));
    else ids.push(p);
  }
  return ids;
}

/** A dependency written as a reference into another plan (`other.marathon.md#Session 3`), or undefined. */
export function externalRef(text: string): RawRef | undefined {
  const m = new RegExp(`^\\s*${EXTERNAL_RE.source}\\s*$`, 'i').exec(text);
  return m ? { text: (m[2] ?? '').trim(), external: m[1] ?? '' } : undefined;
}

/** Every reference in a piece of prose, in order of appearance, without repeats. */
export function refsInProse(text: string): RawRef[] {
  const found: { at: number; ref: RawRef }[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
  for (const m of text.matchAll(EXTERNAL_RE)) {
    const at = m.index ?? 0;
    taken.push([at, at + m[0].length]);
    found.push({ at, ref: { text: (m[2] ?? '').trim(), external: m[1] ?? '' } });
  }
  for (const m of text.matchAll(KIND_RE)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    taken.push([at, at + m[0].length]);
    const kind = singular(m[1] ?? '');
    for (const id of idsOf(m[2] ?? '')) found.push({ at, ref: { text: `${kind} ${id}` } });
  }
  for (const m of text.matchAll(TASK_ID_RE)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    const prefix = m[1] ?? '';
    found.push({ at, ref: { text: `${prefix}-${m[2] ?? ''}` } });
    for (const more of (m[3] ?? '').split('/').filter(Boolean)) found.push({ at, ref: { text: `${prefix}-${more}` } });
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const out: RawRef[] = [];
  for (const { ref } of found) {
    const k = `${ref.external ?? ''}\u0000${ref.text.toLowerCase()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(ref);
  }
  return out;
}
