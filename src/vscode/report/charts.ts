// The two inline-SVG charts of the report: planned vs actual hours per session (a column chart),
// and the schedule as a Gantt chart. Colours come from CSS classes (theme variables), every text
// and attribute value is escaped, every number is checked before it becomes a coordinate.
import { esc, finite, formatHours, hours, list, px, truncate } from './escape';
import type { ReportView } from './view';
import { plural } from '../../core/words';

type TimelineRow = ReportView['timeline'][number];
type Schedule = NonNullable<ReportView['schedule']>;

const WIDTH = 1000;
const MAX_LANES = 64;

/** How an actual figure compares with its budget; a class name, never data. */
export type BudgetStatus = 'ok' | 'warn' | 'over' | 'unplanned' | 'pending';

export function budgetStatus(planned: number | undefined, actual: number | undefined): BudgetStatus {
  if (actual === undefined) return 'pending';
  if (planned === undefined || planned === 0) return 'unplanned';
  if (actual <= planned) return 'ok';
  return actual <= planned * 1.25 ? 'warn' : 'over';
}

/** A round axis maximum and tick step for values up to `max` (absurd maxima are capped at 1e9 h). */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, step: 1 };
  const capped = Math.min(max, 1e9);
  const raw = capped / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return step > 0 ? { max: Math.ceil(capped / step - 1e-9) * step, step } : { max: 1, step: 1 };
}

/** The tick values of a scale: 0, step, 2·step, … up to max (at most 21 of them). */
function ticks(scale: { max: number; step: number }): number[] {
  const n = Math.min(20, Math.round(scale.max / scale.step));
  return Array.from({ length: n + 1 }, (_, k) => k * scale.step);
}

/** A sentence for one session, used for the tooltip and the bars' accessible labels. */
export function sessionSummary(row: TimelineRow): string {
  const planned = hours(row.plannedHours);
  const actual = hours(row.actualHours);
  const parts = [`Session ${row.session}${row.title ? `: ${row.title}` : ''}`];
  parts.push(planned === undefined ? 'no budget' : `planned ${formatHours(planned)}`);
  parts.push(actual === undefined ? 'not run' : `actual ${formatHours(actual)}${row.onClock ? ' so far, on the clock' : ''}`);
  if (planned && actual !== undefined && !row.onClock) {
    const delta = Math.round(((actual - planned) / planned) * 100);
    parts.push(`${delta > 0 ? '+' : ''}${delta}%`);
  }
  if (row.note) parts.push(String(row.note));
  return parts.join(' · ');
}

/** Planned (ghost bar and budget tick) vs actual (solid bar) hours per session. */
export function timelineSvg(rows: readonly TimelineRow[]): string {
  const m = { left: 46, right: 10, top: 14, bottom: 40 };
  const height = 250;
  const plotW = WIDTH - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const n = Math.max(1, rows.length);
  const top = Math.max(1, ...rows.map((r) => Math.max(hours(r.plannedHours) ?? 0, hours(r.actualHours) ?? 0)));
  const scale = niceScale(top);
  const y = (h: number) => m.top + plotH - (Math.min(h, scale.max) / scale.max) * plotH;
  const slot = plotW / n;
  const barW = Math.min(40, Math.max(1, slot * 0.72));
  const every = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((k) => (n / k) * 40 <= plotW) ?? Math.ceil(n / 20);

  const out: string[] = [];
  out.push(`<svg class="chart timeline-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="timeline-title timeline-desc" preserveAspectRatio="xMidYMid meet">`);
  out.push(`<title id="timeline-title">Planned and actual hours for ${plural(rows.length, 'session')}</title>`);
  out.push('<desc id="timeline-desc">One column per session: the faint bar and the tick mark are the planned hours, the solid bar the hours actually spent.</desc>');
  for (const t of ticks(scale)) {
    const ty = px(y(t));
    out.push(`<line class="grid" x1="${m.left}" x2="${WIDTH - m.right}" y1="${ty}" y2="${ty}"/>`);
    out.push(`<text class="axis-label" x="${m.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${esc(formatHours(t))}</text>`);
  }
  rows.forEach((row, i) => {
    const planned = hours(row.plannedHours);
    const actual = hours(row.actualHours);
    const status = budgetStatus(planned, actual);
    const cx = m.left + slot * (i + 0.5);
    const x = px(cx - barW / 2);
    const summary = sessionSummary(row);
    out.push(`<g class="tl-session tl-${status}"><title>${esc(summary)}</title>`);
    out.push(`<rect class="tl-hit" x="${px(m.left + slot * i)}" y="${m.top}" width="${px(slot)}" height="${plotH}"/>`);
    if (planned !== undefined) {
      const py = y(planned);
      out.push(`<rect class="tl-planned" x="${x}" y="${px(py)}" width="${px(barW)}" height="${px(m.top + plotH - py)}" aria-label="${esc(`Session ${row.session}: planned ${formatHours(planned)}`)}"/>`);
    }
    if (actual !== undefined) {
      const ay = y(actual);
      out.push(`<rect class="tl-actual" x="${x}" y="${px(ay)}" width="${px(barW)}" height="${px(Math.max(0.5, m.top + plotH - ay))}" aria-label="${esc(`Session ${row.session}: actual ${formatHours(actual)}`)}"/>`);
    }
    if (planned !== undefined) {
      const py = px(y(planned));
      out.push(`<line class="tl-budget" x1="${px(cx - barW / 2 - 1)}" x2="${px(cx + barW / 2 + 1)}" y1="${py}" y2="${py}"/>`);
    }
    if (row.note) out.push(`<circle class="tl-note" cx="${px(cx)}" cy="${px(m.top + plotH + 7)}" r="2"/>`);
    if (i % every === 0) {
      out.push(`<text class="axis-label" x="${px(cx)}" y="${m.top + plotH + 24}" text-anchor="middle">${esc(truncate(row.session, 8))}</text>`);
    }
    out.push('</g>');
  });
  out.push(`<line class="axis" x1="${m.left}" x2="${WIDTH - m.right}" y1="${m.top + plotH}" y2="${m.top + plotH}"/>`);
  out.push('</svg>');
  return out.join('');
}

