// `marathon aar PLAN [--since ISO] [--until ISO] [--out FILE]`: the After Action Review of a
// marathon, every figure computed; stdout by default, --out never overwrites an existing file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../../core/findings';
import { aarMarkdown, aarModel, gatherAar } from '../../core/reports';
import { ExitCode, UsageError, displayPath, messageOf, type CliIo } from '../io';
import { analyzeCommandPlan } from '../load';

export interface AarOptions {
  help: boolean;
  plan: string;
  /** Window bounds, ms since the epoch. */
  since?: number;
  until?: number;
  out?: string;
  now?: number;
  findings?: readonly Finding[];
}

export const help = `Usage: marathon aar PLAN [--since ISO] [--until ISO] [--out FILE]

Writes the After Action Review of a marathon: per session the status (done / partial / blocked /
not started, from the run log and the criteria; "not started" sessions whose work is in git are
flagged), % complete, planned vs actual hours and efficiency (planned ÷ actual; "no timer data"
where the run log has none), deliverables (present / stub / missing, with line counts); then
commits and authors, files changed, insertions and deletions (git log --numstat over the window),
blockers, scope findings, max concurrent task terminals and the parallel factor, checkpoint
decisions, and a list of what could not be measured. No grade: only computed figures.

Options:
  --since ISO     start of the window (e.g. 2026-01-10 or 2026-01-10T09:00Z)
  --until ISO     end of the window
  -o, --out FILE  write to FILE instead of stdout (refused when FILE exists)
  -h, --help      show this help

Exit 0 when the review was written, 1 when the plan cannot be read or FILE exists, 2 on a
usage error.
`;

function isoArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value.replace(' ', 'T')) : Number.NaN;
  if (!Number.isFinite(t)) throw new UsageError(`aar: --${name} '${value}' is not an ISO date (e.g. 2026-01-10 or 2026-01-10T09:00Z)`, 'aar');
  return t;
}

/** Reads the command's arguments (after `aar`). Throws UsageError on bad usage. */
export function parse(args: string[]): AarOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { since: { type: 'string' }, until: { type: 'string' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`aar: ${messageOf(err).split(/\.\s/)[0]}`, 'aar');
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true, plan: '' };
  const [plan, ...extra] = positionals;
  if (plan === undefined) throw new UsageError('aar: missing PLAN', 'aar');
  if (extra.length > 0) throw new UsageError(`aar takes one PLAN (got ${positionals.length})`, 'aar');
  if (values.out === '') throw new UsageError('aar: --out needs a file', 'aar');
  const since = isoArg('since', values.since);
  const until = isoArg('until', values.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError('aar: --since is after --until', 'aar');
  return { help: false, plan, ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}), ...(values.out !== undefined ? { out: values.out } : {}) };
}

export async function run(io: CliIo, options: AarOptions): Promise<number> {
  if (options.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const loaded = await analyzeCommandPlan(io, options.plan);
  if (!loaded) return ExitCode.problems;
  const { abs, shown, plan } = loaded;
  if (plan.sessions.length === 0) io.stderr.write(`marathon: ${shown}: the plan has no sessions; the review has no per-session results\n`);
  const input = await gatherAar({
    planAbs: abs,
    plan,
    now: options.now ?? Date.now(),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    ...(options.findings ? { findings: options.findings } : {}),
  });
  const text = aarMarkdown(aarModel(input));
  if (options.out === undefined) {
    io.stdout.write(text);
    return ExitCode.ok;
  }
  const out = path.resolve(io.cwd, options.out);
  try {
    await fs.writeFile(out, text, { flag: 'wx' });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    io.stderr.write(`marathon: ${displayPath(io.cwd, out)}: ${code === 'EEXIST' ? 'exists; not overwritten (choose another --out)' : messageOf(err)}\n`);
    return ExitCode.problems;
  }
  io.stdout.write(`${displayPath(io.cwd, out)}\n`);
  return ExitCode.ok;
}
