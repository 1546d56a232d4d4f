import { failureNote, openGit } from '../git/run';

/** `git status --porcelain` lines and the branch, for {@link gitChecks}; a note instead when git cannot tell. */
export async function gitStatusLines(cwd: string): Promise<{ porcelain: string[]; branch?: string; note?: string }> {
  const git = openGit(cwd);
  if (!('run' in git)) return { porcelain: [], note: git.message };
  const [status, head] = await Promise.all([git.run(['status', '--porcelain=v1', '--untracked-files=normal']), git.run(['rev-parse', '--abbrev-ref', 'HEAD'])]);
  if (!status.ok) return { porcelain: [], note: failureNote(status.error).message };
  const branch = head.ok ? head.out.trim() : '';
  return { porcelain: status.out.split('\n').filter((l) => l !== ''), ...(branch && branch !== 'HEAD' ? { branch } : {}) };
}
