// windowFacts against git's own `git log --numstat` and `git diff --shortstat` output, parsed here
// independently (plain text, not -z), on a real repository with renames, binaries, two authors and a merge.
import * as assert from 'node:assert/strict';
import { windowFacts } from '../../../src/core/git/window';
import { makeRepo, tempDir, type TestRepo } from './repo';

const ALICE = { name: 'Alice Ünicode', email: 'alice@example.invalid' };
const BOB = { name: 'Bob', email: 'bob@example.invalid' };

/** A history over six days: adds, edits, a rename, a binary, a deletion, a side branch merged back. */
function history(): { repo: TestRepo; hashes: string[] } {
  const repo = makeRepo();
  const hashes: string[] = [];
  const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n';
  repo.write('a.txt', lines(10, 'a'));
  repo.write('dir with space/b.md', lines(5, 'b'));
  hashes.push(repo.commit('one', '2024-03-01T10:00:00Z', ALICE));
  repo.write('a.txt', lines(12, 'a').replace('a 3', 'A 3'));
  repo.write('bin.dat', Buffer.from([0, 1, 2, 3, 0, 255]));
  hashes.push(repo.commit('two', '2024-03-02T10:00:00Z', BOB));
  repo.git('mv', 'dir with space/b.md', 'dir with space/c-ü.md');
  repo.write('dir with space/c-ü.md', lines(6, 'b'));
  hashes.push(repo.commit('three: rename', '2024-03-03T10:00:00Z', ALICE));
  repo.git('switch', '-qc', 'side');
  repo.write('side.txt', lines(3, 's'));
  hashes.push(repo.commit('side work', '2024-03-04T09:00:00Z', BOB));
  repo.git('switch', '-q', 'main');
  repo.write('a.txt', lines(12, 'a'));
  repo.write('bin.dat', Buffer.from([0, 9, 9, 0]));
  hashes.push(repo.commit('four', '2024-03-04T10:00:00Z', ALICE));
  repo.gitEnv({ GIT_AUTHOR_DATE: '2024-03-05T10:00:00Z', GIT_COMMITTER_DATE: '2024-03-05T10:00:00Z' }, 'merge', '-q', '--no-ff', '-m', 'merge side', 'side');
  hashes.push(repo.git('rev-parse', 'HEAD').trim());
  repo.git('rm', '-q', 'a.txt');
  hashes.push(repo.commit('six: delete', '2024-03-06T10:00:00Z', BOB));
  return { repo, hashes };
}

/** `git log --numstat` read as plain text: commits, authors, line totals and files (renames by new path). */
function gitLog(repo: TestRepo, args: string[]) {
  const out = repo.git('log', '--numstat', '--format=commit %H%n%an%n%ae', ...args);
  const commits: string[] = [];
  const authors = new Map<string, number>();
  const files = new Set<string>();
  let insertions = 0;
  let deletions = 0;
  const lines = out.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('commit ')) {
      commits.push(line.slice(7));
      const key = `${lines[i + 1]} <${lines[i + 2]}>`;
      authors.set(key, (authors.get(key) ?? 0) + 1);
      i += 2;
    } else if (/^(\d+|-)\t(\d+|-)\t/.test(line)) {
      const [ins, del, ...rest] = line.split('\t');
      insertions += ins === '-' ? 0 : Number(ins);
      deletions += del === '-' ? 0 : Number(del);
      // Quoted paths ("dir with space/c-\303\274.md") and renames ("{b.md => c.md}", "a => b") by their new name.
      files.add(rest.join('\t').replace(/\{[^{}]* => ([^{}]*)\}/, '$1').replace(/^.* => /, '').replace(/\/\//g, '/'));
    }
  }
  return { commits, authors, files: files.size, insertions, deletions };
}

/** `git diff --shortstat A B` read as text. */
function shortstat(repo: TestRepo, ...args: string[]) {
  const out = repo.git('diff', '--shortstat', ...args);
  const n = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  return { filesChanged: n(/(\d+) files? changed/), insertions: n(/(\d+) insertions?/), deletions: n(/(\d+) deletions?/) };
}

