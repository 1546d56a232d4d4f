// Fact-checks a document's claims against git at a revision: paths, line counts, commits, test
// counts, session statuses. Everything is read from git's object store; the work tree is only asked
// whether a claimed path missing from the revision exists uncommitted (a validated path inside the
// repository). Every revision and path is validated before use.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { git, blobLines, gitTopLevel, isSafeRepoPath, isSafeRev, isShallow, resolveCommit } from './gitexec';
import type { Claim, ExtractedClaims } from './claims';
import { idKey } from '../checks/util';

export type Verdict = 'confirmed' | 'contradicted' | 'unverifiable';

export interface ClaimResult {
  claim: Claim;
  verdict: Verdict;
  /** Why: what git says, in one sentence. */
  reason: string;
}

export interface VerifyOptions {
  /** The revision to check against (default HEAD). */
  at?: string;
  /** The branch commits must be reachable from (default: the `at` revision). */
  branch?: string;
  /** Start of the window for "created" claims: an ISO date or a revision; default the document's `**Date:**`. */
  since?: string;
  /** The document's date, when `claims` is a plain list. */
}

export interface VerifyReport {
  /** The repository's top level, when it is one. */
  repo?: string;
  /** The revision checked against, as given, and its full hash. */
  at: string;
  atHash?: string;
  branch?: string;
  results: ClaimResult[];
  counts: Record<Verdict, number>;
  /** True when some claims could not be checked because of the repository (shallow, missing revision, caps). */
  partial: boolean;
  /** What limited the check, in words. */
  notes: string[];
}

/** Largest test file read whole to count test declarations. */
const MAX_TEST_FILE = 4 * 1024 * 1024;
/** Largest diff read to count tests added in a window. */
const MAX_DIFF = 64 * 1024 * 1024;

const TEST_DECL = /^\s*(?:(?:it|test|specify)(?:\.only|\.skip|\.each\([^)]*\))?\s*\(|(?:async\s+)?def\s+test_\w*\s*\(|#\[(?:tokio::)?test\]|func\s+Test\w*\s*\(|@Test\b)/;

function countTests(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (TEST_DECL.test(line)) n++;
  return n;
}

function isTestPath(p: string): boolean {
  return /(^|\/)(tests?|__tests__|spec)\/|[._-](test|spec)\.[A-Za-z]+$|(^|\/)test_[^/]+$/i.test(p);
}

function basename(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() ?? p;
}

/** Lazily read facts of the repository at one revision, shared by all claims. */
class RepoView {
  private trees = new Map<string, Promise<{ files: Set<string>; dirs: Set<string>; byName: Map<string, string[]> } | undefined>>();
  private sessionLog?: Promise<{ hash: string; subject: string }[]>;
  constructor(
    readonly cwd: string,
    readonly hash: string,
  ) {}

  tree(rev: string): Promise<{ files: Set<string>; dirs: Set<string>; byName: Map<string, string[]> } | undefined> {
    let t = this.trees.get(rev);
    if (!t) {
      t = git(this.cwd, ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', rev]).then((r) => {
        if (r.code !== 0) return undefined;
        const files = new Set<string>();
        const dirs = new Set<string>();
        const byName = new Map<string, string[]>();
        for (const f of r.stdout.split('\0')) {
          if (!f) continue;
          files.add(f);
          const name = basename(f);
          const list = byName.get(name);
          if (list) list.push(f);
          else byName.set(name, [f]);
          for (let i = f.indexOf('/'); i !== -1; i = f.indexOf('/', i + 1)) dirs.add(f.slice(0, i));
        }
        return { files, dirs, byName };
      });
      this.trees.set(rev, t);
    }
    return t;
  }

  subjectsMentioningSessions(): Promise<{ hash: string; subject: string }[]> {
    this.sessionLog ??= git(this.cwd, ['log', '-i', '--grep=session', '--format=%H%x1f%s', '--end-of-options', this.hash]).then((r) =>
      r.code !== 0
        ? []
        : r.stdout
            .split('\n')
            .filter(Boolean)
            .map((l) => {
              const [hash = '', subject = ''] = l.split('\x1f');
              return { hash, subject };
            }),
    );
    return this.sessionLog;
  }
}

const short = (h: string): string => h.slice(0, 7);

/** Finds where a claimed path is at the revision: itself, or (for a bare file name) a unique match. */
async function locate(view: RepoView, rev: string, path: string): Promise<{ found?: string; isDir?: boolean; elsewhere: string[] } | undefined> {
  const tree = await view.tree(rev);
  if (!tree) return undefined;
  const p = path.replace(/\/+$/, '');
  if (tree.files.has(p)) return { found: p, isDir: false, elsewhere: [] };
  if (tree.dirs.has(p)) return { found: p, isDir: true, elsewhere: [] };
  const same = tree.byName.get(basename(p)) ?? [];
  if (!p.includes('/') && same.length === 1) return { found: same[0] as string, isDir: false, elsewhere: [] };
  return { elsewhere: same };
}

// A claimed path missing from the revision may still be in the working folder, uncommitted: say so.
// `path` passed isSafeRepoPath (relative, no `..`), so it stays inside the repository.
async function onlyInWorkTree(root: string, path: string): Promise<string> {
  try {
    await access(join(root, path));
    return '; it exists in the working folder but is not committed';
  } catch {
    return '';
  }
}

function whereElse(list: readonly string[]): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, 3).map((p) => `\`${p}\``).join(', ');
  return `; a file with that name is at ${shown}${list.length > 3 ? ` and ${list.length - 3} more` : ''}`;
}

