// Collects the measured inputs of the writers: the run log, the deliverables in the work tree,
// and git. The only module of src/core/reports that touches the file system; never throws.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { detectStubs } from '../stubs';
import { parseRunLog, sessionRun } from '../clock';
import type { Finding } from '../findings';
import type { Plan, RunEvent, Session } from '../model';
import { findSession } from './handoff';
import { windowFacts } from '../git';
import { planGitFindings } from '../gitFindings';
import { commitsSince, git, gitTopLevel, isSafeRepoPath } from './gitexec';
import type { AarInput, DeliverableState, HandoffInput, SessionCommits } from './types';
import { plural } from '../words';

/** The run log's place under the workspace root. */
export const RUN_LOG = '.marathon/runlog.jsonl';
/** Largest run log read. */
const MAX_RUN_LOG = 64 * 1024 * 1024;
/** Largest deliverable file whose lines are counted in full; bigger ones are counted up to this. */
const MAX_COUNT_BYTES = 16 * 1024 * 1024;

/** The workspace root of a plan: the git top level of its folder, or the folder itself. */
export async function workspaceRoot(planAbs: string): Promise<{ root: string; git: boolean }> {
  const dir = path.dirname(planAbs);
  const top = await gitTopLevel(dir);
  return top ? { root: path.resolve(top), git: true } : { root: dir, git: false };
}

/** The plan file as the run log names it: relative to the root, `/` separators. */
export function planKey(root: string, planAbs: string): string {
  return path.relative(root, planAbs).split(path.sep).join('/');
}

/** The run log's events, or a note saying why there are none. */
export async function readRunLog(root: string): Promise<{ events: RunEvent[]; notes: string[] }> {
  const file = path.join(root, RUN_LOG);
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { events: [], notes: [`${RUN_LOG} is not a file: times, blockers and terminals not measured.`] };
    if (stat.size > MAX_RUN_LOG) return { events: [], notes: [`${RUN_LOG} is over ${MAX_RUN_LOG / 1024 / 1024} MB and was not read.`] };
    const { events, problems } = parseRunLog(await fs.readFile(file, 'utf8'));
    const skipped = problems.filter((p) => p.code !== 'runlog-unknown-event').length;
    return { events, notes: skipped ? [`${RUN_LOG}: ${plural(skipped, 'line')} could not be read and ${skipped === 1 ? 'was' : 'were'} skipped.`] : [] };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return {
      events: [],
      notes: [code === 'ENOENT' ? `No run log (${RUN_LOG}): times, blockers, task terminals and checkpoint decisions not measured.` : `${RUN_LOG} could not be read (${String(code ?? err)}).`],
    };
  }
}

/** Whether `abs` (after symbolic links) lies inside `realRoot` (the root's real path). */
async function inside(realRoot: string, abs: string): Promise<boolean> {
  try {
    const real = await fs.realpath(abs);
    const rel = path.relative(realRoot, real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  } catch {
    // Missing: the caller reports it missing; nothing was read.
    return true;
  }
}

/** Lines and non-blank lines of a file, reading at most MAX_COUNT_BYTES. */
async function countLines(abs: string): Promise<{ lines: number; nonBlank: number; head: string; truncated: boolean }> {
  const handle = await fs.open(abs, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    let lines = 0;
    let nonBlank = 0;
    let blank = true;
    let total = 0;
    let last = 10;
    let head = '';
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, MAX_COUNT_BYTES - total), null);
      if (bytesRead === 0) break;
      if (head.length < 2048) head += buf.subarray(0, Math.min(bytesRead, 2048)).toString('utf8');
      for (let i = 0; i < bytesRead; i++) {
        const b = buf[i] as number;
        if (b === 10) {
          lines++;
          if (!blank) nonBlank++;
          blank = true;
        } else if (b !== 32 && b !== 9 && b !== 13) blank = false;
      }
      last = buf[bytesRead - 1] as number;
      total += bytesRead;
      if (total >= MAX_COUNT_BYTES) return { lines, nonBlank, head, truncated: true };
    }
    if (total > 0 && last !== 10) {
      lines++;
      if (!blank) nonBlank++;
    }
    return { lines, nonBlank, head, truncated: false };
  } finally {
    await handle.close();
  }
}

/** Largest deliverable read whole to look for stubs (the git checks use the same limit). */
const STUB_READ_BYTES = 2 * 1024 * 1024;

