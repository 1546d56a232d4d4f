// Stub analysis of Python: logical lines (strings, comments, brackets and continuations
// understood), then `def`s with their indentation-based bodies, decorators and docstrings.
import { hasTodo } from './placeholder';
import type { AnalysedFunction, SourceAnalysis } from './types';

/** One logical line: a statement (possibly spanning physical lines), or a comment-only line. */
interface LogicalLine {
  line: number;
  endLine: number;
  /** Columns of indentation of its first physical line (a tab goes to the next multiple of 8). */
  indent: number;
  /** The code with every string literal replaced by `S` (or `E` when empty) and comments removed. */
  code: string;
  /** The comments on it. */
  comments: string[];
  /** The contents of its string literals. */
  strings: string[];
}

/** Splits Python source into logical lines. Linear; tolerates unterminated strings and brackets. */
export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let depth = 0;
  let cur: LogicalLine | undefined;
  let atLineStart = true;
  let indent = 0;
  const finish = (): void => {
    if (cur && (cur.code.trim() !== '' || cur.comments.length > 0)) {
      cur.code = cur.code.trim();
      out.push(cur);
    }
    cur = undefined;
    depth = 0;
  };
  while (i < n) {
    const c = text[i] as string;
    if (atLineStart) {
      indent = 0;
      while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) {
        indent = text[i] === '\t' ? indent + 8 - (indent % 8) : indent + 1;
        i++;
      }
      atLineStart = false;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      atLineStart = !cur || depth <= 0;
      if (cur && depth > 0) cur.code += ' ';
      if (atLineStart) finish();
      continue;
    }
    cur ??= { line, endLine: line, indent, code: '', comments: [], strings: [] };
    cur.endLine = line;
    if (c === '#') {
      let k = i;
      while (k < n && text[k] !== '\n' && text[k] !== '\r') k++;
      cur.comments.push(text.slice(i, k));
      i = k;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      line++;
      cur.code += ' ';
      continue;
    }
    if (c === '"' || c === "'") {
      // A prefix (r, b, f, u, rb, …) is part of the literal.
      cur.code = cur.code.replace(/(?:^|(?<=[^\w]))[rRbBfFuU]{1,2}$/, '');
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let k = i + quote.length;
      while (k < n) {
        const d = text[k];
        if (d === '\\') {
          if (text[k + 1] === '\n') line++;
          k += 2;
        } else if (text.startsWith(quote, k)) break;
        else if (!triple && (d === '\n' || d === '\r')) break;
        else {
          if (d === '\n') line++;
          k++;
        }
      }
      const body = text.slice(i + quote.length, Math.min(k, n));
      cur.strings.push(body);
      cur.code += body === '' ? 'E' : 'S';
      cur.endLine = line;
      i = text.startsWith(quote, k) ? k + quote.length : k;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    cur.code += c;
    i++;
  }
  finish();
  return out;
}

const DEF_RE = /^(?:async\s+)?def\s+([A-Za-z_]\w*)/;
const CLASS_RE = /^class\s+([A-Za-z_]\w*)\s*(?:\((.*)\))?/;
// Decorators whose functions are meant to have no body.
const BODYLESS_DECORATOR = /^@\s*(?:(?:abc|typing|typing_extensions)\s*\.\s*)?(?:abstractmethod|abstractproperty|abstractclassmethod|abstractstaticmethod|overload)\b/;
// An empty `return`: nothing, None, or an empty literal.
const EMPTY_RETURN = /^return(?:\s+(?:None|E|\{\}|\[\]|\(\)|0|False))?$/;
const PLACEHOLDER_STATEMENT = /^(?:pass|\.\.\.|raise\s+NotImplemented(?:Error)?(?:\s*\((?:\s*(?:S|E)?\s*)\))?)$/;

/** The index of the `:` ending a `def` header (after the parameters and return annotation), or −1. */
function headerColon(code: string): number {
  let depth = 0;
  for (let k = 0; k < code.length; k++) {
    const c = code[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ':' && depth === 0 && code[k + 1] !== '=') return k;
  }
  return -1;
}

