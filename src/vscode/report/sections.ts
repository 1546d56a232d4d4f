// The computed panels of a report: metric cards, the timeline, the schedule ("Plan"), the
// deliverables matrix and the findings. Each returns an HTML string built only from escaped values.
import { budgetStatus, ganttSvg, timelineSvg } from './charts';
import { esc, formatHours, hours, list, oneOf, positiveInt } from './escape';
import { icon } from './icons';
import { plural } from '../../core/words';
import type { ReportView } from './view';

type Deliverable = ReportView['deliverables'][number];
type Finding = ReportView['findings'][number];

const STATES = ['present', 'stub', 'missing', 'outside'] as const;
const STATE_LABEL: Record<(typeof STATES)[number], string> = { present: 'present', stub: 'stub', missing: 'missing', outside: 'outside scope' };
const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Above this many deliverables the full matrix is folded and the ones needing attention lead. */
const FOLD_DELIVERABLES = 40;

function section(id: string, heading: string, inner: string, extra = ''): string {
  return `<section class="panel panel-${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">${heading}${extra}</h2>${inner}</section>`;
}

export function metricsSection(metrics: ReportView['metrics']): string {
  const cards = list(metrics).map(
    (m) =>
      `<li class="metric"><span class="metric-label">${esc(m.label)}</span><span class="metric-value">${esc(m.value)}</span>${
        m.detail ? `<span class="metric-detail">${esc(m.detail)}</span>` : ''
      }</li>`,
  );
  return cards.length ? `<section class="panel panel-metrics" aria-label="Key figures"><ul class="metric-grid">${cards.join('')}</ul></section>` : '';
}

export function timelineSection(rows: ReportView['timeline']): string {
  const sessions = list(rows);
  if (!sessions.length) return '';
  let planned = 0;
  let actual = 0;
  let plannedTimed = 0;
  let actualStopped = 0;
  let timed = 0;
  let live = 0;
  let over = 0;
  for (const r of sessions) {
    planned += hours(r.plannedHours) ?? 0;
    const a = hours(r.actualHours);
    if (a !== undefined) {
      timed++;
      actual += a;
      // A session on the clock has hours so far: compared with its plan only once it stops.
      if (r.onClock) live++;
      else {
        actualStopped += a;
        plannedTimed += hours(r.plannedHours) ?? 0;
      }
    }
    const status = budgetStatus(hours(r.plannedHours), a);
    if (status === 'warn' || status === 'over') over++;
  }
  // Actual hours compare only with the plan of the sessions that were timed and have stopped: no
  // timer, no figure; still running, no figure yet; less than a minute of clock, no figure (a
  // session started and stopped at once would read -100%).
  const delta =
    timed > live && plannedTimed > 0 && actualStopped >= 1 / 60 ? Math.round(((actualStopped - plannedTimed) / plannedTimed) * 100) : undefined;
  const stopped = timed - live;
  const comparison =
    delta === undefined
      ? ''
      : live === 0
        ? ` (${delta > 0 ? '+' : ''}${delta}% of their ${esc(formatHours(plannedTimed))})`
        : ` (the ${stopped} stopped: ${delta > 0 ? '+' : ''}${delta}% of their ${esc(formatHours(plannedTimed))})`;
  const measured =
    timed === 0
      ? ' · no session timed yet'
      : ` · actual <strong>${esc(formatHours(actual))}</strong> over ${plural(timed, 'timed session')}${comparison}${
          live > 0 ? `, ${live} still on the clock` : ''
        } · ${over} of ${plural(sessions.length, 'session')} over budget`;
  const summary = `<p class="panel-summary">Planned <strong>${esc(formatHours(planned))}</strong>${measured}</p>`;
  const legend =
    '<ul class="legend" aria-hidden="true"><li><span class="swatch sw-planned"></span>planned</li><li><span class="swatch sw-ok"></span>actual, within budget</li>' +
    '<li><span class="swatch sw-warn"></span>up to 25% over</li><li><span class="swatch sw-over"></span>more than 25% over</li><li><span class="swatch sw-unplanned"></span>no budget</li></ul>';
  const table = sessions
    .map((r) => {
      const p = hours(r.plannedHours);
      const a = hours(r.actualHours);
      const status = budgetStatus(p, a);
      return `<tr class="tl-row-${status}"><th scope="row">${esc(r.session)}</th><td>${esc(r.title)}</td><td class="num">${p === undefined ? '—' : esc(formatHours(p))}</td><td class="num">${
        a === undefined ? '—' : esc(formatHours(a))
      }</td><td class="num">${p && a !== undefined && !r.onClock ? esc(`${a >= p ? '+' : ''}${formatHours(a - p)}`) : '—'}</td><td>${esc(
        [r.note, r.onClock ? 'on the clock' : ''].filter(Boolean).join('; '),
      )}</td></tr>`;
    })
    .join('');
  const details = `<details class="data-table"><summary>Hours per session (table)</summary><table><thead><tr><th scope="col">Session</th><th scope="col">Title</th><th scope="col" class="num">Planned</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Δ</th><th scope="col">Note</th></tr></thead><tbody>${table}</tbody></table></details>`;
  return section('timeline', 'Timeline', `${summary}<figure class="chart-frame">${timelineSvg(sessions)}</figure>${legend}${details}`);
}

