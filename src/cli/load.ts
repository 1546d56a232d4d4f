import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { analyzePlan } from '../core/analyze';
import { problem, type Plan, type Problem } from '../core/model';
import { displayPath, type CliIo } from './io';

/** Plans are text written by people; anything bigger than this is not a plan. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/** How much of the file's start is sniffed for binary content. */
const SNIFF_BYTES = 8 * 1024;

/** A plan file's text, or the one reason it could not be read (an error problem on line 1). */
export type LoadResult =
  | { ok: true; text: string; warnings: Problem[] }
  | { ok: false; problem: Problem };

/**
 * Reads a plan file as UTF-8 (BOM stripped). Stats first, so a directory, a device or a huge
 * file is refused without reading it. Never throws: each failure is a `file-unreadable`,
 * `file-binary` or `file-too-large` error; an empty file reads as '' with an `empty-plan` warning.
 */
export async function loadPlanFile(absPath: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absPath);
    if (stat.isDirectory()) return fail('file-unreadable', 'is a directory, not a plan file');
    if (!stat.isFile()) return fail('file-unreadable', 'is not a regular file');
    if (stat.size > MAX_PLAN_BYTES) {
      return fail('file-too-large', `file is ${formatSize(stat.size)}, over the ${formatSize(MAX_PLAN_BYTES)} limit for a plan file; not read`);
    }
    bytes = await readAtMost(absPath, MAX_PLAN_BYTES + 1);
  } catch (err) {
    return fail('file-unreadable', describeFsError(err));
  }
  // The file grew between stat and read: still refuse rather than read an unbounded stream.
  if (bytes.length > MAX_PLAN_BYTES) {
    return fail('file-too-large', `file is over the ${formatSize(MAX_PLAN_BYTES)} limit for a plan file; not read`);
  }
  return decodePlanBytes(bytes);
}

/** Decodes a plan file's bytes: UTF-8 with the BOM stripped, refusing binary and UTF-16 content. */
export function decodePlanBytes(bytes: Uint8Array): LoadResult {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return fail('file-binary', 'file is UTF-16 text; save it as UTF-8 to use it as a plan');
  }
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return fail('file-binary', 'file is binary (it contains NUL bytes), not a plan file');
  const sampleText = new TextDecoder('utf-8').decode(sample, { stream: true });
  const suspicious = countInvalid(sampleText) - countLegitReplacements(sample) + countControlBytes(sample);
  if (sample.length > 0 && suspicious > Math.max(4, sample.length * 0.1)) {
    return fail('file-binary', 'file is binary (its first bytes are not UTF-8 text), not a plan file');
  }
  const text = stripBom(new TextDecoder('utf-8').decode(bytes));
  const warnings: Problem[] = [];
  const invalid = countInvalid(text) - countLegitReplacements(bytes);
  if (invalid > 0) {
    warnings.push(
      problem('file-encoding', 'warning', `${invalid} byte sequence${invalid === 1 ? ' is' : 's are'} not valid UTF-8 and read as U+FFFD; save the file as UTF-8`, 1),
    );
  }
  if (text.trim() === '') warnings.push(problem('empty-plan', 'warning', 'file is empty: there is no plan to read', 1));
  return { ok: true, text, warnings };
}

/** `12.0 MB`, `3.4 KB`, `17 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimZero((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${trimZero((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

function trimZero(n: string): string {
  return n.endsWith('.0') ? n.slice(0, -2) : n;
}

async function readAtMost(absPath: string, limit: number): Promise<Buffer> {
  const handle = await fs.open(absPath, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function fail(code: 'file-unreadable' | 'file-binary' | 'file-too-large', message: string): LoadResult {
  return { ok: false, problem: problem(code, 'error', message, 1) };
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'no such file (a parent in the path is not a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a plan file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return `cannot read file (${typeof code === 'string' ? code : err instanceof Error ? err.message : String(err)})`;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function countInvalid(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

// U+FFFD written on purpose is the byte sequence EF BF BD; those are not decoding errors.
function countLegitReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

// Control bytes a text file does not have (tab, newlines, form feed and escape are allowed).
function countControlBytes(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) n++;
  }
  return n;
}

/** A plan file a command reads: its absolute path, the path as shown, and its text. */
export interface CommandPlan {
  abs: string;
  shown: string;
  text: string;
}

/**
 * Reads the plan a command names (relative to the working directory). When it cannot be read, says
 * why on stderr and resolves to undefined: the command then exits with ExitCode.problems.
 */
export async function readCommandPlan(io: CliIo, file: string): Promise<CommandPlan | undefined> {
  const abs = path.resolve(io.cwd, file);
  const shown = displayPath(io.cwd, abs);
  const loaded = await loadPlanFile(abs);
  if (!loaded.ok) {
    io.stderr.write(`marathon: ${shown}: ${loaded.problem.message}\n`);
    return undefined;
  }
  return { abs, shown, text: loaded.text };
}

/** readCommandPlan, then the plan read and checked as the editor reads it (analyzePlan). */
export async function analyzeCommandPlan(io: CliIo, file: string): Promise<(CommandPlan & { plan: Plan }) | undefined> {
  const loaded = await readCommandPlan(io, file);
  return loaded && { ...loaded, plan: analyzePlan(loaded.text, loaded.abs).plan };
}
