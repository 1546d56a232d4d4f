// Markdown tables in a plan's text (outside code fences), for the budget tables the reader does
// not model: agents per model tier, terminals per stream.

export interface TextTable {
  /** Header cells, lower-cased, emphasis removed. */
  headers: string[];
  rows: { cells: string[]; line: number }[];
  line: number;
}

function cellsOf(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split('|').map((c) => c.replace(/\*\*|__|`/g, '').trim());
}

/** Every pipe table of the text with a header and a `|---|` separator. */
export function readTables(text: string): TextTable[] {
  const lines = text.split(/\r?\n/);
  const tables: TextTable[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const f = /^\s{0,3}(```|~~~)/.exec(raw);
    if (f) {
      if (fence === undefined) fence = f[1];
      else if (raw.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence !== undefined || !raw.trim().startsWith('|')) continue;
    const sep = lines[i + 1] ?? '';
    if (!/^\s*\|?\s*:?-{2,}/.test(sep)) continue;
    const table: TextTable = { headers: cellsOf(raw).map((h) => h.toLowerCase()), rows: [], line: i + 1 };
    let j = i + 2;
    for (; j < lines.length && (lines[j] ?? '').trim().startsWith('|'); j++) table.rows.push({ cells: cellsOf(lines[j] ?? ''), line: j + 1 });
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/** A cell as a number: `4`, `~3`, `1,200`; undefined when it is not one. */
export function cellNumber(cell: string | undefined): number | undefined {
  const m = /^~?\s*(\d[\d,]*(?:\.\d+)?)\b/.exec((cell ?? '').trim());
  if (!m) return undefined;
  const n = Number((m[1] ?? '').replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** A total row: `**Total**`, `Total`, `Sum`. */
export function isTotalRow(cells: readonly string[]): boolean {
  return /^(?:total|sum|all)\b/i.test((cells[0] ?? '').trim());
}