/** Analyses Python source: every function that counts, and the code around them. */
export function analysePython(text: string): SourceAnalysis {
  const lines = logicalLines(text);
  const functions: AnalysedFunction[] = [];
  const inFunction = new Uint8Array(lines.length);
  // Classes whose methods are declarations (Protocol), by index of their header line.
  const classes: { indent: number; protocol: boolean }[] = [];
  let todoLines: number[] = [];
  let codeLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as LogicalLine;
    if (l.comments.some(hasTodo)) todoLines.push(l.line);
    if (l.code === '') continue;
    codeLines += l.endLine - l.line + 1;
    while (classes.length > 0 && (classes[classes.length - 1] as { indent: number }).indent >= l.indent) classes.pop();
    const cls = CLASS_RE.exec(l.code);
    if (cls) {
      classes.push({ indent: l.indent, protocol: /\bProtocol\b/.test(cls[2] ?? '') });
      continue;
    }
    const def = DEF_RE.exec(l.code);
    if (!def) continue;
    const end = bodyEnd(lines, i);
    for (let k = i; k <= end; k++) inFunction[k] = 1;
    const decorators = decoratorsOf(lines, i);
    for (let k = i - decorators.length; k < i; k++) inFunction[k] = 1;
    const inProtocol = classes.length > 0 && (classes[classes.length - 1] as { protocol: boolean }).protocol && (classes[classes.length - 1] as { indent: number }).indent < l.indent;
    if (inProtocol || decorators.some((d) => BODYLESS_DECORATOR.test(d))) continue;
    const why = classify(lines, i, end);
    const endLine = (lines[end] as LogicalLine).endLine;
    functions.push({ name: def[1] as string, line: l.line, endLine, stub: why !== undefined, ...(why ? { why } : {}) });
  }
  let outside = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as LogicalLine;
    if (inFunction[i] || l.code === '') continue;
    if (/^(?:import\s|from\s+\S+\s+import\b|@|class\s|__all__\s*=|if\s+__name__\s*==)/.test(l.code)) continue;
    if (/^(?:pass|\.\.\.|S|E)$/.test(l.code)) continue; // class bodies, module docstrings
    outside += l.endLine - l.line + 1;
  }
  // A module docstring that says TODO counts as TODO text.
  const first = lines.find((l) => l.code !== '');
  if (first && /^[SE]$/.test(first.code) && first.strings.some(hasTodo)) todoLines = [first.line, ...todoLines];
  return { functions, outsideCodeLines: outside, codeLines, todoLines };
}

/** The decorator lines right above the `def` at `i`. */
function decoratorsOf(lines: readonly LogicalLine[], i: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= 0; k--) {
    const l = lines[k] as LogicalLine;
    if (l.code === '') continue;
    if (!l.code.startsWith('@') || l.indent !== (lines[i] as LogicalLine).indent) break;
    out.unshift(l.code);
  }
  return out;
}

/** The index of the last logical line of the body of the `def` at `i` (`i` itself for a one-line def). */
function bodyEnd(lines: readonly LogicalLine[], i: number): number {
  const head = lines[i] as LogicalLine;
  const colon = headerColon(head.code);
  if (colon >= 0 && head.code.slice(colon + 1).trim() !== '') return i;
  let end = i;
  for (let k = i + 1; k < lines.length; k++) {
    const l = lines[k] as LogicalLine;
    if (l.code === '') {
      if (l.indent > head.indent) end = k;
      continue;
    }
    if (l.indent <= head.indent) break;
    end = k;
  }
  // Trailing comment lines belong to the body only when a body line follows them; else they are
  // the body's own (indented deeper) comments, which is what `end` tracks.
  return end;
}

/** Why the body of the `def` at `i` (through `end`) is a stub, or undefined when it is real. */
function classify(lines: readonly LogicalLine[], i: number, end: number): string | undefined {
  const head = lines[i] as LogicalLine;
  const colon = headerColon(head.code);
  const statements: string[] = [];
  const comments: string[] = [...head.comments];
  const strings: string[] = [];
  if (colon >= 0 && head.code.slice(colon + 1).trim() !== '') {
    statements.push(...head.code.slice(colon + 1).split(';').map((s) => s.trim()).filter(Boolean));
  } else {
    let bodyIndent = -1;
    for (let k = i + 1; k <= end; k++) {
      const l = lines[k] as LogicalLine;
      comments.push(...l.comments);
      if (l.code === '') continue;
      if (bodyIndent < 0) bodyIndent = l.indent;
      if (l.indent > bodyIndent) return undefined; // a compound statement's block: real code
      for (const s of l.code.split(';').map((x) => x.trim()).filter(Boolean)) {
        statements.push(s);
        if (statements.length === 1) strings.push(...l.strings);
      }
    }
  }
  // A docstring is not code.
  if (statements.length > 0 && /^[SE]$/.test(statements[0] as string)) statements.shift();
  else strings.length = 0;
  const todo = comments.some(hasTodo) || strings.some(hasTodo);
  if (statements.length === 0) return todo ? 'only a TODO' : strings.length > 0 ? 'only a docstring' : 'empty body';
  let placeholder = false;
  let emptyReturn = false;
  for (const s of statements) {
    if (PLACEHOLDER_STATEMENT.test(s)) placeholder = true;
    else if (EMPTY_RETURN.test(s)) emptyReturn = true;
    else return undefined;
  }
  if (emptyReturn && !todo) return undefined;
  if (emptyReturn) return 'returns nothing, with a TODO';
  if (!todo && comments.length > 0 && statements.every((s) => s === 'pass')) return undefined; // `pass  # nothing to do`: deliberate
  if (placeholder) return statements.some((s) => s.startsWith('raise')) ? 'raise NotImplementedError' : statements.includes('pass') ? 'pass' : '`...`';
  return undefined;
}
