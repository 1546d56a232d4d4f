// Reads the checkable claims of a handoff or AAR document: deliverables marked ✅ or "created"
// with a path, line counts, commit hashes, test counts and session statuses. Each claim keeps
// its line and column. Pure and linear; never throws.
import { repairMojibake } from '../plan/mojibake';
import { problem, type Problem } from '../model';

export type ClaimKind = 'path' | 'line-count' | 'commit' | 'tests' | 'session-status';

interface ClaimBase {
  kind: ClaimKind;
  /** 1-based line and column of the claim in the document; `endColumn` is exclusive. */
  line: number;
  column: number;
  endColumn: number;
  /** The text of the claim as written (one line, trimmed). */
  text: string;
}

/** `✅ \`src/a.ts\`` or "Created `src/a.ts`": the path exists (and, when `created`, is new in the window). */
export interface PathClaim extends ClaimBase {
  kind: 'path';
  path: string;
  created: boolean;
}

/** `\`src/a.ts\` (974 lines)`. */
export interface LineCountClaim extends ClaimBase {
  kind: 'line-count';
  path: string;
  lines: number;
  approximate: boolean;
}

/** A commit hash (7–40 hex digits) named as a commit. */
export interface CommitClaim extends ClaimBase {
  kind: 'commit';
  hash: string;
}

/** `16 tests`, `42 passing`; with the test file when the line names one. */
export interface TestsClaim extends ClaimBase {
  kind: 'tests';
  count: number;
  path?: string;
  /** `passing`/`passed`: a claim about a test run, which git cannot check. */
  passing: boolean;
  /** `added`/`new`: tests added in the window. */
  added: boolean;
}

/** `### ✅ Session 024: … (90% Complete)` or `**Status:** NOT STARTED` under a session heading. */
export interface SessionStatusClaim extends ClaimBase {
  kind: 'session-status';
  session: string;
  status: 'done' | 'not-started' | 'partial' | 'blocked';
}

export type Claim = PathClaim | LineCountClaim | CommitClaim | TestsClaim | SessionStatusClaim;

/** What {@link extractClaims} found. */
export interface ExtractedClaims {
  claims: Claim[];
  /** The document's date (`**Date:** 2026-01-01`), used as the window start of "created" claims. */
  date?: { iso: string; line: number };
  /** Whether the text looks like a report (a heading, a status marker or a claim). */
  looksLikeReport: boolean;
  /** Why the result is partial or empty: too many claims, not a report, empty. */
  problems: Problem[];
  /** Lines read (after the cap). */
  lines: number;
}

/** Most claims read from one document; the rest are reported as skipped. */
export const MAX_CLAIMS = 5000;
/** Longest line read for claims (a minified blob is not prose). */
const MAX_LINE = 20_000;

const DONE_MARK = /✅|✓|✔|☑|\[x\]/i;
const NOT_DONE_MARK = /❌|✗|⚠️?|⏳|🔄|\[ \]/;
const CREATED = /\b(created|added|new file|wrote|written)\b/i;
const BACKTICK = /(`+)([^`]+?)\1/g;
const HASH_WORD = /\b(commits?|sha|hash|merged|landed|cherry-picked|reverted|fix(?:ed)? in)\b/i;
const LINES = /\(?~?\s*(\d{1,3}(?:,\d{3})+|\d+)\+?\s*(?:lines?|LOC)\b/i;
const TESTS = /\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:new\s+|unit\s+|integration\s+|e2e\s+)?(tests?|passing|passed|specs?|test cases)\b/i;
const SESSION_HEADING = /^#{1,4}\s+(.*?)\bsession\s+#?([A-Za-z0-9][\w.-]*)/i;

