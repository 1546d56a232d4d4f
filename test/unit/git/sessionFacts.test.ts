// sessionFacts on real repositories: every kind of change, odd paths, every way of choosing a base,
// and the edge cases (no repository, no commits, detached HEAD, shallow clone, a 200 MB file).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearGitCache, sessionFacts } from '../../../src/core/git/sessionFacts';
import type { ChangedFile, SessionGitFacts } from '../../../src/core/git/types';
import { makeRepo, tempDir, wrapRepo, type TestRepo } from './repo';

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n') + '\n';

function byPath(facts: SessionGitFacts): Map<string, ChangedFile> {
  return new Map(facts.changed.map((f) => [f.path, f]));
}

/** Kinds and line counts of tracked paths equal one full `git diff --numstat -M BASE` (read with -z only to split paths). */
function matchesFullDiff(repo: TestRepo, base: string, facts: SessionGitFacts): void {
  const numstat = repo.git('diff', '--numstat', '-z', '-M', base).split('\0');
  const expected = new Map<string, string>();
  for (let i = 0; i < numstat.length - 1; i++) {
    const [ins, del, p] = (numstat[i] ?? '').split('\t');
    const file = p === '' ? numstat[(i += 2)] : p;
    expected.set(file ?? '', ins === '-' ? 'bin' : `${ins}/${del}`);
  }
  const tracked = facts.changed.filter((f) => f.kind !== 'untracked' && !(f.insertions === 0 && f.deletions === 0 && !expected.has(f.path)));
  assert.deepEqual(new Map(tracked.map((f) => [f.path, f.binary ? 'bin' : `${f.insertions}/${f.deletions}`])), expected);
}

function codes(facts: SessionGitFacts): string[] {
  return facts.notes.map((n) => n.code);
}

/** main with one commit (the session's start), then a session's work of every kind. */
function sessionRepo(): { repo: TestRepo; start: string; work: string } {
  const repo = makeRepo();
  repo.write('.gitignore', '*.log\n');
  repo.write('keep.txt', lines(5, 'keep'));
  repo.write('mod.txt', lines(10, 'mod'));
  repo.write('del.txt', lines(3, 'del'));
  repo.write('ren-src.txt', lines(40, 'ren'));
  repo.write('bin.dat', Buffer.from([0, 1, 2, 3, 4, 0, 5]));
  const start = repo.commit('start');
  // Committed during the session.
  repo.write('mod.txt', lines(10, 'mod').replace('mod line 2', 'MOD line 2'));
  repo.write('with space.txt', lines(2, 'space'));
  repo.write('ü-日本 "q".txt', lines(3, 'uni'));
  repo.git('mv', 'ren-src.txt', 'ren-dst.txt');
  repo.git('rm', '-q', 'del.txt');
  repo.write('bin.dat', Buffer.from([0, 9, 9, 9, 0]));
  const work = repo.commit('session work');
  // Staged, unstaged, untracked and ignored.
  repo.write('keep.txt', lines(6, 'keep'));
  repo.write('staged new.txt', 'staged\n');
  repo.git('add', 'keep.txt', 'staged new.txt');
  repo.write('mod.txt', lines(11, 'mod').replace('mod line 2', 'MOD line 2'));
  repo.write('with space.txt', lines(3, 'space'));
  repo.write('untracked\nnewline.txt', 'u\n');
  repo.write('dir/nested untracked.md', 'n\n');
  repo.write('debug.log', 'ignored\n');
  return { repo, start, work };
}

