import { parseDocument } from 'yaml';
import { readPlan } from '../src/core/plan';
const n = Number(process.argv[2]); const which = process.argv[3];
const text = '{'.repeat(n);
const t0 = performance.now();
if (which === 'lib') { const d = parseDocument(text); console.log(n, 'lib', (performance.now() - t0).toFixed(0), 'errors', d.errors.length); }
else { const r = readPlan(text, 'x.yaml'); console.log(n, 'readPlan', (performance.now() - t0).toFixed(0), 'problems', r.problems.length, r.problems[0]?.code); }
