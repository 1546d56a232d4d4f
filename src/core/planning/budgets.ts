// Budgets as findings: hours against the plan's total and buffer, agents per model tier against
// the agent-budget table, terminals against the terminal budget, and sessions that may overlap in
// time while sharing a domain or files.
import { problem, type Plan, type Problem, type Session } from '../model';
import { fmt, idKey, list } from '../checks/util';
import { upperHours, windowHours } from './items';
import { cellNumber, isTotalRow, readTables, type TextTable } from './tables';
import type { PlanGraph } from './types';
import { plural } from '../words';

const MODEL_TIERS = /^(opus|sonnet|haiku|gpt|o\d|gemini|flash|pro|mini|large|medium|small)\b/i;

/** All budget findings of a plan. `text` (markdown plans) adds the budget tables; `graph` the parallel lists. */
export function budgetFindings(plan: Plan, text?: string, graph?: PlanGraph): Problem[] {
  const tables = text !== undefined && plan.format !== 'yaml' ? readTables(text) : [];
  return [...hourFindings(plan), ...agentFindings(plan, tables), ...terminalFindings(plan, tables), ...overlapFindings(plan, graph)];
}

/** Sessions' hours (upper bounds) against the plan's stated total and the buffer its timeline keeps. */
export function hourFindings(plan: Plan): Problem[] {
  const total = upperHours(plan.totalHours);
  const sessions = list(plan.sessions);
  if (total === undefined || sessions.length === 0) return [];
  const sum = sessions.reduce((s, x) => s + (upperHours(x.hours) ?? 0), 0);
  const line = plan.totalHours?.line ?? 1;
  const bufferEntries = list(plan.timeline).filter((t) => /buffer|contingency|reserve|slack/i.test(t.label) && t.sessions.length === 0);
  const buffer = bufferEntries.reduce((s, t) => s + (windowHours(t.window) ?? 0), 0);
  const out: Problem[] = [];
  if (sum > total) {
    out.push(problem('planning-hours-over-total', 'warning', `Sessions add up to ${fmt(sum)} h, over the plan's total of ${fmt(total)} h.`, line));
  } else if (bufferEntries.length > 0 && sum + buffer > total) {
    out.push(problem('planning-buffer-short', 'warning', `Sessions (${fmt(sum)} h) and the buffer (${fmt(buffer)} h) make ${fmt(sum + buffer)} h, over the plan's total of ${fmt(total)} h: the buffer is really ${fmt(total - sum)} h.`, bufferEntries[0]?.line ?? line));
  }
  const left = Math.max(0, total - sum);
  const pct = total > 0 ? Math.round((left / total) * 100) : 0;
  const bufferText = bufferEntries.length > 0 ? `the timeline keeps ${fmt(buffer)} h of buffer` : 'the timeline names no buffer';
  out.push(problem('planning-hours-budget', 'info', `Sessions add up to ${fmt(sum)} h of the plan's ${fmt(total)} h, leaving ${fmt(left)} h (${pct}%); ${bufferText}.`, line));
  return out;
}

function agentTable(tables: readonly TextTable[]): { table: TextTable; tiers: number[]; total?: number } | undefined {
  for (const table of tables) {
    if (!/session|stream|phase/.test(table.headers[0] ?? '')) continue;
    const tiers = table.headers.map((h, i) => (i > 0 && MODEL_TIERS.test(h) ? i : -1)).filter((i) => i >= 0);
    if (tiers.length === 0) continue;
    const total = table.headers.findIndex((h, i) => i > 0 && /^total/.test(h));
    return total >= 0 ? { table, tiers, total } : { table, tiers };
  }
  return undefined;
}

