// `marathon plan FILE`: the capacity what-if (makespan for 1…N instances), the critical path,
// what to start next, reminders and the planning findings of one plan.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseRunLog } from '../../core/clock/runlog';
import type { RunEvent } from '../../core/model';
import { readPlan } from '../../core/plan';
import { planPlan, type Planning } from '../../core/planning';
import { ExitCode, UsageError, displayPath, type CliIo } from '../io';
import { readCommandPlan } from '../load';

/** The output formats of `marathon plan`. */
export const PLAN_FORMATS = ['text', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The most instances the what-if goes to. */
export const MAX_INSTANCES = 64;

export interface PlanOptions {
  file: string;
  /** Rows of the makespan table: from … to instances. */
  from: number;
  to: number;
  format: PlanFormat;
  /** The workspace root whose `.marathon/runlog.jsonl` says what is done (default: cwd). */
  root?: string;
  /** The clock, for tests (ms since the epoch). */
  now?: number;
}

/** `marathon help plan`. */
export const help = `Usage: marathon plan FILE [--instances N|A-B] [--format text|json] [--root DIR]

Plans the work of one plan: the dependency graph (dependsOn, "Requires Phase 1 Complete",
**Prerequisites**: lines, "Cannot Parallelize" lists), its critical path by hours, the makespan
with 1 to N parallel instances (terminals), the items ready to start next, go/no-go reminders,
and budget findings (hours vs total and buffer, agents per tier, terminals, overlapping sessions).

Options:
  -n, --instances N|A-B  rows of the makespan table: 1 to N, or A to B instances (default 1-5,
                         at most ${MAX_INSTANCES})
  -f, --format FORMAT    text (default), or json: graph items, critical path, every row's
                         schedule (item, instance, start, end in hours) for a Gantt chart,
                         next items, reminders, risks and findings
  --root DIR             workspace root whose .marathon/runlog.jsonl says which sessions are
                         done or started (default: current directory; absent log = none)
  -h, --help             show this help

Each item runs on one instance for the upper bound of its hours and is never split; a free
instance takes the ready item with the longest chain of work behind it.

Exit 0 when the plan was read (findings do not fail), 1 when the file could not be read,
2 on a usage error.
`;

/** Parses `marathon plan`'s arguments (after `plan`); `{ help: true }` for -h. Throws UsageError. */
export function parse(args: readonly string[]): PlanOptions | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        instances: { type: 'string', short: 'n' },
        format: { type: 'string', short: 'f' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const name = /'([^']+)'/.exec(message)?.[1];
    const what = (err as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name ? `unknown option '${name}'` : (message.split(/\.\s/)[0] ?? message);
    throw new UsageError(`plan: ${what}`, 'plan');
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true };
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('plan: missing FILE', 'plan');
  if (extra.length > 0) throw new UsageError(`plan takes one FILE (got ${positionals.length})`, 'plan');
  const format = values.format ?? 'text';
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`plan: bad --format '${format}' (use ${PLAN_FORMATS.join(', ')})`, 'plan');
  }
  const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(values.instances ?? '1-5');
  let from = range ? Number(range[2] === undefined ? 1 : range[1]) : NaN;
  let to = range ? Number(range[2] ?? range[1]) : NaN;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > MAX_INSTANCES) {
    throw new UsageError(`plan: bad --instances '${values.instances ?? ''}' (use N or A-B, 1 ≤ A ≤ B ≤ ${MAX_INSTANCES})`, 'plan');
  }
  from = Math.floor(from);
  to = Math.floor(to);
  if (values.root === '') throw new UsageError('plan: --root needs a directory', 'plan');
  return { file, from, to, format: format as PlanFormat, ...(values.root !== undefined ? { root: values.root } : {}) };
}

