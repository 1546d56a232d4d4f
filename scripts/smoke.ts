// `npm run test:smoke`: the packaged extension, installed, in a real VS Code (code-server 4.100.3 and
// headless chromium, as the integration tests run it, but WITHOUT --extensionDevelopmentPath).
//
//   node --import tsx scripts/smoke.ts [--vsix FILE]
//
// 1. packages the extension (scripts/package.ts: production build, vsce, the package checks), or
//    takes the .vsix given with --vsix;
// 2. installs it with `code-server --install-extension` into a fresh extensions dir;
// 3. starts code-server on a free port, opening a temp git workspace holding the two-session plan of
//    test/smoke/workspace/;
// 4. in chromium: opens the Marathon view from the activity bar and waits for both sessions in the
//    Sessions tree; opens the command palette (F1), finds "Marathon: Start Session" and runs it on
//    session 101; waits for its status-bar timer and its `session.start` line in the run log;
//    opens the plan with "Marathon: Open Session in Plan", expands session 101 in the tree, clicks
//    into the plan and waits for its code lenses (`Pause · 0:00 / 2:00` above 101, `Start session`
//    above 102), and saves test-artifacts/screenshots/smoke-installed.png.
//
// Exit code 0 when every step passed, 1 otherwise (the step, a screenshot smoke-failure.png, the
// tail of test-artifacts/code-server-smoke.log, and the kept temp dir are printed). Environment:
// MARATHON_SMOKE_TIMEOUT_MS (whole run, default 300000), MARATHON_SMOKE_VERBOSE=1 (relay the page
// console), MARATHON_SMOKE_KEEP=1 (keep the temp dir), MARATHON_CHROMIUM (browser path).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, relayConsole } from '../test/integration/browser';
import { freePort, makeSandbox, startCodeServer, type CodeServer, type Sandbox } from '../test/integration/host';
import { packageExtension, printReport } from './package';

const root = path.resolve(__dirname, '..');
const artifacts = path.join(root, 'test-artifacts');
const screenshots = path.join(artifacts, 'screenshots');
const codeServerEntry = path.join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const fixture = path.join(root, 'test', 'smoke', 'workspace');
const timeoutMs = Number(process.env.MARATHON_SMOKE_TIMEOUT_MS ?? 300_000);
const verbose = process.env.MARATHON_SMOKE_VERBOSE === '1';

/** The sessions of test/smoke/workspace/smoke.marathon.md, as the Sessions tree labels them. */
const SESSIONS = ['101 · Install From The VSIX', '102 · Drive The Workbench'];
const PALETTE_COMMAND = 'Marathon: Start Session';
/** Session 101's timer right after it starts: `$(watch) 101 0:00 / 2:00` (the icon is not text). */
const TIMER = /101\s+0:0\d\s*\/\s*2:00/;

