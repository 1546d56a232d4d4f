// The stub detector: does a file hold real work, or only its shape? Pure: a path (for its
// language) and the text in, a verdict out. Never throws.
import { analyseJs } from './js';
import { analysePython } from './python';
import { emptyVerdict, markdownStub, notStub, textStub } from './text';
import type { SourceAnalysis, StubReport } from './types';

export type { StubFunction, StubReport } from './types';

/**
 * The file-level threshold: a source file is a stub when at least this share of its functions
 * are stubs (and it has little code besides, see {@link MAX_CODE_AROUND_STUBS}). Below it the
 * file is real, but its stub functions are still listed in `functions`.
 */
export const STUB_FILE_RATIO = 0.5;

/**
 * Lines of real code outside the functions (imports, type declarations and headers not counted)
 * above which a file is real even when its functions are stubs: a module of 30 lines of data
 * with one stub function is a module with a stub function, not a stub.
 */
export const MAX_CODE_AROUND_STUBS = 20;

// Files that are legitimately empty: package markers and keep-files.
const EMPTY_BY_DESIGN = /(?:^|\/)(?:__init__\.py|py\.typed|\.gitkeep|\.keep|\.nojekyll|\.npmignore|\.gitignore)$/i;
const PYTHON = /\.pyw?$/i;
const JS = /\.(?:[cm]?[jt]sx?)$/i;
const DECLARATIONS = /\.d\.[cm]?ts$|\.pyi$/i;
const MARKDOWN = /\.(?:md|markdown|mdx|mdown|mkd)$/i;

/**
 * Decides whether `text` (the contents of `path`) is a stub:
 * - empty or whitespace only (except files empty by design: `__init__.py`, `.gitkeep` …);
 * - only TODO / FIXME / "not implemented" / placeholder text (comment markers ignored);
 * - Python, JS and TS: functions whose bodies are only `pass`, `...`, a docstring,
 *   `raise NotImplementedError`, `throw new Error('not implemented')`, a TODO comment, or an
 *   empty `return` (nothing, `None`/`null`, `{}`) together with a TODO. A function with real
 *   statements is real even when it has a TODO comment. Abstract methods, overloads and
 *   `Protocol` members are not counted, nor are `.d.ts` / `.pyi` declaration files.
 * - markdown: only headings, rules, empty list items and placeholder lines.
 * The file is a stub when at least {@link STUB_FILE_RATIO} of its functions are stubs and it has at
 * most {@link MAX_CODE_AROUND_STUBS} lines of other code; otherwise `functions` still lists the
 * stub functions of a partly written file.
 */
export function detectStubs(path: string, text: string): StubReport {
  try {
    return detect(String(path ?? ''), typeof text === 'string' ? text : '');
  } catch (err) {
    // Defensive: the analysers are written not to throw; if one does, say so instead of guessing.
    return notStub(`could not analyse: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function detect(path: string, text: string): StubReport {
  const name = path.replace(/\\/g, '/');
  if (text.includes('\u0000')) return notStub('binary');
  const empty = emptyVerdict(text);
  if (empty) return EMPTY_BY_DESIGN.test(name) ? notStub('empty by design') : empty;
  if (MARKDOWN.test(name)) return markdownStub(text);
  const language = PYTHON.test(name) ? 'python' : JS.test(name) ? 'js' : undefined;
  if (!language) return textStub(text);
  const analysis = language === 'python' ? analysePython(text) : analyseJs(text);
  if (DECLARATIONS.test(name)) return notStub('declarations');
  return sourceVerdict(name, text, analysis);
}

/** The verdict on a source file from its analysis. */
function sourceVerdict(name: string, text: string, a: SourceAnalysis): StubReport {
  const stubs = a.functions.filter((f) => f.stub);
  const functions = stubs.map((f) => ({ name: f.name, line: f.line }));
  const lines = stubs.map((f) => f.line);
  if (a.functions.length === 0) {
    if (a.codeLines > 0) return notStub('has code and no functions');
    if (EMPTY_BY_DESIGN.test(name)) return notStub('empty by design');
    // Only comments: a TODO note is a stub, and so is a file of comments with no code at all.
    const placeholder = textStub(text);
    if (placeholder.stub) return placeholder;
    return a.todoLines.length > 0
      ? { stub: true, reason: 'only TODO comments', lines: a.todoLines, functions: [] }
      : { stub: true, reason: 'only comments, no code', lines: [1], functions: [] };
  }
  if (stubs.length === 0) return notStub('every function has a body');
  const kinds = [...new Set(stubs.map((f) => f.why).filter((w): w is string => !!w))].join(', ');
  const share = `${stubs.length} of ${a.functions.length} function${a.functions.length === 1 ? '' : 's'}`;
  const whole = stubs.length / a.functions.length >= STUB_FILE_RATIO && a.outsideCodeLines <= MAX_CODE_AROUND_STUBS;
  if (whole) {
    const reason = stubs.length === a.functions.length ? `every function is a stub (${kinds})` : `${share} are stubs (${kinds})`;
    return { stub: true, reason, lines, functions };
  }
  return { stub: false, reason: `${share} ${stubs.length === 1 ? 'is a stub' : 'are stubs'} (${kinds})`, lines, functions };
}
