import { isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { emptyPlan, type Plan, type Problem, type ReadResult } from '../model';
import { buildPlan } from './yamlBuild';
import { YamlNodes } from './yamlNodes';
import { PlanAuthoringSchema, type PlanAuthoring } from './yamlSchema';
import {
  describeSchema, describeValue, isPlainObject, pathText, salvage, schemaAt, unknownKeys, valueAt,
  type Loose, type Path,
} from './yamlWalk';

/** How many alias expansions a document may make before it is refused (a "billion laughs" guard). */
const MAX_ALIAS_COUNT = 1000;
/** Salvaging starts here so a plan without a valid title still yields its sessions. */
const SALVAGE_SCHEMA = PlanAuthoringSchema.partial();

/**
 * Reads a YAML plan (`*.marathon.yaml`, `marathon.yaml`, `*.yml`) into the model. Never throws:
 * syntax errors (`yaml-syntax`), values of the wrong type (`yaml-invalid`), unknown keys
 * (`yaml-unknown-key`, warning) and an empty file (`empty-plan`, warning) become problems with
 * the range of the YAML node they concern, and every valid part of the file still reaches the plan.
 */
export function readYamlPlan(text: string): ReadResult {
  let plan: Plan = emptyPlan('yaml');
  const problems: Problem[] = [];
  try {
    plan = read(text, problems);
  } catch (err) {
    // A bug here must not take the editor down: report it as data.
    const message = `Marathon could not read this YAML plan (${err instanceof Error ? err.message : String(err)}). Please report this.`;
    problems.push(at('internal-error', 'error', message, { line: 1, column: 1, endLine: 1, endColumn: 1 }));
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  plan.problems = problems;
  return { plan, problems };
}

function read(text: string, problems: Problem[]): Plan {
  const lines = new LineCounter();
  // logLevel 'error': a second document is still an error, but nothing is written to the console.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error', uniqueKeys: true });
  const nodes = new YamlNodes(text, lines, doc);
  for (const e of doc.errors) problems.push(syntaxProblem(e, 'error', nodes, text));
  for (const w of doc.warnings) problems.push(syntaxProblem(w, 'warning', nodes, text));
  if (isEmpty(doc)) {
    const message = 'This plan is empty: write at least a `title:` and a `sessions:` list.';
    problems.push(at('empty-plan', 'warning', message, nodes.range(undefined)));
    return emptyPlan('yaml');
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = `This YAML cannot be expanded (${err instanceof Error ? err.message : String(err)}).`;
    problems.push(at('yaml-syntax', 'error', message, { line: 1, column: 1, endLine: 1, endColumn: 2 }));
    return emptyPlan('yaml');
  }
  const result = PlanAuthoringSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const e of expand(issue, [])) problems.push(issueProblem(e.issue, e.path, raw, nodes));
    }
  }
  for (const u of unknownKeys(PlanAuthoringSchema, raw)) {
    const range = nodes.range(nodes.keyNode(u.path, u.key) ?? nodes.locate(u.path).node);
    const where = u.path.length ? ` in ${pathText(u.path)}` : '';
    const hint = closest(u.key, u.known);
    const message = `Unknown key "${u.key}"${where} is ignored.${hint ? ` Did you mean "${hint}"?` : ` Known keys: ${u.known.join(', ')}.`}`;
    problems.push(at('yaml-unknown-key', 'warning', message, range));
  }
  const kept = salvage(SALVAGE_SCHEMA, raw);
  if (!kept.ok) return emptyPlan('yaml');
  return { ...buildPlan(kept.value as Loose<Partial<PlanAuthoring>>, nodes), problems: [] };
}

function isEmpty(doc: Document): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && (c.value === null || c.value === undefined));
}

function at(code: string, severity: Problem['severity'], message: string, r: Omit<Problem, 'code' | 'severity' | 'message'>): Problem {
  return { code, severity, message, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function syntaxProblem(e: YAMLError, severity: Problem['severity'], nodes: YamlNodes, text: string): Problem {
  const a = nodes.pos(e.pos[0]);
  const b = nodes.pos(Math.max(e.pos[1], e.pos[0]));
  const endColumn = b.line === a.line ? Math.max(b.col, a.col + 1) : b.col;
  let message = e.message.split('\n')[0] ?? e.message;
  // `- [x] done` is a flow list in YAML; the fix is to quote the item.
  const lineText = text.split('\n', a.line)[a.line - 1] ?? '';
  if (/^\s{0,40}-\s{1,4}\[[ xX]?\]/.test(lineText)) message += ' Quote checkbox items: - "[x] text".';
  return at('yaml-syntax', severity, message, { line: a.line, column: a.col, endLine: b.line, endColumn });
}

/**
 * A union issue whose value had the shape of exactly one option (a map where text or a map is
 * allowed) is replaced by that option's own issues, which name the key at fault.
 */
function expand(issue: z.core.$ZodIssue, base: Path): { issue: z.core.$ZodIssue; path: Path }[] {
  const path: Path = [...base, ...issue.path.map((seg) => (typeof seg === 'number' ? seg : String(seg)))];
  if (issue.code === 'invalid_union') {
    const shaped = issue.errors.filter((list) => !list.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    const only = shaped.length === 1 ? shaped[0] : undefined;
    if (only && only.length > 0) return only.flatMap((i) => expand(i, path));
  }
  return [{ issue, path }];
}

function issueProblem(issue: z.core.$ZodIssue, path: Path, raw: unknown, nodes: YamlNodes): Problem {
  const found = nodes.locate(path);
  const expected = schemaAt(PlanAuthoringSchema, path);
  const what = expected ? describeSchema(expected) : 'a valid value';
  const value = valueAt(raw, path);
  let range = nodes.range(issue.code === 'invalid_key' ? (nodes.keyNode(path.slice(0, -1), String(path[path.length - 1])) ?? found.node) : found.node);
  let message: string;
  const key = path[path.length - 1];
  if (value === undefined && key !== undefined && isPlainObject(valueAt(raw, path.slice(0, -1)))) {
    // A required key is missing: point at the first line of the map that lacks it.
    range = { ...range, endLine: range.line, endColumn: range.line === range.endLine ? range.endColumn : range.column + 1 };
    message = `${pathText(path.slice(0, -1))}: missing "${String(key)}" (${what}).`;
  } else if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    message = `${pathText(path)}: expected ${what}, found ${describeValue(value)}.`;
  } else if (issue.code === 'invalid_value') {
    message = `${pathText(path)}: expected one of ${issue.values.map(String).join(', ')}; found ${describeValue(value)}.`;
  } else if (issue.code === 'too_big') {
    message = `${pathText(path)}: must be at most ${String(issue.maximum)}; found ${describeValue(value)}.`;
  } else if (issue.code === 'too_small') {
    message = issue.origin === 'string' ? `${pathText(path)}: must not be empty.` : `${pathText(path)}: must be at least ${String(issue.minimum)}; found ${describeValue(value)}.`;
  } else if (issue.code === 'invalid_key') {
    const why = issue.issues[0]?.message ?? issue.message;
    message = `${pathText(path.slice(0, -1))}: the key "${String(key)}" is not valid. ${why}`;
  } else {
    message = `${pathText(path)}: ${issue.message}`;
  }
  return at('yaml-invalid', 'error', message, range);
}

// The known key within two edits of a misspelt one, for a "did you mean" hint.
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

// Levenshtein distance, giving up (returning `limit`) on long or very different keys.
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 40 || b.length > 40) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? limit;
}
