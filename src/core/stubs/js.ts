// Stub analysis of JavaScript and TypeScript: find named functions (declarations, methods,
// getters/setters, arrow functions and function expressions bound to a name) and classify each
// body. Anonymous callbacks are part of the body around them, not functions of their own.
import { scanJs, type Comment, type JsScan, type Tok } from './jsScan';
import { hasTodo, NOT_IMPLEMENTED_TEXT } from './placeholder';
import type { AnalysedFunction, SourceAnalysis } from './types';

// Words that look like `name(…) {` but are statements.
const NOT_METHOD = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'function', 'return', 'typeof', 'await', 'yield', 'new', 'do', 'else', 'super', 'this', 'import', 'export', 'throw', 'case', 'delete', 'void', 'in', 'of', 'instanceof']);
// Modifiers that may come before a method name.
const MODIFIERS = new Set(['async', 'static', 'get', 'set', 'public', 'private', 'protected', 'override', 'readonly', 'abstract', 'declare', 'accessor']);
// Tokens after which a member (method) may start.
const MEMBER_AFTER = new Set(['{', '}', ';', ',', '*']);
// What an empty `return` may return and still be a placeholder.
const EMPTY_VALUES = new Set(['null', 'undefined', '{ }', '[ ]', "''", '""', '``', '0', 'false', 'void 0']);

interface Body {
  name: string;
  nameTok: number;
  open: number;
  close: number;
}

/** Analyses JS/TS source: every named function with a body, and the code around them. */
export function analyseJs(text: string): SourceAnalysis {
  const scan = scanJs(text);
  const bodies = findFunctions(scan);
  const functions: AnalysedFunction[] = [];
  for (const b of bodies) {
    const verdict = classifyBody(scan, b);
    const nameLine = (scan.tokens[b.nameTok] as Tok).line;
    const endLine = (scan.tokens[b.close] as Tok).line;
    functions.push({ name: b.name, line: nameLine, endLine, stub: verdict !== undefined, ...(verdict ? { why: verdict } : {}) });
  }
  return { functions, ...codeAround(scan, bodies) };
}

/** Finds functions with a `{ … }` body, in source order, each once. */
function findFunctions(scan: JsScan): Body[] {
  const { tokens, match } = scan;
  const found = new Map<number, Body>(); // keyed by the body's `{`
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Tok;
    if (t.kind === 'id' && t.value === 'function' && !isMember(tokens, k)) {
      // `function name(…) {`, `function* name`, `function (…) {` bound to a name.
      let j = k + 1;
      if (tokens[j]?.value === '*') j++;
      let nameTok = -1;
      if (tokens[j]?.kind === 'id') nameTok = j++;
      j = skipGenerics(tokens, j);
      if (tokens[j]?.value !== '(') continue;
      const open = bodyAfterParams(scan, j);
      if (open < 0) continue;
      const bound = nameTok >= 0 ? { name: (tokens[nameTok] as Tok).value, tok: nameTok } : boundName(tokens, k);
      if (bound) found.set(open, { name: bound.name, nameTok: bound.tok, open, close: match[open] as number });
    } else if (t.kind === 'punct' && t.value === '=>' && tokens[k + 1]?.value === '{') {
      const open = k + 1;
      const close = match[open] as number;
      if (close < 0) continue;
      const start = arrowStart(scan, k);
      if (start < 0) continue;
      const bound = boundName(tokens, start);
      if (bound) found.set(open, { name: bound.name, nameTok: bound.tok, open, close });
    } else if (t.value === '(' && t.kind === 'punct') {
      // A method: `name(…) {`, `async *name<T>(…): T {`, `get x() {`, `'quoted'() {`, `[key]() {`.
      const method = methodAt(scan, k);
      if (method) found.set(method.open, method);
    }
  }
  return [...found.values()].sort((a, b) => a.open - b.open);
}

/** True when `function` is used as a property name (`x.function`, `{ function: 1 }`). */
function isMember(tokens: readonly Tok[], k: number): boolean {
  const prev = tokens[k - 1]?.value;
  return prev === '.' || prev === '?.' || tokens[k + 1]?.value === ':';
}

/** Skips `<…>` type parameters at `j`, if any. */
function skipGenerics(tokens: readonly Tok[], j: number): number {
  if (tokens[j]?.value !== '<') return j;
  let depth = 0;
  for (let k = j; k < tokens.length && k < j + 200; k++) {
    const v = (tokens[k] as Tok).value;
    if (v === '<') depth++;
    else if (v === '>') depth--;
    else if (v === '>>') depth -= 2;
    else if (v === '{' || v === ';' || v === '}') return j;
    if (depth <= 0) return k + 1;
  }
  return j;
}

