// Parsers of git's NUL-separated (-z) outputs: paths come through byte for byte (spaces, quotes,
// newlines, unicode), nothing is unquoted or guessed.
import type { ChangeKind, CommitFact } from './types';

/** One path of a `git diff --raw --numstat -z` (or `git log --numstat -z`) output. */
export interface DiffEntry {
  path: string;
  kind: ChangeKind;
  from?: string;
  insertions?: number;
  deletions?: number;
  binary?: boolean;
}

const KINDS: Record<string, ChangeKind> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
  U: 'unmerged',
  '?': 'untracked',
};

export function kindOf(letter: string): ChangeKind {
  return KINDS[letter] ?? 'modified';
}

/** A cursor over NUL-terminated fields. */
class Fields {
  i = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.i >= this.text.length;
  }
  peek(): string {
    return this.text[this.i] ?? '';
  }
  /** The text up to the next NUL (or the end), consuming the NUL. */
  next(): string {
    let end = this.text.indexOf('\0', this.i);
    if (end < 0) end = this.text.length;
    const field = this.text.slice(this.i, end);
    this.i = end + 1;
    return field;
  }
}

/** Reads `--raw` records (`:modes hashes STATUS\0path\0[path\0]`) while they last. */
function readRaw(f: Fields, into: Map<string, DiffEntry>): void {
  while (!f.done && f.peek() === ':') {
    const meta = f.next();
    const letter = (meta.split(' ')[4] ?? 'M').charAt(0);
    const first = f.next();
    if (letter === 'R' || letter === 'C') {
      const path = f.next();
      into.set(path, { path, kind: kindOf(letter), from: first });
    } else {
      into.set(first, { path: first, kind: kindOf(letter) });
    }
  }
}

/** Reads one `--numstat -z` record (`ins\tdel\tpath\0` or `ins\tdel\t\0from\0to\0`); undefined at the end. */
function readNumstat(f: Fields): { path: string; from?: string; insertions?: number; deletions?: number; binary: boolean } | undefined {
  const t1 = f.text.indexOf('\t', f.i);
  const t2 = t1 < 0 ? -1 : f.text.indexOf('\t', t1 + 1);
  if (t2 < 0) {
    f.i = f.text.length;
    return undefined;
  }
  const ins = f.text.slice(f.i, t1);
  const del = f.text.slice(t1 + 1, t2);
  f.i = t2 + 1;
  let path: string;
  let from: string | undefined;
  if (f.peek() === '\0') {
    f.i++;
    from = f.next();
    path = f.next();
  } else {
    path = f.next();
  }
  const binary = ins === '-' && del === '-';
  return binary ? { path, from, binary } : { path, from, insertions: Number(ins), deletions: Number(del), binary };
}

/** Parses `git diff --raw --numstat -z [-M]`: one entry per (new) path with kind, old path and line counts. */
export function parseRawNumstat(text: string): Map<string, DiffEntry> {
  const entries = new Map<string, DiffEntry>();
  const f = new Fields(text);
  readRaw(f, entries);
  while (!f.done) {
    const n = readNumstat(f);
    if (!n) break;
    const entry = entries.get(n.path) ?? { path: n.path, kind: n.from !== undefined ? 'renamed' : 'modified', from: n.from };
    if (n.binary) {
      entry.binary = true;
    } else {
      entry.insertions = n.insertions;
      entry.deletions = n.deletions;
    }
    entries.set(n.path, entry);
  }
  return entries;
}

/** One commit of `git log` with {@link LOG_FORMAT}, with its `--numstat` records when asked for. */
export interface LogCommit extends CommitFact {
  files: { path: string; insertions?: number; deletions?: number; binary: boolean }[];
}

/** The `--format` {@link parseLog} reads (with `-z`): a \x01 mark, then hash, name, email, date, subject. */
export const LOG_FORMAT = '--format=%x01%H%x00%an%x00%ae%x00%aI%x00%s';

/** Parses `git log -z LOG_FORMAT [--numstat]`. */
export function parseLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  const f = new Fields(text);
  while (!f.done) {
    if (f.peek() !== '\x01') {
      f.next(); // not a commit start: skip a stray field rather than misread it
      continue;
    }
    f.i++;
    const hash = f.next();
    const author = f.next();
    const email = f.next();
    const date = f.next();
    const subject = f.next();
    const commit: LogCommit = { hash, author, email, date, subject, files: [] };
    if (f.peek() === '\n') f.i++;
    while (!f.done && f.peek() !== '\x01') {
      const n = readNumstat(f);
      if (!n) break;
      commit.files.push({ path: n.path, insertions: n.insertions, deletions: n.deletions, binary: n.binary });
    }
    commits.push(commit);
  }
  return commits;
}

/** One entry of `git status --porcelain=v2 -z`: index (X) and work-tree (Y) letters, `.` for none. */
export interface StatusEntry {
  path: string;
  from?: string;
  x: string;
  y: string;
  /** `1` ordinary, `2` renamed/copied, `u` unmerged, `?` untracked. */
  type: '1' | '2' | 'u' | '?';
}

export interface Status {
  /** `branch.oid`: undefined before the first commit. */
  head?: string;
  /** `branch.head`: undefined on a detached HEAD. */
  branch?: string;
  entries: StatusEntry[];
}

/** The text after the `n`th space (paths may hold spaces; the fields before them do not). */
function afterSpaces(line: string, n: number): string {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = line.indexOf(' ', i + 1);
    if (i < 0) return '';
  }
  return line.slice(i + 1);
}

/** Parses `git status --porcelain=v2 -z --branch`. Ignored entries (`!`) are dropped. */
export function parseStatus(text: string): Status {
  const status: Status = { entries: [] };
  const f = new Fields(text);
  while (!f.done) {
    const line = f.next();
    const type = line.charAt(0);
    if (type === '#') {
      const [, key, value = ''] = line.split(' ', 3);
      const rest = line.slice(2 + (key?.length ?? 0) + 1);
      if (key === 'branch.oid' && value !== '(initial)') status.head = value;
      if (key === 'branch.head' && rest !== '(detached)') status.branch = rest;
    } else if (type === '1') {
      status.entries.push({ type, x: line.charAt(2), y: line.charAt(3), path: afterSpaces(line, 8) });
    } else if (type === '2') {
      status.entries.push({ type, x: line.charAt(2), y: line.charAt(3), path: afterSpaces(line, 9), from: f.next() });
    } else if (type === 'u') {
      status.entries.push({ type, x: line.charAt(2), y: line.charAt(3), path: afterSpaces(line, 10) });
    } else if (type === '?') {
      status.entries.push({ type, x: '?', y: '?', path: line.slice(2) });
    }
  }
  return status;
}

/** Parses `git diff --shortstat`: ` 3 files changed, 10 insertions(+), 2 deletions(-)`. */
export function parseShortstat(text: string): { filesChanged: number; insertions: number; deletions: number } {
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  return { filesChanged: num(/(\d+) files? changed/), insertions: num(/(\d+) insertions?\(\+\)/), deletions: num(/(\d+) deletions?\(-\)/) };
}
