// What happened in git over a revision range or a time window: commits, authors, the net change
// (`git diff` between the window's two ends) and the churn (`git log --numstat` summed).
import { EMPTY_TREE, DEFAULT_TIMEOUT_MS, failureNote, hasControlChars, isSafeRev, note, openGit, resolveCommit, type Git } from './run';
import { LOG_FORMAT, parseLog, parseRawNumstat } from './parse';
import type { GitNote, WindowFacts } from './types';

/** A revision range (`from..to`) and/or a time window (`--since`/`--until`, any date git reads), optionally limited to pathspecs. */
export interface WindowRange {
  /** Exclusive start: commits reachable from `from` are left out. */
  from?: string;
  /** Inclusive end; HEAD when absent. */
  to?: string;
  since?: string;
  until?: string;
  /** Git pathspecs (relative to `cwd`), passed after `--`. */
  paths?: string[];
}

function empty(notes: GitNote[] = []): WindowFacts {
  return { commits: [], authors: [], filesChanged: 0, insertions: 0, deletions: 0, churn: { filesChanged: 0, insertions: 0, deletions: 0, binaryFiles: 0 }, notes };
}

/**
 * Commits, authors and line counts over a revision range or time window, exactly as git gives them:
 * - `commits`, `authors` and `churn` are `git log --numstat [--since] [--until] [FROM..]TO -- PATHS`
 *   (churn sums every commit's numstat; files are counted once; merges add nothing, as in git log);
 * - `filesChanged`, `insertions`, `deletions` are `git diff --shortstat A B -- PATHS`, where A..B is
 *   `FROM..TO` (A = the empty tree without FROM); with `since`/`until`, B is the newest commit of the
 *   window on TO's first-parent line and A the first parent of the oldest one.
 * Never throws: problems come back as notes with zero figures.
 */
export async function windowFacts(cwd: string, range: WindowRange, opts: { timeoutMs?: number } = {}): Promise<WindowFacts> {
  const git = openGit(cwd, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!('run' in git)) return empty([git]);
  for (const [name, value] of [['since', range.since], ['until', range.until]] as const) {
    if (value !== undefined && (value === '' || hasControlChars(value))) return empty([note('invalid-rev', `--${name} "${value}" is not a date Marathon passes to git`)]);
  }
  for (const [name, rev] of [['from', range.from], ['to', range.to]] as const) {
    if (rev !== undefined && !isSafeRev(rev)) return empty([note('invalid-rev', `${name} "${rev}" is not a revision Marathon passes to git`)]);
  }
  const [repo, to, from] = await Promise.all([
    git.run(['rev-parse', '--git-dir']),
    resolveCommit(git, range.to ?? 'HEAD'),
    range.from !== undefined ? resolveCommit(git, range.from) : Promise.resolve(undefined),
  ]);
  if (!repo.ok) return empty([failureNote(repo.error)]);
  if (!to) {
    return range.to !== undefined
      ? empty([note('unknown-rev', `"${range.to}" names no commit in this repository`)])
      : empty([note('no-commits', 'the repository has no commits yet')]);
  }
  if (range.from !== undefined && !from) return empty([note('unknown-rev', `"${range.from}" names no commit in this repository`)]);

  const revs = from ? [`^${from}`, to] : [to];
  const time = [...(range.since !== undefined ? [`--since=${range.since}`] : []), ...(range.until !== undefined ? [`--until=${range.until}`] : [])];
  const paths = ['--', ...(range.paths ?? [])];
  const [log, net] = await Promise.all([
    git.run(['log', '-z', '--no-show-signature', '--no-relative', LOG_FORMAT, '--numstat', ...time, ...revs, ...paths]),
    netChange(git, from, to, time, paths),
  ]);
  if (!log.ok) return empty([failureNote(log.error)]);
  const facts = empty();
  const commits = parseLog(log.out);
  facts.commits = commits.map(({ files: _files, ...commit }) => commit);
  const authors = new Map<string, { name: string; email: string; commits: number }>();
  const churned = new Set<string>();
  const binaries = new Set<string>();
  const churn = { filesChanged: 0, insertions: 0, deletions: 0, binaryFiles: 0 };
  for (const commit of commits) {
    const key = `${commit.author}\0${commit.email}`;
    const a = authors.get(key) ?? { name: commit.author, email: commit.email, commits: 0 };
    a.commits++;
    authors.set(key, a);
    for (const file of commit.files) {
      churned.add(file.path);
      if (file.binary) binaries.add(file.path);
      churn.insertions += file.insertions ?? 0;
      churn.deletions += file.deletions ?? 0;
    }
  }
  churn.filesChanged = churned.size;
  churn.binaryFiles = binaries.size;
  facts.churn = churn;
  facts.authors = [...authors.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  if ('error' in net) {
    facts.notes.push(net.error);
  } else if (net.range) {
    Object.assign(facts, { filesChanged: net.filesChanged, insertions: net.insertions, deletions: net.deletions, range: net.range });
  }
  return facts;
}

type Net = { filesChanged: number; insertions: number; deletions: number; range?: { from: string; to: string } } | { error: GitNote };

/** The window's two ends (see {@link windowFacts}) and the `git diff --numstat` totals between them. */
async function netChange(git: Git, from: string | undefined, to: string, time: string[], paths: string[]): Promise<Net> {
  let a = from ?? EMPTY_TREE;
  let b = to;
  if (time.length > 0) {
    const r = await git.run(['rev-list', '--first-parent', '--parents', ...time, ...(from ? [`^${from}`] : []), to]);
    if (!r.ok) return { error: failureNote(r.error) };
    const lines = r.out.split('\n').filter((l) => l !== '');
    const newest = lines[0]?.split(' ')[0];
    if (!newest) return { filesChanged: 0, insertions: 0, deletions: 0 };
    b = newest;
    a = lines[lines.length - 1]?.split(' ')[1] ?? EMPTY_TREE;
  }
  const d = await git.run(['diff', '--no-relative', '--no-ext-diff', '--numstat', '-z', a, b, ...paths]);
  if (!d.ok) return { error: failureNote(d.error) };
  let insertions = 0;
  let deletions = 0;
  const entries = parseRawNumstat(d.out);
  for (const e of entries.values()) {
    insertions += e.insertions ?? 0;
    deletions += e.deletions ?? 0;
  }
  return { filesChanged: entries.size, insertions, deletions, range: { from: a, to: b } };
}
