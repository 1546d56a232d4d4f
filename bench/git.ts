// Git facts benchmark: sessionFacts against the raw commands it replaces (`git diff --name-status
// BASE` + `git status --porcelain`, as child processes) on a generated repository of 6,000 files and
// 2,500 commits with staged, unstaged and untracked work. Prints medians; a missed target is
// printed, never thrown. Run on its own: `node --import tsx bench/git.ts [runs]`.
import { execFile, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { clearCommittedCache, clearGitCache, sessionFacts } from '../src/core/git/sessionFacts';

const run = promisify(execFile);

const SHAPE = { dirs: 100, filesPerDir: 62, commits: 2500, filesPerCommit: 3, baseBack: 40 };
const TARGET_RATIO = 1.25;

export interface GitBenchResult {
  factsMs: number;
  /** A refresh after HEAD moved (committed part not cached). */
  movedMs: number;
  /** The first refresh ever (nothing cached). */
  coldMs: number;
  rawMs: number;
  ratio: number;
  files: number;
  commits: number;
}

function fileContent(file: number, version: number): string {
  let text = `// file ${file}\nexport const id = ${file};\n`;
  for (let i = 0; i < 20; i++) text += `export function f${i}(x: number): number { return x * ${i} + ${file}; }\n`;
  for (let v = 1; v <= version; v++) text += `export const v${v} = ${v}; // revision ${v}\n`;
  return text;
}

function filePath(file: number): string {
  return `src/d${Math.floor(file / SHAPE.filesPerDir)}/file-${file % SHAPE.filesPerDir}.ts`;
}

/** The whole history as a `git fast-import` stream, written straight into the process. */
async function fastImport(dir: string): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`))));
  });
  const write = (chunk: string) => (child.stdin.write(chunk) ? Promise.resolve() : new Promise<void>((r) => child.stdin.once('drain', () => r())));
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const files = SHAPE.dirs * SHAPE.filesPerDir;
  const versions = new Array<number>(files).fill(0);
  const t0 = 1_700_000_000;
  for (let c = 0; c < SHAPE.commits; c++) {
    const who = c % 3 === 0 ? 'Alice <alice@example.invalid>' : 'Bob <bob@example.invalid>';
    let out = `commit refs/heads/main\nmark :${c + 1}\nauthor ${who} ${t0 + c * 60} +0000\ncommitter ${who} ${t0 + c * 60} +0000\n${data(`commit ${c}`)}`;
    if (c > 0) out += `from :${c}\n`;
    const touched = c === 0 ? Array.from({ length: files }, (_, i) => i) : Array.from({ length: SHAPE.filesPerCommit }, (_, k) => (c * 7919 + k * 104729) % files);
    for (const f of touched) {
      if (c > 0) versions[f] = (versions[f] ?? 0) + 1;
      out += `M 100644 inline ${filePath(f)}\n${data(fileContent(f, versions[f] ?? 0))}`;
    }
    await write(out);
  }
  child.stdin.end();
  await done;
}

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** Generates the repository and a session's work in it; returns the session's base. */
export async function generate(dir: string): Promise<string> {
  git(dir, 'init', '-q', '-b', 'main');
  await fastImport(dir);
  git(dir, 'checkout', '-q', '-f', 'main');
  const base = git(dir, 'rev-parse', `HEAD~${SHAPE.baseBack}`).trim();
  // Staged: 5 edits and 2 new files; unstaged: 10 edits, 3 of them on files the session committed;
  // untracked: 20 files.
  const committed = git(dir, 'diff', '--name-only', '-z', base, 'HEAD').split('\0').filter(Boolean).slice(0, 3);
  for (let i = 0; i < 5; i++) fs.appendFileSync(path.join(dir, filePath(i * 11)), '// staged\n');
  fs.writeFileSync(path.join(dir, 'src/new staged 1.ts'), fileContent(1, 1));
  fs.writeFileSync(path.join(dir, 'src/new staged 2.ts'), fileContent(2, 1));
  git(dir, 'add', '-A');
  for (const file of committed) fs.appendFileSync(path.join(dir, file), '// edited again\n');
  for (let i = 0; i < 7; i++) fs.appendFileSync(path.join(dir, filePath(100 + i * 13)), '// unstaged\n');
  fs.mkdirSync(path.join(dir, 'scratch'));
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `scratch/untracked ${i}.md`), `note ${i}\n`);
  git(dir, 'status', '--porcelain'); // refreshes the index once, as any first status would
  return base;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Generates the repository, measures interleaved runs and prints medians. */
export async function benchGit(runs = 25): Promise<GitBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-bench-git-'));
  try {
    const g0 = performance.now();
    const base = await generate(dir);
    const genMs = performance.now() - g0;
    const files = Number(git(dir, 'ls-files', '-z').split('\0').filter(Boolean).length);
    const commits = Number(git(dir, 'rev-list', '--count', 'HEAD').trim());

    const facts = () => sessionFacts(dir, { runLogHead: base });
    const rawSequential = async () => {
      await run('git', ['diff', '--name-status', base], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
      await run('git', ['status', '--porcelain'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    };
    const rawConcurrent = () =>
      Promise.all([
        run('git', ['diff', '--name-status', base], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }),
        run('git', ['status', '--porcelain'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }),
      ]);
    const cold = async () => {
      clearGitCache();
      await facts();
    };
    // After HEAD moves in a running extension: the committed part is new, roots and revisions known.
    const moved = async () => {
      clearCommittedCache();
      await facts();
    };
    const sample = await facts();
    for (let i = 0; i < 5; i++) {
      await facts();
      await rawSequential();
      await rawConcurrent();
      await cold();
      await moved();
    }
    const t = { facts: [] as number[], cold: [] as number[], moved: [] as number[], raw: [] as number[], rawPar: [] as number[] };
    for (let i = 0; i < runs; i++) {
      t.facts.push(await time(facts));
      t.raw.push(await time(rawSequential));
      t.rawPar.push(await time(rawConcurrent));
      t.cold.push(await time(cold));
      t.moved.push(await time(moved));
    }
    const factsMs = median(t.facts);
    const rawMs = median(t.raw);
    const ratio = factsMs / rawMs;
    const coldMs = median(t.cold);
    const movedMs = median(t.moved);
    const rawParMs = median(t.rawPar);
    const f = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
    console.log(`git facts bench: ${files} files, ${commits} commits, base ${SHAPE.baseBack} commits back; ${sample.changed.length} changed paths, ${sample.commits.length} commits since base (generated in ${(genMs / 1000).toFixed(1)} s)`);
    console.log(`  medians of ${runs} interleaved runs (git ${git(dir, 'version').trim().replace('git version ', '')}, ${os.cpus().length} cores)`);
    console.log(`  sessionFacts (committed part cached)  ${f(factsMs)}`);
    console.log(`  sessionFacts after HEAD moved          ${f(movedMs)}   ratio ${(movedMs / rawMs).toFixed(2)}x (committed part not cached)`);
    console.log(`  sessionFacts first ever (all cleared)  ${f(coldMs)}   ratio ${(coldMs / rawMs).toFixed(2)}x (also finds the repository root and checks the base)`);
    console.log(`  raw: git diff --name-status BASE; git status --porcelain   ${f(rawMs)}`);
    console.log(`  raw, both at once                      ${f(rawParMs)}   (sessionFacts ratio to it ${(factsMs / rawParMs).toFixed(2)}x)`);
    const worst = Math.max(ratio, movedMs / rawMs, coldMs / rawMs);
    const verdict = worst <= TARGET_RATIO ? 'met' : 'MISSED';
    console.log(`  sessionFacts / raw = ${ratio.toFixed(2)}x cached, ${(movedMs / rawMs).toFixed(2)}x after HEAD moved, ${(coldMs / rawMs).toFixed(2)}x first ever (target <= ${TARGET_RATIO}x in every case): ${verdict}`);
    return { factsMs, rawMs, ratio, movedMs, coldMs, files, commits };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 25);
  benchGit(runs).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
