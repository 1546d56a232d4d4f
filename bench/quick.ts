// Quick timing for the reader and checks, without the minutes `npm run bench` takes:
//   npx tsx bench/quick.ts [runs]            medians for the big plan and each corpus seed
//   npx tsx bench/quick.ts [runs] --sections  also times readPlan and each check separately
// For a profile: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/quick.ts 200 --big
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readPlan } from '../src/core/plan';
import { CHECKS, checkPlan } from '../src/core/checks';
import { CORPUS_DIR } from './corpus';
import { generatePlan } from './generate';
import { median } from './measure';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const sections = args.includes('--sections');
const bigOnly = args.includes('--big');

function time(fn: () => unknown, n: number): number {
  for (let i = 0; i < Math.min(5, n); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function report(name: string, text: string, n: number): void {
  const total = time(() => checkPlan(readPlan(text, name).plan, {}), n);
  let line = `${name.padEnd(28)} ${total.toFixed(3).padStart(9)} ms`;
  if (sections) {
    const plan = readPlan(text, name).plan;
    line += `  read ${time(() => readPlan(text, name), n).toFixed(3)}`;
    for (const [check, fn] of Object.entries(CHECKS)) line += `  ${check} ${time(() => fn(plan, {}), n).toFixed(3)}`;
  }
  console.log(line);
}

report('generated-1000x10.md', generatePlan(1000, 10), runs);
if (!bigOnly) {
  const seeds = path.join(CORPUS_DIR, 'seeds');
  if (fs.existsSync(seeds)) {
    for (const f of fs.readdirSync(seeds).sort()) report(f, fs.readFileSync(path.join(seeds, f), 'utf8'), runs * 10);
  }
}
