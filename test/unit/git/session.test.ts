// Real git repositories in temp folders: switching to a session's branch never loses work.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { headFacts, switchBranch } from '../../../src/core/git/session';
import { tempDir } from './repo';

function repo(): { dir: string; git: (...args: string[]) => string } {
  const dir = tempDir();
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  return { dir, git };
}

describe('git: session start facts and branch switching', function () {
  it('records HEAD and branch; says why when there is no repository or no commit', async function () {
    const { dir, git } = repo();
    assert.deepEqual(Object.keys(await headFacts(dir)), ['note']);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
    git('add', '.');
    git('commit', '-qm', 'one');
    const facts = await headFacts(dir);
    assert.equal(facts.head, git('rev-parse', 'HEAD').trim());
    assert.equal(facts.branch, 'main');
    const outside = tempDir('marathon-nogit-');
    assert.equal((await headFacts(outside)).note, 'not a git repository');
  });

  it('creates a missing branch and carries uncommitted, non-conflicting work along', async function () {
    const { dir, git } = repo();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
    git('add', '.');
    git('commit', '-qm', 'one');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\nunsaved work\n');
    assert.equal(await switchBranch(dir, 'marathon/session-001'), undefined);
    assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'marathon/session-001');
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'one\nunsaved work\n');
  });

  it('refuses to switch when uncommitted work would be overwritten, and changes nothing', async function () {
    const { dir, git } = repo();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
    git('add', '.');
    git('commit', '-qm', 'one');
    git('switch', '-qc', 'other');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'other\n');
    git('commit', '-qam', 'other');
    git('switch', '-q', 'main');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'precious uncommitted work\n');
    const error = await switchBranch(dir, 'other');
    assert.match(String(error), /overwritten|local changes/i);
    assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'main');
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'precious uncommitted work\n');
  });

  it('never passes an option-like or odd name to git', async function () {
    const { dir } = repo();
    assert.match(String(await switchBranch(dir, '--force')), /not a branch name/);
    assert.match(String(await switchBranch(dir, 'a b')), /not a branch name/);
    assert.match(String(await switchBranch(dir, 'x/../y')), /not a branch name/);
  });
});
