// Bench: the AAR of a 100-session plan over a 2,500-commit history (target ≤ 1 s for gathering
// the inputs and writing the review). The history is generated with `git fast-import`, so setup
// takes seconds. Runnable alone: `node --import tsx bench/aar.ts`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzePlan } from '../src/core/analyze';
import { aarMarkdown, aarModel, gatherAar } from '../src/core/reports';

const SESSIONS = 100;
const COMMITS = 2500;
const T0 = Date.parse('2026-01-10T09:00:00Z');
const AUTHORS = ['Ada Lane', 'Bo Reyes', 'Cy Okafor', 'Di Novak', 'Ed Park'];

function planText(): string {
  const out = ['# Bench Marathon', ''];
  for (let s = 1; s <= SESSIONS; s++) {
    const id = String(s).padStart(3, '0');
    out.push(`## Session ${id}: Module ${s}`, '', '**Duration:** 3 hours', s > 1 && s % 10 !== 1 ? `**Dependencies:** Session ${String(s - 1).padStart(3, '0')}` : '', '');
    out.push('### Success Criteria', '', `- [${s % 3 === 0 ? 'x' : ' '}] Module ${s} parses`, `- [${s % 2 === 0 ? 'x' : ' '}] Module ${s} is tested`, '- [ ] Module docs written', '');
    out.push('### Deliverables', '', `- \`src/m${s}/index.ts\``, `- \`src/m${s}/util.ts\``, `- \`test/m${s}.test.ts\``, '');
  }
  return out.join('\n');
}

/** A fast-import stream of COMMITS commits, each changing one module file. */
function history(): string {
  const parts: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  for (let i = 1; i <= COMMITS; i++) {
    const s = ((i - 1) % SESSIONS) + 1;
    const file = i % 3 === 0 ? `test/m${s}.test.ts` : i % 3 === 1 ? `src/m${s}/index.ts` : `src/m${s}/util.ts`;
    const content = Array.from({ length: 10 + (i % 40) }, (_, k) => `export const v${k} = ${i + k};`).join('\n') + '\n';
    const who = AUTHORS[i % AUTHORS.length] as string;
    const when = Math.floor((T0 + i * 60_000) / 1000);
    const sig = `${who} <${who.toLowerCase().replace(' ', '.')}@example.invalid> ${when} +0000`;
    parts.push(`commit refs/heads/main\nmark :${i}\nauthor ${sig}\ncommitter ${sig}\n${data(`Session ${String(s).padStart(3, '0')}: change ${i}`)}${i > 1 ? `from :${i - 1}\n` : ''}M 100644 inline ${file}\n${data(content)}`);
  }
  return parts.join('');
}

function runLog(plan: string): string {
  const lines: string[] = [];
  const ev = (m: number, session: string, rest: object) => JSON.stringify({ time: new Date(T0 + m * 60_000).toISOString(), plan, session, ...rest });
  for (let s = 1; s <= SESSIONS; s += 1) {
    if (s % 4 === 0) continue; // some sessions without timer data
    const id = String(s).padStart(3, '0');
    const m = s * 25;
    lines.push(ev(m, id, { event: 'session.start' }));
    for (let t = 1; t <= 3; t++) lines.push(ev(m + t, id, { event: 'task.launch', task: `T${t}`, terminal: `${id} · T${t}` }));
    for (let t = 1; t <= 3; t++) lines.push(ev(m + 60 + t, id, { event: 'task.exit', task: `T${t}`, terminal: `${id} · T${t}`, exitCode: t === 3 ? 1 : 0 }));
    lines.push(ev(m + 150, id, { event: 'session.stop', outcome: s % 7 === 0 ? 'blocked' : 'done' }));
  }
  return lines.join('\n') + '\n';
}

/** Builds the repository (not timed), then times gather + model + markdown (median of 5 runs). */
export async function benchAar(): Promise<{ ms: number; sessions: number; commits: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-bench-aar-'));
  try {
    const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: dir, input, stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    git(['-c', 'init.defaultBranch=main', 'init', '-q']);
    git(['fast-import', '--quiet'], history());
    git(['checkout', '-q', '-f', 'main']);
    const planAbs = path.join(dir, 'bench.marathon.md');
    const text = planText();
    fs.writeFileSync(planAbs, text);
    fs.mkdirSync(path.join(dir, '.marathon'));
    fs.writeFileSync(path.join(dir, '.marathon', 'runlog.jsonl'), runLog('bench.marathon.md'));
    const plan = analyzePlan(text, planAbs).plan;
    const now = T0 + COMMITS * 60_000 + 3_600_000;
    const times: number[] = [];
    let commits = 0;
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      const input = await gatherAar({ planAbs, plan, now });
      const md = aarMarkdown(aarModel(input));
      times.push(performance.now() - t);
      commits = input.facts?.commits.length ?? 0;
      if (md.length === 0) throw new Error('empty AAR');
    }
    times.sort((a, b) => a - b);
    return { ms: Math.round((times[2] as number) * 10) / 10, sessions: plan.sessions.length, commits };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchAar().then((r) => {
    console.log(`AAR: ${r.sessions} sessions, ${r.commits} commits: ${r.ms} ms (median of 5; target ≤ 1000 ms)${r.ms > 1000 ? ' — TARGET MISSED' : ''}`);
  });
}