/**
 * Present or stub, by the same detector the git checks use (src/core/stubs): empty, only
 * TODO/placeholder text, or functions whose bodies are only `pass`, `...`, "not implemented".
 * A short file of real code is present, however short.
 */
export function classifyFile(file: string, text: string): { state: 'present' | 'stub'; reason?: string } {
  const r = detectStubs(file, text);
  return r.stub ? { state: 'stub', reason: r.reason } : { state: 'present' };
}

/** The work tree's listing (tracked and untracked, not ignored) for glob deliverables; undefined without git. */
async function listFiles(root: string): Promise<string[] | undefined> {
  const r = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return r.code === 0 ? r.stdout.split('\0').filter(Boolean) : undefined;
}

/** Runs `work` over `items` with at most `limit` at once, keeping the order of the results. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Looks at each deliverable of `sessions` in the work tree under `root` (32 at a time). */
export async function deliverableStates(root: string, sessions: readonly Session[], isGit: boolean): Promise<DeliverableState[]> {
  let files: Promise<string[] | undefined> | undefined;
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch {
    realRoot = root;
  }
  const items = sessions.flatMap((s) => s.deliverables.map((d) => ({ s, d })));
  return pool(items, 32, async ({ s, d }): Promise<DeliverableState> => {
    const base = { session: s.id, text: d.text, ...(d.path !== undefined ? { path: d.path } : {}) };
    if (d.path === undefined) return { ...base, state: 'unchecked', reason: 'the plan line names no path' };
    if (d.isPlaceholder) return { ...base, state: 'unchecked', reason: 'a placeholder, not a path' };
    const rel = d.path.replace(/^\.\//, '');
    if (path.isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || rel.split(/[\\/]/).includes('..')) return { ...base, state: 'unchecked', reason: 'outside the workspace' };
    if (d.isGlob) {
      if (!isGit) return { ...base, state: 'unchecked', reason: 'a glob, and the workspace is not a git repository' };
      const list = await (files ??= listFiles(root));
      if (!list) return { ...base, state: 'unchecked', reason: 'git could not list the files' };
      const match = picomatch(rel, { dot: true });
      const n = list.filter((f) => match(f)).length;
      return { ...base, state: n > 0 ? 'present' : 'missing', files: n, ...(n === 0 ? { reason: 'no file matches' } : {}) };
    }
    const abs = path.join(root, rel);
    if (!(await inside(realRoot, abs))) return { ...base, state: 'unchecked', reason: 'a link pointing outside the workspace' };
    try {
      const stat = await fs.stat(abs);
      if (stat.isDirectory()) {
        const n = (await fs.readdir(abs)).length;
        return { ...base, state: n > 0 ? 'present' : 'stub', files: n, ...(n === 0 ? { reason: 'an empty folder' } : {}) };
      }
      if (!stat.isFile()) return { ...base, state: 'unchecked', reason: 'not a regular file' };
      if (stat.size <= STUB_READ_BYTES) {
        const buf = await fs.readFile(abs);
        const lines = buf.length === 0 ? 0 : buf.toString('utf8').split('\n').length - (buf[buf.length - 1] === 0x0a ? 1 : 0);
        if (buf.subarray(0, 8192).includes(0)) return { ...base, state: 'present', lines, reason: 'a binary file, not read for stubs' };
        const k = classifyFile(rel, buf.toString('utf8'));
        return { ...base, state: k.state, lines, ...(k.reason ? { reason: k.reason } : {}) };
      }
      const c = await countLines(abs);
      return { ...base, state: 'present', lines: c.lines, reason: `over 2 MB: counted${c.truncated ? ' up to 16 MB' : ''}, not read for stubs` };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? { ...base, state: 'missing' } : { ...base, state: 'unchecked', reason: `cannot read (${String(code ?? err)})` };
    }
  });
}

/** Most deliverable paths asked about in one git log. */
const MAX_TOUCHED_PATHS = 1000;

/**
 * Which of the missing or stub deliverables' paths the window's commits changed: the evidence
 * that a session with nothing to show in the work tree did work. One `git log --name-only`
 * limited to those paths (literal pathspecs); undefined when git cannot say.
 */
async function touchedAmong(root: string, deliverables: readonly DeliverableState[], range: { since?: string; until?: string }): Promise<Set<string> | undefined> {
  const paths = [...new Set(deliverables.filter((d) => (d.state === 'missing' || d.state === 'stub') && d.path !== undefined && isSafeRepoPath(d.path)).map((d) => d.path as string))].slice(0, MAX_TOUCHED_PATHS);
  if (paths.length === 0) return new Set();
  const args = ['log', '-z', '--no-renames', '--name-only', '--format=', ...(range.since ? [`--since=${range.since}`] : []), ...(range.until ? [`--until=${range.until}`] : []), 'HEAD', '--', ...paths.map((p) => `:(literal)${p}`)];
  const r = await git(root, args);
  return r.code === 0 ? new Set(r.stdout.split('\0').map((p) => p.trim()).filter(Boolean)) : undefined;
}

/** Common options of the gatherers. */
export interface GatherOptions {
  /** The plan file's absolute path. */
  planAbs: string;
  plan: Plan;
  now: number;
  /** Scope findings to include; absent: the git checks run here (planGitFindings). */
  findings?: readonly Finding[];
  /** The user's `scope.ignore` globs, for the git checks run here. */
  scopeIgnore?: readonly string[];
}

// The git-aware checks' findings for a report: given, or computed the way diagnostics and
// `marathon check --git` compute them. Plan-file problems are not scope findings: left out.
async function findingsFor(options: GatherOptions, root: string, events: readonly RunEvent[], session?: string): Promise<readonly Finding[]> {
  if (options.findings) return options.findings;
  const { findings } = await planGitFindings({
    plan: options.plan,
    planFile: options.planAbs,
    workspaceRoot: root,
    events,
    scopeIgnore: options.scopeIgnore ?? [],
    now: options.now,
    ...(session !== undefined ? { session } : {}),
  });
  return findings;
}

/** The inputs of one session's handoff. */
export async function gatherHandoff(options: GatherOptions & { sessionId: string }): Promise<HandoffInput & { root: string }> {
  const { root, git: isGit } = await workspaceRoot(options.planAbs);
  const planFile = planKey(root, options.planAbs);
  const log = await readRunLog(root);
  const notes = [...log.notes];
  const session = findSession(options.plan.sessions, options.sessionId);
  const deliverables = session ? await deliverableStates(root, [session], isGit) : [];
  let gitFacts: SessionCommits | undefined;
  if (!isGit) notes.push('Commits: the workspace is not a git repository.');
  else if (session) {
    const run = sessionRun(log.events, planFile, session.id, options.now);
    if (run.head) gitFacts = { base: run.head, baseSource: 'run-log', ...(await commitsSince(root, { base: run.head })) };
    else if (run.startedAt !== undefined) gitFacts = { baseSource: 'start-time', ...(await commitsSince(root, { time: run.startedAt })) };
    else notes.push('Commits: the session has no start in the run log, so there is no base to count commits from.');
  }
  return {
    root,
    plan: options.plan,
    planFile,
    sessionId: options.sessionId,
    events: log.events,
    now: options.now,
    deliverables,
    ...(gitFacts ? { git: gitFacts } : {}),
    findings: await findingsFor(options, root, log.events, session?.id),
    notes,
  };
}

/** The inputs of the AAR over a window (ms since the epoch). */
export async function gatherAar(options: GatherOptions & { since?: number; until?: number }): Promise<AarInput & { root: string }> {
  const { root, git: isGit } = await workspaceRoot(options.planAbs);
  const planFile = planKey(root, options.planAbs);
  // The run log, the work tree and git are independent: read them at once.
  const range = { ...(options.since !== undefined ? { since: new Date(options.since).toISOString() } : {}), ...(options.until !== undefined ? { until: new Date(options.until).toISOString() } : {}) };
  // The figures come from src/core/git's windowFacts; the paths the window touched (to flag
  // "not started" sessions whose deliverables changed) from one numstat log of our own.
  const logRead = readRunLog(root);
  const factsRead = isGit ? windowFacts(root, range) : Promise.resolve(undefined);
  const deliverables = await deliverableStates(root, options.plan.sessions, isGit);
  const [log, facts, touched] = await Promise.all([logRead, factsRead, isGit ? touchedAmong(root, deliverables, range) : Promise.resolve(undefined)]);
  const notes = [...log.notes];
  if (!isGit) notes.push('Git: the workspace is not a git repository.');
  return {
    root,
    plan: options.plan,
    planFile,
    events: log.events,
    now: options.now,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    deliverables,
    ...(facts ? { facts } : {}),
    ...(touched ? { touchedPaths: touched } : {}),
    findings: await findingsFor(options, root, log.events),
    notes,
  };
}