export function scheduleSection(schedule: ReportView['schedule']): string {
  if (!schedule || typeof schedule !== 'object') return '';
  const instances = positiveInt(schedule.instances, 1);
  const caption = `<p class="panel-summary"><strong>${instances}</strong> instance${instances === 1 ? '' : 's'} · makespan <strong>${esc(
    formatHours(hours(schedule.makespanHours) ?? 0),
  )}</strong>${schedule.assumption ? ` · <span class="assumption">${esc(schedule.assumption)}</span>` : ''}</p>`;
  const legend = '<ul class="legend" aria-hidden="true"><li><span class="swatch sw-critical"></span>critical path</li><li><span class="swatch sw-scheduled"></span>other work</li><li><span class="swatch sw-makespan"></span>makespan</li></ul>';
  return section('plan', 'Plan', `${caption}<figure class="chart-frame">${ganttSvg(schedule)}</figure>${legend}`);
}

function stateCell(state: unknown): string {
  const s = oneOf(state, STATES, 'missing');
  return `<span class="state state-${s}">${icon(s)}<span class="state-label">${STATE_LABEL[s]}</span></span>`;
}

function deliverableTable(rows: readonly Deliverable[]): string {
  let previous: unknown;
  const body = rows
    .map((d) => {
      const same = d.session === previous;
      previous = d.session;
      const lines = hours(d.lines);
      return `<tr><th scope="row" class="${same ? 'same-session' : ''}">${esc(d.session)}</th><td class="path">${esc(d.path)}</td><td>${stateCell(d.state)}</td><td class="num">${
        lines === undefined ? '' : esc(Math.round(lines))
      }</td></tr>`;
    })
    .join('');
  return `<table class="deliverables"><thead><tr><th scope="col">Session</th><th scope="col">Path</th><th scope="col">State</th><th scope="col" class="num">Lines</th></tr></thead><tbody>${body}</tbody></table>`;
}

export function deliverablesSection(deliverables: ReportView['deliverables']): string {
  const rows = list(deliverables);
  if (!rows.length) return '';
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<(typeof STATES)[number], number>;
  for (const d of rows) counts[oneOf(d.state, STATES, 'missing')]++;
  const chips = STATES.filter((s) => counts[s] > 0 || s !== 'outside')
    .map((s) => `<li class="count state-${s}">${icon(s)}<strong>${counts[s]}</strong> ${STATE_LABEL[s]}</li>`)
    .join('');
  let inner = `<ul class="counts">${chips}</ul>`;
  if (rows.length <= FOLD_DELIVERABLES) {
    inner += deliverableTable(rows);
  } else {
    const attention = rows.filter((d) => oneOf(d.state, STATES, 'missing') !== 'present');
    inner += attention.length
      ? `<h3>Needs attention</h3>${deliverableTable(attention)}`
      : '<p class="all-good">Every deliverable is present.</p>';
    inner += `<details class="data-table"><summary>All ${rows.length} deliverables</summary>${deliverableTable(rows)}</details>`;
  }
  return section('deliverables', 'Deliverables', inner);
}

function location(f: Finding): string {
  const line = positiveInt(f.line, 1);
  const column = f.column === undefined ? undefined : positiveInt(f.column, 1);
  return `${f.file}:${line}${column === undefined ? '' : `:${column}`}`;
}

/** Findings, errors first; buttons the script turns into `open` messages, or plain text for export. */
export function findingsSection(findings: ReportView['findings'], interactive: boolean): string {
  const rows = list(findings)
    .map((f, i) => ({ f, i, sev: oneOf(f.severity, SEVERITIES, 'error') }))
    .sort((a, b) => SEVERITIES.indexOf(a.sev) - SEVERITIES.indexOf(b.sev) || a.i - b.i);
  if (!rows.length) return '';
  const items = rows.map(({ f, sev }) => {
    const inner = `${icon(sev)}<span class="finding-code">${esc(f.code)}</span><span class="finding-message">${esc(f.message)}</span><span class="finding-loc">${esc(location(f))}</span>`;
    if (!interactive) return `<li class="finding sev-${sev}">${inner}</li>`;
    const column = f.column === undefined ? '' : ` data-column="${positiveInt(f.column, 1)}"`;
    return `<li><button type="button" class="finding sev-${sev}" data-file="${esc(f.file)}" data-line="${positiveInt(f.line, 1)}"${column} title="${esc(`Open ${location(f)}`)}">${inner}</button></li>`;
  });
  const count = SEVERITIES.map((s) => [s, rows.filter((r) => r.sev === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<span class="count-badge sev-${s}">${n} ${s}${n === 1 ? '' : s === 'info' ? '' : 's'}</span>`)
    .join('');
  return section('findings', 'Findings', `<ul class="findings">${items.join('')}</ul>`, count);
}

/** Header: kind badge, title, and the parts a partial report could not compute. */
export function headerSection(view: ReportView, kindLabel: string, kind: string): string {
  const partial = list(view.partial);
  const notice = partial.length
    ? `<div class="notice notice-partial" role="note">${icon('stub')}<div><strong>Partial report.</strong> Not computed: <ul>${partial
        .map((p) => `<li>${esc(p)}</li>`)
        .join('')}</ul></div></div>`
    : '';
  return `<header class="report-header"><span class="kind-badge kind-${kind}">${esc(kindLabel)}</span><h1>${esc(view.title)}</h1></header>${notice}`;
}
