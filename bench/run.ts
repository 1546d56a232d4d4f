// `npm run bench`: Marathon (readPlan + checkPlan) against markdown-it's parse and markdownlint's
// lint on a generated 1,000-session plan and on every corpus document. It prints figures and
// writes bench/out/results.json; a missed target is reported, never turned into a failing exit.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { readCorpus, REPO_ROOT } from './corpus';
import { loadShippedEngine, readAndCheck, type ShippedEngine } from './engine';
import { generatePlan } from './generate';
import type { Plan } from '../src/core/model';
import { measure, type Measurement, type RunPlan, type Timing } from './measure';
import { benchAar } from './aar';
import { benchGit } from './git';
import { benchPlanning } from './planning';
import { floorMatches, floorRead } from './floor';
import { formatGc, formatMachineSpeed, formatTable, summarisePlan, type ReferenceTask, type Row, type Target } from './report';

type LintFn = (options: { strings: Record<string, string> }) => unknown;

const BIG = { sessions: 1000, tasks: 10 };
/**
 * Run counts. markdownlint is slow on large inputs, so it gets fewer runs. Every tool warms up for
 * at least WARM_MS (and its warm-up count) before its timed runs, so the JIT has settled for each.
 */
const WARM_MS = 1_000;
const PLANS = {
  big: {
    marathon: { warmup: 3, warmupMs: WARM_MS, runs: 25, budgetMs: 10_000 },
    markdownIt: { warmup: 3, warmupMs: WARM_MS, runs: 25, budgetMs: 10_000 },
    // One markdownlint run on 1.3 MB takes 10-20 s: warm up on a 50-session plan, then up to 3 runs.
    markdownlint: { warmup: 3, warmupMs: WARM_MS, runs: 3, budgetMs: 20_000, minRuns: 1 },
  },
  small: {
    marathon: { warmup: 20, warmupMs: WARM_MS, runs: 200, budgetMs: 1_500 },
    markdownIt: { warmup: 10, warmupMs: WARM_MS, runs: 100, budgetMs: 1_500 },
    markdownlint: { warmup: 3, warmupMs: WARM_MS, runs: 15, budgetMs: 1_000 },
  },
} satisfies Record<string, Record<string, RunPlan>>;

function ratio(other: Timing, marathon: Timing): number {
  return other.medianMs / Math.max(marathon.medianMs, 1e-6);
}

/** What is measured: Marathon as shipped, markdown-it's parser, markdownlint's lint. */
interface Tools {
  engine: ShippedEngine;
  md: { parse(src: string, env: object): unknown };
  lint: LintFn;
  /** A fixed task timed beside Marathon's runs: how fast the machine ran meanwhile (see measure). */
  reference: ReferenceTask;
}

/** The reference task: JSON.parse of a fixed 15 KB document (a tenth of a millisecond or so). */
function referenceTask(): ReferenceTask {
  const doc = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, title: `item ${i}`, tags: ['a', 'b', 'c'], hours: i * 1.5, done: i % 3 === 0 })));
  return { label: `JSON.parse of a fixed ${(doc.length / 1000).toFixed(0)} KB document`, run: () => JSON.parse(doc) };
}

function benchOne(
  file: string,
  text: string,
  plans: Record<'marathon' | 'markdownIt' | 'markdownlint', RunPlan>,
  tools: Tools,
  targets: (row: Omit<Row, 'targets'>) => Target[],
  warmText: string = text,
): Row {
  // Corpus seeds end in .txt; readPlan reads every non-YAML name as markdown.
  // The reference task is timed after each of Marathon's runs: it shows how fast the machine was
  // meanwhile; and the collector's pauses inside each run show how much of the median they are.
  const marathon = measure(() => readAndCheck(tools.engine, text, file), plans.marathon, { reference: tools.reference.run, gc: true });
  const markdownIt = measure(() => tools.md.parse(text, {}), plans.markdownIt);
  const markdownlint = measure(() => tools.lint({ strings: { plan: text } }), plans.markdownlint, {
    warm: () => tools.lint({ strings: { plan: warmText } }),
  });
  const row = {
    file,
    bytes: Buffer.byteLength(text, 'utf8'),
    marathon,
    markdownIt,
    markdownlint,
    ratioMarkdownIt: ratio(markdownIt, marathon),
    ratioMarkdownlint: ratio(markdownlint, marathon),
  };
  return { ...row, targets: targets(row) };
}

