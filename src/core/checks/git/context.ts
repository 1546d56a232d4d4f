// Builds the context the git rules share: sessions with their runs, facts and owned patterns,
// changed files made workspace-relative, and what is at each deliverable's path (read from disk
// through files.ts, confined to the workspace).
import * as path from 'node:path';
import { runKey, type SessionRun } from '../../clock/stopwatch';
import type { SessionGitFacts } from '../../git/types';
import type { Session } from '../../model';
import { idKey } from '../util';
import { matchGlob, probe, realRoot, type Probe } from './files';
import { hasGlob, ignoreTest, isNonFile, placeholderGlob, planPath, sessionPatterns } from './patterns';
import type { DeliverableState, GitCheckContext, GitCheckInput, PerSession, SessionView, WorkspaceChange } from './types';

/** Most files of one glob deliverable read for stubs. */
export const GLOB_READ_LIMIT = 50;

/** The value for a session: by id, by `runKey(planFile, id)`, then by the id's normal form (`24` = `024`). */
export function lookup<T>(values: PerSession<T> | undefined, planFile: string, id: string): T | undefined {
  if (!values) return undefined;
  const get = (key: string): T | undefined =>
    values instanceof Map ? (values as ReadonlyMap<string, T>).get(key) : Object.hasOwn(values, key) ? (values as Record<string, T | undefined>)[key] : undefined;
  const direct = get(id) ?? get(runKey(planFile, id));
  if (direct !== undefined) return direct;
  const want = idKey(id);
  const keys = values instanceof Map ? [...(values as ReadonlyMap<string, T>).keys()] : Object.keys(values);
  for (const key of keys) {
    const bare = key.includes('\u0000') ? key.slice(key.indexOf('\u0000') + 1) : key;
    if (key.includes('\u0000') && key.slice(0, key.indexOf('\u0000')) !== planFile) continue;
    if (idKey(bare) === want) return get(key);
  }
  return undefined;
}

/** Why a session's deliverables should exist now, or undefined. */
export function finishedBecause(session: Session, run?: SessionRun): string | undefined {
  if (run?.state === 'done') return 'it was stopped as done';
  const criteria = session.criteria ?? [];
  if (criteria.length > 0 && criteria.every((c) => c.done)) {
    return criteria.length === 1 ? 'its only criterion is ticked' : `all ${criteria.length} of its criteria are ticked`;
  }
  return undefined;
}

/** The facts' changed files with paths relative to the workspace; files outside it are dropped. */
function workspaceChanges(facts: SessionGitFacts | undefined, repoRoot: string | undefined, root: string): WorkspaceChange[] {
  if (!facts) return [];
  const rel = (p: string): string | undefined => {
    if (!repoRoot) return p.replace(/\\/g, '/');
    const r = path.relative(root, path.resolve(repoRoot, p)).split(path.sep).join('/');
    return r.startsWith('../') || r === '..' || path.isAbsolute(r) ? undefined : r;
  };
  const out: WorkspaceChange[] = [];
  for (const c of facts.changed ?? []) {
    if (!c || typeof c.path !== 'string') continue;
    const p = rel(c.path);
    if (p === undefined || p === '') continue;
    const from = c.from ? rel(c.from) : undefined;
    const change: WorkspaceChange = { ...c, path: p };
    if (from !== undefined) change.from = from;
    else delete change.from;
    out.push(change);
  }
  return out;
}

/** Builds the shared context: the only async step of the git checks (it reads the file system). */
export async function buildContext(input: GitCheckInput): Promise<GitCheckContext> {
  const root = await realRoot(input.workspaceRoot);
  const planFile = input.planFile.replace(/\\/g, '/').replace(/^\.\//, '');
  const repoRoots = new Map<string, string>();
  const all: SessionView[] = [];
  for (const session of input.plan.sessions ?? []) {
    if (!session) continue;
    const run = lookup(input.runs, planFile, session.id);
    const facts = lookup(input.facts, planFile, session.id);
    let repoRoot: string | undefined;
    if (facts?.root) {
      repoRoot = repoRoots.get(facts.root) ?? (await realRoot(facts.root));
      repoRoots.set(facts.root, repoRoot);
    }
    const changed = workspaceChanges(facts, repoRoot, root);
    const finished = finishedBecause(session, run);
    const view: SessionView = {
      session,
      changed,
      patterns: sessionPatterns(session, planFile, root),
      active: finished !== undefined || (run !== undefined && run.state !== 'not-started') || changed.length > 0,
    };
    if (run) view.run = run;
    if (facts) view.facts = facts;
    if (finished) view.finished = finished;
    all.push(view);
  }
  const sessions = input.session === undefined ? all : all.filter((v) => v.session.id === input.session || idKey(v.session.id) === idKey(input.session));
  const deliverables: DeliverableState[] = [];
  for (const view of sessions) deliverables.push(...(await probeDeliverables(view, planFile, root)));
  const ctx: GitCheckContext = { plan: input.plan, planFile, root, sessions, all, ignored: ignoreTest(input.scopeIgnore ?? [], planFile), deliverables };
  if (input.session !== undefined) ctx.onlySession = input.session;
  return ctx;
}

/** What is at each deliverable path of a session. Files are read only when the session is active. */
async function probeDeliverables(view: SessionView, planFile: string, root: string): Promise<DeliverableState[]> {
  const out: DeliverableState[] = [];
  for (const d of view.session.deliverables ?? []) {
    const written = typeof d?.path === 'string' ? d.path.trim() : undefined;
    if (!d || !written || isNonFile(written)) continue;
    const claimedDone = d.claimed === 'done';
    const read = view.active || claimedDone;
    const asGlob = d.isPlaceholder || d.isGlob ? placeholderGlob(written) : written;
    const folder = d.isFolder || /[\\/]$/.test(written);
    const kind: DeliverableState['kind'] = hasGlob(asGlob) ? 'glob' : folder ? 'folder' : 'file';
    const target = planPath(asGlob, planFile, root);
    const state: DeliverableState = { session: view.session, deliverable: d, written, kind };
    if (target === undefined || target === '') {
      // Outside the workspace (or the root itself): say why, read nothing.
      if (target === undefined) state.probe = outsideProbe(written);
      out.push(state);
      continue;
    }
    state.target = target;
    if (kind === 'glob') {
      if (read || view.finished) {
        const { matches, truncated, outside } = await matchGlob(root, target);
        if (outside) state.probe = { kind: 'outside', path: written, how: 'symlink' };
        const probes: Probe[] = [];
        // Past the limit a match is listed, not read (size unknown: -1).
        for (const [i, m] of matches.entries()) probes.push(i < GLOB_READ_LIMIT ? await probe(root, m, read) : { kind: 'file', path: m, size: -1 });
        state.matches = probes;
        if (truncated) state.truncated = true;
      }
    } else {
      state.probe = await probe(root, target, read);
    }
    out.push(state);
  }
  return out;
}

/** Why a path the plan names is outside the workspace, without touching the disk. */
function outsideProbe(written: string): Probe {
  const p = written.replace(/\\/g, '/');
  const absolute = /^(?:[A-Za-z]:)?\//.test(p) || p.startsWith('~');
  return { kind: 'outside', path: written, how: absolute ? 'absolute' : 'climbs' };
}
