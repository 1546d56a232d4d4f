// A small JavaScript/TypeScript tokenizer: enough to match braces and find functions. It knows
// strings, template literals (with nested `${}`), comments and regular expressions (by the usual
// "what came before" rule); JSX text is read as code, and an unterminated quote ends at the line.

export type TokKind = 'id' | 'punct' | 'str' | 'tmpl' | 'regex' | 'num';

/** One token; `pos`/`end` are offsets into the text, `line` is 1-based. */
export interface Tok {
  kind: TokKind;
  value: string;
  pos: number;
  end: number;
  line: number;
}

/** One comment with its text (markers included) and position. */
export interface Comment {
  text: string;
  pos: number;
  end: number;
  line: number;
  endLine: number;
}

export interface JsScan {
  tokens: Tok[];
  comments: Comment[];
  /** For each `{`, `(` or `[` token, the index of its closing token (−1 when unbalanced), and back. */
  match: Int32Array;
}

// After these a `/` starts a regular expression, not a division.
const REGEX_AFTER_PUNCT = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '=>', '...']);
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
const MULTI_PUNCT = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<'];

// The multi-character punctuators by their first character, longest first.
const MULTI_BY_FIRST = new Map<number, string[]>();
for (const p of MULTI_PUNCT) {
  const list = MULTI_BY_FIRST.get(p.charCodeAt(0)) ?? [];
  list.push(p);
  MULTI_BY_FIRST.set(p.charCodeAt(0), list.sort((a, b) => b.length - a.length));
}

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c > 127;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

function regexAllowed(prev: Tok | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'punct') return REGEX_AFTER_PUNCT.has(prev.value);
  if (prev.kind === 'id') return REGEX_AFTER_WORD.has(prev.value);
  return false;
}

/** Tokenizes `text`. Linear in its length; never throws. */
export function scanJs(text: string): JsScan {
  const tokens: Tok[] = [];
  const comments: Comment[] = [];
  const n = text.length;
  let line = 1;
  let i = 0;
  if (text.startsWith('#!')) while (i < n && text.charCodeAt(i) !== 10) i++;

  // Advances `line` over the text from `from` to `to`.
  const countLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) line++;
  };
  const push = (kind: TokKind, start: number, end: number): void => {
    tokens.push({ kind, value: text.slice(start, end), pos: start, end, line });
  };

  // Skips a quoted string from the opening quote; ends at the closing quote or before a newline.
  const skipQuoted = (start: number): number => {
    const q = text.charCodeAt(start);
    let k = start + 1;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 92) k += 2;
      else if (c === q) return k + 1;
      else if (c === 10) return k;
      else k++;
    }
    return n;
  };

  // Skips a template literal from the opening backtick, nested `${ … }` included (nesting past
  // 100 levels is read as plain text rather than recursing further).
  let nesting = 0;
  const skipTemplate = (start: number): number => {
    let k = start + 1;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 92) k += 2;
      else if (c === 96) return k + 1;
      else if (c === 36 && text.charCodeAt(k + 1) === 123 && nesting < 100) {
        nesting++;
        k = skipExpression(k + 2);
        nesting--;
      }
      else k++;
    }
    return n;
  };

  // Skips a `${ … }` expression body from after `${` to after its `}`.
  const skipExpression = (start: number): number => {
    let depth = 1;
    let k = start;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 39 || c === 34) k = skipQuoted(k);
      else if (c === 96) k = skipTemplate(k);
      else if (c === 47 && text.charCodeAt(k + 1) === 42) {
        const close = text.indexOf('*/', k + 2);
        k = close < 0 ? n : close + 2;
      } else if (c === 47 && text.charCodeAt(k + 1) === 47) {
        while (k < n && text.charCodeAt(k) !== 10) k++;
      } else if (c === 123) {
        depth++;
        k++;
      } else if (c === 125) {
        k++;
        if (--depth === 0) return k;
      } else k++;
    }
    return n;
  };

  // A regular expression from the opening `/`; −1 when it does not close on its line.
  const skipRegex = (start: number): number => {
    let k = start + 1;
    let inClass = false;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) return -1;
      if (c === 92) k += 2;
      else if (c === 91) {
        inClass = true;
        k++;
      } else if (c === 93) {
        inClass = false;
        k++;
      } else if (c === 47 && !inClass) {
        k++;
        while (k < n && isIdPart(text.charCodeAt(k))) k++;
        return k;
      } else k++;
    }
    return -1;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c === 47 && next === 47) {
      let k = i;
      while (k < n && text.charCodeAt(k) !== 10) k++;
      comments.push({ text: text.slice(i, k), pos: i, end: k, line, endLine: line });
      i = k;
      continue;
    }
    if (c === 47 && next === 42) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      const startLine = line;
      countLines(i, end);
      comments.push({ text: text.slice(i, end), pos: i, end, line: startLine, endLine: line });
      i = end;
      continue;
    }
    if (c === 39 || c === 34) {
      const end = skipQuoted(i);
      push('str', i, end);
      i = end;
      continue;
    }
    if (c === 96) {
      const end = skipTemplate(i);
      push('tmpl', i, end);
      countLines(i, end);
      i = end;
      continue;
    }
    if (c === 47 && regexAllowed(tokens[tokens.length - 1])) {
      const end = skipRegex(i);
      if (end > 0) {
        push('regex', i, end);
        i = end;
        continue;
      }
    }
    if (isIdStart(c) || (c === 35 && isIdStart(next))) {
      let k = i + 1;
      while (k < n && isIdPart(text.charCodeAt(k))) k++;
      push('id', i, k);
      i = k;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && next >= 48 && next <= 57)) {
      let k = i + 1;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (isIdPart(d) || d === 46) k++;
        else if ((d === 43 || d === 45) && (text.charCodeAt(k - 1) | 0x20) === 101) k++;
        else break;
      }
      push('num', i, k);
      i = k;
      continue;
    }
    let len = 1;
    for (const p of MULTI_BY_FIRST.get(c) ?? []) {
      if (text.startsWith(p, i)) {
        len = p.length;
        break;
      }
    }
    push('punct', i, i + len);
    i += len;
  }
  return { tokens, comments, match: matchBrackets(tokens) };
}

const OPEN: Record<string, string> = { '{': '}', '(': ')', '[': ']' };

/** Pairs brackets with a stack; a stray closer that does not fit the top is skipped. */
function matchBrackets(tokens: readonly Tok[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Tok;
    if (t.kind !== 'punct') continue;
    if (t.value in OPEN) stack.push(k);
    else if (t.value === '}' || t.value === ')' || t.value === ']') {
      // Pop to the nearest opener of the same kind (looking 16 deep at most, so garbage stays
      // linear); openers skipped over stay unmatched.
      for (let s = stack.length - 1; s >= 0 && s >= stack.length - 16; s--) {
        const o = stack[s] as number;
        if (OPEN[(tokens[o] as Tok).value] === t.value) {
          match[o] = k;
          match[k] = o;
          stack.length = s;
          break;
        }
      }
    }
  }
  return match;
}
