// Shapes and printing of the bench's figures.
import type { ReadResult } from '../src/core/model';
import type { Measurement, Timing } from './measure';

/** One target of a row and whether the measurement met it. */
export interface Target {
  name: string;
  met: boolean;
}

/** The figures for one input. Ratios are the other tool's median over Marathon's. */
export interface Row {
  file: string;
  bytes: number;
  marathon: Measurement;
  markdownIt: Timing;
  markdownlint: Timing;
  ratioMarkdownIt: number;
  ratioMarkdownlint: number;
  targets: Target[];
}

/** What the reader found in a plan, so a reader of the figures can see the work was real. */
export interface PlanSummary {
  sessions: number;
  tasks: number;
  overviewRows: number;
  criteria: number;
  deliverables: number;
  problems: number;
}

/** Counts the model's main collections; tasks include those of sessions, streams and the plan. */
export function summarisePlan({ plan, problems }: ReadResult): PlanSummary {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    sessions: plan.sessions.length,
    tasks: sum(plan.sessions.map((s) => s.tasks.length)) + sum(plan.streams.map((s) => s.tasks.length)) + plan.tasks.length,
    overviewRows: plan.overview.length,
    criteria: sum(plan.sessions.map((s) => s.criteria.length)),
    deliverables: sum(plan.sessions.map((s) => s.deliverables.length)),
    problems: problems.length,
  };
}

function ms(t: Timing): string {
  return millis(t.medianMs);
}

function millis(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toFixed(3);
}

function times(r: number): string {
  return r >= 1e5 ? '>1e5x' : `${r >= 100 ? r.toFixed(0) : r.toFixed(1)}x`;
}

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

/** A plain-text table of the rows, one line per input. */
export function formatTable(rows: readonly Row[]): string {
  const head = ['file', 'size', 'marathon ms', 'markdown-it ms', 'markdownlint ms', 'md-it/mar', 'mdlint/mar', 'targets'];
  const body = rows.map((r) => [
    r.file,
    size(r.bytes),
    `${ms(r.marathon)} (n=${r.marathon.runs})`,
    `${ms(r.markdownIt)} (n=${r.markdownIt.runs})`,
    `${ms(r.markdownlint)} (n=${r.markdownlint.runs})`,
    times(r.ratioMarkdownIt),
    times(r.ratioMarkdownlint),
    r.targets.map((t) => `${t.name} ${t.met ? 'met' : 'NOT met'}`).join(', '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** A fixed task timed beside Marathon's runs (see measure's `reference`), and what it is. */
export interface ReferenceTask {
  label: string;
  run: () => unknown;
}

/**
 * For each row: Marathon's median and fastest run, and the same for the reference task (named by
 * `referenceLabel`) timed beside it. When the reference's median is well above its fastest, the
 * machine itself ran slower for part of the runs, and Marathon's median carries that slowdown too.
 */
export function formatMachineSpeed(rows: readonly Row[], referenceLabel: string): string {
  const spread = (t: Timing) => `median ${ms(t)} ms, fastest ${millis(t.minMs)} ms (${(t.medianMs / Math.max(t.minMs, 1e-6)).toFixed(2)}x)`;
  const lines = rows.flatMap((r) => (r.marathon.reference ? [`  ${r.file}: Marathon ${spread(r.marathon)}; reference ${spread(r.marathon.reference)}`] : []));
  if (lines.length === 0) return '';
  return [`Machine speed during Marathon's runs (reference: ${referenceLabel}, timed after each run):`, ...lines].join('\n');
}

/**
 * For each row measured with `gc`: how many of Marathon's timed runs the garbage collector paused,
 * for how long on average, and the median of the runs it did not pause beside the median of all.
 */
export function formatGc(rows: readonly Row[]): string {
  const lines = rows.flatMap((r) => {
    const gc = r.marathon.gc;
    if (!gc) return [];
    const without = r.marathon.runs - gc.runsWithGc;
    const rest = gc.medianWithoutGcMs === undefined ? 'no run without one' : `median of the ${without} run(s) without one ${millis(gc.medianWithoutGcMs)} ms`;
    return [`  ${r.file}: paused ${gc.runsWithGc} of ${r.marathon.runs} runs, ${millis(gc.meanGcMs)} ms a run on average; ${rest} (median of all ${ms(r.marathon)} ms)`];
  });
  if (lines.length === 0) return '';
  return ["Garbage collector's pauses inside Marathon's timed runs (v8.GCProfiler):", ...lines].join('\n');
}
