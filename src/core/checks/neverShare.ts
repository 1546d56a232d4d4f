import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Plan, Problem } from '../model';
import type { CheckContext } from './types';
import { insideRoot, isAbsolute, namedPaths, toSlash } from './paths';
import { at, list, str } from './util';

/** A never-share pattern made ready to test paths against. */
export interface NeverShareRule {
  /** The pattern as written. */
  pattern: string;
  line: number;
  /** Tests a normalised, workspace-relative path. */
  matches: (path: string) => boolean;
  /** A concrete path the pattern matches, used to test globs and folders against it. */
  sample: string;
  /** True when the pattern names a place (it has a slash), not a name at any depth. */
  anchored: boolean;
}

/** `./a/b/` → `a/b`: slashes forward, leading `./` and trailing `/` removed, `..` folded. */
export function normalizePath(path: string): string {
  let p = toSlash(path.trim());
  while (p.startsWith('./')) p = p.slice(2);
  p = p.replace(/\/+$/, '');
  return p ? posix.normalize(p) : '';
}

/** Replaces glob syntax with plain characters to get one path the glob matches. */
function sampleOf(glob: string): string {
  return glob
    .replace(/\*\*\//g, '')
    .replace(/\{([^,}]*)[^}]*\}/g, '$1')
    .replace(/\[[^\]]*\]/g, 'x')
    .replace(/\*+|\?/g, 'x');
}

const GLOB_RE = /[*?[\]{}]/;

// Compiling a glob costs far more than testing a path with it, and a plan keeps its patterns from
// one keystroke to the next: compiled matchers are kept, keyed by their globs (bounded).
const compiled = new Map<string, (path: string) => boolean>();

/** picomatch(globs, { dot: true }), compiled once per distinct globs. */
function matcherFor(...globs: string[]): (path: string) => boolean {
  const key = JSON.stringify(globs);
  let isMatch = compiled.get(key);
  if (!isMatch) {
    if (compiled.size >= 500) compiled.clear();
    isMatch = picomatch(globs.length === 1 ? globs[0]! : globs, { dot: true });
    compiled.set(key, isMatch);
  }
  return isMatch;
}

/**
 * Compiles a never-share pattern with gitignore-like meaning: a trailing `/` means the folder and
 * everything under it, a pattern without a slash matches that name at any depth, a leading `./`
 * or `/` anchors it at the workspace root. Undefined for empty and negated (`!x`) patterns.
 */
export function compileNeverShare(raw: string, line: number): NeverShareRule | undefined {
  let p = toSlash(raw.trim()).replace(/\s+#.*$/, ''); // an inline `# comment` is not part of the pattern
  if (!p || p.startsWith('!') || p.startsWith('#')) return undefined;
  const rooted = p.startsWith('/') || p.startsWith('./');
  p = normalizePath(p.replace(/^\/+/, ''));
  if (!p || p === '.') return undefined;
  const anchored = rooted || p.includes('/');
  const base = anchored ? p : `**/${p}`;
  const isMatch = matcherFor(base, `${base}/**`);
  return { pattern: raw.trim(), line, matches: (path) => isMatch(path), sample: sampleOf(p), anchored };
}

/**
 * `never-share-path` (error): a deliverable or context file that matches a never-share pattern.
 * A glob is reported when it may match such a file; a context folder when an anchored pattern
 * lies inside it (sharing the folder would share the file).
 */
export function checkNeverShare(plan: Plan, ctx: CheckContext): Problem[] {
  const rules = list(plan.neverShare)
    .map((ref) => (ref ? compileNeverShare(str(ref.path), ref.line) : undefined))
    .filter((r): r is NeverShareRule => r !== undefined);
  if (rules.length === 0) return [];
  const problems: Problem[] = [];
  for (const item of namedPaths(plan)) {
    let path = item.path;
    if (isAbsolute(path)) path = insideRoot(path, ctx.workspaceRoot) ?? path.replace(/^(?:[A-Za-z]:)?[/\\~]+/, '');
    const norm = normalizePath(path);
    if (!norm || norm === '.') continue;
    const glob = GLOB_RE.test(norm);
    const within = item.folder && item.role === 'context file' ? matcherFor(`${norm}/**`) : undefined;
    const globMatch = glob ? matcherFor(norm) : undefined;
    for (const rule of rules) {
      let how: string | undefined;
      if (rule.matches(norm)) how = 'matches';
      else if (globMatch?.(rule.sample)) how = 'may match files of';
      else if (within && rule.anchored && within(rule.sample)) how = 'contains files of';
      if (!how) continue;
      problems.push(
        at(
          'never-share-path',
          'error',
          `The ${item.role} \`${item.path}\` ${how} the never-share pattern \`${rule.pattern}\` (line ${rule.line}).`,
          item.line,
        ),
      );
      break;
    }
  }
  return problems;
}