/**
 * The floor under the big-plan target (bench/floor.ts): a reader of the generated plan's one shape
 * that builds the same model. Timed on its own, as Marathon is, just before Marathon's runs (timed
 * in alternation, each one's garbage lands in the other's runs), and only when its model is the
 * same as `marathon`, Marathon's reading of the same text.
 */
function benchFloor(text: string, marathon: Plan): Measurement | undefined {
  if (!floorMatches(text, marathon)) return undefined;
  return measure(() => floorRead(text), PLANS.big.marathon, { gc: true });
}

/** What the bench prints of the floor, beside Marathon's median from the same stretch of time. */
function floorText(floor: Measurement | undefined, marathon: Timing): string {
  if (!floor) return 'Floor: not timed, because bench/floor.ts no longer builds the model Marathon reads from the generated plan.';
  const ms = (t: Timing): string => `${t.medianMs.toFixed(1)} ms median (fastest ${t.minMs.toFixed(1)})`;
  return (
    `Floor: a reader written for the generated plan's one shape (bench/floor.ts), which builds the same model and\n` +
    `checks nothing, took ${ms(floor)} over ${floor.runs} runs (the collector paused ${floor.gc?.runsWithGc ?? 0} of them),\n` +
    `just before Marathon's ${ms(marathon)}: Marathon took ${(marathon.medianMs / floor.medianMs).toFixed(1)}× the floor.\n` +
    `The floor is what building this model costs on this machine; a reader that also reads every other shape\n` +
    `of plan and checks it does more.`
  );
}

function bigTargets(row: Omit<Row, 'targets'>): Target[] {
  return [
    { name: '<=20ms', met: row.marathon.medianMs <= 20 },
    { name: '>=15x md-it', met: row.ratioMarkdownIt >= 15 },
    { name: '>=250x mdlint', met: row.ratioMarkdownlint >= 250 },
  ];
}

function smallTargets(row: Omit<Row, 'targets'>): Target[] {
  return [{ name: '<=1ms', met: row.marathon.medianMs <= 1 }];
}

