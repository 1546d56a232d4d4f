import type { Criterion, Hours, Phase, Plan, Problem, Session, Stream } from '../core/model';
import { plural } from '../core/words';

/**
 * The readable form of `marathon parse`: title, totals, sessions, streams, phases and problems.
 * Empty streams/phases sections are left out; sessions and problems always show.
 */
export function formatPlanSummary(plan: Plan, file: string): string {
  const out: string[] = [];
  out.push(plan.title.trim() || '(untitled plan)');
  out.push(`  file: ${file} (${plan.format})`);
  const totals = [
    plan.totalHours ? `total ${hoursLabel(plan.totalHours)}` : undefined,
    plural(plan.sessions.length, 'session'),
    plan.terminalCount !== undefined ? plural(plan.terminalCount, 'terminal') : undefined,
    plan.totalTasks !== undefined ? plural(plan.totalTasks, 'task') + ' stated' : undefined,
  ].filter((s): s is string => s !== undefined);
  out.push(`  ${totals.join(' · ')}`);

  out.push('', `Sessions (${plan.sessions.length})`);
  if (plan.sessions.length === 0) out.push('  none');
  out.push(...table(plan.sessions.map(sessionRow)));

  if (plan.streams.length > 0) {
    out.push('', `Streams (${plan.streams.length})`);
    out.push(...table(plan.streams.map(streamRow)));
  }
  if (plan.phases.length > 0) {
    out.push('', `Phases (${plan.phases.length})`);
    out.push(...table(plan.phases.map(phaseRow)));
  }

  out.push('', `Problems (${plan.problems.length})`);
  if (plan.problems.length === 0) out.push('  none');
  out.push(...table(plan.problems.map(problemRow)));
  return out.join('\n') + '\n';
}

function sessionRow(s: Session): string[] {
  return [
    s.id,
    s.title,
    s.hours ? hoursLabel(s.hours) : '-',
    s.branch ?? '-',
    `criteria ${doneCount(s.criteria)}/${s.criteria.length}`,
    plural(s.deliverables.length, 'deliverable'),
    s.dependsOn.length > 0 ? `after ${s.dependsOn.join(', ')}` : '',
  ];
}

function streamRow(s: Stream): string[] {
  const declared = s.declaredTasks !== undefined && s.declaredTasks !== s.tasks.length ? ` (heading says ${s.declaredTasks})` : '';
  const terminals = s.terminals ? `terminals ${s.terminals.from}-${s.terminals.to}` : '';
  return [s.id, s.title, plural(s.tasks.length, 'task') + declared, terminals];
}

function phaseRow(p: Phase): string[] {
  return [
    p.id,
    p.title,
    p.duration ? hoursLabel(p.duration) : '-',
    p.dependsOn.length > 0 ? `depends on ${p.dependsOn.join(', ')}` : 'no dependencies',
  ];
}

function problemRow(p: Problem): string[] {
  return [`${p.line}:${p.column}`, p.severity, p.code, p.message.replace(/\s*[\r\n]+\s*/g, ' ')];
}

// A duration as written, without parentheses; a bare number (YAML `hours: 4`) reads as hours.
function hoursLabel(h: Hours): string {
  const text = h.text.trim().replace(/^\((.*)\)$/, '$1');
  return /^\d+(?:\.\d+)?$/.test(text) ? `${text} hour${text === '1' ? '' : 's'}` : text;
}

function doneCount(criteria: readonly Criterion[]): number {
  return criteria.filter((c) => c.done).length;
}

// Aligns rows into columns (two spaces apart), indented by two; the last column is not padded.
function table(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => {
    const cells = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)));
    return `  ${cells.join('  ')}`.trimEnd();
  });
}
