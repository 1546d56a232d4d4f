import { sanitizeForTerminal } from './shellQuote';

/**
 * Markdown building blocks for prompts. Plan text is untrusted: it only ever becomes markdown text
 * (never HTML), control characters are removed (the prompt is printed in a terminal, where ESC
 * sequences would act), `<` is escaped outside code spans so no raw HTML or autolink forms, and
 * fenced blocks use a fence longer than any backtick run inside them.
 */

/** One line of plain text: control characters become spaces, white space is collapsed. */
export function plainText(text: string): string {
  return sanitizeForTerminal(text).replace(/\s+/g, ' ').trim();
}

/** The longest run of `ch` in `text`. */
function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** Escapes text outside code spans: `\` before ASCII punctuation, then `<`. */
function escapeProse(text: string): string {
  return text.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/</g, '\\<');
}

/**
 * `text` as one line of inline markdown: {@link plainText}, then `\` before punctuation and `<`
 * escaped outside the code spans the text writes (so `a <b>` renders as text, never as HTML),
 * code spans kept as written. A backtick run without a closing run is kept as literal text.
 */
export function inlineText(text: string): string {
  const t = plainText(text);
  let out = '';
  let i = 0;
  let prose = '';
  while (i < t.length) {
    if (t[i] !== '`') {
      prose += t[i];
      i++;
      continue;
    }
    let j = i;
    while (t[j] === '`') j++;
    const run = j - i;
    const close = findRun(t, j, run);
    if (close < 0) {
      prose += t.slice(i, j);
      i = j;
      continue;
    }
    out += escapeProse(prose) + t.slice(i, close + run);
    prose = '';
    i = close + run;
  }
  return out + escapeProse(prose);
}

/** The index of the next run of exactly `n` backticks at or after `from`, or -1. */
function findRun(text: string, from: number, n: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (text[j] === '`') j++;
    if (j - i === n) return i;
    i = j;
  }
  return -1;
}

/** A heading's text: {@link inlineText} with a trailing `#` escaped (it would close the heading). */
export function headingText(text: string): string {
  return inlineText(text).replace(/#$/, '\\#');
}

/** `text` as a code span, with a delimiter longer than any backtick run in it. */
export function codeSpan(text: string): string {
  const t = plainText(text);
  const tick = '`'.repeat(longestRun(t, '`') + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : '';
  return `${tick}${pad}${t}${pad}${tick}`;
}

/** The fence for a block holding `text`: at least three backticks, longer than any run in it. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
}

/** A fenced code block of the given lines (each made {@link plainText}), with an info string. */
export function fencedBlock(lines: readonly string[], info = 'text'): string[] {
  const body = lines.map(plainText);
  const fence = fenceFor(body.join('\n'));
  return [`${fence}${info}`, ...body, fence];
}
