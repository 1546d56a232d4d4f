// `marathon verify DOC --repo DIR [--at REV] [--branch B] [--since DATE|REV] [--format text|json|github]`:
// fact-checks a handoff or AAR against git. Exit 1 when a claim is contradicted or the check failed.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { extractClaims, isSafeRev, verifyClaims, type ClaimResult, type VerifyReport } from '../../core/reports';
import { escapeData, escapeProperty } from '../format';
import { plural } from '../../core/words';
import { ExitCode, UsageError, displayPath, messageOf, type CliIo } from '../io';

export const VERIFY_FORMATS = ['text', 'json', 'github'] as const;
export type VerifyFormat = (typeof VERIFY_FORMATS)[number];

export interface VerifyCliOptions {
  help: boolean;
  doc: string;
  repo: string;
  at?: string;
  branch?: string;
  since?: string;
  format: VerifyFormat;
}

/** Largest document read. */
export const MAX_DOC_BYTES = 10 * 1024 * 1024;

export const help = `Usage: marathon verify DOC --repo DIR [--at REV] [--branch B] [--since DATE|REV]
                       [--format text|json|github]

Reads the checkable claims of a handoff or AAR document and checks each against git:
  - deliverables marked ✅ or "created" with a path: the path exists at REV (else: where a file
    of that name is); "created" paths did not exist before the window (--since, or the
    document's **Date:**)
  - line counts such as \`(974 lines)\`: the file has that many lines at REV (~N: within 10%)
  - commit hashes: the commit exists and is reachable from --branch (default: REV)
  - "N tests" next to a test file: the file declares N tests; "N tests added": the window's diff
    adds N test declarations; "N passing" is a test run, reported as unverifiable
  - session statuses: a session claimed "not started" that a commit subject names is contradicted
Each claim is confirmed, contradicted (with the reason) or unverifiable (with why), with its
line and column. Only git's object store is read, never files outside the repository.

Options:
  --repo DIR            the repository to check against (required)
  --at REV              the revision to check (default HEAD)
  --branch B            the branch commits must be on (default: REV)
  --since DATE|REV      start of the window for "created" claims
  -f, --format FORMAT   text (default): "doc:line:col verdict kind: claim — reason"
                        json: {file, repo, at, atHash, partial, notes, counts, results[]}
                        github: annotations (::error for contradicted, ::notice for unverifiable)
  -h, --help            show this help

Exit 0 when no claim is contradicted, 1 when one is (or DOC or the repository cannot be read),
2 on a usage error.
`;

/** Reads the command's arguments (after `verify`). Throws UsageError on bad usage. */
export function parse(args: string[]): VerifyCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        repo: { type: 'string' },
        at: { type: 'string' },
        branch: { type: 'string' },
        since: { type: 'string' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`verify: ${messageOf(err).split(/\.\s/)[0]}`, 'verify');
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true, doc: '', repo: '', format: 'text' };
  const [doc, ...extra] = positionals;
  if (doc === undefined) throw new UsageError('verify: missing DOC', 'verify');
  if (extra.length > 0) throw new UsageError(`verify takes one DOC (got ${positionals.length})`, 'verify');
  if (values.repo === undefined || values.repo === '') throw new UsageError('verify: missing --repo DIR', 'verify');
  const format = values.format ?? 'text';
  if (!(VERIFY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`verify: bad --format '${format}' (use ${VERIFY_FORMATS.join(', ')})`, 'verify');
  for (const name of ['at', 'branch'] as const) {
    const v = values[name];
    if (v !== undefined && !isSafeRev(v)) throw new UsageError(`verify: --${name} '${v}' is not a revision (letters, digits, / . _ - ^ ~ @ { }; no leading '-')`, 'verify');
  }
  if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(values.since) && !isSafeRev(values.since)) {
    throw new UsageError(`verify: --since '${values.since}' is neither a date nor a revision`, 'verify');
  }
  return {
    help: false,
    doc,
    repo: values.repo,
    format: format as VerifyFormat,
    ...(values.at !== undefined ? { at: values.at } : {}),
    ...(values.branch !== undefined ? { branch: values.branch } : {}),
    ...(values.since !== undefined ? { since: values.since } : {}),
  };
}