function sameAsGitLog(facts: Awaited<ReturnType<typeof windowFacts>>, expected: ReturnType<typeof gitLog>): void {
  assert.deepEqual(facts.commits.map((c) => c.hash), expected.commits);
  assert.deepEqual(
    new Map(facts.authors.map((a) => [`${a.name} <${a.email}>`, a.commits])),
    expected.authors,
  );
  assert.equal(facts.churn?.insertions, expected.insertions);
  assert.equal(facts.churn?.deletions, expected.deletions);
  assert.equal(facts.churn?.filesChanged, expected.files);
}

describe('git: windowFacts', function () {
  let repo: TestRepo;
  let hashes: string[];
  before(function () {
    ({ repo, hashes } = history());
  });

  it('a revision range gives git log --numstat and git diff --shortstat figures', async function () {
    const from = hashes[1]!;
    const facts = await windowFacts(repo.dir, { from, to: 'HEAD' });
    assert.deepEqual(facts.notes, []);
    sameAsGitLog(facts, gitLog(repo, [`${from}..HEAD`]));
    const { filesChanged, insertions, deletions } = facts;
    assert.deepEqual({ filesChanged, insertions, deletions }, shortstat(repo, from, 'HEAD'));
    assert.equal(facts.commits.length, 5);
    assert.ok(facts.commits.some((c) => c.subject === 'merge side'));
    assert.equal(facts.authors.length, 3);
  });

  it('the whole history (no from) compares with the empty tree', async function () {
    const facts = await windowFacts(repo.dir, {});
    sameAsGitLog(facts, gitLog(repo, ['HEAD']));
    const { filesChanged, insertions, deletions } = facts;
    assert.deepEqual({ filesChanged, insertions, deletions }, shortstat(repo, '4b825dc642cb6eb9a060e54bf8d69288fbee4904', 'HEAD'));
    assert.equal(facts.commits[facts.commits.length - 1]?.author, ALICE.name);
    assert.equal(facts.commits[0]?.date, '2024-03-06T10:00:00+00:00');
  });

  it('a time window: log --since/--until, and the diff between the ends of the first-parent line', async function () {
    const window = { since: '2024-03-02T10:00:00Z', until: '2024-03-05T12:00:00Z' };
    const facts = await windowFacts(repo.dir, window);
    sameAsGitLog(facts, gitLog(repo, [`--since=${window.since}`, `--until=${window.until}`]));
    // Commits two (inclusive) to the merge; side work is in the window through the merge.
    assert.deepEqual(facts.commits.map((c) => c.subject).sort(), ['four', 'merge side', 'side work', 'three: rename', 'two']);
    assert.deepEqual(facts.range, { from: hashes[0], to: hashes[5] });
    const { filesChanged, insertions, deletions } = facts;
    assert.deepEqual({ filesChanged, insertions, deletions }, shortstat(repo, hashes[0]!, hashes[5]!));
  });

  it('paths limit both the log and the diff', async function () {
    const facts = await windowFacts(repo.dir, { from: hashes[0], paths: ['dir with space'] });
    sameAsGitLog(facts, gitLog(repo, [`${hashes[0]}..HEAD`, '--', 'dir with space']));
    const { filesChanged, insertions, deletions } = facts;
    assert.deepEqual({ filesChanged, insertions, deletions }, shortstat(repo, hashes[0]!, 'HEAD', '--', 'dir with space'));
    assert.equal(facts.commits.length, 1);
  });

  it('an empty window has zero figures and no range', async function () {
    const facts = await windowFacts(repo.dir, { since: '2030-01-01' });
    assert.deepEqual([facts.commits.length, facts.filesChanged, facts.range, facts.notes], [0, 0, undefined, []]);
  });

  it('notes instead of throwing: unknown or option-like revisions, no repository, no commits', async function () {
    assert.equal((await windowFacts(repo.dir, { from: 'no-such-rev' })).notes[0]?.code, 'unknown-rev');
    assert.equal((await windowFacts(repo.dir, { to: '--output=/tmp/x' })).notes[0]?.code, 'invalid-rev');
    assert.equal((await windowFacts(repo.dir, { since: 'x\ny' })).notes[0]?.code, 'invalid-rev');
    assert.equal((await windowFacts(tempDir('marathon-nogit-'), {})).notes[0]?.code, 'not-a-repository');
    assert.equal((await windowFacts('/nonexistent/marathon', {})).notes[0]?.code, 'not-a-repository');
    assert.equal((await windowFacts(makeRepo().dir, {})).notes[0]?.code, 'no-commits');
  });
});
