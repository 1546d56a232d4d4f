// Stub heuristics for text: plain text, markdown, and any file the language analysers do not know.
import type { StubReport } from './types';
import { isBlankish, isPlaceholderLine } from './placeholder';

/** The verdict for a file that is not a stub. */
export function notStub(reason = 'has content'): StubReport {
  return { stub: false, reason, lines: [], functions: [] };
}

/** Empty or only whitespace: a stub at line 1; `undefined` when there is content. */
export function emptyVerdict(text: string): StubReport | undefined {
  if (text.length === 0) return { stub: true, reason: 'empty file', lines: [1], functions: [] };
  if (text.trim() === '') return { stub: true, reason: 'only whitespace', lines: [1], functions: [] };
  return undefined;
}

/**
 * Plain text: a stub when every line that says anything is a placeholder (`TODO`, `TBD`,
 * `Coming soon`, `not implemented`, `...` — comment and list markers ignored).
 */
export function textStub(text: string): StubReport {
  const lines = text.split(/\r\n|\r|\n/);
  const placeholders: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || isBlankish(line)) continue;
    if (!isPlaceholderLine(line)) return notStub();
    placeholders.push(i + 1);
  }
  if (placeholders.length === 0) return { stub: true, reason: 'only comment markers', lines: [1], functions: [] };
  return { stub: true, reason: 'only TODO/placeholder text', lines: placeholders, functions: [] };
}

/**
 * Markdown: a stub when it has only headings, rules, empty list items and placeholder lines
 * (`TODO`, `TBD`, `_Coming soon_`, `<!-- TODO -->`) — no sentence, table row, link or code of its
 * own. Front matter is skipped; a fenced code block is content.
 */
export function markdownStub(text: string): StubReport {
  const lines = text.split(/\r\n|\r|\n/);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (end > 0) i = end + 1;
  }
  const placeholders: number[] = [];
  const headings: number[] = [];
  let inComment = false;
  for (; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.trim();
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      if (isPlaceholderLine(line.replace(/-->.*$/, ''))) placeholders.push(i + 1);
      continue;
    }
    if (line === '') continue;
    if (line.startsWith('<!--')) {
      if (!line.includes('-->')) inComment = true;
      if (isPlaceholderLine(line)) placeholders.push(i + 1);
      continue;
    }
    if (/^#{1,6}(?:\s|$)/.test(line)) {
      const title = line.replace(/^#{1,6}\s*/, '').replace(/\s*#*\s*$/, '');
      (isPlaceholderLine(title) ? placeholders : headings).push(i + 1);
      continue;
    }
    if (/^(?:[-*_]\s*){3,}$/.test(line) || /^[=-]+$/.test(line)) continue; // rules, setext underlines
    if (/^(?:[-+*]|\d+[.)])(?:\s+\[[ xX]?\])?\s*$/.test(line)) continue; // an empty list item
    if (isPlaceholderLine(line)) {
      placeholders.push(i + 1);
      continue;
    }
    return notStub();
  }
  if (placeholders.length > 0) {
    const reason = headings.length > 0 ? 'only headings and TODO/placeholder text' : 'only TODO/placeholder text';
    return { stub: true, reason, lines: placeholders, functions: [] };
  }
  return { stub: true, reason: headings.length > 0 ? 'only headings' : 'no content', lines: headings.length > 0 ? headings : [1], functions: [] };
}