/** Does this backticked text look like a file path (a `/` or a file extension, no spaces)? */
export function looksLikePath(s: string): boolean {
  if (s.length > 300 || /\s/.test(s) || /^[-$]|^https?:|:\/\/|[<>|*?{}]/.test(s)) return false;
  if (/^[0-9a-f]{7,40}$/i.test(s)) return false;
  if (/^[\w@.-]+\/[\w@./-]*\w$/.test(s)) return true;
  return /^[\w@.-]*[\w-]\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(s) && !/^\d+(\.\d+)+$/.test(s) && !/^[\w-]+\.(com|org|net|io)$/i.test(s);
}

function isTestPath(p: string): boolean {
  return /(^|\/)(tests?|__tests__|spec)\/|[._-](test|spec)\.[A-Za-z]+$|(^|\/)test_[^/]+$/i.test(p);
}

function toInt(s: string): number {
  return Number(s.replace(/,/g, ''));
}

function statusWords(s: string): SessionStatusClaim['status'] | undefined {
  if (/not[\s_-]+started|❌/i.test(s)) return 'not-started';
  if (/blocked/i.test(s)) return 'blocked';
  if (/partial|in[\s_-]+progress|⚠|⏳|🔄/i.test(s)) return 'partial';
  if (/✅|\bcomplete(d)?\b|\bsuccess\b|\bdone\b/i.test(s)) return 'done';
  return undefined;
}

/**
 * The checkable claims of a document. Lines are read after mojibake repair; fenced code blocks
 * are skipped. At most {@link MAX_CLAIMS} claims (then a `claims-capped` problem).
 */
