import { simpleGit } from 'simple-git';

/** `git status --porcelain` lines and the branch, for {@link gitChecks}; a note instead when git cannot tell. */
export async function gitStatusLines(cwd: string): Promise<{ porcelain: string[]; branch?: string; note?: string }> {
  try {
    const git = simpleGit({ baseDir: cwd, timeout: { block: 30_000 } });
    if (!(await git.checkIsRepo())) return { porcelain: [], note: 'not a git repository' };
    const porcelain = (await git.raw(['--no-optional-locks', 'status', '--porcelain=v1', '--untracked-files=normal'])).split('\n').filter((l) => l !== '');
    const branch = (await git.raw(['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => '')).trim();
    return { porcelain, ...(branch && branch !== 'HEAD' ? { branch } : {}) };
  } catch (err) {
    return { porcelain: [], note: err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err) };
  }
}