/** Runs `marathon plan` and resolves to the exit code. */
export async function run(io: CliIo, options: PlanOptions): Promise<number> {
  const loaded = await readCommandPlan(io, options.file);
  if (!loaded) return ExitCode.problems;
  const { abs, shown } = loaded;
  const root = path.resolve(io.cwd, options.root ?? '.');
  const events = await readRunLog(root);
  const { plan } = readPlan(loaded.text, abs);
  const now = options.now ?? Date.now();
  const planning = planPlan(plan, { text: loaded.text, instances: options.to, events, planFile: displayPath(root, abs), now });
  const title = plan.title.trim() || '(untitled plan)';
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(toJson(planning, title, shown, options), null, 2)}\n` : formatText(planning, title, shown, options));
  return ExitCode.ok;
}

async function readRunLog(root: string): Promise<RunEvent[]> {
  try {
    return parseRunLog(await fs.readFile(path.join(root, '.marathon', 'runlog.jsonl'), 'utf8')).events;
  } catch {
    // No run log (or unreadable): nothing has started yet as far as the plan can tell.
    return [];
  }
}

/** `4`, `3.5`, `0.33`. */
function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

/** `12 h`, or `520 h (13 wk)` from two working weeks up. */
export function hours(h: number): string {
  return h >= 80 ? `${num(h)} h (${num(Math.round((h / 40) * 10) / 10)} wk)` : `${num(h)} h`;
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd());
}

function wrap(text: string, width = 96, indent = '  '): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width - indent.length) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}

function dueText(ms: number): string {
  const h = ms / 3_600_000;
  if (h >= 24 && h % 24 === 0) return `${num(h / 24)} day${h === 24 ? '' : 's'} after the start`;
  return `${num(Math.round(h * 100) / 100)} h after the start`;
}

/** The text report. */
export function formatText(p: Planning, title: string, file: string, o: Pick<PlanOptions, 'from' | 'to'>): string {
  const { graph, criticalPath: cp, table: t } = p;
  const label = (i: number): string => graph.items[i]?.label ?? '?';
  const out: string[] = [title, `  file: ${file} · ${graph.items.length} items · ${hours(t.totalHours)} of work · critical path ${hours(cp.hours)}`];
  out.push('', `Makespan with ${o.from === o.to ? o.from : `${o.from}-${o.to}`} instance${o.to === 1 ? '' : 's'}`);
  const rows = t.rows.filter((r) => r.instances >= o.from);
  out.push(...table([['N', 'makespan', 'speed-up', 'utilisation'], ...rows.map((r) => [String(r.instances), hours(r.makespan), `${r.speedup.toFixed(2)}×`, `${Math.round(r.utilisation * 100)}%`])]));
  out.push(...wrap(`Assumption: ${t.assumption}`));

  out.push('', `Critical path: ${hours(cp.hours)}`);
  const onPath = cp.path.filter((i) => (graph.weight[i] ?? 0) > 0);
  if (onPath.length === 0) out.push('  none (no item has hours)');
  out.push(...table(onPath.map((i) => [label(i), graph.items[i]?.title ?? '', hours(graph.weight[i] ?? 0), `${num(cp.earliestStart[i] ?? 0)} → ${num(cp.earliestFinish[i] ?? 0)} h`])));

  const started = graph.items.map((_, i) => i).filter((i) => p.states[i] === 'started');
  if (started.length > 0) out.push('', `In progress (${started.length})`, ...table(started.map((i) => [label(i), graph.items[i]?.title ?? ''])));
  out.push('', `Next: ready to start (${p.next.length})`);
  if (p.next.length === 0) out.push(p.states.every((s) => s === 'done') ? '  nothing: every item is done' : '  nothing is ready: every remaining item waits for one in progress');
  out.push(...table(p.next.slice(0, 15).map((n) => [label(n.item), graph.items[n.item]?.title ?? '', hours(graph.weight[n.item] ?? 0), n.critical ? 'critical' : `slack ${hours(n.slack)}`])));
  if (p.next.length > 15) out.push(`  … ${p.next.length - 15} more`);

  const checkpoints = p.reminders.filter((r) => r.series === undefined);
  const checkIns = p.reminders.filter((r) => r.series !== undefined);
  if (p.reminders.length > 0) {
    out.push('', `Reminders (${checkpoints.length} checkpoint${checkpoints.length === 1 ? '' : 's'}${checkIns.length > 0 ? `, ${checkIns.length} check-ins` : ''})`);
    out.push(...table(checkpoints.map((r) => [r.title, dueText(r.dueAt), r.options.join(' / ')])));
    const first = checkIns[0];
    if (first) out.push(`  check-in every ${dueText(first.dueAt).replace(' after the start', '')}, ${first.options.join(' / ')} (line ${first.line})`);
  }
  out.push('', `Findings (${p.findings.length})`);
  if (p.findings.length === 0) out.push('  none');
  for (const f of p.findings) out.push(`  ${file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  return out.join('\n') + '\n';
}

/** The JSON report: everything a Gantt chart or a tree view needs. */
export function toJson(p: Planning, title: string, file: string, o: Pick<PlanOptions, 'from' | 'to'>): unknown {
  const { graph, criticalPath: cp } = p;
  const key = (i: number): string => graph.items[i]?.key ?? '';
  return {
    file,
    title,
    assumption: p.table.assumption,
    assumptions: graph.assumptions,
    totalHours: p.table.totalHours,
    criticalPath: { hours: cp.hours, items: cp.path.map(key) },
    items: graph.items.map((it, i) => {
      const dependsOn: string[] = [];
      for (let k = graph.predStart[i]!; k < graph.predStart[i + 1]!; k++) dependsOn.push(key(graph.preds[k]!));
      return {
        key: it.key, kind: it.kind, id: it.id, label: it.label, title: it.title, hours: it.hours, hoursSource: it.hoursSource,
        ...(it.statedHours !== undefined ? { statedHours: it.statedHours } : {}),
        ...(it.parent !== undefined ? { parent: key(it.parent) } : {}),
        dependsOn, state: p.states[i], line: it.line,
        earliestStart: cp.earliestStart[i], earliestFinish: cp.earliestFinish[i], slack: cp.slack[i],
      };
    }),
    makespan: p.table.rows.filter((r) => r.instances >= o.from).map((r) => ({
      instances: r.instances, makespan: r.makespan, speedup: r.speedup, utilisation: r.utilisation,
      schedule: r.schedule.items.map((s) => ({ item: key(s.item), instance: s.instance + 1, start: s.start, end: s.end })),
    })),
    next: p.next.map((n) => ({ item: key(n.item), critical: n.critical, slack: n.slack, remaining: n.remaining })),
    reminders: p.reminders,
    risks: p.risks,
    findings: p.findings.map((f) => ({ file, ...f })),
  };
}