/** The schedule on N parallel instances: one lane per instance, bars from start to end hour. */
export function ganttSvg(schedule: Schedule): string {
  const items = list(schedule.items);
  // Instances are 1-based; a 0-based schedule is shifted so no lane is lost.
  const base = items.some((it) => finite(it.instance) === 0) ? 1 : 0;
  // At most MAX_LANES lanes are drawn; an instance number beyond that goes to the last lane.
  const lane = (n: unknown) => Math.min(MAX_LANES, Math.max(1, Math.floor(finite(n) ?? 1)));
  const lanes = Math.max(lane(schedule.instances), ...items.map((it) => lane((finite(it.instance) ?? 1) + base)));
  const laneOf = (it: Schedule['items'][number]) => Math.min(lanes, lane((finite(it.instance) ?? 1) + base));
  const makespan = hours(schedule.makespanHours) ?? 0;
  const end = Math.max(makespan, ...items.map((it) => hours(it.end) ?? 0), 1);
  const scale = niceScale(end, 8);
  const m = { left: 44, right: 14, top: 8, bottom: 28 };
  const laneH = 26;
  const height = m.top + lanes * laneH + m.bottom;
  const plotW = WIDTH - m.left - m.right;
  const x = (h: number) => m.left + (Math.min(Math.max(h, 0), scale.max) / scale.max) * plotW;
  const axisY = m.top + lanes * laneH;

  const out: string[] = [];
  out.push(`<svg class="chart gantt-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="gantt-title gantt-desc" preserveAspectRatio="xMidYMid meet">`);
  out.push(`<title id="gantt-title">Schedule of ${items.length} item${items.length === 1 ? '' : 's'} on ${lanes} instance${lanes === 1 ? '' : 's'}, makespan ${esc(formatHours(makespan))}</title>`);
  out.push(`<desc id="gantt-desc">${esc(schedule.assumption)}</desc>`);
  for (let lane = 1; lane <= lanes; lane++) {
    const ly = m.top + (lane - 1) * laneH;
    out.push(`<rect class="gantt-lane${lane % 2 ? '' : ' alt'}" x="${m.left}" y="${ly}" width="${plotW}" height="${laneH}"/>`);
    out.push(`<text class="axis-label" x="${m.left - 8}" y="${px(ly + laneH / 2)}" text-anchor="end" dominant-baseline="middle">#${lane}</text>`);
  }
  for (const t of ticks(scale)) {
    const tx = px(x(t));
    out.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${m.top}" y2="${axisY}"/>`);
    out.push(`<text class="axis-label" x="${tx}" y="${axisY + 16}" text-anchor="middle">${esc(formatHours(t))}</text>`);
  }
  for (const it of items) {
    const start = hours(it.start) ?? 0;
    const stop = Math.max(start, hours(it.end) ?? start);
    const x0 = x(start);
    const w = Math.max(1, x(stop) - x0 - 1);
    const ly = m.top + (laneOf(it) - 1) * laneH;
    const label = `${it.id}${it.title ? ` ${it.title}` : ''}: ${formatHours(start)} to ${formatHours(stop)} on instance ${laneOf(it)}${it.critical ? ', on the critical path' : ''}`;
    out.push(`<g class="gantt-item${it.critical ? ' critical' : ''}"><title>${esc(label)}</title>`);
    out.push(`<rect class="gantt-bar" x="${px(x0)}" y="${ly + 4}" width="${px(w)}" height="${laneH - 8}" rx="3" aria-label="${esc(label)}"/>`);
    const fits = Math.floor((w - 6) / 6.6);
    if (fits >= 2) out.push(`<text class="gantt-text" x="${px(x0 + 4)}" y="${px(ly + laneH / 2)}" dominant-baseline="middle" aria-hidden="true">${esc(truncate(it.id, fits))}</text>`);
    out.push('</g>');
  }
  if (makespan > 0) {
    const mx = px(x(makespan));
    out.push(`<line class="makespan" x1="${mx}" x2="${mx}" y1="${m.top - 4}" y2="${axisY}"/>`);
  }
  out.push(`<line class="axis" x1="${m.left}" x2="${WIDTH - m.right}" y1="${axisY}" y2="${axisY}"/>`);
  out.push('</svg>');
  return out.join('');
}
