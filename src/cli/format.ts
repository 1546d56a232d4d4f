import type { Problem, Severity } from '../core/model';
import type { CheckFormat } from './args';
import { num, plural } from '../core/words';

/** A problem and the file it was found in (as shown to the user: relative to cwd). */
export interface FileProblem extends Problem {
  file: string;
}

/** Renders `marathon check` results in the chosen format. `fileCount` feeds the text summary. */
export function formatProblems(format: CheckFormat, problems: readonly FileProblem[], fileCount: number): string {
  switch (format) {
    case 'text':
      return formatText(problems, fileCount);
    case 'json':
      return formatJson(problems);
    case 'github':
      return formatGithub(problems);
  }
}

/** `file:line:col severity code message`, one per line, then a summary line. */
export function formatText(problems: readonly FileProblem[], fileCount: number): string {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${oneLine(p.message)}`);
  lines.push(summaryLine(problems, fileCount));
  return lines.join('\n') + '\n';
}

/** `3 files checked: 1 error, 2 warnings, 0 info` (or `… no problems`). */
export function summaryLine(problems: readonly FileProblem[], fileCount: number): string {
  const files = `${plural(fileCount, 'file')} checked`;
  if (problems.length === 0) return `${files}: no problems`;
  const count = (s: Severity) => problems.filter((p) => p.severity === s).length;
  return `${files}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${num(count('info'))} info`;
}

/** A JSON array of `{file, line, column, endLine, endColumn, severity, code, message}`. */
export function formatJson(problems: readonly FileProblem[]): string {
  const rows = problems.map((p) => ({
    file: p.file,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    severity: p.severity,
    code: p.code,
    message: p.message,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function formatGithub(problems: readonly FileProblem[]): string {
  return problems
    .map((p) => {
      const props = [
        `file=${escapeProperty(p.file)}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`marathon/${p.code}`)}`,
      ].join(',');
      return `::${GITHUB_COMMAND[p.severity]} ${props}::${escapeData(p.message)}\n`;
    })
    .join('');
}

/** Escapes a workflow command's message (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