/** Agents per session (and per model tier, where the plan names models) against the agent-budget table. */
export function agentFindings(plan: Plan, tables: readonly TextTable[]): Problem[] {
  const found = agentTable(tables);
  if (!found) return [];
  const { table, tiers, total } = found;
  const out: Problem[] = [];
  const tierName = (i: number): string => table.headers[i] ?? '';
  const sums = new Map<number, number>();
  const sessions = new Map(list(plan.sessions).map((s) => [idKey(s.id), s] as const));
  for (const row of table.rows) {
    const cell = (i: number): number | undefined => cellNumber(row.cells[i]);
    const tierSum = tiers.reduce((s, i) => s + (cell(i) ?? 0), 0);
    const stated = total !== undefined ? cell(total) : undefined;
    if (isTotalRow(row.cells)) {
      for (const i of [...tiers, ...(total !== undefined ? [total] : [])]) {
        const want = i === total ? [...sums.values()].reduce((a, b) => a + b, 0) : (sums.get(i) ?? 0);
        const got = cell(i);
        if (got !== undefined && got !== want) {
          out.push(problem('planning-budget-table-sum', 'warning', `The agent budget's ${i === total ? 'overall total' : `total for ${tierName(i)}`} says ${fmt(got)}, but its rows add up to ${fmt(want)}.`, row.line));
        }
      }
      continue;
    }
    for (const i of tiers) sums.set(i, (sums.get(i) ?? 0) + (cell(i) ?? 0));
    if (stated !== undefined && stated !== tierSum) {
      out.push(problem('planning-budget-table-sum', 'warning', `The agent budget row for ${row.cells[0]} gives ${fmt(stated)} in total, but its tiers add up to ${fmt(tierSum)}.`, row.line));
    }
    const session = sessions.get(idKey((row.cells[0] ?? '').replace(/^session\s+/i, '')));
    if (!session) continue;
    const budget = stated ?? tierSum;
    const planned = session.agents.reduce((s, a) => s + a.count, 0);
    if (planned > budget) {
      out.push(problem('planning-agents-over-budget', 'warning', `Session ${session.id} plans ${plural(planned, 'agent')}, over its budget of ${fmt(budget)}.`, session.line));
    }
    for (const i of tiers) {
      const tier = tierName(i);
      const withModel = session.agents.filter((a) => a.model !== undefined && a.model.toLowerCase().includes(tier));
      const n = withModel.reduce((s, a) => s + a.count, 0);
      const allowed = cell(i) ?? 0;
      if (withModel.length > 0 && n > allowed) {
        out.push(problem('planning-agents-over-budget', 'warning', `Session ${session.id} plans ${n} ${tier} agents, over its ${tier} budget of ${fmt(allowed)}.`, session.line));
      }
    }
  }
  return out;
}

// The highest terminal a session allocates (`Terminals 7-9` → 9).
function terminalsOf(s: Session): number {
  return list(s.terminals).reduce((m, t) => Math.max(m, t.to, t.from), 0);
}

/** Terminals each session (and sessions side by side in the timeline) use, against the plan's terminal count and budget table. */
export function terminalFindings(plan: Plan, tables: readonly TextTable[]): Problem[] {
  const out: Problem[] = [];
  const budget = plan.terminalCount;
  if (budget !== undefined) {
    for (const s of list(plan.sessions)) {
      const used = terminalsOf(s);
      if (used > budget) out.push(problem('planning-terminals-over-budget', 'warning', `Session ${s.id} allocates ${used} terminals; the plan has ${budget}.`, s.terminals[0]?.line ?? s.line));
    }
    // Timeline windows that overlap: the terminals of the sessions running together.
    const sessions = new Map(list(plan.sessions).map((s) => [idKey(s.id), s] as const));
    const entries = list(plan.timeline).filter((t) => t.sessions.length > 0);
    const points = [...new Set(entries.map((e) => e.window.from))].sort((a, b) => a - b);
    for (const at of points) {
      const live = entries.filter((e) => e.window.from <= at && at < Math.max(e.window.to, e.window.from + 1));
      const ids = [...new Set(live.flatMap((e) => e.sessions.map(idKey)))];
      if (ids.length < 2) continue;
      const used = ids.reduce((s, id) => s + (sessions.get(id) ? terminalsOf(sessions.get(id) as Session) : 0), 0);
      if (used > budget) {
        const names = ids.map((id) => sessions.get(id)?.id ?? id).join(', ');
        out.push(problem('planning-terminals-over-budget', 'warning', `At ${live[0]?.window.unit ?? 'hour'} ${fmt(at)} sessions ${names} run together on ${used} terminals; the plan has ${budget}.`, live[0]?.line ?? 1));
        break;
      }
    }
  }
  for (const table of tables) {
    const col = table.headers.findIndex((h, i) => i > 0 && /^terminals?\b/.test(h));
    if (col < 0 || !/stream|session|tier|group/.test(table.headers[0] ?? '')) continue;
    let sum = 0;
    for (const row of table.rows) {
      const n = cellNumber(row.cells[col]);
      if (isTotalRow(row.cells)) {
        if (n !== undefined && n !== sum) out.push(problem('planning-budget-table-sum', 'warning', `The terminal budget's total says ${fmt(n)} terminals, but its rows add up to ${fmt(sum)}.`, row.line));
        continue;
      }
      sum += n ?? 0;
      if (budget !== undefined && n !== undefined && n > budget) {
        out.push(problem('planning-terminals-over-budget', 'warning', `${row.cells[0]} is budgeted ${fmt(n)} terminals; the plan has ${budget}.`, row.line));
      }
    }
  }
  return out;
}

