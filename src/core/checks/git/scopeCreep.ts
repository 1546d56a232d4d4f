// `scope-creep`: files a session changed that nothing in its scope covers.
import { posix } from 'node:path';
import type { Finding, RelatedInfo, SuggestedFix } from '../../findings';
import { joinSome } from '../util';
import { onPlanLine, related, sessionName, whereText } from './finding';
import { plural } from '../../words';
import type { GitCheckContext, SessionView, WorkspaceChange } from './types';

/** True when one of the session's patterns covers the change (its path, or its old path for a rename). */
function covered(view: SessionView, change: WorkspaceChange): boolean {
  return view.patterns.some((p) => p.test(change.path) || (change.from !== undefined && p.test(change.from)));
}

/** The first other session whose deliverables or task files cover `path`. */
function ownerOf(ctx: GitCheckContext, self: SessionView, path: string): SessionView | undefined {
  return ctx.all.find((v) => v !== self && v.session.id !== self.session.id && v.patterns.some((p) => p.test(path)));
}

/**
 * The glob an ignore-for-scope fix offers: the folder (`dir/**`) when two or more creeping files
 * share it, else the file's own path.
 */
function ignoreGlobs(paths: readonly string[]): Map<string, string> {
  const perDir = new Map<string, number>();
  for (const p of paths) {
    const dir = posix.dirname(p);
    perDir.set(dir, (perDir.get(dir) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const p of paths) {
    const dir = posix.dirname(p);
    out.set(p, dir !== '.' && (perDir.get(dir) ?? 0) >= 2 ? `${dir}/**` : p);
  }
  return out;
}

/**
 * `scope-creep` (warning, on the session heading): changed files that the session's deliverables,
 * task files, declared globs, folders and placeholders do not cover, nor `scope.ignore`, nor the
 * run log (`.marathon/**`) or the plan file. Each file is related information; fixes add it as a
 * deliverable, move it to the session that owns it, or ignore it for scope checks.
 */
export function checkScopeCreep(ctx: GitCheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const view of ctx.sessions) {
    const creeping = view.changed.filter((c) => !ctx.ignored(c.path) && !covered(view, c));
    if (creeping.length === 0) continue;
    const id = view.session.id;
    const paths = creeping.map((c) => c.path);
    const globs = ignoreGlobs(paths);
    const rel: RelatedInfo[] = [];
    const fixes: SuggestedFix[] = [];
    const seenGlobs = new Set<string>();
    for (const c of creeping) {
      const owner = ownerOf(ctx, view, c.path);
      const how = c.kind === 'untracked' ? 'untracked' : `${c.kind}${c.from ? ` from ${c.from}` : ''} (${whereText(c.where)})`;
      rel.push(related(c.path, owner ? `${how}; owned by session ${owner.session.id} (plan line ${owner.session.line})` : `${how}; not in session ${id}'s scope`));
      fixes.push({ kind: 'add-deliverable', title: `Add ${c.path} to session ${id}'s deliverables`, plan: ctx.planFile, session: id, path: c.path });
      if (owner) {
        fixes.push({ kind: 'move-to-session', title: `Move ${c.path} to session ${owner.session.id}`, plan: ctx.planFile, from: id, to: owner.session.id, path: c.path });
      }
      const glob = globs.get(c.path) ?? c.path;
      if (!seenGlobs.has(glob)) {
        seenGlobs.add(glob);
        fixes.push({ kind: 'ignore-for-scope', title: `Ignore ${glob} in scope checks`, glob });
      }
    }
    const none = view.patterns.length === 0 ? ' (it names no deliverables or task files)' : '';
    const message = `${sessionName(id)} changed ${plural(creeping.length, 'file')} outside its scope${none}: ${joinSome(paths)}.`;
    findings.push({ ...onPlanLine(ctx.planFile, 'scope-creep', 'warning', message, view.session.line, id), related: rel, fixes });
  }
  return findings;
}
