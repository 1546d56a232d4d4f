// The one place the git checks touch the disk: existence, size and the first bytes of
// deliverables, confined to the workspace. A path that resolves outside — by `..`, by being
// absolute, or through a symbolic link — is reported, never read. Nothing here throws.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { globTest } from './patterns';

/** Files larger than this are checked for existence and size only, never read. */
export const MAX_READ_BYTES = 2 * 1024 * 1024;
/** How much of a file is sniffed for a NUL byte to decide it is binary. */
export const SNIFF_BYTES = 8192;
/** Most directory entries a glob walk visits, and most matches it returns. */
export const WALK_LIMIT = 20_000;
export const MATCH_LIMIT = 200;

/** What is at a path. `path` is workspace-relative with `/`, or absolute when outside. */
export type Probe =
  | { kind: 'outside'; path: string; how: 'absolute' | 'climbs' | 'symlink'; target?: string }
  | { kind: 'missing'; path: string }
  | { kind: 'folder'; path: string; empty: boolean }
  | { kind: 'file'; path: string; size: number; binary?: boolean; tooLarge?: boolean; text?: string }
  | { kind: 'special'; path: string }
  | { kind: 'unreadable'; path: string; message: string };

/** The real path of the workspace root (symbolic links resolved), or the path itself when that fails. */
export async function realRoot(root: string): Promise<string> {
  try {
    return await fs.realpath(path.resolve(root));
  } catch {
    return path.resolve(root);
  }
}

function inside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/**
 * Where `rel` (workspace-relative or absolute) really is: its absolute real path when inside
 * `root` (which must be a real path), or why it is not. A path that does not exist is resolved
 * through its nearest existing folder, so a missing file under a link that leaves is outside too.
 */
export async function confine(root: string, rel: string): Promise<{ abs: string } | Extract<Probe, { kind: 'outside' }> | { missing: string }> {
  const raw = rel.replace(/\\/g, '/');
  const abs = path.resolve(root, raw);
  if (!inside(root, abs)) {
    return { kind: 'outside', path: raw, how: path.isAbsolute(raw) || /^[A-Za-z]:/.test(raw) ? 'absolute' : 'climbs' };
  }
  let at = abs;
  for (let depth = 0; depth < 256; depth++) {
    try {
      const real = await fs.realpath(at);
      if (!inside(root, real)) return { kind: 'outside', path: toRel(root, abs), how: 'symlink', target: real };
      return at === abs ? { abs: real } : { missing: toRel(root, abs) };
    } catch (err) {
      const code = errorCode(err);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return { missing: toRel(root, abs) };
      const parent = path.dirname(at);
      if (parent === at || !inside(root, parent)) return { missing: toRel(root, abs) };
      at = parent;
    }
  }
  return { missing: toRel(root, abs) };
}

/**
 * What is at `rel` inside the real workspace `root`. With `read`, a regular file up to
 * {@link MAX_READ_BYTES} is read as UTF-8 text unless its first {@link SNIFF_BYTES} hold a NUL
 * (then it is `binary`); a larger file is `tooLarge` and not read. FIFOs and devices are never opened.
 */
export async function probe(root: string, rel: string, read: boolean): Promise<Probe> {
  const where = await confine(root, rel);
  if ('kind' in where) return where;
  if ('missing' in where) return { kind: 'missing', path: where.missing };
  const shown = toRel(root, path.resolve(root, rel.replace(/\\/g, '/')));
  try {
    const stat = await fs.stat(where.abs);
    if (stat.isDirectory()) {
      const dir = await fs.opendir(where.abs);
      const first = await dir.read();
      await dir.close();
      return { kind: 'folder', path: shown, empty: first === null };
    }
    if (!stat.isFile()) return { kind: 'special', path: shown };
    if (stat.size > MAX_READ_BYTES) return { kind: 'file', path: shown, size: stat.size, tooLarge: true };
    if (!read) return { kind: 'file', path: shown, size: stat.size };
    return { kind: 'file', path: shown, size: stat.size, ...(await readText(where.abs)) };
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { kind: 'missing', path: shown };
    return { kind: 'unreadable', path: shown, message: err instanceof Error ? err.message : String(err) };
  }
}

/** The file's text, or `binary` when its first bytes hold a NUL. Reads at most {@link MAX_READ_BYTES}. */
async function readText(abs: string): Promise<{ binary: true } | { text: string }> {
  const handle = await fs.open(abs, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    if (head.subarray(0, bytesRead).includes(0)) return { binary: true };
    const chunks: Buffer[] = [head.subarray(0, bytesRead)];
    let total = bytesRead;
    let pos = bytesRead;
    while (bytesRead === SNIFF_BYTES && total < MAX_READ_BYTES) {
      const buf = Buffer.alloc(Math.min(256 * 1024, MAX_READ_BYTES - total));
      const r = await handle.read(buf, 0, buf.length, pos);
      if (r.bytesRead === 0) break;
      chunks.push(buf.subarray(0, r.bytesRead));
      total += r.bytesRead;
      pos += r.bytesRead;
    }
    return { text: Buffer.concat(chunks).toString('utf8') };
  } finally {
    await handle.close();
  }
}

/** The static folder a glob starts from: `src/**\/x.ts` → `src`, `*.md` → ``. */
export function globBase(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?[\]{}]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

/** Folders a walk never enters unless the glob starts inside them. */
const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * The files under the real workspace `root` that `glob` (workspace-relative) matches, walking from
 * its static base without following symbolic links (a linked file counts only when it resolves
 * inside). At most {@link MATCH_LIMIT} matches and {@link WALK_LIMIT} entries; `truncated` says so.
 */
export async function matchGlob(root: string, glob: string): Promise<{ matches: string[]; truncated: boolean; outside?: boolean }> {
  const base = globBase(glob);
  const where = await confine(root, base || '.');
  if ('kind' in where) return { matches: [], truncated: false, outside: true };
  if ('missing' in where) return { matches: [], truncated: false };
  const test = globTest(glob);
  const matches: string[] = [];
  let visited = 0;
  const queue: string[] = [where.abs];
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to match there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (++visited > WALK_LIMIT || matches.length >= MATCH_LIMIT) return { matches, truncated: true };
      const abs = path.join(dir, e.name);
      const rel = toRel(root, abs);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) || base.split('/').includes(e.name)) queue.push(abs);
        continue;
      }
      if (!test(rel)) continue;
      if (e.isSymbolicLink()) {
        const real = await fs.realpath(abs).catch(() => undefined);
        if (!real || !inside(root, real)) continue;
      } else if (!e.isFile()) continue;
      matches.push(rel);
    }
  }
  return { matches, truncated: false };
}
