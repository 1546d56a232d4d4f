// The "Plan" report: a plan's critical path, its schedule on N instances and the makespan what-if,
// as a ReportView. Pure (no vscode import): the panel and the unit tests call the same function.
import type { Plan } from '../../core/model';
import { planPlan, type MakespanTable, type Planning } from '../../core/planning';
import { formatHours } from './escape';
import type { ReportView } from './view';

/** The makespan table in the report's markdown covers 1…this many instances (more when N is larger). */
export const TABLE_INSTANCES = 8;

export interface PlanViewInput {
  plan: Plan;
  /** The plan's path relative to its workspace folder, `/`-separated: the findings' `file`. */
  relPath: string;
  /** The plan's text (markdown plans): prose dependencies, budget tables, check-ins. */
  text?: string;
  /** Instances (terminals) to schedule on; at least 1. */
  instances: number;
  /** Hours spent per session id, from the run log, when known. */
  actualHours?: ReadonlyMap<string, number>;
  /** Ids of the sessions on the clock (running or paused): their hours are hours so far. */
  onClock?: ReadonlySet<string>;
}

const EPS = 1e-9;

/** The Plan report of a plan on `instances` instances. Never throws on a user's plan. */
export function planView(input: PlanViewInput): ReportView {
  const n = Math.max(1, Math.floor(Number.isFinite(input.instances) ? input.instances : 1));
  const planning = planPlan(input.plan, { ...(input.text !== undefined ? { text: input.text } : {}), instances: Math.max(n, TABLE_INSTANCES) });
  const { graph, table } = planning;
  const row = table.rows[n - 1] ?? table.rows[table.rows.length - 1];
  const view: ReportView = {
    title: input.plan.title || input.relPath,
    kind: 'plan',
    markdown: makespanMarkdown(table, n, graph.assumptions),
    metrics: metrics(planning, n),
    timeline: input.plan.sessions.map((s) => {
      const actual = input.actualHours?.get(s.id);
      return {
        session: s.id,
        title: s.title,
        ...(s.hours ? { plannedHours: s.hours.max } : {}),
        ...(actual !== undefined ? { actualHours: actual } : {}),
        ...(input.onClock?.has(s.id) ? { onClock: true } : {}),
      };
    }),
    deliverables: [],
    findings: planning.findings.map((p) => ({ code: p.code, severity: p.severity, message: p.message, file: input.relPath, line: p.line, column: p.column })),
  };
  if (row) {
    view.schedule = {
      instances: n,
      makespanHours: row.makespan,
      assumption: table.assumption,
      // Items that take no time (containers, items without hours) have no bar to draw.
      items: row.schedule.items
        .filter((s) => s.end - s.start > EPS)
        .map((s) => {
          const item = graph.items[s.item]!;
          return { id: item.label, title: item.title, instance: s.instance + 1, start: s.start, end: s.end, critical: (planning.criticalPath.slack[s.item] ?? 1) <= EPS };
        }),
    };
  }
  if (graph.items.length === 0) view.partial = ['the plan has no sessions, phases, streams or tasks to schedule'];
  return view;
}

function metrics(planning: Planning, n: number): ReportView['metrics'] {
  const { table, graph, criticalPath: cp } = planning;
  const row = table.rows[n - 1];
  const chain = cp.path.filter((i) => (graph.weight[i] ?? 0) > 0).map((i) => graph.items[i]!.label);
  const out: ReportView['metrics'] = [
    { label: 'Total hours', value: formatHours(table.totalHours), detail: `${graph.items.length} item${graph.items.length === 1 ? '' : 's'}, one after another` },
    { label: 'Critical path', value: formatHours(table.criticalPathHours), ...(chain.length ? { detail: shortChain(chain) } : {}) },
  ];
  if (row) {
    out.push(
      { label: `Makespan on ${n}`, value: formatHours(row.makespan), detail: `${n} instance${n === 1 ? '' : 's'}, ${Math.round(row.utilisation * 100)}% busy` },
      { label: `Speed-up on ${n}`, value: `${row.speedup.toFixed(2)}×`, detail: 'against one instance' },
    );
  }
  return out;
}

function shortChain(labels: string[]): string {
  return labels.length <= 5 ? labels.join(' → ') : `${labels.slice(0, 2).join(' → ')} → … (${labels.length - 4} more) → ${labels.slice(-2).join(' → ')}`;
}

/** The makespan for 1…max(8, N) instances as a markdown table, N in bold, then the assumptions. */
export function makespanMarkdown(table: MakespanTable, n: number, assumptions: readonly string[] = []): string {
  const lines = [
    '## Makespan by number of instances',
    '',
    '| Instances | Makespan | Speed-up | Utilisation |',
    '|---:|---:|---:|---:|',
  ];
  for (const r of table.rows) {
    const cells = [String(r.instances), formatHours(r.makespan), `${r.speedup.toFixed(2)}×`, `${Math.round(r.utilisation * 100)}%`];
    lines.push(`| ${(r.instances === n ? cells.map((c) => `**${c}**`) : cells).join(' | ')} |`);
  }
  lines.push('', `Total ${formatHours(table.totalHours)} · critical path ${formatHours(table.criticalPathHours)}: no number of instances finishes sooner.`, '');
  lines.push(`*Assumption:* ${table.assumption}`);
  if (assumptions.length > 0) lines.push('', ...assumptions.map((a) => `- ${a.replace(/[\r\n]+/g, ' ')}`));
  return `${lines.join('\n')}\n`;
}
