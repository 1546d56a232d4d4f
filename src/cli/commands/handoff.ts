// `marathon handoff PLAN --session ID [--out DIR] [--stdout]`: writes the session's handoff note
// to the next free SESSION_<id>_HANDOFF.md (never over an existing file) and prints its path.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../../core/findings';
import { findSession, gatherHandoff, handoffFileName, handoffMarkdown, handoffSummary } from '../../core/reports';
import { ExitCode, UsageError, displayPath, messageOf, type CliIo } from '../io';
import { analyzeCommandPlan } from '../load';

export interface HandoffOptions {
  help: boolean;
  plan: string;
  session: string;
  /** Folder to write into; default the plan's folder. */
  out?: string;
  stdout: boolean;
  /** The clock (ms since the epoch); default now. For tests. */
  now?: number;
  /** Scope findings to include (the git checks' `Finding[]`); absent: "not checked". */
  findings?: readonly Finding[];
}

export const help = `Usage: marathon handoff PLAN --session ID [--out DIR] [--stdout]

Writes the handoff note of one session: completion (criteria ticked and deliverables present,
with the formula), completed work and commits since the session started, blocked work, scope
findings, next steps, time and an effort estimate. Every figure comes from the plan, the run log
(.marathon/runlog.jsonl in the git top level of the plan, or the plan's folder) and git.

The note goes to SESSION_<ID>_HANDOFF.md in DIR (default: the plan's folder); when that exists,
SESSION_<ID>_HANDOFF-2.md, -3 … An existing file is never overwritten. The path is printed.

Options:
  -s, --session ID   the session, as written in the plan (024 also finds 24)
  -o, --out DIR      the folder to write the note in
  --stdout           print the note instead of writing a file
  -h, --help         show this help

Exit 0 when the note was written, 1 when the plan cannot be read or has no such session,
2 on a usage error.
`;

/** Reads the command's arguments (after `handoff`). Throws UsageError on bad usage. */
export function parse(args: string[]): HandoffOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { session: { type: 'string', short: 's' }, out: { type: 'string', short: 'o' }, stdout: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`handoff: ${messageOf(err).split(/\.\s/)[0]}`, 'handoff');
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true, plan: '', session: '', stdout: false };
  const [plan, ...extra] = positionals;
  if (plan === undefined) throw new UsageError('handoff: missing PLAN', 'handoff');
  if (extra.length > 0) throw new UsageError(`handoff takes one PLAN (got ${positionals.length})`, 'handoff');
  if (values.session === undefined || values.session.trim() === '') throw new UsageError('handoff: missing --session ID', 'handoff');
  if (values.out === '') throw new UsageError('handoff: --out needs a folder', 'handoff');
  if (values.out !== undefined && values.stdout === true) throw new UsageError('handoff: --out and --stdout exclude each other', 'handoff');
  return { help: false, plan, session: values.session.trim(), stdout: values.stdout === true, ...(values.out !== undefined ? { out: values.out } : {}) };
}

/** Writes `text` to the first free handoff name in `dir`; `wx` makes a race lose nothing. */
async function writeNew(dir: string, sessionId: string, text: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const file = handoffFileName(dir, sessionId, existsSync, path.join);
    if (file === undefined) break;
    try {
      await fs.writeFile(file, text, { flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
      // Another writer took the name between the check and the write: try the next one.
    }
  }
  throw new Error(`no free handoff file name in ${dir}`);
}

export async function run(io: CliIo, options: HandoffOptions): Promise<number> {
  if (options.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const loaded = await analyzeCommandPlan(io, options.plan);
  if (!loaded) return ExitCode.problems;
  const { abs, shown, plan } = loaded;
  const session = findSession(plan.sessions, options.session);
  if (!session) {
    const ids = plan.sessions.map((s) => s.id);
    io.stderr.write(`marathon: ${shown}: no session "${options.session}"${ids.length ? ` (sessions: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ' …' : ''})` : ' (the plan has no sessions)'}\n`);
    return ExitCode.problems;
  }
  const input = await gatherHandoff({ planAbs: abs, plan, now: options.now ?? Date.now(), sessionId: session.id, ...(options.findings ? { findings: options.findings } : {}) });
  const text = handoffMarkdown(input);
  if (options.stdout) {
    io.stdout.write(text);
    return ExitCode.ok;
  }
  const dir = path.resolve(io.cwd, options.out ?? path.dirname(abs));
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) {
      io.stderr.write(`marathon: ${displayPath(io.cwd, dir)} is not a folder\n`);
      return ExitCode.problems;
    }
  } catch {
    io.stderr.write(`marathon: ${displayPath(io.cwd, dir)}: no such folder\n`);
    return ExitCode.problems;
  }
  try {
    const file = await writeNew(dir, session.id, text);
    const summary = handoffSummary(input);
    io.stdout.write(`${displayPath(io.cwd, file)}\n`);
    io.stderr.write(`marathon: session ${session.id}: ${summary.percent === undefined ? 'completion not measured' : `${summary.percent}% complete`}\n`);
    return ExitCode.ok;
  } catch (err) {
    io.stderr.write(`marathon: cannot write the handoff note: ${messageOf(err)}\n`);
    return ExitCode.problems;
  }
}