export function extractClaims(text: string): ExtractedClaims {
  const problems: Problem[] = [];
  const claims: Claim[] = [];
  if (text.trim() === '') {
    problems.push(problem('empty-document', 'warning', 'the document is empty: there are no claims to check', 1));
    return { claims, looksLikeReport: false, problems, lines: 0 };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let fence: string | undefined;
  let session: string | undefined;
  let sessionStatusSeen = false;
  let looksLikeReport = false;
  let date: ExtractedClaims['date'];
  let capped = false;
  const push = (c: Claim): void => {
    if (claims.length >= MAX_CLAIMS) {
      capped = true;
      return;
    }
    claims.push(c);
  };
  for (let i = 0; i < lines.length && !capped; i++) {
    const raw = lines[i] ?? '';
    const no = i + 1;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      const marker = fenceMatch[1] as string;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined || raw.length > MAX_LINE) continue;
    // Repair keeps the line's length in most cases; columns refer to the repaired line.
    const line = repairMojibake(raw);
    if (/^#{1,6}\s/.test(line) || DONE_MARK.test(line) || NOT_DONE_MARK.test(line)) looksLikeReport = true;
    const at = (index: number, length: number, t: string) => ({ line: no, column: index + 1, endColumn: index + 1 + length, text: t.trim().slice(0, 300) });

    if (!date) {
      const d = /^\s*(?:>\s*)?\*\*(?:date|created|generated)\*\*:?\s*(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?)/i.exec(line) ?? /^\s*(?:>\s*)?\*\*(?:date|created|generated):\*\*\s*(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?)/i.exec(line);
      if (d && d[1]) date = { iso: d[1], line: no };
    }

    // Session headings and their statuses.
    const h = SESSION_HEADING.exec(line);
    if (h && /^#{1,4}\s/.test(line)) {
      session = (h[2] ?? '').replace(/[:.]$/, '');
      sessionStatusSeen = false;
      const status = statusWords(h[1] ?? '') ?? statusWords(line.slice(h[0].length).replace(/^[^(]*/, ''));
      if (status) {
        push({ kind: 'session-status', session, status, ...at(0, line.length, line) });
        sessionStatusSeen = true;
      }
    } else if (/^#{1,3}\s/.test(line) && !/session/i.test(line)) {
      session = undefined;
    } else if (session && !sessionStatusSeen) {
      const st = /^\s*\*\*(?:status|outcome)(?::\*\*|\*\*:)\s*(.+)$/i.exec(line);
      const status = st ? statusWords(st[1] ?? '') : undefined;
      if (status) {
        push({ kind: 'session-status', session, status, ...at(0, line.length, line) });
        sessionStatusSeen = true;
      }
    }

    // Backticked tokens: paths and hashes.
    const done = DONE_MARK.test(line) && !/❌|\[ \]/.test(line.slice(0, 12));
    const created = CREATED.test(line);
    let firstPath: { path: string; index: number; length: number } | undefined;
    for (const m of line.matchAll(BACKTICK)) {
      const inner = (m[2] ?? '').trim();
      const index = m.index ?? 0;
      if (/^[0-9a-f]{7,40}$/i.test(inner) && /[a-f]/i.test(inner) && /\d/.test(inner)) {
        push({ kind: 'commit', hash: inner.toLowerCase(), ...at(index, m[0].length, m[0]) });
        continue;
      }
      if (!looksLikePath(inner)) continue;
      const path = inner.replace(/^\.\//, '');
      firstPath ??= { path, index, length: m[0].length };
      if (done || created) push({ kind: 'path', path, created, ...at(index, m[0].length, m[0]) });
    }
    // Bare hashes next to a word saying they are commits.
    if (HASH_WORD.test(line)) {
      const stripped = line.replace(BACKTICK, (s) => ' '.repeat(s.length));
      for (const m of stripped.matchAll(/(?<![\w/#.-])([0-9a-f]{7,40})(?![\w/-])/gi)) {
        const hash = m[1] ?? '';
        if (!/[a-f]/i.test(hash) || !/\d/.test(hash)) continue;
        push({ kind: 'commit', hash: hash.toLowerCase(), ...at(m.index ?? 0, hash.length, hash) });
      }
    }
    // `path (974 lines)`: the count belongs to the line's first path.
    const lc = LINES.exec(line);
    if (lc && firstPath && (lc.index ?? 0) > firstPath.index) {
      push({ kind: 'line-count', path: firstPath.path, lines: toInt(lc[1] ?? '0'), approximate: /~|\+/.test(lc[0]), ...at(lc.index ?? 0, lc[0].length, `${firstPath.path} ${lc[0]}`) });
    }
    // Test counts.
    const tm = TESTS.exec(line);
    if (tm) {
      const word = (tm[2] ?? '').toLowerCase();
      const testPath = firstPath && isTestPath(firstPath.path) ? firstPath.path : undefined;
      push({
        kind: 'tests',
        count: toInt(tm[1] ?? '0'),
        passing: word === 'passing' || word === 'passed' || /\bpass(ing|ed)\b/i.test(line),
        added: /\b(added|new|wrote|written|created)\b/i.test(line),
        ...(testPath ? { path: testPath } : {}),
        ...at(tm.index ?? 0, tm[0].length, tm[0]),
      });
    } else {
      // Table rows: `| **Tests Added** | 16 |`.
      const row = /^\s*\|\s*\**\s*(tests?(?: added| passing| written)?)\s*\**\s*\|\s*(\d{1,3}(?:,\d{3})+|\d+)\s*\|/i.exec(line);
      if (row) {
        const label = (row[1] ?? '').toLowerCase();
        const idx = line.indexOf(row[2] ?? '', row[0].indexOf('|', 2));
        push({ kind: 'tests', count: toInt(row[2] ?? '0'), passing: label.includes('passing'), added: /added|written/.test(label), ...at(idx, (row[2] ?? '').length, row[0]) });
      }
    }
  }
  if (capped) problems.push(problem('claims-capped', 'warning', `more than ${MAX_CLAIMS} claims: only the first ${MAX_CLAIMS} are checked`, claims[claims.length - 1]?.line ?? 1));
  if (claims.length > 0) looksLikeReport = true;
  if (!looksLikeReport) problems.push(problem('not-a-report', 'info', 'this does not look like a handoff or AAR: no headings, status markers or claims', 1));
  return { claims, ...(date ? { date } : {}), looksLikeReport, problems, lines: lines.length };
}
