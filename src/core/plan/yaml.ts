import { Composer, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { emptyPlan, type Plan, type Problem, type ReadResult } from '../model';
import { buildPlan } from './yamlBuild';
import { YamlNodes } from './yamlNodes';
import { MAX_DEPTH, TreeScan, tooDeepAt } from './yamlScan';
import { PlanAuthoringSchema, type PlanAuthoring } from './yamlSchema';
import {
  describeSchema, describeValue, isPlainObject, pathText, salvage, schemaAt, unknownKeys, valueAt,
  type Loose, type Path,
} from './yamlWalk';

/**
 * How many values a document may hold once its aliases are expanded (a "billion laughs" guard):
 * a fixed allowance and twice its length, so the expansion stays linear in the text.
 */
const aliasBudget = (text: string) => 10_000 + 2 * text.length;
/** Lists and maps may nest this deep once aliases are expanded (without, composing gives at most this). */
const MAX_EXPANDED_DEPTH = 2 * MAX_DEPTH;
/** At most this many problems are reported for one file; a note tells how many more there are. */
export const MAX_PROBLEMS = 200;
/** Salvaging starts here so a plan without a valid title still yields its sessions. */
const SALVAGE_SCHEMA = PlanAuthoringSchema.partial();

/**
 * Reads a YAML plan (`*.marathon.yaml`, `marathon.yaml`, `*.yml`) into the model. Never throws:
 * syntax errors (`yaml-syntax`), values of the wrong type (`yaml-invalid`), unknown keys
 * (`yaml-unknown-key`, warning) and an empty file (`empty-plan`, warning) become problems with
 * the range of the YAML node they concern, and every valid part of the file still reaches the plan.
 * Entries keyed by a list or a map are left out (`yaml-complex-key`). A document nested too deep
 * (`yaml-too-deep`) is refused before the YAML library builds it, and past `MAX_PROBLEMS` the rest
 * is summed up in one `yaml-too-many-problems` note, so time grows linearly with the text
 * whatever it holds.
 */
export function readYamlPlan(text: string): ReadResult {
  let plan: Plan = emptyPlan('yaml');
  let problems: Problem[] = [];
  try {
    plan = read(text, problems);
  } catch (err) {
    // A bug here must not take the editor down: report it as data.
    const message = `Marathon could not read this YAML plan (${err instanceof Error ? err.message : String(err)}). Please report this.`;
    problems.push(at('internal-error', 'error', message, { line: 1, column: 1, endLine: 1, endColumn: 1 }));
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  problems = capped(problems);
  plan.problems = problems;
  return { plan, problems };
}

// The first MAX_PROBLEMS problems, and a note at the first one left out saying how many were.
function capped(problems: Problem[]): Problem[] {
  const rest = problems.length - MAX_PROBLEMS;
  const next = problems[MAX_PROBLEMS];
  if (rest <= 0 || !next) return problems;
  const message = `${rest} more problem${rest === 1 ? '' : 's'} from here on ${rest === 1 ? 'is' : 'are'} not shown: fix the first ${MAX_PROBLEMS} to see them.`;
  const note = at('yaml-too-many-problems', 'info', message, { line: next.line, column: next.column, endLine: next.line, endColumn: next.column + 1 });
  return [...problems.slice(0, MAX_PROBLEMS), note];
}

function read(text: string, problems: Problem[]): Plan {
  const lines = new LineCounter();
  // The parser keeps its own stack, so it copes with any nesting; composing the document does
  // not (a few hundred levels abort the process), so depth is measured on the tokens first.
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const deep = tooDeepAt(tokens);
  if (deep !== undefined) {
    const p = lines.linePos(deep);
    const [line, column] = [Math.max(1, p.line), Math.max(1, p.col)];
    const message = `This YAML nests lists and maps more than ${MAX_DEPTH} levels deep, so Marathon does not read it. A plan needs only a few levels.`;
    problems.push(at('yaml-too-deep', 'error', message, { line, column, endLine: line, endColumn: column + 1 }));
    return emptyPlan('yaml');
  }
  const doc = compose(tokens, text.length);
  const tree = new TreeScan(doc);
  const nodes = new YamlNodes(text, lines, doc.contents, tree.aliases);
  for (const e of doc.errors) problems.push(syntaxProblem(e, 'error', nodes));
  for (const w of doc.warnings) problems.push(syntaxProblem(w, 'warning', nodes));
  for (const { key, first, value } of tree.duplicates) {
    const message = `The key ${keyName(value)} is already set on line ${nodes.range(first).line}; keys must be unique (the last one counts).`;
    problems.push(at('yaml-syntax', 'error', message, nodes.range(key)));
  }
  for (const { key, target } of tree.collectionKeys) {
    const what = isSeq(target) ? 'a list' : 'a map';
    const message = `This key is ${what}; plan keys are plain words, so the entry is ignored.`;
    problems.push(at('yaml-complex-key', 'error', message, nodes.range(key)));
  }
  if (isEmpty(doc)) {
    const message = 'This plan is empty: write at least a `title:` and a `sessions:` list.';
    problems.push(at('empty-plan', 'warning', message, nodes.range(undefined)));
    return emptyPlan('yaml');
  }
  const budget = aliasBudget(text);
  const trouble = tree.aliasTrouble(budget, MAX_EXPANDED_DEPTH);
  if (trouble) {
    const name = `*${trouble.alias.source}`;
    const range = nodes.range(trouble.alias);
    if (trouble.reason === 'cycle') {
      problems.push(at('yaml-syntax', 'error', `The alias ${name} refers to a node that contains it, so this YAML cannot be expanded.`, range));
    } else if (trouble.reason === 'size') {
      problems.push(at('yaml-syntax', 'error', `Aliases here expand to more than ${budget} values (${name} the most), so Marathon does not read this YAML.`, range));
    } else {
      problems.push(at('yaml-too-deep', 'error', `Aliases here nest lists and maps more than ${MAX_EXPANDED_DEPTH} levels deep (${name} the deepest), so Marathon does not read this YAML.`, range));
    }
    return emptyPlan('yaml');
  }
  for (const alias of tree.unresolved()) {
    const message = `The alias *${alias.source} has no anchor &${alias.source} before it, so it is read as an empty value.`;
    problems.push(at('yaml-syntax', 'error', message, nodes.range(alias)));
  }
  tree.expandAliases();
  let raw: unknown;
  try {
    raw = doc.toJS();
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

// What `parseDocument` does, from tokens already parsed. Duplicate keys are found by yamlScan.ts
// (the library's own check is a square in the size of a map); logLevel 'error' keeps a second
// document an error without writing anything to the console.
function compose(tokens: readonly CST.Token[], end: number): Document {
  const composer = new Composer({ prettyErrors: false, logLevel: 'error', uniqueKeys: false });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens, true, end)) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; a plan is one document.'));
    break;
  }
  // With `forceDoc` the composer always yields a document, even for empty text.
  if (!doc) throw new Error('the YAML library returned no document');
  return doc;
}

// A key for a message: `"title"`, `5`, `null`.
function keyName(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function isEmpty(doc: Document): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && (c.value === null || c.value === undefined));
}

function at(code: string, severity: Problem['severity'], message: string, r: Omit<Problem, 'code' | 'severity' | 'message'>): Problem {
  return { code, severity, message, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function syntaxProblem(e: YAMLError, severity: Problem['severity'], nodes: YamlNodes): Problem {
  const a = nodes.pos(e.pos[0]);
  const b = nodes.pos(Math.max(e.pos[1], e.pos[0]));
  const endColumn = b.line === a.line ? Math.max(b.col, a.col + 1) : b.col;
  let message = e.message.split('\n')[0] ?? e.message;
  // `- [x] done` is a flow list in YAML; the fix is to quote the item.
  if (/^\s{0,40}-\s{1,4}\[[ xX]?\]/.test(nodes.lineHead(a.line, 64))) message += ' Quote checkbox items: - "[x] text".';
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
