import type { Plan, Problem, Terminal } from '../model';
import { at, finite, list, safeLine, str } from './util';

/** `Terminals 1-3` or `Terminal 4`. */
export function terminalLabel(from: number, to: number): string {
  return from === to ? `Terminal ${from}` : `Terminals ${from}-${to}`;
}

function owner(kind: string, id: unknown): string {
  const text = str(id).trim();
  return text ? `${kind} ${text}` : `this ${kind.toLowerCase()}`;
}

interface Alloc {
  from: number;
  to: number;
  line: number;
}

/** Range checks shared by session and stream allocations; returns the valid ranges. */
function checkRanges(ranges: readonly Alloc[], budget: number | undefined, where: string, problems: Problem[]): Alloc[] {
  const valid: Alloc[] = [];
  for (const r of ranges) {
    if (r.from > r.to) {
      problems.push(
        at('terminal-range-invalid', 'error', `Terminals ${r.from}-${r.to} in ${where}: the range runs backwards (${r.from} > ${r.to}).`, r.line),
      );
      continue;
    }
    if (budget !== undefined && r.to > budget) {
      problems.push(
        at(
          'terminal-over-budget',
          'warning',
          `${terminalLabel(r.from, r.to)} in ${where} ${r.from === r.to ? 'is' : 'are'} beyond the plan's ${budget} terminals.`,
          r.line,
        ),
      );
    }
    valid.push(r);
  }
  return valid;
}

function toAlloc(t: Terminal | undefined): Alloc | undefined {
  const from = finite(t?.from);
  const to = finite(t?.to);
  return t && from !== undefined && to !== undefined ? { from, to, line: safeLine(t.line) } : undefined;
}

function compareAllocs(a: Alloc, b: Alloc): number {
  return a.from - b.from || a.line - b.line;
}

/**
 * Terminal allocations: `terminal-range-invalid` (error) when a range runs backwards,
 * `terminal-over-budget` (warning) above `plan.terminalCount`, and `terminal-overlap` (warning)
 * when two allocations of one session share a terminal. Stream terminal ranges get the first two.
 */
export function checkTerminals(plan: Plan): Problem[] {
  const budget = finite(plan.terminalCount);
  const problems: Problem[] = [];
  for (const session of list(plan.sessions)) {
    if (!session) continue;
    const where = owner('Session', session.id);
    const allocs = list(session.terminals).map(toAlloc).filter((a): a is Alloc => a !== undefined);
    const valid = checkRanges(allocs, budget, where, problems);
    // Sweep in order of start, remembering the allocation that reaches furthest so far.
    // (Allocations are usually written in order: then there is nothing to sort or copy.)
    const inOrder = valid.every((a, i) => i === 0 || compareAllocs(valid[i - 1]!, a) <= 0);
    const sorted = inOrder ? valid : [...valid].sort(compareAllocs);
    let reach: Alloc | undefined;
    for (const a of sorted) {
      if (reach && a.from <= reach.to) {
        const shared = a.from === Math.min(a.to, reach.to) ? `terminal ${a.from}` : `terminals ${a.from}-${Math.min(a.to, reach.to)}`;
        problems.push(
          at(
            'terminal-overlap',
            'warning',
            `${terminalLabel(a.from, a.to)} in ${where} ${a.from === a.to ? 'overlaps' : 'overlap'} ${terminalLabel(reach.from, reach.to).toLowerCase()} (line ${reach.line}): ${shared} would get two jobs.`,
            a.line,
          ),
        );
      }
      if (!reach || a.to > reach.to) reach = a;
    }
  }
  for (const stream of list(plan.streams)) {
    const range = stream?.terminals;
    const from = finite(range?.from);
    const to = finite(range?.to);
    if (!stream || from === undefined || to === undefined) continue;
    checkRanges([{ from, to, line: safeLine(stream.line) }], budget, owner('Stream', stream.id), problems);
  }
  return problems;
}
