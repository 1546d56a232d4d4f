// File names of generated notes: SESSION_<id>_HANDOFF.md, then -2, -3 … never an existing name.

/** Names Windows reserves, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Longest id kept in a file name. */
const MAX_ID = 80;

/**
 * A session id made safe for a file name: letters, digits, `.`, `_` and `-` kept, runs of
 * anything else become one `_`; no leading dots or dashes; at most 80 characters; `unnamed`
 * when nothing is left.
 */
export function safeId(id: string): string {
  let s = id
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .replace(/[._]+$/, '');
  if (s.length > MAX_ID) s = s.slice(0, MAX_ID);
  if (s === '') s = 'unnamed';
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** Most numbered names tried before giving up. */
const MAX_TRIES = 10_000;

/**
 * The first of `dir/<stem>.md`, `dir/<stem>-2.md`, `dir/<stem>-3.md` … for which `exists` is
 * false; undefined when 10,000 are taken. `join` is the path joiner (node's `path.join`).
 */
export function freeName(dir: string, stem: string, exists: (p: string) => boolean, join: (a: string, b: string) => string): string | undefined {
  for (let n = 1; n <= MAX_TRIES; n++) {
    const candidate = join(dir, n === 1 ? `${stem}.md` : `${stem}-${n}.md`);
    if (!exists(candidate)) return candidate;
  }
  return undefined;
}

const joinSlash = (a: string, b: string): string => (a === '' ? b : a.endsWith('/') || a.endsWith('\\') ? a + b : `${a}/${b}`);

/** `dir/SESSION_<id>_HANDOFF.md`, or `-2`, `-3` … when taken. */
export function handoffFileName(dir: string, sessionId: string, exists: (p: string) => boolean, join = joinSlash): string | undefined {
  return freeName(dir, `SESSION_${safeId(sessionId)}_HANDOFF`, exists, join);
}

/** `dir/SESSION_<id>_BLOCKER.md`, or `-2`, `-3` … when taken. */
export function blockerFileName(dir: string, sessionId: string, exists: (p: string) => boolean, join = joinSlash): string | undefined {
  return freeName(dir, `SESSION_${safeId(sessionId)}_BLOCKER`, exists, join);
}
