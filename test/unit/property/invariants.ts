// What must hold for any text at all: reading never throws, the reader's own catch-all
// (`internal-error`) never fires, the plan fits PlanSchema, and every position is a real one.
import * as assert from 'node:assert/strict';
import { PlanSchema, ProblemSchema, type Problem, type ReadResult } from '../../../src/core/model';
import { readPlan } from '../../../src/core/plan';
import { checkPlan } from '../../../src/core/checks';

/** The most lines any reasonable reader can see in `text` (every kind of line break counts). */
export function maxLineCount(text: string): number {
  return (text.match(/\r\n|\n|\r|\u2028|\u2029/g)?.length ?? 0) + 1;
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text);
}

/** Asserts one problem is a sane 1-based range inside the text. */
export function assertProblem(p: Problem, lines: number, where: string): void {
  const parsed = ProblemSchema.safeParse(p);
  assert.ok(parsed.success, `${where}: malformed problem ${JSON.stringify(p)}`);
  assert.ok(p.line >= 1 && p.column >= 1 && p.endLine >= 1 && p.endColumn >= 1, `${where}: position below 1 ${JSON.stringify(p)}`);
  assert.ok(p.line <= lines + 1, `${where}: line ${p.line} past the end (${lines} lines) ${JSON.stringify(p)}`);
  assert.ok(p.endLine > p.line || (p.endLine === p.line && p.endColumn >= p.column), `${where}: reversed range ${JSON.stringify(p)}`);
}

/** Every `line`/`endLine` in the model, with the path it was found at. */
function* modelLines(value: unknown, at: string): Generator<[string, number]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* modelLines(value[i], `${at}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'line' || key === 'endLine') && typeof v === 'number') yield [`${at}.${key}`, v];
      else if (key !== 'problems') yield* modelLines(v, `${at}.${key}`);
    }
  }
}

/** Reads `text` as `fileName`, runs checkPlan, and asserts the invariants. */
export function assertReadsCleanly(text: string, fileName: string): ReadResult {
  let result: ReadResult | undefined;
  assert.doesNotThrow(() => {
    result = readPlan(text, fileName);
  }, `readPlan threw on ${excerpt(text)}`);
  if (!result) throw new Error('unreachable');
  const { plan, problems } = result;
  const internal = problems.find((p) => p.code === 'internal-error');
  assert.equal(internal, undefined, `${fileName}: the reader threw (${internal?.message ?? ''}) on ${excerpt(text)}`);

  const parsed = PlanSchema.safeParse(plan);
  assert.ok(parsed.success, `${fileName}: plan fails PlanSchema: ${parsed.error?.message ?? ''} on ${excerpt(text)}`);
  assert.equal(plan.format, /\.ya?ml$/i.test(fileName) ? 'yaml' : 'markdown');

  const lines = maxLineCount(text);
  for (const p of problems) assertProblem(p, lines, `${fileName} ${excerpt(text)}`);
  for (const [path, n] of modelLines(plan, 'plan')) {
    assert.ok(n >= 1 && n <= lines + 1, `${fileName}: ${path} = ${n} outside 1..${lines + 1} on ${excerpt(text)}`);
  }
  for (const part of [...plan.sessions, ...plan.streams, ...plan.phases]) {
    assert.ok(part.endLine >= part.line, `${fileName}: ${part.id} ends (${part.endLine}) before it starts (${part.line})`);
  }

  let checked: unknown;
  assert.doesNotThrow(() => {
    checked = checkPlan(plan, {});
  }, `checkPlan threw on ${excerpt(text)}`);
  const checkProblems = Array.isArray(checked) ? (checked as Problem[]) : [];
  const failed = checkProblems.find((p) => p.code === 'check-failed');
  assert.equal(failed, undefined, `${fileName}: a check threw (${failed?.message ?? ''}) on ${excerpt(text)}`);
  for (const p of checkProblems) assertProblem(p, lines, `checkPlan ${fileName} ${excerpt(text)}`);
  return result;
}