/** The document's text, or why it cannot be read. */
async function loadDoc(abs: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    const stat = await fs.stat(abs);
    if (stat.isDirectory()) return { ok: false, message: 'is a directory, not a document' };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stat.size > MAX_DOC_BYTES) return { ok: false, message: `is ${Math.round(stat.size / 1024 / 1024)} MB, over the ${MAX_DOC_BYTES / 1024 / 1024} MB limit for a document; not read` };
    const bytes = await fs.readFile(abs);
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, message: 'is binary (it contains NUL bytes), not a document' };
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${String(code ?? messageOf(err))})` };
  }
}

function formatText(file: string, report: VerifyReport, empty: string | undefined): string {
  const lines = report.results.map((r) => `${file}:${r.claim.line}:${r.claim.column} ${r.verdict} ${r.claim.kind}: ${r.claim.text} — ${r.reason}`);
  if (empty) lines.push(`${file}: ${empty}`);
  const c = report.counts;
  const at = report.atHash ? `${report.at} (${report.atHash.slice(0, 7)})` : report.at;
  lines.push(`${plural(report.results.length, 'claim')} checked against ${at}: ${c.confirmed} confirmed, ${c.contradicted} contradicted, ${c.unverifiable} unverifiable${report.partial ? ' (partial)' : ''}`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

function formatJson(file: string, report: VerifyReport, empty: string | undefined): string {
  const results = report.results.map((r: ClaimResult) => ({ ...r.claim, verdict: r.verdict, reason: r.reason }));
  const { results: _r, ...rest } = report;
  return `${JSON.stringify({ file, ...rest, ...(empty ? { empty } : {}), results }, null, 2)}\n`;
}

function formatGithub(file: string, report: VerifyReport, empty: string | undefined): string {
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.verdict === 'confirmed') continue;
    const kind = r.verdict === 'contradicted' ? 'error' : 'notice';
    const props = `file=${escapeProperty(file)},line=${r.claim.line},col=${r.claim.column},endColumn=${r.claim.endColumn},title=${escapeProperty(`claim ${r.verdict} (${r.claim.kind})`)}`;
    lines.push(`::${kind} ${props}::${escapeData(`${r.claim.text} — ${r.reason}`)}`);
  }
  if (empty) lines.push(`::notice file=${escapeProperty(file)},line=1::${escapeData(empty)}`);
  const c = report.counts;
  lines.push(`${c.confirmed} confirmed, ${c.contradicted} contradicted, ${c.unverifiable} unverifiable${report.partial ? ' (partial)' : ''}`);
  return `${lines.join('\n')}\n`;
}

export async function run(io: CliIo, options: VerifyCliOptions): Promise<number> {
  if (options.help) {
    io.stdout.write(help);
    return ExitCode.ok;
  }
  const abs = path.resolve(io.cwd, options.doc);
  const shown = displayPath(io.cwd, abs);
  const loaded = await loadDoc(abs);
  if (!loaded.ok) {
    io.stderr.write(`marathon: ${shown}: ${loaded.message}\n`);
    return ExitCode.problems;
  }
  const repo = path.resolve(io.cwd, options.repo);
  const extracted = extractClaims(loaded.text);
  const report = await verifyClaims(extracted, repo, {
    ...(options.at !== undefined ? { at: options.at } : {}),
    ...(options.branch !== undefined ? { branch: options.branch } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
  });
  if (!report.repo) {
    io.stderr.write(`marathon: ${displayPath(io.cwd, repo)} is not a git repository\n`);
    return ExitCode.problems;
  }
  if (!report.atHash) {
    io.stderr.write(`marathon: ${report.notes[report.notes.length - 1] ?? `revision ${report.at} not found`}\n`);
    return ExitCode.problems;
  }
  const why = extracted.problems.find((p) => p.code === 'empty-document' || p.code === 'not-a-report')?.message;
  const empty = extracted.claims.length > 0 ? undefined : `no checkable claims found${why ? ` (${why})` : ' (no ✅/created paths, line counts, commit hashes, test counts or session statuses)'}`;
  const write = options.format === 'json' ? formatJson : options.format === 'github' ? formatGithub : formatText;
  io.stdout.write(write(shown, report, empty));
  return report.counts.contradicted > 0 ? ExitCode.problems : ExitCode.ok;
}
