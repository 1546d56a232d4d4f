import { posix } from 'node:path';
import type { Plan, Problem } from '../model';
import type { CheckContext } from './types';
import { at, list, str } from './util';

/** A path or glob a plan names, with where it came from. */
export interface NamedPath {
  path: string;
  line: number;
  /** `deliverable` or `context file`, for messages. */
  role: 'deliverable' | 'context file';
  /** True when the plan marks it as a folder or it ends with `/`. */
  folder: boolean;
}

/**
 * Deliverable paths (placeholders skipped) and context files, in plan order. With `keep`, only the
 * paths it accepts are listed: a check that skips most paths then builds nothing for them.
 */
export function namedPaths(plan: Plan, keep?: (path: string) => boolean): NamedPath[] {
  const out: NamedPath[] = [];
  for (const session of list(plan.sessions)) {
    for (const d of list(session?.deliverables)) {
      const path = str(d?.path).trim();
      if (!d || !path || d.isPlaceholder || (keep && !keep(path))) continue;
      out.push({ path, line: d.line, role: 'deliverable', folder: d.isFolder || endsWithSlash(path) });
    }
  }
  for (const c of list(plan.contextFiles)) {
    const path = str(c?.path).trim();
    if (c && path && (!keep || keep(path))) out.push({ path, line: c.line, role: 'context file', folder: endsWithSlash(path) });
  }
  return out;
}

/** `/[\\/]$/.test(path)` without the pattern: every named path is tested. */
function endsWithSlash(path: string): boolean {
  const c = path.charCodeAt(path.length - 1);
  return c === 47 || c === 92;
}

/** Forward slashes only. */
export function toSlash(path: string): string {
  return path.replace(/\\/g, '/');
}

/** `/x`, `\x`, `C:\x`, `C:/x`, `~/x`, `\\server\share`. */
export function isAbsolute(path: string): boolean {
  // As /^(?:[/\\~]|[A-Za-z]:)/ on the trimmed path, tested on character codes: every named path is tested.
  const p = path.trim();
  const c = p.charCodeAt(0);
  if (c === 47 || c === 92 || c === 126) return true; // / \ ~
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return letter && p.charCodeAt(1) === 58;
}

// `https://…`, `file://…`: links, not paths (a drive letter is one character, so it never matches).
const URL_RE = /^[a-z][a-z0-9+.-]+:\/\//i;

/** `path` normalised relative to `root` when it lies inside it (case-insensitive on drive letters), else undefined. */
export function insideRoot(path: string, root: string | undefined): string | undefined {
  if (!root) return undefined;
  const norm = (p: string): string => posix.normalize(toSlash(p)).replace(/^([A-Za-z]):/, (_, d: string) => `${d.toLowerCase()}:`);
  const r = norm(root).replace(/\/+$/, '');
  const p = norm(path);
  if (!r || !isAbsolute(r)) return undefined;
  if (p === r) return '';
  return p.startsWith(`${r}/`) ? p.slice(r.length + 1) : undefined;
}

/** True when a relative path climbs above its starting folder (`../x`, `a/../../b`). */
export function climbsOut(path: string): boolean {
  if (!path.includes('..')) return false; // only a `..` segment can climb
  const normal = posix.normalize(toSlash(path));
  return normal === '..' || normal.startsWith('../');
}

/** Could this path point outside the workspace: is it absolute or does it hold `..`? */
function mayLeave(path: string): boolean {
  return isAbsolute(path) || path.includes('..');
}

/** The plan file's folder relative to the workspace root, when both are known and nested. */
function planFolder(ctx: CheckContext): string | undefined {
  if (!ctx.planFile) return undefined;
  const rel = insideRoot(ctx.planFile, ctx.workspaceRoot);
  return rel === undefined ? undefined : posix.dirname(rel);
}

/**
 * `deliverable-outside-workspace` (error): a deliverable or context file that is absolute or climbs
 * out with `../`. A `../` path that stays inside when read from the plan file's folder is fine, and
 * an absolute path inside the known workspace root is only `deliverable-absolute-path` (warning).
 * Nothing is read from disk.
 */
export function checkPathsInsideWorkspace(plan: Plan, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const fromPlan = planFolder(ctx);
  // Most paths are relative and stay inside: they are skipped before any further work.
  for (const item of namedPaths(plan, mayLeave)) {
    const absolute = isAbsolute(item.path);
    const what = `The ${item.role} \`${item.path}\``;
    if (URL_RE.test(item.path)) continue;
    if (absolute) {
      const rel = item.path.startsWith('~') ? undefined : insideRoot(item.path, ctx.workspaceRoot);
      if (rel !== undefined) {
        const relative = rel || '.';
        problems.push(
          at('deliverable-absolute-path', 'warning', `${what} is absolute; write it relative to the workspace (\`${relative}\`) so it holds in every checkout.`, item.line),
        );
      } else {
        problems.push(at('deliverable-outside-workspace', 'error', `${what} is absolute and points outside the workspace.`, item.line));
      }
      continue;
    }
    if (!climbsOut(item.path)) continue;
    if (fromPlan !== undefined && !climbsOut(posix.join(fromPlan, toSlash(item.path)))) continue;
    problems.push(at('deliverable-outside-workspace', 'error', `${what} climbs out of the workspace with \`..\`.`, item.line));
  }
  return problems;
}
