// Child process for deep-nesting.test.ts: reads every deeply nested input several times as one
// file name, printing `start`/`done` lines so the parent can tell where it died. Run apart from
// mocha because a stack overflow inside V8's regexp compiler aborts the whole process
// ("FATAL ERROR: RegExpCompiler Allocation failed"), which no try/catch can turn into a problem.
import { performance } from 'node:perf_hooks';
import { readPlan } from '../../../src/core/plan';
import { DEEP_INPUTS } from './deep-inputs';

const [fileName = 'x.marathon.yaml', depthArg = '1500', repeatArg = '10'] = process.argv.slice(2);
for (const [kind, make] of Object.entries(DEEP_INPUTS)) {
  const text = make(Number(depthArg));
  console.log(`start ${kind}`);
  const t0 = performance.now();
  for (let i = 0; i < Number(repeatArg); i++) readPlan(text, fileName);
  console.log(`done ${kind} ${((performance.now() - t0) / Number(repeatArg)).toFixed(1)}`);
}
