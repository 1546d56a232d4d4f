// Paths and patterns a plan names — literal paths, globs, folders, placeholders — and what they
// cover. All paths here are workspace-relative with `/` separators.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Deliverable, Plan, Session } from '../../model';
import { normalizePath } from '../neverShare';

const GLOB_RE = /[*?[\]{}]/;
// The placeholders plans use in paths: dates, `XXX`, `<name>`, `{name}`, ellipses.
const PLACEHOLDER_SOURCE = /YYYY[-_]?MM[-_]?DD|YYYYMM|YYYY|HHMMSS|HHMM|X{3,}|N{3,}|<[^<>/]{1,40}>|\{[A-Za-z_][\w-]{0,39}\}|\.\.\.|…/.source;
const PLACEHOLDER_ALL = new RegExp(PLACEHOLDER_SOURCE, 'g');
const PLACEHOLDER_ANY = new RegExp(PLACEHOLDER_SOURCE);

/** True when the text is a placeholder for something that is not a file (`PR #XXX`, `PR #123`). */
export function isNonFile(path: string): boolean {
  return /^PR\s*#/i.test(path.trim()) || /^#\d+$/.test(path.trim());
}

/** A placeholder path as a glob: `versions/YYYYMMDD_add.py` → `versions/*_add.py`. */
export function placeholderGlob(path: string): string {
  return path.replace(PLACEHOLDER_ALL, '*').replace(/\*{3,}/g, '**');
}

/** True when `path` has glob syntax. */
export function hasGlob(path: string): boolean {
  return GLOB_RE.test(path);
}

/**
 * A path as the plan names it, made workspace-relative: `./a/b/` → `a/b`; a `../` path is read
 * from the plan file's folder; an absolute path inside `root` becomes relative. Undefined when it
 * points outside the workspace (the `deliverable-outside-workspace` rule reports that).
 */
export function planPath(raw: string, planFile: string, root?: string): string | undefined {
  const p = raw.trim().replace(/\\/g, '/');
  if (!p) return undefined;
  if (/^(?:[A-Za-z]:)?\//.test(p) || p.startsWith('~')) {
    if (!root || p.startsWith('~')) return undefined;
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    if (p === r) return '';
    return p.startsWith(`${r}/`) ? normalizePath(p.slice(r.length + 1)) : undefined;
  }
  let rel = normalizePath(p);
  if (rel === '..' || rel.startsWith('../')) rel = normalizePath(posix.join(posix.dirname(planFile), p));
  if (rel === '..' || rel.startsWith('../')) return undefined;
  return rel === '.' ? '' : rel;
}

/** A pattern a session declares, ready to test paths with. */
export interface ScopePattern {
  /** As written in the plan. */
  source: string;
  /** Workspace-relative: the literal path, folder or glob. */
  pattern: string;
  kind: 'file' | 'folder' | 'glob';
  line: number;
  test: (path: string) => boolean;
}

// Compiled globs, keyed by pattern (bounded).
const compiled = new Map<string, (path: string) => boolean>();

/** A picomatch test that never throws (an uncompilable glob matches nothing). */
export function globTest(glob: string): (path: string) => boolean {
  let test = compiled.get(glob);
  if (!test) {
    if (compiled.size >= 1000) compiled.clear();
    try {
      const base = picomatch(glob, { dot: true });
      // A glob without a slash names files at any depth, as in .gitignore.
      const deep = glob.includes('/') ? undefined : picomatch(`**/${glob}`, { dot: true });
      test = deep ? (p) => base(p) || deep(p) : base;
    } catch {
      test = () => false;
    }
    compiled.set(glob, test);
  }
  return test;
}

/**
 * Compiles a path a plan names. A folder (`docs/`) covers everything under it; a glob or a
 * placeholder (made a glob) matches as a pattern; a literal path covers itself and anything under
 * it (it may name a folder without the `/`), and one without a slash (`notes.md`) covers that name
 * at any depth. Undefined for `PR #XXX` and paths outside the workspace.
 */
export function scopePattern(raw: string, line: number, planFile: string, root?: string, marked: Partial<Pick<Deliverable, 'isFolder' | 'isGlob' | 'isPlaceholder'>> = {}): ScopePattern | undefined {
  if (!raw.trim() || isNonFile(raw)) return undefined;
  const placeholder = marked.isPlaceholder || PLACEHOLDER_ANY.test(raw);
  const text = placeholder ? placeholderGlob(raw) : raw;
  const rel = planPath(text, planFile, root);
  if (rel === undefined || rel === '') return undefined;
  const folder = marked.isFolder || /[\\/]\s*$/.test(raw);
  if (hasGlob(rel)) {
    const test = globTest(rel);
    const under = folder ? globTest(`${rel}/**`) : undefined;
    return { source: raw, pattern: rel, kind: 'glob', line, test: under ? (p) => test(p) || under(p) : test };
  }
  if (folder) return { source: raw, pattern: rel, kind: 'folder', line, test: (p) => p === rel || p.startsWith(`${rel}/`) };
  const bare = !rel.includes('/');
  return {
    source: raw,
    pattern: rel,
    kind: 'file',
    line,
    test: (p) => p === rel || p.startsWith(`${rel}/`) || (bare && p.endsWith(`/${rel}`)),
  };
}

/** The patterns a session owns: its deliverables and its tasks' files. */
export function sessionPatterns(session: Session, planFile: string, root?: string): ScopePattern[] {
  const out: ScopePattern[] = [];
  for (const d of session.deliverables ?? []) {
    if (typeof d?.path !== 'string' || !d.path) continue;
    const p = scopePattern(d.path, d.line, planFile, root, d);
    if (p) out.push(p);
  }
  for (const t of session.tasks ?? []) {
    for (const f of t?.files ?? []) {
      if (typeof f !== 'string') continue;
      const p = scopePattern(f, t.line, planFile, root);
      if (p) out.push(p);
    }
  }
  return out;
}

/**
 * Files that change with Marathon's own bookkeeping, whatever the session does: the plan, the run
 * log folder, and the folder's `.vscode/settings.json`, where VS Code writes Marathon's settings
 * (Ignore for Scope adds to `marathon.scope.ignore` there, which would otherwise be scope creep).
 */
export function isBookkeeping(path: string, planFile: string): boolean {
  return path === planFile || path === '.marathon' || path.startsWith('.marathon/') || path === '.vscode/settings.json';
}

/** The `scope.ignore` globs, plus what never counts: {@link isBookkeeping}. */
export function ignoreTest(scopeIgnore: readonly string[], planFile: string): (path: string) => boolean {
  const plan = normalizePath(planFile);
  const tests = scopeIgnore
    .filter((g): g is string => typeof g === 'string')
    .map((g) => normalizePath(g.replace(/\\/g, '/')))
    .filter((g) => g && g !== '.')
    .map((g) => (hasGlob(g) ? globTest(g) : (p: string) => p === g || p.startsWith(`${g}/`) || (!g.includes('/') && p.endsWith(`/${g}`))));
  return (p) => isBookkeeping(p, plan) || tests.some((t) => t(p));
}

/** Every session of the plan with the patterns it owns, for "who owns this file". */
export function owners(plan: Plan, planFile: string, root?: string): { session: Session; patterns: ScopePattern[] }[] {
  return (plan.sessions ?? []).map((session) => ({ session, patterns: sessionPatterns(session, planFile, root) }));
}