describe('git: sessionFacts', function () {
  this.timeout(60_000);
  beforeEach(clearGitCache);

  it('lists committed, staged, unstaged and untracked changes, one entry per path, with exact paths', async function () {
    const { repo, start, work } = sessionRepo();
    const facts = await sessionFacts(repo.dir, { runLogHead: start });
    assert.deepEqual(facts.notes, []);
    assert.equal(facts.root, fs.realpathSync(repo.dir));
    assert.deepEqual(facts.base, { rev: start, source: 'run-log' });
    assert.equal(facts.head, work);
    assert.equal(facts.branch, 'main');
    assert.equal(facts.detached, false);
    assert.equal(facts.shallow, false);
    const summary = facts.changed.map((f) => [f.path, f.kind, f.where.join('+'), f.from ?? '', f.binary ? 'bin' : `${f.insertions ?? '?'}/${f.deletions ?? '?'}`]);
    assert.deepEqual(summary, [
      ['bin.dat', 'modified', 'committed', '', 'bin'],
      ['del.txt', 'deleted', 'committed', '', '0/3'],
      ['dir/nested untracked.md', 'untracked', 'untracked', '', '?/?'],
      ['keep.txt', 'modified', 'staged', '', '1/0'],
      ['mod.txt', 'modified', 'committed+unstaged', '', '2/1'],
      ['ren-dst.txt', 'renamed', 'committed', 'ren-src.txt', '0/0'],
      ['staged new.txt', 'added', 'staged', '', '1/0'],
      ['untracked\nnewline.txt', 'untracked', 'untracked', '', '?/?'],
      ['with space.txt', 'added', 'committed+unstaged', '', '3/0'],
      ['ü-日本 "q".txt', 'added', 'committed', '', '3/0'],
    ]);
    assert.ok(!byPath(facts).has('debug.log'), 'ignored files are not listed');
    matchesFullDiff(repo, start, facts);
    assert.deepEqual(facts.commits.map((c) => [c.hash, c.author, c.email, c.subject]), [[work, 'T', 't@example.invalid', 'session work']]);
    // Line counts are git's own numstat of the base against the work tree.
    const numstat = repo.git('diff', '--numstat', start, '--', 'mod.txt').split('\t');
    assert.deepEqual([byPath(facts).get('mod.txt')?.insertions, byPath(facts).get('mod.txt')?.deletions], [Number(numstat[0]), Number(numstat[1])]);
  });

  it('kinds and line counts equal one full `git diff --raw --numstat -M BASE` (glob characters in paths are literal)', async function () {
    const { repo, start } = sessionRepo();
    repo.write('[ab]*.txt', lines(4, 'glob'));
    repo.write('a-not-matched.txt', lines(4, 'plain'));
    repo.commit('glob-like names');
    // Each way a path is diffed again: staged only, work tree only, on top of commits, staged and edited.
    repo.write('[ab]*.txt', lines(5, 'glob'));
    repo.write('ren-dst.txt', lines(38, 'ren'));
    repo.write('a-not-matched.txt', lines(2, 'plain'));
    repo.git('add', 'a-not-matched.txt');
    repo.write('.gitignore', '*.log\n*.tmp\n');
    repo.write('keep.txt', lines(7, 'keep'));
    const facts = await sessionFacts(repo.dir, { runLogHead: start });
    matchesFullDiff(repo, start, facts);
    assert.equal(byPath(facts).get('a-not-matched.txt')?.where.join('+'), 'committed+staged');
    assert.equal(byPath(facts).get('.gitignore')?.where.join('+'), 'unstaged');
    assert.equal(byPath(facts).get('keep.txt')?.where.join('+'), 'committed+unstaged');
    assert.equal(byPath(facts).get('[ab]*.txt')?.where.join('+'), 'committed+unstaged');
    assert.equal(byPath(facts).get('ren-dst.txt')?.from, 'ren-src.txt');
  });

  it('the committed part is cached by (base, HEAD); work-tree edits and new commits are always seen', async function () {
    const { repo, start } = sessionRepo();
    const first = await sessionFacts(repo.dir, { runLogHead: start });
    assert.equal(byPath(first).get('ren-dst.txt')?.where.join('+'), 'committed');
    repo.write('ren-dst.txt', lines(41, 'ren'));
    const second = await sessionFacts(repo.dir, { runLogHead: start });
    assert.equal(byPath(second).get('ren-dst.txt')?.where.join('+'), 'committed+unstaged');
    assert.equal(byPath(second).get('ren-dst.txt')?.insertions, 1);
    fs.rmSync(path.join(repo.dir, 'untracked\nnewline.txt'));
    repo.write('keep.txt', lines(5, 'keep'));
    const third = await sessionFacts(repo.dir, { runLogHead: start });
    assert.ok(!byPath(third).has('untracked\nnewline.txt'));
    assert.equal(byPath(third).get('keep.txt')?.where.join('+'), 'staged+unstaged');
    matchesFullDiff(repo, start, third);
    repo.write('keep.txt', lines(9, 'keep'));
    matchesFullDiff(repo, start, await sessionFacts(repo.dir, { runLogHead: start }));
    assert.deepEqual([byPath(third).get('keep.txt')?.insertions, byPath(third).get('keep.txt')?.deletions], [0, 0]);
    const next = repo.commit('more');
    const fourth = await sessionFacts(repo.dir, { runLogHead: start });
    assert.equal(fourth.head, next);
    assert.deepEqual(fourth.commits.map((c) => c.subject), ['more', 'session work']);
    assert.equal(byPath(fourth).get('dir/nested untracked.md')?.where.join('+'), 'committed');
  });

  it('reads HEAD beside git status from packed refs and from a detached HEAD, as git does', async function () {
    const { repo, start, work } = sessionRepo();
    repo.git('pack-refs', '--all');
    assert.ok(!fs.existsSync(path.join(repo.dir, '.git', 'refs', 'heads', 'main')), 'the branch is packed');
    const packed = await sessionFacts(repo.dir, { runLogHead: start });
    assert.equal(packed.head, work);
    assert.deepEqual(packed.commits.map((c) => c.subject), ['session work']);
    matchesFullDiff(repo, start, packed);
    clearGitCache();
    repo.git('checkout', '-q', '--detach');
    const detached = await sessionFacts(repo.dir, { runLogHead: start });
    assert.equal(detached.head, work);
    assert.deepEqual(detached.commits.map((c) => c.subject), ['session work']);
    // A guess that went stale (HEAD moved after the files were read) is never used: a new commit is seen.
    const next = repo.commit('after detach');
    const moved = await sessionFacts(repo.dir, { runLogHead: start });
    assert.equal(moved.head, next);
    assert.deepEqual(moved.commits.map((c) => c.subject), ['after detach', 'session work']);
  });

  it('a staged rename, and a rename made in the work tree only', async function () {
    const repo = makeRepo();
    repo.write('old name.txt', lines(30, 'x'));
    repo.write('moved.txt', lines(30, 'y'));
    const start = repo.commit('start');
    repo.git('mv', 'old name.txt', 'new name.txt');
    fs.renameSync(path.join(repo.dir, 'moved.txt'), path.join(repo.dir, 'moved-away.txt'));
    const facts = await sessionFacts(repo.dir, { runLogHead: start });
    const summary = facts.changed.map((f) => [f.path, f.kind, f.where.join('+'), f.from ?? '']);
    assert.deepEqual(summary, [
      ['moved-away.txt', 'untracked', 'untracked', ''],
      ['moved.txt', 'deleted', 'unstaged', ''],
      ['new name.txt', 'renamed', 'staged', 'old name.txt'],
    ]);
    matchesFullDiff(repo, start, facts);
  });

  it('chooses the base: --base, else the run log, else the merge-base with the default branch', async function () {
    const repo = makeRepo();
    repo.write('a.txt', 'a\n');
    const root = repo.commit('root');
    repo.write('a.txt', 'a\nmain\n');
    const mainTip = repo.commit('main moves on');
    repo.git('switch', '-qc', 'feature', root);
    repo.write('f.txt', 'f\n');
    const feature = repo.commit('feature work');

    const mergeBase = await sessionFacts(repo.dir);
    assert.deepEqual(mergeBase.base, { rev: root, source: 'merge-base' });
    assert.equal(mergeBase.defaultBranch, 'main');
    assert.deepEqual(mergeBase.changed.map((f) => f.path), ['f.txt']);

    assert.deepEqual((await sessionFacts(repo.dir, { base: 'main' })).base, { rev: mainTip, source: 'explicit' });
    assert.deepEqual((await sessionFacts(repo.dir, { base: 'HEAD~1', runLogHead: feature })).base, { rev: root, source: 'explicit' });
    assert.deepEqual((await sessionFacts(repo.dir, { runLogHead: feature })).base, { rev: feature, source: 'run-log' });
    const empty = await sessionFacts(repo.dir, { base: EMPTY_TREE });
    assert.deepEqual(empty.base, { rev: EMPTY_TREE, source: 'explicit' });
    assert.deepEqual(empty.changed.map((f) => f.path), ['a.txt', 'f.txt']);
    assert.equal(empty.commits.length, 2);

    const unknown = await sessionFacts(repo.dir, { base: 'no-such-branch', runLogHead: feature });
    assert.deepEqual([codes(unknown), unknown.base?.source], [['unknown-base'], 'run-log']);
    const optionLike = await sessionFacts(repo.dir, { base: '--output=/tmp/pwned' });
    assert.deepEqual([codes(optionLike), optionLike.base?.source], [['invalid-rev'], 'merge-base']);
    assert.ok(!fs.existsSync('/tmp/pwned'));
    const lost = await sessionFacts(repo.dir, { runLogHead: 'deadbeef'.repeat(5) });
    assert.deepEqual([codes(lost), lost.base?.rev], [['run-log-head-missing'], root]);

    // The session's branch, not HEAD, gives the merge-base; an explicit default branch is honoured.
    repo.git('switch', '-q', 'main');
    assert.deepEqual((await sessionFacts(repo.dir)).base, { rev: mainTip, source: 'merge-base' });
    assert.deepEqual((await sessionFacts(repo.dir, { branch: 'feature' })).base, { rev: root, source: 'merge-base' });
    assert.deepEqual((await sessionFacts(repo.dir, { defaultBranch: 'feature' })).base, { rev: root, source: 'merge-base' });
    const missing = await sessionFacts(repo.dir, { branch: 'nope', defaultBranch: 'nope' });
    assert.deepEqual(codes(missing), ['no-default-branch', 'branch-missing']);
    assert.deepEqual(missing.base, { rev: mainTip, source: 'merge-base' });

    // No main, master or origin/HEAD: only uncommitted changes count, and a note says so.
    repo.git('branch', '-q', '-m', 'main', 'trunk');
    const noDefault = await sessionFacts(repo.dir);
    assert.deepEqual([codes(noDefault), noDefault.base], [['no-default-branch'], { rev: mainTip, source: 'head' }]);
  });

  it('notes instead of throwing: no repository, a missing folder, no commits yet', async function () {
    const outside = await sessionFacts(tempDir('marathon-nogit-'));
    assert.deepEqual([codes(outside), outside.changed, outside.base], [['not-a-repository'], [], undefined]);
    assert.deepEqual(codes(await sessionFacts('/nonexistent/marathon/dir')), ['not-a-repository']);
    const inGitDir = makeRepo();
    assert.deepEqual(codes(await sessionFacts(path.join(inGitDir.dir, '.git'))), ['not-a-work-tree']);

    const repo = makeRepo();
    repo.write('staged.txt', lines(2, 's'));
    repo.git('add', 'staged.txt');
    repo.write('loose.txt', 'l\n');
    const facts = await sessionFacts(repo.dir, { runLogHead: 'abc', base: 'HEAD' });
    assert.deepEqual(codes(facts), ['unknown-base', 'no-commits']);
    assert.deepEqual(facts.base, { rev: EMPTY_TREE, source: 'empty-tree' });
    assert.deepEqual([facts.head, facts.branch, facts.detached], [undefined, 'main', false]);
    assert.deepEqual(facts.changed.map((f) => [f.path, f.kind, f.where.join('+'), f.insertions]), [
      ['loose.txt', 'untracked', 'untracked', undefined],
      ['staged.txt', 'added', 'staged', 2],
    ]);
    assert.deepEqual(facts.commits, []);
    matchesFullDiff(repo, EMPTY_TREE, facts);
  });

  it('a detached HEAD has no branch and a note', async function () {
    const { repo, start, work } = sessionRepo();
    repo.git('checkout', '-q', '--detach', 'HEAD');
    const facts = await sessionFacts(repo.dir, { runLogHead: start });
    assert.deepEqual([facts.branch, facts.detached, facts.head, codes(facts)], [undefined, true, work, ['detached-head']]);
    assert.equal(facts.changed.length, 10);
  });

  it('a shallow clone: a start commit beyond its history falls back to the merge-base with origin', async function () {
    const { repo: origin, start } = sessionRepo();
    origin.commit('everything');
    const dir = tempDir('marathon-shallow-');
    wrapRepo(dir).git('clone', '-q', '--depth', '1', `file://${origin.dir}`, 'clone');
    const clone = wrapRepo(path.join(dir, 'clone'));
    clone.write('mod.txt', 'changed in the clone\n');
    const facts = await sessionFacts(clone.dir, { runLogHead: start });
    assert.equal(facts.shallow, true);
    assert.deepEqual(codes(facts), ['shallow']);
    assert.deepEqual(facts.base, { rev: clone.git('rev-parse', 'HEAD').trim(), source: 'merge-base' });
    assert.equal(facts.defaultBranch, 'origin/main');
    assert.deepEqual(facts.changed.map((f) => [f.path, f.where.join('+')]), [['mod.txt', 'unstaged']]);
    const unknown = await sessionFacts(clone.dir, { base: start });
    assert.match(unknown.notes[0]?.message ?? '', /shallow/);
  });

  it('a merge conflict is unmerged', async function () {
    const repo = makeRepo();
    repo.write('c.txt', 'base\n');
    const start = repo.commit('base');
    repo.git('switch', '-qc', 'other');
    repo.write('c.txt', 'other\n');
    repo.commit('other');
    repo.git('switch', '-q', 'main');
    repo.write('c.txt', 'mine\n');
    repo.commit('mine');
    try {
      repo.git('merge', '-q', 'other');
    } catch {
      // The conflict is the point.
    }
    const facts = await sessionFacts(repo.dir, { runLogHead: start });
    assert.equal(byPath(facts).get('c.txt')?.kind, 'unmerged');
  });

  it('a 200 MB untracked file is listed without being read', async function () {
    const repo = makeRepo();
    repo.write('a.txt', 'a\n');
    const start = repo.commit('a');
    const big = path.join(repo.dir, 'huge video.bin');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200 * 1024 * 1024);
    const t0 = Date.now();
    const facts = await sessionFacts(repo.dir, { runLogHead: start });
    assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
    assert.deepEqual(facts.changed, [{ path: 'huge video.bin', kind: 'untracked', where: ['untracked'] }]);
  });
});