/**
 * The `{` of a body after the parameter list opening at `paren`: right after `)`, or after a
 * return type (`): Promise<void> {`, `): { a: string } {`). −1 when there is none (an overload,
 * a call, a declaration).
 */
function bodyAfterParams(scan: JsScan, paren: number): number {
  const { tokens, match } = scan;
  const close = match[paren] as number;
  if (close < 0) return -1;
  let j = close + 1;
  if (tokens[j]?.value === '{') return j;
  if (tokens[j]?.value !== ':') return -1;
  // A return type: skip it; the body is the first `{` at depth 0 that follows a token a type can end with.
  j++;
  for (let steps = 0; j < tokens.length && steps < 200; steps++) {
    const t = tokens[j] as Tok;
    if (t.value === '{') {
      const prev = tokens[j - 1] as Tok;
      const typeEnd = prev.kind === 'id' || prev.kind === 'str' || prev.kind === 'num' || [')', ']', '>', '}', '>>'].includes(prev.value);
      if (typeEnd && prev.value !== 'typeof' && prev.value !== 'keyof') return j;
      const m = match[j] as number;
      if (m < 0) return -1;
      j = m + 1;
      continue;
    }
    if (t.value === '(' || t.value === '[') {
      const m = match[j] as number;
      if (m < 0) return -1;
      j = m + 1;
      continue;
    }
    if (t.value === ';' || t.value === '}' || t.value === '=>' || t.value === '=' || t.value === ',') return -1;
    j++;
  }
  return -1;
}

/** The first token of an arrow function whose `=>` is at `arrow` (its `(`, its single parameter, or `async`); −1 if unclear. */
function arrowStart(scan: JsScan, arrow: number): number {
  const { tokens, match } = scan;
  let j = arrow - 1;
  const prev = tokens[j];
  if (!prev) return -1;
  if (prev.kind === 'id') {
    // `x => {` (a single parameter), unless it ends a return type (`): T => {`).
    const before = tokens[j - 1];
    if (before?.value !== ':') return tokens[j - 1]?.value === 'async' ? j - 1 : j;
  }
  // Walk back to the `)` that closes the parameters, skipping a return type.
  let steps = 0;
  while (j >= 0 && steps++ < 60) {
    const t = tokens[j] as Tok;
    if (t.value === ')') {
      const after = tokens[j + 1]?.value;
      if (after === '=>' || after === ':') break;
    }
    if (t.value === '}' || t.value === ']' || t.value === ')') {
      const m = match[j] as number;
      if (m < 0) return -1;
      j = m - 1;
      continue;
    }
    if (t.value === ';' || t.value === '{') return -1;
    j--;
  }
  const close = tokens[j];
  if (!close || close.value !== ')') return -1;
  let open = match[j] as number;
  if (open < 0) return -1;
  if (tokens[open - 1]?.value === '>') {
    // `<T>(x: T) => {`: step over the type parameters.
    let depth = 0;
    for (let k = open - 1; k >= 0 && k > open - 100; k--) {
      const v = (tokens[k] as Tok).value;
      if (v === '>') depth++;
      else if (v === '<') depth--;
      if (depth === 0) {
        open = k;
        break;
      }
    }
  }
  return tokens[open - 1]?.value === 'async' ? open - 1 : open;
}

/**
 * The name a function expression or arrow starting at `start` is bound to: `const name =`,
 * `name =` (a field or assignment), `name:` (a property), `export default`. Undefined for an
 * anonymous callback.
 */
function boundName(tokens: readonly Tok[], start: number): { name: string; tok: number } | undefined {
  let j = start - 1;
  // `(function () {})` and `x = (() => {})`: look through one opening parenthesis.
  if (tokens[j]?.value === '(' && tokens[j - 1]?.value !== undefined && ['=', ':', '('].includes((tokens[j - 1] as Tok).value)) j--;
  const t = tokens[j];
  if (!t) return undefined;
  if (t.value === 'default' && tokens[j - 1]?.value === 'export') return { name: 'default', tok: j };
  if (t.value === ':' || t.value === '=' || t.value === '??=' || t.value === '||=') {
    const name = tokens[j - 1];
    if (name && (name.kind === 'id' || name.kind === 'str') && (t.value !== ':' || !isTernaryColon(tokens, j))) {
      return { name: name.kind === 'str' ? name.value.slice(1, -1) : name.value, tok: j - 1 };
    }
    if (t.value === '=') return typedBinding(tokens, j);
  }
  return undefined;
}

/** True when the `:` at `j` belongs to a `? :` conditional rather than a property. */
function isTernaryColon(tokens: readonly Tok[], j: number): boolean {
  const before = tokens[j - 2]?.value;
  return before === '?';
}

