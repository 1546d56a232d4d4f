// Child process for deep-nesting.test.ts: reads one deeply nested input many times. Run apart from
// mocha because a stack overflow inside V8's regexp compiler aborts the whole process
// ("FATAL ERROR: RegExpCompiler Allocation failed"), which no try/catch can turn into a problem.
import { readPlan } from '../../../src/core/plan';
import { DEEP_INPUTS } from './deep-inputs';

const [kind = '', fileName = 'x.marathon.yaml', depthArg = '2000', repeatArg = '20'] = process.argv.slice(2);
const make = DEEP_INPUTS[kind];
if (!make) throw new Error(`unknown input kind ${kind}`);
const text = make(Number(depthArg));
const codes = new Set<string>();
for (let i = 0; i < Number(repeatArg); i++) for (const p of readPlan(text, fileName).problems) codes.add(p.code);
console.log(JSON.stringify({ kind, fileName, chars: text.length, codes: [...codes] }));
