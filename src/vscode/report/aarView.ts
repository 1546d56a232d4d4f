// The report view of a plan or an AAR, from the AAR model: pure (no vscode), so it is unit-tested.
import { onClock } from '../../core/clock';
import type { AarModel } from '../../core/reports/aar';
import type { ReportView } from './view';
import { plural } from '../../core/words';

const HOUR = 3_600_000;

/** A finding as the view lists it (already made workspace-relative by the caller). */
export type ViewFinding = ReportView['findings'][number];

function hours(ms: number): string {
  return `${(ms / HOUR).toFixed(1)} h`;
}

/**
 * The panels of a report computed from a plan's AAR model: metric cards, planned vs actual hours
 * per session, the deliverables matrix and the findings. `markdown` is the document shown below.
 */
export function aarReportView(model: AarModel, opts: { kind: ReportView['kind']; markdown: string; findings: ViewFinding[]; title?: string }): ReportView {
  const t = model.totals;
  const partial: string[] = [...model.notMeasured];
  const metrics: ReportView['metrics'] = [
    { label: 'Sessions', value: `${t.byStatus.done} done of ${t.sessions}`, detail: `${t.byStatus.partial} partial · ${t.byStatus.blocked} blocked · ${t.byStatus['not-started']} not started` },
    {
      label: 'Completion',
      value: t.percent === undefined ? 'not measured' : `${Math.round(t.percent)}%`,
      detail: `${t.itemsDone} of ${t.items} criteria and deliverables`,
    },
    {
      label: 'Hours',
      // Sessions still on the clock are left out of the sums: their hours so far say nothing yet.
      value: t.timedSessions > 0 ? `${hours(t.actualMs)} of ${hours(t.plannedMs)}` : t.onClock.length ? 'on the clock' : 'no timer data',
      // Efficiency (planned ÷ actual) over less than a minute of clock would be a meaningless figure.
      detail:
        (t.timedSessions === 0
          ? t.onClock.length ? 'compared with the plan once stopped' : 'no session was timed'
          : `actual of planned, over ${plural(t.timedSessions, 'timed session')}${t.efficiency !== undefined && t.actualMs >= 60_000 ? ` · efficiency ${t.efficiency.toFixed(2)}` : ''}`) +
        (t.onClock.length ? ` · ${t.onClock.length} still on the clock` : ''),
    },
    {
      label: 'Deliverables',
      value: `${t.deliverables.present} present`,
      detail: `${plural(t.deliverables.stub, 'stub')} · ${t.deliverables.missing} missing${t.deliverables.unchecked ? ` · ${t.deliverables.unchecked} unchecked` : ''}`,
    },
  ];
  if (model.git) {
    metrics.push({
      label: 'Git',
      value: plural(model.git.commits.length, 'commit'),
      detail: `${plural(model.git.filesChanged, 'file')} · +${model.git.insertions} −${model.git.deletions} · ${plural(model.git.authors.length, 'author')}`,
    });
  }
  if (model.terminals.maxConcurrent > 0) {
    metrics.push({
      label: 'Terminals',
      value: `${model.terminals.maxConcurrent} at once`,
      detail: model.terminals.factor === undefined ? 'parallel factor not measured' : `parallel factor ${model.terminals.factor.toFixed(2)}`,
    });
  }
  return {
    title: opts.title ?? model.title,
    kind: opts.kind,
    markdown: opts.markdown,
    ...(partial.length ? { partial } : {}),
    metrics,
    timeline: model.sessions.map((s) => ({
      session: s.id,
      title: s.title,
      ...(s.plannedMs !== undefined ? { plannedHours: s.plannedMs / HOUR } : {}),
      ...(s.actualMs !== undefined ? { actualHours: s.actualMs / HOUR } : {}),
      ...(onClock(s.runState) ? { onClock: true } : {}),
      note: s.actualMs === undefined ? `${s.status}; no timer data` : s.status,
    })),
    deliverables: model.sessions.flatMap((s) =>
      s.deliverables
        .filter((d) => d.path !== undefined && d.state !== 'unchecked')
        .map((d) => ({ session: s.id, path: d.path ?? d.text, state: d.state as 'present' | 'stub' | 'missing', ...(d.lines !== undefined ? { lines: d.lines } : {}) })),
    ),
    findings: opts.findings,
  };
}
