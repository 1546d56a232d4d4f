import type { Plan, Problem, Session } from '../model';
import { at, fmtSpan, hoursSpan, idKey, list, str } from './util';
import { parseRef } from './refs';

// Summary rows of an overview table, not sessions.
const SUMMARY_RE = /^(total|totals|sum|all)\b/i;
const LEADING_EMPHASIS = /^[*_`]+/;

const EPSILON = 1e-9;

/**
 * Compares the overview table with the session sections:
 * `overview-missing-session` (a row with no section), `overview-unlisted-session` (a section with
 * no row, only when there is an overview) and `overview-hours-mismatch` (both give hours, differing).
 */
export function checkOverview(plan: Plan): Problem[] {
  const rows = list(plan.overview).filter((r) => r != null);
  if (rows.length === 0) return [];
  const sessions = list(plan.sessions);
  const keys = sessions.map((s) => idKey(s?.id)); // each session's key, computed once
  const sections = new Map<string, Session>();
  sessions.forEach((s, i) => {
    const key = keys[i]!;
    if (s && key && !sections.has(key)) sections.set(key, s);
  });
  const problems: Problem[] = [];
  const listed = new Set<string>();
  for (const row of rows) {
    const written = str(row.session).trim();
    const c = written.charCodeAt(0);
    const bare = c === 42 || c === 95 || c === 96 ? written.replace(LEADING_EMPHASIS, '') : written; // * _ `
    // (Only `t`, `s` or `a`, in either case, can start a summary word.)
    const first = bare.charCodeAt(0) | 0x20;
    if ((first === 116 || first === 115 || first === 97) && SUMMARY_RE.test(bare)) continue;
    const key = parseRef(written)?.key ?? '';
    if (!key) continue;
    listed.add(key);
    const section = sections.get(key);
    if (!section) {
      problems.push(
        at('overview-missing-session', 'warning', `The overview lists session ${written}, but the plan has no section for it.`, row.line),
      );
      continue;
    }
    const a = hoursSpan(row.hours);
    const b = hoursSpan(section.hours);
    if (a && b && (Math.abs(a[0] - b[0]) > EPSILON || Math.abs(a[1] - b[1]) > EPSILON)) {
      problems.push(
        at(
          'overview-hours-mismatch',
          'warning',
          `The overview gives session ${written} ${fmtSpan(a)}, but its section (line ${section.line}) says ${fmtSpan(b)}.`,
          row.line,
        ),
      );
    }
  }
  const reported = new Set<string>();
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i];
    const key = keys[i]!;
    if (!s || !key || listed.has(key) || reported.has(key)) continue;
    reported.add(key);
    problems.push(
      at('overview-unlisted-session', 'warning', `Session ${str(s.id).trim()} has a section but is not in the overview table.`, s.line),
    );
  }
  return problems;
}
