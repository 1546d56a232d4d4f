import { readPlan } from '../src/core/plan';
const [unit, name] = [JSON.parse(process.argv[2] ?? '""') as string, process.argv[3] ?? 'x.md'];
for (const n of [5000, 10000, 20000, 40000, 80000]) {
  const t = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  readPlan(t, name);
  let best = Infinity;
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); readPlan(t, name); best = Math.min(best, performance.now() - t0); }
  console.log(JSON.stringify(unit), name, n, best.toFixed(2), 'ms');
  if (best > 3000) break;
}
