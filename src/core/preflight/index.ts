// Pre-flight: the checks that run before a session starts. The plan's own pre-flight checklist is
// shown (its items are the user's words, never run); the user's `marathon.preflight.commands`
// setting is run, each with a timeout; and git says whether the tree is clean and the branch right.
import { spawn } from 'node:child_process';
import { plural } from '../words';

/** One checklist item read from a plan's `## Pre-Flight Checklist` (or Pre-Marathon) section. */
export interface ChecklistItem {
  text: string;
  done: boolean;
  line: number;
}

/** The outcome of one pre-flight check. */
export interface PreflightResult {
  name: string;
  kind: 'git-clean' | 'branch' | 'command' | 'checklist';
  /** `undefined` for checklist items that are the user's to tick: shown, not judged. */
  ok: boolean | undefined;
  detail: string;
  ms?: number;
}

const HEADING = /^(#{1,6})\s+(?:.*\b)?(?:pre-?flight|pre-marathon|pre-session)\b.*\bchecklist\b/i;
const ITEM = /^\s*[-*+]\s+\[([ xX✓✔])\]\s+(.+?)\s*$/;

/**
 * The checklist items under every pre-flight checklist heading of a plan, outside code fences
 * (a fenced checklist is an example in prose, not the plan's own). Never throws.
 */
export function preflightChecklist(text: string): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  let fence: string | undefined;
  let level = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (f !== undefined) {
      if (fence === undefined) fence = f;
      else if (f[0] === fence[0] && f.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = /^(#{1,6})\s/.exec(line);
    if (h) {
      const m = HEADING.exec(line);
      level = m ? (m[1] ?? '#').length : h[1] !== undefined && level > 0 && h[1].length <= level ? 0 : level;
      continue;
    }
    if (level === 0) continue;
    const item = ITEM.exec(line);
    if (item) out.push({ text: item[2] ?? '', done: item[1] !== ' ', line: i + 1 });
  }
  return out;
}

/** Options for {@link runCommand}. */
export interface CommandOptions {
  cwd: string;
  timeoutMs: number;
  /** Extra environment; the process inherits the rest. */
  env?: NodeJS.ProcessEnv;
}

/** How many characters of a command's output a result keeps (its tail: where errors are). */
const OUTPUT_TAIL = 2_000;

/**
 * Runs one of the user's pre-flight commands (a shell line from their own settings, run the way a
 * VS Code task runs it) with a timeout that kills the whole process group. Resolves to a result;
 * never rejects.
 */
export function runCommand(command: string, opts: CommandOptions): Promise<PreflightResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, { cwd: opts.cwd, shell: true, detached: process.platform !== 'win32', env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      resolve({ name: command, kind: 'command', ok: false, detail: `could not start: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child);
    }, opts.timeoutMs);
    const finish = (code: number | null, signal: string | null, error?: Error) => {
      clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      const tail = output.trim().split('\n').slice(-5).join('\n');
      let detail: string;
      if (error) detail = `could not start: ${error.message}`;
      else if (timedOut) detail = `timed out after ${Math.round(opts.timeoutMs / 1000)} s`;
      else if (code === 0) detail = `passed in ${(ms / 1000).toFixed(1)} s`;
      else detail = code !== null ? `exit code ${code}` : `killed by ${signal ?? 'a signal'}`;
      if (tail && !(code === 0 && !timedOut && !error)) detail += `\n${tail}`;
      resolve({ name: command, kind: 'command', ok: !error && !timedOut && code === 0, detail, ms });
    };
    child.once('error', (err) => finish(null, null, err));
    child.once('close', (code, signal) => finish(code, signal));
  });
}

function kill(child: ReturnType<typeof spawn>): void {
  try {
    // The shell's whole process group, so a command's own children stop too.
    if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The git part of pre-flight, from `git status --porcelain` lines and the branches. */
export function gitChecks(input: { porcelain: string[]; branch?: string; expectedBranch?: string; note?: string }): PreflightResult[] {
  if (input.note !== undefined) return [{ name: 'Working tree clean', kind: 'git-clean', ok: undefined, detail: `not checked: ${input.note}` }];
  // The run log and prompts Marathon writes itself do not make a tree dirty.
  const dirty = input.porcelain.filter((l) => l.trim() !== '' && !/^.. "?\.marathon\//.test(l));
  const out: PreflightResult[] = [
    {
      name: 'Working tree clean',
      kind: 'git-clean',
      ok: dirty.length === 0,
      detail: dirty.length === 0 ? 'no uncommitted changes' : `${plural(dirty.length, 'uncommitted change')}: ${dirty.slice(0, 5).map((l) => l.slice(3)).join(', ')}${dirty.length > 5 ? ', …' : ''}`,
    },
  ];
  if (input.expectedBranch !== undefined) {
    const ok = input.branch === input.expectedBranch;
    out.push({
      name: `On branch ${input.expectedBranch}`,
      kind: 'branch',
      ok,
      detail: ok ? 'yes' : input.branch === undefined ? 'detached HEAD' : `on ${input.branch}; Start Session offers to switch`,
    });
  }
  return out;
}

/** The pre-flight report as markdown: a table of results, failures first in the summary. */
export function preflightMarkdown(title: string, results: readonly PreflightResult[], at: Date): string {
  const failed = results.filter((r) => r.ok === false).length;
  const passed = results.filter((r) => r.ok === true).length;
  const open = results.length - failed - passed;
  const mark = (r: PreflightResult) => (r.ok === true ? '✅' : r.ok === false ? '❌' : '⏳');
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' · ');
  const lines = [
    `# Pre-flight: ${title}`,
    '',
    `Run at ${at.toISOString()}: **${passed} passed, ${failed} failed, ${open} to check by hand.**`,
    '',
    '| | Check | Result |',
    '|---|---|---|',
    ...results.map((r) => `| ${mark(r)} | ${cell(r.name)} | ${cell(r.detail)} |`),
    '',
  ];
  return lines.join('\n');
}

