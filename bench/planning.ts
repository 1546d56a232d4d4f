// Planning bench: the makespan table (N = 1…10) for 10,000 tasks and 20,000 dependency edges.
// Target ≤ 200 ms for the table. Run alone: `npx tsx bench/planning.ts`.
import { performance } from 'node:perf_hooks';
import { buildPlanGraph, criticalPath, makespanTable, type PlanGraph } from '../src/core/planning';
import { emptyPlan, type Plan } from '../src/core/model';
import { randomDag } from './generate';

const TASKS = 10_000;
const EDGES = 20_000;

/** A plan of `n` stand-alone tasks with `m` distinct edges to earlier tasks (fixed seed). */
function bigPlan(n: number, m: number): Plan {
  const plan = emptyPlan('yaml', 'bench');
  plan.tasks = randomDag(n, m, 7, 300).map((t, i) => ({ id: t.id, title: `Task ${i}`, files: [], dependsOn: t.dependsOn, extra: { Hours: String(t.hours) }, line: i + 1 }));
  return plan;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median ms of the makespan table (critical path + 10 list schedules) on the big graph. */
export function benchPlanning(): { ms: number; tasks: number; edges: number; buildMs: number } {
  const plan = bigPlan(TASKS, EDGES);
  let graph: PlanGraph | undefined;
  const builds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    graph = buildPlanGraph(plan);
    builds.push(performance.now() - t);
  }
  const g = graph as PlanGraph;
  const times: number[] = [];
  for (let r = 0; r < 12; r++) {
    const t = performance.now();
    makespanTable(g, 10, criticalPath(g));
    times.push(performance.now() - t);
  }
  return { ms: median(times.slice(2)), tasks: g.items.length, edges: g.preds.length, buildMs: median(builds) };
}

if (require.main === module) {
  const r = benchPlanning();
  console.log(`planning: makespan table N=1..10 for ${r.tasks} tasks, ${r.edges} edges: ${r.ms.toFixed(1)} ms (target ≤ 200 ms); graph build from the plan: ${r.buildMs.toFixed(1)} ms`);
}