async function main(): Promise<void> {
  const started = Date.now();
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint: LintFn };
  // Marathon is timed as it ships: the reader and the checks in one esbuild bundle, as in
  // dist/extension.js and dist/cli.js (see loadShippedEngine).
  const engine = loadShippedEngine();
  const note = `readPlan + checkPlan, bundled as shipped (${path.relative(REPO_ROOT, engine.bundle)})`;
  const tools: Tools = { engine, md: new MarkdownIt(), lint, reference: referenceTask() };
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Marathon bench — node ${process.version}, ${os.cpus().length} cpu(s) ${os.cpus()[0]?.model ?? ''}, load ${load()}`);
  console.log(`Marathon measured as: ${note}`);
  console.log('Median of N timed runs after warm-up, N bounded by a time budget per measurement (n= in the table).');
  console.log('Big plan: up to 25 runs, markdownlint up to 3 (one run takes 10+ s on 1.3 MB; warmed up on a');
  console.log('50-session plan). Corpus files: up to 200 (Marathon), 100 (markdown-it), 15 (markdownlint) runs. Each tool warms up for at least 1 s first.\n');

  const bigText = generatePlan(BIG.sessions, BIG.tasks);
  const bigName = `generated-${BIG.sessions}x${BIG.tasks}.md`;
  const bigRead = readAndCheck(engine, bigText, bigName);
  const summary = summarisePlan(bigRead);
  console.log(`Generated plan: ${(Buffer.byteLength(bigText) / 1e6).toFixed(2)} MB, ${BIG.sessions} sessions × ${BIG.tasks} tasks written.`);
  console.log(`Marathon read: ${summary.sessions} sessions, ${summary.tasks} tasks, ${summary.overviewRows} overview rows, ` +
    `${summary.criteria} criteria, ${summary.deliverables} deliverables, ${summary.problems} problems.`);
  if (summary.sessions !== BIG.sessions || summary.tasks !== BIG.sessions * BIG.tasks) {
    console.log(`NOTE: expected ${BIG.sessions} sessions and ${BIG.sessions * BIG.tasks} tasks; the reader found fewer, so its time is not yet comparable.`);
  }
  console.log('');

  const floor = benchFloor(bigText, bigRead.plan);
  const rows: Row[] = [benchOne(bigName, bigText, PLANS.big, tools, bigTargets, generatePlan(50, BIG.tasks))];
  const corpus = readCorpus();
  if (!corpus) console.log('corpus absent: skipped (expected at ../shared/corpus)\n');
  for (const doc of corpus ?? []) rows.push(benchOne(doc.name, doc.text, PLANS.small, tools, smallTargets));

  console.log(formatTable(rows));
  console.log(`\n${floorText(floor, rows[0]!.marathon)}`);
  const explained = rows.filter((r, i) => i === 0 || r.targets.some((t) => !t.met));
  console.log(`\n${formatMachineSpeed(explained, tools.reference.label)}`);
  console.log(`\n${formatGc(explained)}`);
  const missed = rows.flatMap((r) => r.targets.filter((t) => !t.met).map((t) => `${r.file} ${t.name}`));
  console.log(missed.length === 0 ? '\nAll targets met.' : `\nTargets not met (${missed.length}): ${missed.join('; ')}`);

  const outDir = path.join(REPO_ROOT, 'bench', 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    marathon: note,
    loadAverage: os.loadavg(),
    bigPlan: { ...BIG, bytes: Buffer.byteLength(bigText), read: summary, floor: floor ?? null },
    corpusPresent: corpus !== undefined,
    rows,
    seconds: (Date.now() - started) / 1000,
  };
  // The engines beyond the reader: git scope, the AAR, the planning table.
  console.log('\nGit scope of a session on a generated repository (sessionFacts vs the raw git commands, side by side):');
  const gitResult = await benchGit();
  const movedRatio = gitResult.movedMs / gitResult.rawMs;
  console.log(`  ${gitResult.files} files, ${gitResult.commits} commits: sessionFacts ${gitResult.factsMs.toFixed(1)} ms vs raw ${gitResult.rawMs.toFixed(1)} ms = ${gitResult.ratio.toFixed(2)}× (target ≤ 1.25×)${gitResult.ratio > 1.25 ? ' — NOT MET' : ''}`);
  const coldRatio = gitResult.coldMs / gitResult.rawMs;
  console.log(`  after HEAD moved: ${gitResult.movedMs.toFixed(1)} ms = ${movedRatio.toFixed(2)}×${movedRatio > 1.25 ? ' — NOT MET' : ''}; first refresh ever: ${gitResult.coldMs.toFixed(1)} ms = ${coldRatio.toFixed(2)}×${coldRatio > 1.25 ? ' — NOT MET' : ''}`);
  const aar = await benchAar();
  console.log(`AAR of a ${aar.sessions}-session plan over ${aar.commits} commits: ${aar.ms.toFixed(0)} ms (target ≤ 1000 ms)${aar.ms > 1000 ? ' — NOT MET' : ''}`);
  const planning = benchPlanning();
  console.log(`Makespan table N = 1..10 for ${planning.tasks} items and ${planning.edges} edges: ${planning.ms.toFixed(1)} ms (target ≤ 200 ms)${planning.ms > 200 ? ' — NOT MET' : ''}`);
  const engines = { git: gitResult, aar, planning };
  fs.writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify({ ...json, engines }, null, 2)}\n`);
  console.log(`Wrote bench/out/results.json (${json.seconds.toFixed(1)} s in all; load ${load()}).`);
  if ((os.loadavg()[0] ?? 0) > os.cpus().length) console.log('The machine was busy: wall-clock figures are inflated; ratios less so.');
}

main().catch((err: unknown) => {
  // The bench reports figures; only a crash of the bench itself sets a failing exit code.
  console.error(err);
  process.exitCode = 1;
});
