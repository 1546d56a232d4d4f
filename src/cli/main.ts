import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { version } from '../../package.json';
import { analyzePlan, mergeProblems, type Analysis } from '../core/analyze';
import { parseRunLog } from '../core/clock/runlog';
import { planGitFindings } from '../core/gitFindings';
import { PlanSchema, type Plan, type Problem, type RunEvent } from '../core/model';
import { parseCommandLine, type Command } from './args';
import * as aar from './commands/aar';
import * as handoff from './commands/handoff';
import * as plan from './commands/plan';
import * as verify from './commands/verify';
import { formatProblems, type FileProblem } from './format';
import { helpText } from './help';
import { ExitCode, UsageError, displayPath, messageOf, type CliIo } from './io';
import { loadPlanFile } from './load';
import { formatPlanSummary } from './summary';

export type { CliIo } from './io';

/**
 * Runs the `marathon` CLI on `argv` (without node and the script) and resolves to the exit code.
 * Never rejects and never prints a stack trace: usage errors give 2, internal errors 70.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      const hint = err.command !== undefined ? `marathon help ${err.command}` : 'marathon --help';
      io.stderr.write(`marathon: ${err.message}\nRun '${hint}' for usage.\n`);
      return ExitCode.usage;
    }
    io.stderr.write(`marathon: internal error: ${messageOf(err)}\n`);
    return ExitCode.internal;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'help':
      io.stdout.write(helpText(command.topic));
      return ExitCode.ok;
    case 'version':
      io.stdout.write(`${version}\n`);
      return ExitCode.ok;
    case 'parse':
      return parseCommand(io, command.file, command.json);
    case 'check':
      return checkCommand(io, command);
    case 'plan':
      return plan.run(io, command.options);
    case 'handoff':
      return handoff.run(io, command.options);
    case 'aar':
      return aar.run(io, command.options);
    case 'verify':
      return verify.run(io, command.options);
  }
}

async function parseCommand(io: CliIo, file: string, json: boolean): Promise<number> {
  const abs = path.resolve(io.cwd, file);
  const shown = displayPath(io.cwd, abs);
  const loaded = await loadPlanFile(abs);
  if (!loaded.ok) {
    io.stderr.write(`marathon: ${shown}: ${loaded.problem.message}\n`);
    return ExitCode.problems;
  }
  const { plan } = analyzeLoaded(loaded.text, loaded.warnings, abs, io.cwd);
  io.stdout.write(json ? `${JSON.stringify(validated(plan), null, 2)}\n` : formatPlanSummary(plan, shown));
  return ExitCode.ok;
}

async function checkCommand(io: CliIo, command: Extract<Command, { kind: 'check' }>): Promise<number> {
  const { files, format, root } = command;
  const workspaceRoot = path.resolve(io.cwd, root ?? '.');
  if (root !== undefined && !(await isDirectory(workspaceRoot))) {
    throw new UsageError(`check: --root '${root}' is not a directory`, 'check');
  }
  const events = command.git ? await readEvents(workspaceRoot, io) : [];
  const all: FileProblem[] = [];
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    const shown = displayPath(io.cwd, abs);
    const loaded = await loadPlanFile(abs);
    if (!loaded.ok) {
      all.push({ ...loaded.problem, file: shown });
      continue;
    }
    const analysis = analyzeLoaded(loaded.text, loaded.warnings, abs, workspaceRoot);
    all.push(...analysis.problems.map((p) => ({ ...p, file: shown })));
    if (!command.git) continue;
    const result = await planGitFindings({
      plan: analysis.plan,
      planFile: abs,
      workspaceRoot,
      events,
      scopeIgnore: [],
      now: Date.now(),
      ...(command.session !== undefined ? { session: command.session } : {}),
      ...(command.base !== undefined ? { base: command.base } : {}),
    });
    for (const n of result.notes) io.stderr.write(`marathon: ${shown}: git: ${n.message}\n`);
    // The plan checks already report never-share and outside-workspace paths on the same lines.
    const seen = new Set(analysis.problems.map((p) => `${p.line}:${p.code}`));
    for (const f of result.findings) {
      if (seen.has(`${f.line}:${f.code}`)) continue;
      const where = f.file === '' ? shown : displayPath(io.cwd, path.resolve(workspaceRoot, f.file));
      all.push({ ...f, file: where });
    }
  }
  io.stdout.write(formatProblems(format, all, files.length));
  return all.some((p) => p.severity === 'error') ? ExitCode.problems : ExitCode.ok;
}

// The run log under the workspace root; a missing log is no log, a bad line a warning on stderr.
async function readEvents(root: string, io: CliIo): Promise<RunEvent[]> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, '.marathon', 'runlog.jsonl'), 'utf8');
  } catch {
    return [];
  }
  const { events, problems } = parseRunLog(text);
  for (const p of problems) io.stderr.write(`marathon: .marathon/runlog.jsonl:${p.line}: ${p.message}\n`);
  return events;
}

// Reads and checks a loaded file; the loader's warnings (encoding, empty file) join the list.
function analyzeLoaded(text: string, warnings: readonly Problem[], abs: string, workspaceRoot: string): Analysis {
  const analysis = analyzePlan(text, abs, { planFile: abs, workspaceRoot });
  const known = new Set(analysis.problems.map((p) => p.code));
  const extra = warnings.filter((w) => !known.has(w.code));
  if (extra.length === 0) return analysis;
  const problems = mergeProblems([...extra, ...analysis.problems]);
  return { plan: { ...analysis.plan, problems }, problems };
}

// `parse --json` prints exactly the model; a reader bug that breaks the schema is an internal error.
function validated(plan: Plan): Plan {
  const result = PlanSchema.safeParse(plan);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
  throw new Error(`the plan model failed validation at ${where}: ${issue?.message ?? 'invalid'}`);
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    // Missing or unreadable: not a directory we can use.
    return false;
  }
}
