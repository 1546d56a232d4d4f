import { z } from 'zod';

/** How bad a problem is. Only the CLI turns severities into exit codes. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A 1-based, end-exclusive-column range inside one file. */
export const RangeSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
});
export type Range = z.infer<typeof RangeSchema>;

/** Errors are data: every reader and check reports problems instead of throwing. */
export const ProblemSchema = RangeSchema.extend({
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Builds a problem spanning `line`, from `column` to `endColumn` (whole line by default). */
export function problem(
  code: string,
  severity: Severity,
  message: string,
  line: number,
  column = 1,
  endColumn = column,
  endLine = line,
): Problem {
  return { code, severity, message, line, column, endLine, endColumn: Math.max(endColumn, column) };
}