// Paths a session touches: its deliverables and its tasks' files (placeholders left out).
function pathsOf(s: Session): string[] {
  const paths = list(s.deliverables).filter((d) => d.path && !d.isPlaceholder).map((d) => d.path as string);
  for (const t of list(s.tasks)) paths.push(...list(t.files));
  return [...new Set(paths.map((p) => p.replace(/^\.\//, '')))];
}

function domainOf(path: string): string | undefined {
  const i = path.indexOf('/');
  return i > 0 ? path.slice(0, i) : undefined;
}

/**
 * Sessions that may overlap in time — windows of the timeline that intersect, or a parallel list
 * of the plan — and touch the same files or the same top-level folder ("only different domains
 * may overlap").
 */
export function overlapFindings(plan: Plan, graph?: PlanGraph): Problem[] {
  const sessions = new Map(list(plan.sessions).map((s) => [idKey(s.id), s] as const));
  const pairs = new Map<string, { a: Session; b: Session; line: number; why: string; labels?: [string, string] }>();
  const addPair = (x: Session, y: Session, line: number, why: string, labels?: [string, string]): void => {
    if (x === y) return;
    const [a, b] = x.line <= y.line ? [x, y] : [y, x];
    const key = `${a.line}:${b.line}`;
    if (!pairs.has(key)) pairs.set(key, labels ? { a, b, line, why, labels: x === a ? labels : [labels[1], labels[0]] } : { a, b, line, why });
  };
  const entries = list(plan.timeline).filter((t) => t.sessions.length > 0);
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const e = entries[i]!;
      const f = entries[j]!;
      if (e.window.unit !== f.window.unit || !(e.window.from < f.window.to && f.window.from < e.window.to)) continue;
      for (const x of e.sessions) for (const y of f.sessions) {
        const a = sessions.get(idKey(x));
        const b = sessions.get(idKey(y));
        if (a && b) addPair(a, b, f.line, 'overlap in the timeline');
      }
    }
  }
  for (const group of graph?.parallel ?? []) {
    const members = group.items.map((i) => graph?.items[i]).filter((it) => it?.kind === 'session');
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = sessions.get(idKey(members[i]?.id));
        const b = sessions.get(idKey(members[j]?.id));
        const ia = group.items[group.items.findIndex((k) => graph?.items[k] === members[i])] as number;
        const ib = group.items[group.items.findIndex((k) => graph?.items[k] === members[j])] as number;
        if (a && b) addPair(a, b, group.line, 'are listed to run in parallel', [group.labels.get(ia) ?? '', group.labels.get(ib) ?? '']);
      }
    }
  }
  const out: Problem[] = [];
  for (const { a, b, line, why, labels } of pairs.values()) {
    const pa = pathsOf(a);
    const pb = new Set(pathsOf(b));
    const files = pa.filter((p) => pb.has(p));
    const name = `Sessions ${a.id} and ${b.id}`;
    if (files.length > 0) {
      out.push(problem('planning-overlap-shared-files', 'warning', `${name} ${why} but both touch ${files.map((f) => `\`${f}\``).join(', ')}.`, line));
      continue;
    }
    const da = new Set(pa.map(domainOf).filter((d): d is string => d !== undefined));
    const shared = [...new Set(pathsOf(b).map(domainOf))].filter((d): d is string => d !== undefined && da.has(d));
    if (shared.length > 0) {
      out.push(problem('planning-overlap-shared-domain', 'warning', `${name} ${why} but both work in ${shared.map((d) => `${d}/`).join(' and ')}: only different domains should overlap.`, line));
    } else if (labels && labels[0] !== '' && labels[0] === labels[1]) {
      out.push(problem('planning-overlap-shared-domain', 'warning', `${name} ${why} but the plan puts both in the ${labels[0]} domain.`, line));
    }
  }
  return out;
}
