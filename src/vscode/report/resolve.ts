// Where a file named by the webview (a finding's file, a relative link) is on disk — only ever a
// regular file inside a workspace folder, after following symlinks. Node only (no vscode), so it is
// unit-tested on real directories.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** True when `file` is `root` itself or below it (both real, absolute paths). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

async function real(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined; // does not exist (or cannot be read): not a candidate
  }
}

/**
 * Resolves `file` (absolute, or relative to a workspace folder or to the report's own folder) to
 * the real path of an existing regular file inside one of `folders`, or undefined.
 * Relative paths are tried against `preferredFolder` first, then `documentDir`, then the others.
 */
export async function resolveInWorkspace(
  file: string,
  folders: readonly string[],
  preferredFolder?: string,
  documentDir?: string,
): Promise<string | undefined> {
  if (!file || file.includes('\0')) return undefined;
  const roots = (await Promise.all(folders.map(real))).filter((r): r is string => r !== undefined);
  if (!roots.length) return undefined;
  const bases = path.isAbsolute(file)
    ? ['']
    : [preferredFolder, documentDir, ...folders].filter((b): b is string => !!b).filter((b, i, all) => all.indexOf(b) === i);
  for (const base of bases) {
    const candidate = await real(base ? path.resolve(base, file) : path.resolve(file));
    if (!candidate || !roots.some((root) => isInside(root, candidate))) continue;
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // vanished between realpath and stat: try the next base
    }
  }
  return undefined;
}
