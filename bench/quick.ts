// Quick timing of readPlan + checkPlan, without the minutes `npm run bench` takes (Marathon only):
//   npx tsx bench/quick.ts [runs]             the generated 1,000-session plan and each corpus seed
//   npx tsx bench/quick.ts [runs] --big       the generated plan only
//   npx tsx bench/quick.ts [runs] --sections  also readPlan and each check on their own (medians)
//   npx tsx bench/quick.ts [runs] --floor     also the floor reader of bench/floor.ts on the generated plan
// Prints median, minimum and median CPU time per run. Like `npm run bench`, it times the reader and
// the checks bundled as shipped (bench/out/marathon-engine.cjs), whose line numbers a CPU profile
// shows as written:
//   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/quick.ts 40 --big
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadShippedEngine } from './engine';
import { CORPUS_DIR } from './corpus';
import { generatePlan } from './generate';
import { median } from './measure';
import { floorRead } from './floor';

// Timed as shipped, like `npm run bench`: the reader and the checks in one esbuild bundle.
const { readPlan, checkPlan, CHECKS } = loadShippedEngine();
const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const sections = args.includes('--sections');
const bigOnly = args.includes('--big');
const withFloor = args.includes('--floor');

/**
 * Median and minimum wall-clock time of `n` runs after a short warm-up, and the median CPU time of
 * this process (steadier than wall-clock on a busy machine, though it also counts GC threads).
 */
function time(fn: () => unknown, n: number): { med: number; min: number; cpu: number } {
  for (let i = 0; i < Math.min(5, n); i++) fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { med: median(times), min: Math.min(...times), cpu: median(cpu) };
}

function report(name: string, text: string, n: number): void {
  const total = time(() => checkPlan(readPlan(text, name).plan, {}), n);
  const f = (ms: number): string => ms.toFixed(3).padStart(9);
  let line = `${name.padEnd(26)} median ${f(total.med)} ms  min ${f(total.min)} ms  cpu ${f(total.cpu)} ms`;
  if (sections) {
    const plan = readPlan(text, name).plan;
    line += `\n    read ${time(() => readPlan(text, name), n).med.toFixed(3)}`;
    for (const [check, fn] of Object.entries(CHECKS)) line += `  ${check} ${time(() => fn(plan, {}), n).med.toFixed(3)}`;
  }
  console.log(line);
}

// Figures from a busy machine mislead (other work takes the CPU and the GC threads): say how busy it is.
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cpu(s)`);
const big = generatePlan(1000, 10);
report('generated-1000x10.md', big, runs);
if (withFloor) {
  const floor = time(() => floorRead(big), runs);
  console.log(`${'floor (bench/floor.ts)'.padEnd(26)} median ${floor.med.toFixed(3).padStart(9)} ms  min ${floor.min.toFixed(3).padStart(9)} ms  cpu ${floor.cpu.toFixed(3).padStart(9)} ms`);
}
if (!bigOnly) {
  const seeds = path.join(CORPUS_DIR, 'seeds');
  if (fs.existsSync(seeds)) {
    for (const f of fs.readdirSync(seeds).sort()) report(f, fs.readFileSync(path.join(seeds, f), 'utf8'), runs * 10);
  }
}