/** `const name: Type<A> = …`: the name before a type annotation ending at the `=` at `eq`. */
function typedBinding(tokens: readonly Tok[], eq: number): { name: string; tok: number } | undefined {
  for (let k = eq - 1; k >= 1 && k > eq - 40; k--) {
    const v = (tokens[k] as Tok).value;
    if (v === ';' || v === '{' || v === '}') return undefined;
    if (v === ':' && (tokens[k - 1] as Tok).kind === 'id') {
      const decl = tokens[k - 2]?.value;
      if (decl === 'const' || decl === 'let' || decl === 'var' || decl === 'readonly' || MEMBER_AFTER.has(decl ?? '')) {
        return { name: (tokens[k - 1] as Tok).value, tok: k - 1 };
      }
    }
  }
  return undefined;
}

/** A method at the `(` at `paren`: a member name right before it (after modifiers), a body after. */
function methodAt(scan: JsScan, paren: number): Body | undefined {
  const { tokens, match } = scan;
  let j = paren - 1;
  if (tokens[j]?.value === '>') {
    // `name<T>(…)`: find the `<`.
    let depth = 0;
    for (let k = j; k >= 0 && k > j - 100; k--) {
      const v = (tokens[k] as Tok).value;
      if (v === '>') depth++;
      else if (v === '<') depth--;
      if (depth === 0) {
        j = k - 1;
        break;
      }
    }
  }
  let nameTok = j;
  const nameT = tokens[j];
  if (!nameT) return undefined;
  let name: string;
  if (nameT.kind === 'id') {
    if (NOT_METHOD.has(nameT.value)) return undefined;
    name = nameT.value;
  } else if (nameT.kind === 'str' || nameT.kind === 'num') {
    name = nameT.kind === 'str' ? nameT.value.slice(1, -1) : nameT.value;
  } else if (nameT.value === ']') {
    const m = match[j] as number;
    if (m < 0) return undefined;
    name = `[${tokens.slice(m + 1, j).map((t) => t.value).join('')}]`;
    nameTok = m;
  } else return undefined;
  if (tokens[nameTok - 1]?.value === '?') return undefined; // `a ? b(x) {`: not valid code anyway
  // What comes before the name: a member boundary, or modifiers after one.
  let k = nameTok - 1;
  while (k >= 0 && MODIFIERS.has((tokens[k] as Tok).value)) k--;
  if (tokens[k]?.value === '*') k--;
  while (k >= 0 && MODIFIERS.has((tokens[k] as Tok).value)) k--;
  const before = tokens[k];
  if (before && !MEMBER_AFTER.has(before.value)) return undefined;
  const open = bodyAfterParams(scan, paren);
  if (open < 0) return undefined;
  const close = match[open] as number;
  if (close < 0) return undefined;
  return { name, nameTok, open, close };
}

/** Why a body is a stub, or undefined when it has real code. */
function classifyBody(scan: JsScan, b: Body): string | undefined {
  const { tokens } = scan;
  const from = (tokens[b.open] as Tok).end;
  const to = (tokens[b.close] as Tok).pos;
  const inner = tokens.slice(b.open + 1, b.close);
  const comments = commentsBetween(scan.comments, from, to);
  const todo = comments.some((c) => hasTodo(c.text));
  if (inner.length === 0) {
    if (todo) return 'only a TODO comment';
    if (comments.length > 0) return undefined; // an empty body that says why is deliberate
    return b.name === 'constructor' ? undefined : 'empty body';
  }
  const statements = splitStatements(inner);
  const kinds = statements.map(statementKind);
  if (kinds.some((k) => k === 'code')) return undefined;
  if (kinds.includes('throw')) return 'throws not implemented';
  if (kinds.includes('return') && todo) return 'returns nothing, with a TODO';
  return undefined;
}