interface Context {
  view: RepoView;
  at: string;
  atHash: string;
  branch?: { name: string; hash: string };
  branchMissing?: string;
  shallow: boolean;
  windowStart?: { hash?: string; label: string };
}

async function checkOne(ctx: Context, claim: Claim): Promise<Omit<ClaimResult, 'claim'>> {
  const { view, at, atHash } = ctx;
  const atLabel = `${at}${at !== atHash ? ` (${short(atHash)})` : ''}`;
  switch (claim.kind) {
    case 'path': {
      if (!isSafeRepoPath(claim.path)) return { verdict: 'unverifiable', reason: `\`${claim.path}\` is not a path inside the repository` };
      const loc = await locate(view, atHash, claim.path);
      if (!loc) return { verdict: 'unverifiable', reason: `git could not list the files of ${atLabel}` };
      if (!loc.found) return { verdict: 'contradicted', reason: `\`${claim.path}\` does not exist at ${atLabel}${whereElse(loc.elsewhere)}${await onlyInWorkTree(view.cwd, claim.path)}` };
      const here = loc.found === claim.path.replace(/\/+$/, '') ? '' : ` (found at \`${loc.found}\`; the document gives no folder)`;
      if (!claim.created) return { verdict: 'confirmed', reason: `exists at ${atLabel}${here}` };
      if (!ctx.windowStart) return { verdict: 'confirmed', reason: `exists at ${atLabel}${here}; whether it is new was not checked (no window: give --since or a **Date:** line)` };
      if (ctx.windowStart.hash === undefined) return { verdict: 'confirmed', reason: `exists at ${atLabel}${here}, and the history has no commit before ${ctx.windowStart.label}` };
      const before = await locate(view, ctx.windowStart.hash, loc.found);
      if (!before) return { verdict: 'unverifiable', reason: `git could not list the files of ${short(ctx.windowStart.hash)}` };
      if (before.found === loc.found) return { verdict: 'contradicted', reason: `claimed as created, but \`${loc.found}\` already existed before the window (at ${short(ctx.windowStart.hash)}, ${ctx.windowStart.label})` };
      return { verdict: 'confirmed', reason: `exists at ${atLabel}${here} and did not exist at ${short(ctx.windowStart.hash)} (${ctx.windowStart.label})` };
    }
    case 'line-count': {
      if (!isSafeRepoPath(claim.path)) return { verdict: 'unverifiable', reason: `\`${claim.path}\` is not a path inside the repository` };
      const loc = await locate(view, atHash, claim.path);
      if (!loc) return { verdict: 'unverifiable', reason: `git could not list the files of ${atLabel}` };
      if (!loc.found) return { verdict: 'unverifiable', reason: `cannot count: \`${claim.path}\` does not exist at ${atLabel}${whereElse(loc.elsewhere)}${await onlyInWorkTree(view.cwd, claim.path)}` };
      if (loc.isDir) return { verdict: 'unverifiable', reason: `\`${loc.found}\` is a folder; its lines are not counted` };
      const count = await blobLines(view.cwd, atHash, loc.found);
      if (!count) return { verdict: 'unverifiable', reason: `git could not read \`${loc.found}\` at ${atLabel}` };
      if (count.truncated) return { verdict: 'unverifiable', reason: `\`${loc.found}\` is too large to count (over the read cap; at least ${count.lines} lines)` };
      const tolerance = claim.approximate ? Math.max(1, Math.round(claim.lines * 0.1)) : 0;
      const ok = Math.abs(count.lines - claim.lines) <= tolerance;
      return ok
        ? { verdict: 'confirmed', reason: `\`${loc.found}\` has ${count.lines} lines at ${atLabel}` }
        : { verdict: 'contradicted', reason: `\`${loc.found}\` has ${count.lines} lines at ${atLabel}, not ${claim.approximate ? '~' : ''}${claim.lines}` };
    }
    case 'commit': {
      const full = await resolveCommit(view.cwd, claim.hash);
      if (!full) {
        return ctx.shallow
          ? { verdict: 'unverifiable', reason: `commit ${claim.hash} is not in this shallow clone (it may be before the cut)` }
          : { verdict: 'contradicted', reason: `no commit ${claim.hash} in the repository` };
      }
      if (ctx.branchMissing) return { verdict: 'unverifiable', reason: `commit exists, but branch \`${ctx.branchMissing}\` was not found` };
      const target = ctx.branch ?? { name: at, hash: atHash };
      const r = await git(view.cwd, ['merge-base', '--is-ancestor', '--end-of-options', full, target.hash]);
      if (r.code === 0) return { verdict: 'confirmed', reason: `commit ${short(full)} is on ${target.name}` };
      if (r.code === 1) {
        return ctx.shallow
          ? { verdict: 'unverifiable', reason: `commit ${short(full)} is not reachable from ${target.name} in this shallow clone` }
          : { verdict: 'contradicted', reason: `commit ${short(full)} exists but is not reachable from ${target.name}` };
      }
      return { verdict: 'unverifiable', reason: `git could not compare ${short(full)} with ${target.name}: ${r.stderr.trim().split('\n')[0] ?? ''}` };
    }
    case 'tests': {
      if (claim.passing && !claim.path) return { verdict: 'unverifiable', reason: 'whether tests pass is a test run, not a fact in git (run the tests)' };
      if (claim.path) {
        const loc = await locate(view, atHash, claim.path);
        if (!loc?.found || loc.isDir) return { verdict: 'unverifiable', reason: `cannot count tests: \`${claim.path}\` is not a file at ${atLabel}${loc ? whereElse(loc.elsewhere) : ''}` };
        const r = await git(view.cwd, ['cat-file', 'blob', `${atHash}:${loc.found}`], MAX_TEST_FILE);
        if (r.code !== 0) return { verdict: 'unverifiable', reason: `\`${loc.found}\` could not be read (or is over ${MAX_TEST_FILE / 1024 / 1024} MB)` };
        const n = countTests(r.stdout);
        return n === claim.count
          ? { verdict: 'confirmed', reason: `\`${loc.found}\` declares ${n} tests at ${atLabel}` }
          : { verdict: 'contradicted', reason: `\`${loc.found}\` declares ${n} tests at ${atLabel}, not ${claim.count}` };
      }
      if (!claim.added) return { verdict: 'unverifiable', reason: 'names no test file, so the count cannot be checked against git' };
      if (!ctx.windowStart) return { verdict: 'unverifiable', reason: 'tests "added" need a window start (--since or a **Date:** line)' };
      const from = ctx.windowStart.hash ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
      const r = await git(view.cwd, ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', '--end-of-options', from, atHash], MAX_DIFF);
      if (r.code !== 0) return { verdict: 'unverifiable', reason: 'the window diff could not be read (or is over the read cap)' };
      let added = 0;
      let file = '';
      for (const line of r.stdout.split('\n')) {
        if (line.startsWith('+++ ')) file = line.slice(4).replace(/^b\//, '');
        else if (isTestPath(file) && line.startsWith('+') && TEST_DECL.test(line.slice(1))) added++;
        else if (isTestPath(file) && line.startsWith('-') && !line.startsWith('--- ') && TEST_DECL.test(line.slice(1))) added--;
      }
      return added === claim.count
        ? { verdict: 'confirmed', reason: `${added} test declarations added in test files since ${ctx.windowStart.label}` }
        : { verdict: 'contradicted', reason: `${added} test declarations added in test files since ${ctx.windowStart.label}, not ${claim.count}` };
    }
    case 'session-status': {
      const key = idKey(claim.session).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`\\bsession[\\s_#-]*0*${key}(?![\\w])`, 'i');
      const hit = (await view.subjectsMentioningSessions()).find((c) => re.test(c.subject));
      if (claim.status === 'not-started') {
        return hit
          ? { verdict: 'contradicted', reason: `claimed not started, but commit ${short(hit.hash)} "${hit.subject.slice(0, 80)}" names session ${claim.session}` }
          : { verdict: 'confirmed', reason: `no commit up to ${atLabel} names session ${claim.session}` };
      }
      if (claim.status === 'done') {
        return hit
          ? { verdict: 'confirmed', reason: `commit ${short(hit.hash)} "${hit.subject.slice(0, 80)}" names session ${claim.session}` }
          : { verdict: 'unverifiable', reason: `no commit subject names session ${claim.session}; its deliverable claims are checked one by one` };
      }
      return { verdict: 'unverifiable', reason: `"${claim.status}" is a judgement git does not record` };
    }
  }
}

/**
 * Checks each claim against the repository at `options.at` (default HEAD). Never throws: a
 * missing repository or revision makes every claim unverifiable, and the report says why.
 */
export async function verifyClaims(input: ExtractedClaims | readonly Claim[], repo: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const claims = Array.isArray(input) ? (input as readonly Claim[]) : (input as ExtractedClaims).claims;
  const docDate = Array.isArray(input) ? undefined : (input as ExtractedClaims).date;
  const at = options.at ?? 'HEAD';
  const notes: string[] = [];
  const counts: Record<Verdict, number> = { confirmed: 0, contradicted: 0, unverifiable: 0 };
  const all = (reason: string, extra: Partial<VerifyReport> = {}): VerifyReport => {
    const results = claims.map((claim) => ({ claim, verdict: 'unverifiable' as const, reason }));
    return { at, results, counts: { ...counts, unverifiable: results.length }, partial: results.length > 0, notes: [...notes, reason], ...extra, ...(options.branch ? { branch: options.branch } : {}) };
  };
  if (!Array.isArray(input) && (input as ExtractedClaims).problems.some((p) => p.code === 'claims-capped')) notes.push('only the first claims were checked (too many claims)');
  const top = await gitTopLevel(repo);
  if (!top) return all(`${repo} is not a git repository`);
  if (!isSafeRev(at)) return all(`"${at}" is not a revision Marathon passes to git`, { repo: top });
  const atHash = await resolveCommit(top, at);
  if (!atHash) return all(`revision "${at}" does not exist in the repository`, { repo: top });
  const ctx: Context = { view: new RepoView(top, atHash), at, atHash, shallow: await isShallow(top) };
  if (ctx.shallow) notes.push('shallow clone: commits before the cut cannot be checked');
  if (options.branch !== undefined) {
    const b = isSafeRev(options.branch) ? await resolveCommit(top, options.branch) : undefined;
    if (b) ctx.branch = { name: options.branch, hash: b };
    else {
      ctx.branchMissing = options.branch;
      notes.push(`branch "${options.branch}" not found`);
    }
  }
  const since = options.since ?? docDate?.iso;
  if (since !== undefined) {
    const time = /^\d{4}-\d{2}-\d{2}/.test(since) ? Date.parse(since.replace(' ', 'T')) : Number.NaN;
    if (Number.isFinite(time)) {
      const r = await git(top, ['rev-list', '-1', `--before=${new Date(time).toISOString()}`, '--end-of-options', atHash]);
      const hash = r.code === 0 ? r.stdout.trim() || undefined : undefined;
      ctx.windowStart = { ...(hash ? { hash } : {}), label: `${new Date(time).toISOString().slice(0, 10)}${options.since === undefined ? ' (the document date)' : ''}` };
    } else {
      const hash = await resolveCommit(top, since);
      if (hash) ctx.windowStart = { hash, label: since };
      else notes.push(`window start "${since}" is neither a date nor a revision; "created" claims are checked for existence only`);
    }
  }
  const results: ClaimResult[] = [];
  for (const claim of claims) {
    let r: Omit<ClaimResult, 'claim'>;
    try {
      r = await checkOne(ctx, claim);
    } catch (err) {
      // A bug or an unexpected git answer must not lose the other results.
      r = { verdict: 'unverifiable', reason: `internal error while checking: ${err instanceof Error ? err.message : String(err)}` };
    }
    counts[r.verdict]++;
    results.push({ claim, ...r });
  }
  const partial = ctx.shallow || ctx.branchMissing !== undefined || notes.some((n) => n.startsWith('only the first'));
  return { repo: top, at, atHash, ...(options.branch ? { branch: options.branch } : {}), results, counts, partial, notes };
}
