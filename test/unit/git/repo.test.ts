// The repository helpers: root, shallowness, default branch, and the files a watcher follows (worktrees too).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultBranch, isShallow, repoRoot, watchPaths } from '../../../src/core/git/repo';
import { makeRepo, tempDir, wrapRepo } from './repo';

describe('git: repository helpers', function () {
  it('repoRoot from a subfolder; undefined outside a repository', async function () {
    const repo = makeRepo();
    fs.mkdirSync(path.join(repo.dir, 'sub dir'));
    assert.equal(await repoRoot(path.join(repo.dir, 'sub dir')), fs.realpathSync(repo.dir));
    assert.equal(await repoRoot(tempDir('marathon-nogit-')), undefined);
    assert.equal(await repoRoot('/nonexistent/marathon'), undefined);
  });

  it('watchPaths: HEAD, index and logs/HEAD of the git dir, a linked worktree its own', async function () {
    const repo = makeRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('a');
    const gitDir = fs.realpathSync(path.join(repo.dir, '.git'));
    const main = (await watchPaths(repo.dir)).map((p) => fs.realpathSync(path.dirname(p)) + path.sep + path.basename(p));
    assert.deepEqual(main, [path.join(gitDir, 'HEAD'), path.join(gitDir, 'index'), path.join(gitDir, 'logs', 'HEAD')]);
    const wt = path.join(tempDir('marathon-wt-'), 'wt');
    repo.git('worktree', 'add', '-q', wt);
    const linked = await watchPaths(path.join(wt));
    assert.equal(linked.length, 3);
    assert.match(linked[0] ?? '', /\.git[/\\]worktrees[/\\]wt[/\\]HEAD$/);
    assert.match(linked[1] ?? '', /\.git[/\\]worktrees[/\\]wt[/\\]index$/);
    assert.ok(fs.existsSync(linked[0] ?? '') && fs.existsSync(linked[1] ?? ''));
    assert.deepEqual(await watchPaths(tempDir('marathon-nogit-')), []);
  });

  it('isShallow and defaultBranch (origin/HEAD, main, master, or a preferred one)', async function () {
    const origin = makeRepo();
    origin.write('a.txt', 'a\n');
    origin.commit('one');
    origin.write('a.txt', 'b\n');
    origin.commit('two');
    const dir = tempDir('marathon-clone-');
    wrapRepo(dir).git('clone', '-q', '--depth', '1', `file://${origin.dir}`, 'clone');
    const clone = path.join(dir, 'clone');
    assert.equal(await isShallow(clone), true);
    assert.equal(await isShallow(origin.dir), false);
    assert.equal(await defaultBranch(clone), 'origin/main');
    assert.equal(await defaultBranch(origin.dir), 'main');
    origin.git('branch', '-q', '-m', 'main', 'master');
    assert.equal(await defaultBranch(origin.dir), 'master');
    origin.git('branch', '-q', '-m', 'master', 'trunk');
    assert.equal(await defaultBranch(origin.dir), undefined);
    assert.equal(await defaultBranch(origin.dir, 'trunk'), 'trunk');
    assert.equal(await defaultBranch(origin.dir, '--all'), undefined);
  });
});
