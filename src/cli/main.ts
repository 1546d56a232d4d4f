import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { version } from '../../package.json';
import { analyzePlan, mergeProblems, type Analysis } from '../core/analyze';
import { PlanSchema, type Plan, type Problem } from '../core/model';
import { parseCommandLine, type CheckFormat } from './args';
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
      return checkCommand(io, command.files, command.format, command.root);
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

async function checkCommand(io: CliIo, files: string[], format: CheckFormat, root: string | undefined): Promise<number> {
  const workspaceRoot = path.resolve(io.cwd, root ?? '.');
  if (root !== undefined && !(await isDirectory(workspaceRoot))) {
    throw new UsageError(`check: --root '${root}' is not a directory`, 'check');
  }
  const all: FileProblem[] = [];
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    const shown = displayPath(io.cwd, abs);
    const loaded = await loadPlanFile(abs);
    const problems = loaded.ok ? analyzeLoaded(loaded.text, loaded.warnings, abs, workspaceRoot).problems : [loaded.problem];
    all.push(...problems.map((p) => ({ ...p, file: shown })));
  }
  io.stdout.write(formatProblems(format, all, files.length));
  return all.some((p) => p.severity === 'error') ? ExitCode.problems : ExitCode.ok;
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