function commentsBetween(comments: readonly Comment[], from: number, to: number): Comment[] {
  // Comments are in order: binary search for the first at or after `from`.
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((comments[mid] as Comment).pos < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Comment[] = [];
  for (let k = lo; k < comments.length && (comments[k] as Comment).pos < to; k++) out.push(comments[k] as Comment);
  return out;
}

/** Splits a flat token list at top-level `;` (ASI: a `return`/`throw` also starts a statement). */
function splitStatements(inner: readonly Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (const t of inner) {
    if (t.kind === 'punct') {
      if (t.value === '{' || t.value === '(' || t.value === '[') depth++;
      else if (t.value === '}' || t.value === ')' || t.value === ']') depth--;
    }
    if (depth === 0 && t.kind === 'id' && (t.value === 'return' || t.value === 'throw') && cur.length > 0) {
      out.push(cur);
      cur = [];
    }
    if (depth === 0 && t.value === ';') {
      if (cur.length > 0) out.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** `throw` of not-implemented, an empty `return`, or real `code`. */
function statementKind(s: readonly Tok[]): 'throw' | 'return' | 'code' {
  const first = s[0]?.value;
  if (first === 'return') {
    const value = s
      .slice(1)
      .map((t) => t.value)
      .join(' ');
    return value === '' || EMPTY_VALUES.has(value) ? 'return' : 'code';
  }
  if (first === 'throw') {
    // `throw new Error('not implemented')`, `throw new NotImplementedError()`, `throw 'TODO'`.
    const rest = s.slice(1);
    let k = 0;
    if (rest[k]?.value === 'new') k++;
    const ctor = rest[k];
    if (ctor?.kind === 'id' && /^NotImplemented(?:Error|Exception)?$/i.test(ctor.value)) return 'throw';
    const message = rest.filter((t) => t.kind === 'str' || t.kind === 'tmpl').map((t) => t.value).join(' ');
    if (message && NOT_IMPLEMENTED_TEXT.test(message) && rest.length <= k + 5) return 'throw';
    return 'code';
  }
  return 'code';
}

/** True when token `k` starts a statement: first, after `;`, `{`, `}`, or first on its line. */
function startsStatement(tokens: readonly Tok[], k: number): boolean {
  const prev = tokens[k - 1];
  if (!prev) return true;
  return prev.value === ';' || prev.value === '{' || prev.value === '}' || prev.line < (tokens[k] as Tok).line;
}

/**
 * The last token of a statement that is not code to implement: `import …`, a re-export, an
 * `interface`, a `type X = …` alias. −1 when the statement at `k` is none of those.
 */
function declarationEnd(scan: JsScan, k: number): number {
  const { tokens, match } = scan;
  let j = k;
  if (tokens[j]?.value === 'export' && isReExport(tokens, j)) return statementEnd(tokens, j);
  if (tokens[j]?.value === 'export') j++;
  if (tokens[j]?.value === 'declare') j++;
  const v = tokens[j]?.value;
  if (v === 'import' && tokens[j + 1]?.value !== '(' && tokens[j + 1]?.value !== '.') return statementEnd(tokens, j);
  if (v === 'interface') {
    for (let e = j + 1; e < tokens.length && e < j + 200; e++) {
      if ((tokens[e] as Tok).value === '{') return (match[e] as number) >= 0 ? (match[e] as number) : -1;
    }
    return -1;
  }
  if (v === 'type' && tokens[j + 1]?.kind === 'id' && ['=', '<'].includes(tokens[j + 2]?.value ?? '')) return statementEnd(tokens, j);
  return -1;
}

/** The `;` ending the statement at `k` (brackets skipped), or the last token before a line that starts a new one. */
function statementEnd(tokens: readonly Tok[], k: number): number {
  let depth = 0;
  for (let e = k; e < tokens.length && e < k + 2000; e++) {
    const t = tokens[e] as Tok;
    if (t.value === '{' || t.value === '(' || t.value === '[') depth++;
    else if (t.value === '}' || t.value === ')' || t.value === ']') depth--;
    if (depth <= 0 && t.value === ';') return e;
    const next = tokens[e + 1];
    if (depth <= 0 && next && next.line > t.line && !/^[|&=,.:?<>]$/.test(t.value) && !/^[|&=,.?]$/.test(next.value) && t.value !== 'from' && next.value !== 'from') {
      return e;
    }
  }
  return Math.min(tokens.length - 1, k + 2000);
}

/** Lines of code outside the function bodies (declarations excluded), lines of code at all, TODO comments. */
function codeAround(scan: JsScan, bodies: readonly Body[]): { outsideCodeLines: number; codeLines: number; todoLines: number[] } {
  const { tokens } = scan;
  const inside = new Uint8Array(tokens.length);
  for (const b of bodies) for (let k = b.open; k <= b.close; k++) inside[k] = 1;
  const codeLines = new Set<number>();
  const outside = new Set<number>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Tok;
    codeLines.add(t.line);
    if (inside[k]) continue;
    if (startsStatement(tokens, k)) {
      const end = declarationEnd(scan, k);
      if (end >= k) {
        for (let e = k + 1; e <= end; e++) codeLines.add((tokens[e] as Tok).line);
        k = end;
        continue;
      }
    }
    if (t.kind === 'punct' && /^[{}()[\];,]$/.test(t.value)) continue;
    outside.add(t.line);
  }
  // A counted function's header line is not code around it.
  for (const b of bodies) outside.delete((tokens[b.nameTok] as Tok).line);
  const todoLines = scan.comments.filter((c) => hasTodo(c.text)).map((c) => c.line);
  return { outsideCodeLines: outside.size, codeLines: codeLines.size, todoLines };
}

/** `export * from`, `export { a } from`, `export type { … }`: re-exports, like imports. */
function isReExport(tokens: readonly Tok[], k: number): boolean {
  const next = tokens[k + 1]?.value;
  return next === '*' || next === '{' || (next === 'type' && tokens[k + 2]?.value === '{');
}
