// `deliverable-stub`: a deliverable exists but holds only the shape of the work.
import type { Finding, RelatedInfo } from '../../findings';
import { detectStubs, type StubReport } from '../../stubs';
import { joinSome } from '../util';
import type { Probe } from './files';
import { onPlanLine, related } from './finding';
import type { DeliverableState, GitCheckContext } from './types';

/** Most stub files of one glob deliverable reported. */
const GLOB_REPORT_LIMIT = 10;

/** `fetch (line 3), save (line 9)` or `lines 5, 7`. */
function where(report: StubReport): string {
  if (report.functions.length > 0) return joinSome(report.functions.map((f) => `${f.name} (line ${f.line})`));
  return report.lines.length === 1 ? `line ${report.lines[0]}` : `lines ${joinSome(report.lines.map(String))}`;
}

function stubFinding(ctx: GitCheckContext, state: DeliverableState, file: string, report: StubReport): Finding {
  const shown = file === state.target ? state.written : file;
  const message = report.stub
    ? `The deliverable \`${shown}\` is a stub: ${report.reason} — ${where(report)}.`
    : `The deliverable \`${shown}\` has stub functions: ${where(report)} — ${report.reason}.`;
  const rel: RelatedInfo[] = report.functions.length > 0
    ? report.functions.map((f) => related(file, `${f.name}: a stub`, f.line))
    : report.lines.slice(0, 20).map((l) => related(file, report.reason, l));
  return { ...onPlanLine(ctx.planFile, 'deliverable-stub', 'warning', message, state.deliverable.line, state.session.id), related: rel };
}

function textOf(p: Probe | undefined): string | undefined {
  return p?.kind === 'file' && !p.binary && !p.tooLarge ? p.text : undefined;
}

/**
 * `deliverable-stub` (warning, on the deliverable's line): an existing deliverable of a session
 * whose work has begun (or that is finished, or marked ✅) is a stub by `detectStubs` — the
 * message names the stub functions or placeholder lines — or has stub functions among real
 * ones; an existing deliverable folder is empty. Binary files and files over 2 MB are not read.
 */
export function checkDeliverableStub(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const state of ctx.deliverables) {
    if (state.kind === 'glob') {
      let reported = 0;
      for (const m of state.matches ?? []) {
        const text = textOf(m);
        if (text === undefined || reported >= GLOB_REPORT_LIMIT) continue;
        const report = detectStubs(m.path, text);
        if (!report.stub && report.functions.length === 0) continue;
        findings.push(stubFinding(ctx, state, m.path, report));
        reported++;
      }
      continue;
    }
    const p = state.probe;
    if (state.kind === 'folder' && p?.kind === 'folder' && p.empty) {
      const message = `The deliverable folder \`${state.written}\` is empty.`;
      findings.push(onPlanLine(ctx.planFile, 'deliverable-stub', 'warning', message, state.deliverable.line, state.session.id));
      continue;
    }
    const text = textOf(p);
    if (text === undefined || !state.target) continue;
    const report = detectStubs(state.target, text);
    if (report.stub || report.functions.length > 0) findings.push(stubFinding(ctx, state, state.target, report));
  }
  return findings;
}

