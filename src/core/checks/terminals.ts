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

/**
 * Range checks shared by session and stream allocations: true when the range is valid. `where`
 * names the owner; it is called only for a message, so a plan without problems builds no names.
 */
function checkRange(r: Alloc, budget: number | undefined, where: () => string, problems: Problem[]): boolean {
  if (r.from > r.to) {
    problems.push(
      at('terminal-range-invalid', 'error', `Terminals ${r.from}-${r.to} in ${where()}: the range runs backwards (${r.from} > ${r.to}).`, r.line),
    );
    return false;
  }
  if (budget !== undefined && r.to > budget) {
    problems.push(
      at(
        'terminal-over-budget',
        'warning',
        `${terminalLabel(r.from, r.to)} in ${where()} ${r.from === r.to ? 'is' : 'are'} beyond the plan's ${budget} terminals.`,
        r.line,
      ),
    );
  }
  return true;
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
    const where = (): string => owner('Session', session.id);
    const valid: Alloc[] = [];
    let inOrder = true;
    for (const t of list(session.terminals)) {
      const a = toAlloc(t);
      if (!a || !checkRange(a, budget, where, problems)) continue;
      // Allocations are usually written in order: then there is nothing to sort.
      if (valid.length > 0 && compareAllocs(valid[valid.length - 1]!, a) > 0) inOrder = false;
      valid.push(a);
    }
    // Sweep in order of start, remembering the allocation that reaches furthest so far.
    const sorted = inOrder ? valid : valid.sort(compareAllocs);
    let reach: Alloc | undefined;
    for (const a of sorted) {
      if (reach && a.from <= reach.to) {
        const shared = a.from === Math.min(a.to, reach.to) ? `terminal ${a.from}` : `terminals ${a.from}-${Math.min(a.to, reach.to)}`;
        problems.push(
          at(
            'terminal-overlap',
            'warning',
            `${terminalLabel(a.from, a.to)} in ${where()} ${a.from === a.to ? 'overlaps' : 'overlap'} ${terminalLabel(reach.from, reach.to).toLowerCase()} (line ${reach.line}): ${shared} would get two jobs.`,
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
    checkRange({ from, to, line: safeLine(stream.line) }, budget, () => owner('Stream', stream.id), problems);
  }
  return problems;
}