const started = Date.now();
function say(message: string): void {
  process.stdout.write(`[smoke ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/** What the run has started, undone in reverse order. */
const state: { sandbox?: Sandbox; server?: CodeServer; browser?: Browser; page?: Page; keep: boolean; step: string } = {
  keep: process.env.MARATHON_SMOKE_KEEP === '1',
  step: 'starting',
};

function step(name: string): void {
  state.step = name;
  say(name);
}

function parseArgs(argv: string[]): { vsix?: string } {
  const args: { vsix?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vsix' && argv[i + 1] !== undefined) args.vsix = path.resolve(argv[++i]!);
    else throw new Error(`usage: node --import tsx scripts/smoke.ts [--vsix FILE] (unknown: ${argv[i]})`);
  }
  return args;
}

/** The environment for code-server's CLI: the sandbox's HOME and XDG dirs, nothing that makes it a client of another VS Code. */
function cliEnv(sandbox: Sandbox): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  return { ...env, ...sandbox.env, EXTENSIONS_GALLERY: '{}' };
}

/** Installs vsix into the sandbox's extensions dir with code-server's CLI; returns the installed extension's folder. */
function install(vsix: string, sandbox: Sandbox): string {
  const result = spawnSync(process.execPath, [
    codeServerEntry,
    '--install-extension', vsix,
    '--extensions-dir', sandbox.extensionsDir,
    '--user-data-dir', sandbox.userDataDir,
  ], { env: cliEnv(sandbox), encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (output) say(output.split('\n').map((line) => `  | ${line}`).join('\n'));
  if (result.error) throw new Error(`code-server --install-extension failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`code-server --install-extension exited with ${result.status ?? result.signal}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const folder = path.join(sandbox.extensionsDir, `${id}-${manifest.version}`);
  const installed = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { main?: string };
  if (!installed.main || !fs.existsSync(path.join(folder, installed.main))) throw new Error(`installed ${id} has no ${installed.main ?? 'main'}`);
  return folder;
}

async function shoot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshots, { recursive: true });
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, timeout: 15_000 });
  return file;
}

/** F1, `>command`, run it, and (when given) choose the quick-pick row that shows pick. */
async function runFromPalette(page: Page, command: string, pick?: string): Promise<void> {
  await page.locator('.monaco-workbench').press('F1', { timeout: 10_000 });
  const quickInput = page.locator('.quick-input-widget');
  const box = quickInput.locator('input.input');
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  await box.fill(`>${command}`, { timeout: 10_000 });
  const listed = quickInput.locator('.monaco-list-row', { hasText: command }).first();
  try {
    await listed.waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    throw new Error(`"${command}" is not listed in the command palette`);
  }
  await listed.click({ timeout: 10_000 });
  if (pick === undefined) return;
  const row = quickInput.locator('.monaco-list-row', { hasText: pick }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click({ timeout: 10_000 });
  await quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
}

async function drive(page: Page, sandbox: Sandbox): Promise<void> {
  step('waiting for the workbench');
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });

  step('opening the Marathon view from the activity bar');
  // The tab's own aria-label is empty in VS Code 1.100; its action-label link carries the name.
  const activity = page.locator('[id="workbench.parts.activitybar"] li.action-item[role="tab"]')
    .filter({ has: page.locator('a.action-label[aria-label^="Marathon"]') });
  await activity.waitFor({ state: 'visible', timeout: 60_000 });
  // A second click on the active container would close the side bar.
  if ((await activity.getAttribute('aria-selected')) !== 'true') await activity.click({ timeout: 10_000 });
  const sidebar = page.locator('[id="workbench.parts.sidebar"]');
  // The container's only view: VS Code hides its pane header but keeps it in the page.
  await sidebar.locator('.pane-header[aria-label^="Sessions"]').first().waitFor({ state: 'attached', timeout: 30_000 });

  step(`waiting for the Sessions tree to list ${SESSIONS.join(' and ')}`);
  for (const label of SESSIONS) {
    await sidebar.locator('.monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible', timeout: 60_000 });
  }

  step(`finding "${PALETTE_COMMAND}" in the command palette and running it on session ${SESSIONS[0]}`);
  await runFromPalette(page, PALETTE_COMMAND, SESSIONS[0]!);

  step('waiting for the status-bar timer and the run log');
  await page.locator('[id="workbench.parts.statusbar"] .statusbar-item', { hasText: TIMER }).first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  const runLog = path.join(sandbox.workspace, '.marathon', 'runlog.jsonl');
  const deadline = Date.now() + 15_000;
  const startedIn = (): boolean =>
    fs.existsSync(runLog) &&
    fs.readFileSync(runLog, 'utf8').split('\n').some((line) => /"event":"session\.start"/.test(line) && /"session":"101"/.test(line));
  while (!startedIn()) {
    if (Date.now() > deadline) throw new Error(`no session.start line for 101 in ${runLog}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  step(`opening the plan with "Marathon: Open Session in Plan" and expanding session ${SESSIONS[0]}`);
  await runFromPalette(page, 'Marathon: Open Session in Plan', SESSIONS[0]!);
  await page.locator('.editor-instance .view-lines', { hasText: 'Smoke Marathon' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const row = sidebar.locator('.monaco-list-row', { hasText: SESSIONS[0]! }).first();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click({ timeout: 10_000 });
  await sidebar.locator('.monaco-list-row', { hasText: 'Success Criteria' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  // VS Code asks for code lenses a moment (250 ms or more) after an editor gets its text, and drops
  // the request when the editor loses focus meanwhile (CodeLensContribution: onDidBlurEditorText
  // cancels it; focusing the editor asks again). The click on the tree above can do just that, so
  // the plan editor gets the focus back, as it does when a user clicks into the plan.
  await page.locator('.editor-instance .view-lines', { hasText: 'Smoke Marathon' }).first().click({ timeout: 10_000 });
  step('waiting for the code lenses in the plan editor');
  await page.locator('.editor-instance .codelens-decoration', { hasText: /Pause/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.editor-instance .codelens-decoration', { hasText: /Start session/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForTimeout(500);
  say(`screenshot: ${path.relative(root, await shoot(page, 'smoke-installed'))}`);
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function cleanup(): Promise<void> {
  const quietly = async (what: string, run: () => Promise<void> | void): Promise<void> => {
    try {
      await run();
    } catch (error) {
      say(`cleanup of ${what} failed: ${String(error)}`);
    }
  };
  const { browser, server, sandbox } = state;
  state.browser = state.server = state.sandbox = undefined;
  if (browser) await quietly('chromium', () => browser.close());
  if (server) await quietly('code-server', server.stop);
  if (sandbox) {
    await quietly('the temp dir', () => {
      const logs = path.join(sandbox.userDataDir, 'logs');
      if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifacts, 'smoke-host-logs'), { recursive: true });
      if (state.keep) say(`temp dir kept: ${sandbox.root}`);
      else fs.rmSync(sandbox.root, { recursive: true, force: true });
    });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server is not installed at ${codeServerEntry}: run bash scripts/setup-host.sh`);

  let vsix = args.vsix;
  if (vsix === undefined) {
    step('packaging (scripts/package.ts)');
    const report = packageExtension({}, say);
    printReport(report, say);
    if (report.problems.length) throw new Error(`the package has ${report.problems.length} problem(s)`);
    vsix = report.vsix;
  } else if (!fs.existsSync(vsix)) {
    throw new Error(`no such .vsix: ${vsix}`);
  }

  step(`installing ${path.relative(root, vsix) || vsix} into a fresh extensions dir`);
  fs.rmSync(path.join(artifacts, 'smoke-host-logs'), { recursive: true, force: true });
  const sandbox = makeSandbox(fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-smoke-')), fixture);
  state.sandbox = sandbox;
  const installed = install(vsix, sandbox);
  say(`installed at ${installed}`);

  step('starting code-server (no extension development path)');
  state.server = await startCodeServer({
    entry: codeServerEntry,
    sandbox,
    port: await freePort(),
    logFile: path.join(artifacts, 'code-server-smoke.log'),
    env: {},
  });
  say(`code-server healthy at ${state.server.url}; workspace ${sandbox.workspace}`);

  const { browser, page } = await launchBrowser(sandbox.env);
  state.browser = browser;
  state.page = page;
  if (verbose) relayConsole(page, (line) => say(`[page] ${line}`), true);
  else page.on('pageerror', (error) => say(`[page error] ${error.message}`));

  const payload = [['skipWelcome', 'true']];
  const url = `${state.server.url}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  step('opening the workbench');
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await drive(page, sandbox);
}

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    signalled = true;
    say(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

let timer: NodeJS.Timeout | undefined;
const deadline = new Promise<never>((_, reject) => {
  timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
});

void Promise.race([main(), deadline])
  .then(
    () => 0,
    async (error: unknown) => {
      if (signalled) return 130;
      say(`FAILED at "${state.step}": ${error instanceof Error ? error.message : String(error)}`);
      state.keep = true;
      if (state.page) {
        const shot = await shoot(state.page, 'smoke-failure').catch(() => undefined);
        if (shot) say(`screenshot of the failure: ${path.relative(root, shot)}`);
      }
      if (state.server) say(`code-server log (${state.server.logFile}), last lines:\n${tail(state.server.logFile, 30)}`);
      return 1;
    },
  )
  .then(async (code) => {
    clearTimeout(timer);
    await cleanup();
    if (signalled) return;
    say(code === 0 ? 'passed: the installed extension lists the plan, runs Start Session from the palette, shows its timer and draws the code lenses' : `FAILED (exit code ${code})`);
    process.exit(code);
  });
