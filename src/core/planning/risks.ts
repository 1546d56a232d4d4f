// The plan's risks in a shape a tree view can show: the risk, its level, and likelihood, impact
// and mitigations where the plan gives them.
import type { Plan, Risk } from '../model';
import { list } from '../checks/util';
import { readTables, type TextTable } from './tables';

export interface RiskItem {
  /** The risk itself (`More stubs discovered`). */
  risk: string;
  /** The level of the heading or marker it sits under (🔴 critical, 🟡 moderate, 🟢 low). */
  level?: Risk['level'];
  likelihood?: string;
  impact?: string;
  /** The plan's mitigation, when it states one (`Mitigation:`, a table column, the list under the risk). */
  mitigation?: string;
  /** The rest of the line after the risk (`Timeline could extend further`), when it is not labelled. */
  detail?: string;
  line: number;
}

const LABELLED = /\b(likelihood|probability|impact|severity|mitigation|mitigate|response)\s*[:=]\s*([^;|,)]+(?:,[^;|:)]+(?=[;|)]|$))?)/gi;

function field(name: string): 'likelihood' | 'impact' | 'mitigation' {
  const n = name.toLowerCase();
  if (n === 'likelihood' || n === 'probability') return 'likelihood';
  if (n === 'impact' || n === 'severity') return 'impact';
  return 'mitigation';
}

function fromText(r: Risk): RiskItem {
  const text = r.text.replace(/\*\*/g, '').trim();
  const item: RiskItem = { risk: text, line: r.line };
  if (r.level) item.level = r.level;
  let rest = text;
  for (const m of text.matchAll(LABELLED)) {
    item[field(m[1] ?? '')] = (m[2] ?? '').trim();
    rest = rest.replace(m[0], '');
  }
  rest = rest.replace(/\(\s*[;,\s]*\)/g, '');
  const parts = /^(.*?)\s+[-–—]\s+(.*)$/.exec(rest.replace(/[\s(]+$/, '').trim());
  if (parts) {
    item.risk = (parts[1] ?? '').trim();
    const detail = (parts[2] ?? '').replace(/[\s(,;]+$/, '').trim();
    if (detail) item.detail = detail;
  } else item.risk = rest.replace(/[\s(,;]+$/, '').trim() || text;
  return item;
}

// The list right under a risk written as a heading or label (`### If Behind Schedule`).
function listUnder(lines: readonly string[], line: number): string[] {
  const out: string[] = [];
  for (let i = line; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (/^\s{0,3}#{1,6}\s/.test(raw)) break;
    const m = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (m) out.push((m[1] ?? '').replace(/\*\*/g, '').trim());
    else if (raw.trim() !== '' && out.length > 0) break;
  }
  return out;
}

function fromTable(table: TextTable): RiskItem[] {
  const col = (re: RegExp): number => table.headers.findIndex((h) => re.test(h));
  const risk = col(/risk|threat|issue/);
  if (risk < 0) return [];
  const likelihood = col(/likelihood|probability/);
  const impact = col(/impact|severity/);
  const mitigation = col(/mitigat|response|plan/);
  if (likelihood < 0 && impact < 0 && mitigation < 0) return [];
  return table.rows.map((row) => {
    const item: RiskItem = { risk: row.cells[risk] ?? '', line: row.line };
    if (likelihood >= 0 && row.cells[likelihood]) item.likelihood = row.cells[likelihood];
    if (impact >= 0 && row.cells[impact]) item.impact = row.cells[impact];
    if (mitigation >= 0 && row.cells[mitigation]) item.mitigation = row.cells[mitigation];
    return item;
  }).filter((r) => r.risk !== '');
}

/**
 * The plan's risks, in plan order: those the reader found (split into risk and detail, labelled
 * likelihood / impact / mitigation picked out) and, with the text, rows of risk tables and the
 * mitigations listed under a risk heading.
 */
export function planRisks(plan: Plan, text?: string): RiskItem[] {
  const lines = text?.split(/\r?\n/) ?? [];
  const items = list(plan.risks).map((r) => {
    const item = fromText(r);
    if (item.mitigation === undefined && lines.length > 0) {
      const under = listUnder(lines, r.line);
      if (under.length > 0 && /^\s{0,3}#{1,6}\s|^\s*\*\*[^*]+\*\*\s*:?\s*$/.test(lines[r.line - 1] ?? '')) item.mitigation = under.join('; ');
    }
    return item;
  });
  if (text !== undefined && plan.format !== 'yaml') {
    const seen = new Set(items.map((r) => r.line));
    for (const table of readTables(text)) for (const r of fromTable(table)) if (!seen.has(r.line)) items.push(r);
  }
  return items.sort((a, b) => a.line - b.line);
}
