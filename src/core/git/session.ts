import { simpleGit } from 'simple-git';

/** What a session start records from git: HEAD (the base of its changes) and the branch. */
export interface HeadFacts {
  head?: string;
  branch?: string;
  /** Why there are no facts (not a repository, no commits yet), when there are none. */
  note?: string;
}

/** HEAD and branch of the repository at `cwd`; never throws (no repo or no commit → a note). */
export async function headFacts(cwd: string): Promise<HeadFacts> {
  try {
    const git = simpleGit(cwd);
    if (!(await git.checkIsRepo())) return { note: 'not a git repository' };
    const head = (await git.revparse(['HEAD'])).trim();
    const branch = (await git.revparse(['--abbrev-ref', 'HEAD'])).trim();
    return branch === 'HEAD' ? { head, note: 'detached HEAD' } : { head, branch };
  } catch (err) {
    // A repository with no commits has no HEAD yet.
    return { note: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  }
}

/** Whether a local branch exists. */
export async function hasBranch(cwd: string, branch: string): Promise<boolean> {
  try {
    return (await simpleGit(cwd).branchLocal()).all.includes(branch);
  } catch {
    return false;
  }
}

/**
 * Switches to `branch` (creating it from HEAD when it does not exist) with `git switch`, which
 * refuses rather than overwrite uncommitted work: uncommitted changes either come along or the
 * switch fails and nothing changes. Never forces. Returns an error message instead of throwing.
 */
export async function switchBranch(cwd: string, branch: string): Promise<string | undefined> {
  if (!/^[\w./-]{1,200}$/.test(branch) || branch.startsWith('-') || branch.includes('..')) {
    return `"${branch}" is not a branch name Marathon will pass to git`;
  }
  try {
    const exists = await hasBranch(cwd, branch);
    await simpleGit(cwd).raw(exists ? ['switch', branch] : ['switch', '-c', branch]);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message.trim() : String(err);
  }
}
