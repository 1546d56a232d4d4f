// Runs the integration suite inside a real VS Code extension host, offline (shared/design/TESTING.md):
// code-server 4.100.3 (installed by scripts/setup-host.sh) serves VS Code 1.100.3 with the Node
// extension host; headless chromium opens its workbench on a throwaway copy of demo/ with this
// repository as the extension under development and out/integration/suite.js as the tests. The
// workbench calls codeAutomationExit(code) when the suite's run() settles; we exit with that code.
//
//   node --import tsx test/integration/run.ts     (npm run test:integration also runs setup-host.sh)
//
// Two passes, each with its own sandbox, code-server and browser: `trusted` (code-server started with
// --disable-workspace-trust; every suite/**/*.test.ts except *.untrusted.test.ts), then `untrusted`
// (workspace trust on, the folder never trusted; only suite/**/*.untrusted.test.ts). The run fails
// when either pass fails.
//
// Environment: MARATHON_IT_TIMEOUT_MS (overall limit, default 180000), MARATHON_IT_VERBOSE=1 (relay
// every page console message), MARATHON_IT_KEEP=1 (keep the temp sandbox), MARATHON_CHROMIUM,
// MARATHON_IT_PASS=trusted|untrusted (run one pass only; default both).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, relayConsole, serveScreenshots } from './browser';
import { buildExtension, buildSuite, isUntrustedTest } from './build';
import { freePort, makeSandbox, startCodeServer } from './host';

const root = path.resolve(__dirname, '..', '..');
const artifacts = path.join(root, 'test-artifacts');
const codeServerEntry = path.join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** A run of the suite in one host: which tests, in which bundle, with or without workspace trust. */
interface Pass {
  readonly name: 'trusted' | 'untrusted';
  readonly trusted: boolean;
  readonly bundle: string;
  readonly select: (file: string) => boolean;
}
const PASSES: readonly Pass[] = [
  { name: 'trusted', trusted: true, bundle: path.join(root, 'out', 'integration', 'suite.js'), select: (f) => !isUntrustedTest(f) },
  { name: 'untrusted', trusted: false, bundle: path.join(root, 'out', 'integration', 'suite-untrusted.js'), select: isUntrustedTest },
];
const timeoutMs = Number(process.env.MARATHON_IT_TIMEOUT_MS ?? 180_000);
const verbose = process.env.MARATHON_IT_VERBOSE === '1';

const started = Date.now();
function say(message: string): void {
  process.stdout.write(`[integration ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/** Undone in reverse order by unwind(), at the end of a pass, on failure, timeout or a signal. */
const cleanups: Array<{ what: string; run: () => Promise<void> | void }> = [];
let unwinding: Promise<void> = Promise.resolve();
/** Runs (and drops) the cleanups pushed after the first `keep`, newest first; calls queue up. */
function unwind(keep = 0): Promise<void> {
  unwinding = unwinding.then(async () => {
    while (cleanups.length > keep) {
      const { what, run } = cleanups.pop()!;
      try {
        await run();
      } catch (error) {
        say(`cleanup of ${what} failed: ${String(error)}`);
      }
    }
  });
  return unwinding;
}
let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    signalled = true;
    say(`${signal}: stopping`);
    void unwind().finally(() => process.exit(130));
  });
}

/** vscode-remote://remote<abs path>: how the web workbench names a path on the server. */
const remote = (p: string): string => `vscode-remote://remote${p}`;

/** Saves the logs the workbench hands to codeAutomationExit under test-artifacts/integration-logs/<sub>. */
function saveLogs(logs: unknown, sub: string): void {
  if (!Array.isArray(logs)) return;
  const dir = path.join(artifacts, 'integration-logs', sub);
  for (const entry of logs as Array<{ relativePath?: unknown; contents?: unknown }>) {
    if (typeof entry.relativePath !== 'string' || typeof entry.contents !== 'string') continue;
    const file = path.resolve(dir, entry.relativePath);
    if (!file.startsWith(dir + path.sep)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry.contents);
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function main(): Promise<number> {
  if (!fs.existsSync(codeServerEntry)) {
    say(`code-server is not installed at ${codeServerEntry}: run bash scripts/setup-host.sh`);
    return 2;
  }
  for (const stale of ['screenshots', 'host-logs', 'integration-logs']) {
    fs.rmSync(path.join(artifacts, stale), { recursive: true, force: true });
  }
  const only = process.env.MARATHON_IT_PASS;
  const passes = PASSES.filter((p) => only === undefined || only === '' || p.name === only);
  if (passes.length === 0) {
    say(`MARATHON_IT_PASS=${only}: expected trusted or untrusted`);
    return 2;
  }
  say('building the extension and the test bundles');
  buildExtension(root);
  for (const pass of passes) {
    const files = await buildSuite(root, pass.bundle, pass.select);
    say(`${pass.name} pass: bundled ${files.length} test file(s): ${files.join(', ')}`);
  }
  const failed: string[] = [];
  for (const pass of passes) {
    if (signalled) return 130;
    const code = await runPass(pass);
    if (signalled) return 130;
    if (code !== 0) failed.push(`${pass.name} (exit code ${code})`);
  }
  if (failed.length) say(`failed pass(es): ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

/** One pass: a fresh sandbox, code-server and browser; resolves to the suite's exit code. */
async function runPass(pass: Pass): Promise<number> {
  const mark = cleanups.length;
  try {
    return await runPassInner(pass);
  } finally {
    await unwind(mark);
  }
}

async function runPassInner(pass: Pass): Promise<number> {
  say(`${pass.name} pass: starting`);
  // The first pass keeps the historical artifact names; later ones get a suffix or a sub-folder.
  const suffix = pass.trusted ? '' : `-${pass.name}`;
  const sub = pass.trusted ? '' : pass.name;
  const sandbox = makeSandbox(fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-it-')), path.join(root, 'demo'));
  let keepSandbox = process.env.MARATHON_IT_KEEP === '1';
  cleanups.push({
    what: 'the sandbox',
    run: () => {
      // The server's logs (extension host, Marathon's own log channel) outlive the sandbox.
      const logs = path.join(sandbox.userDataDir, 'logs');
      if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifacts, 'host-logs', sub), { recursive: true });
      if (keepSandbox) say(`sandbox kept: ${sandbox.root}`);
      else fs.rmSync(sandbox.root, { recursive: true, force: true });
    },
  });
  say(`workspace ${sandbox.workspace}`);

  // The screenshot endpoint starts before the page exists: code-server must inherit its URL.
  const current: { page?: Page } = {};
  const shots = await serveScreenshots(() => current.page, path.join(artifacts, 'screenshots'));
  cleanups.push({ what: 'the screenshot server', run: shots.close });

  const server = await startCodeServer({
    entry: codeServerEntry,
    sandbox,
    port: await freePort(),
    logFile: path.join(artifacts, `code-server${suffix}.log`),
    env: { MARATHON_TEST_SCREENSHOT_URL: shots.url },
    trustWorkspace: pass.trusted,
  });
  cleanups.push({ what: 'code-server', run: server.stop });
  say(`code-server healthy at ${server.url}`);

  const { browser, page } = await launchBrowser(sandbox.env);
  current.page = page;
  cleanups.push({ what: 'chromium', run: () => browser.close() });
  const flushConsole = relayConsole(page, (line) => process.stdout.write(`${line}\n`), verbose);

  let timer: NodeJS.Timeout | undefined;
  const outcome = new Promise<{ code: number; why: string }>((resolve) => {
    // The limit counts from the start of the run; every step before this one is bounded too.
    const left = Math.max(0, started + timeoutMs - Date.now());
    timer = setTimeout(() => resolve({ code: 1, why: `timed out after ${timeoutMs} ms` }), left);
    page.once('crash', () => resolve({ code: 1, why: 'the page crashed' }));
    page.once('close', () => resolve({ code: 1, why: 'the page closed' }));
    void page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
      saveLogs(logs, sub);
      resolve({ code: typeof code === 'number' ? code : 1, why: `the suite exited with ${String(code)}` });
    });
  });
  cleanups.push({ what: 'the timer', run: () => clearTimeout(timer) });

  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(pass.bundle)],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.url}/?workspace=${encodeURIComponent(sandbox.workspaceFile)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  say(`${pass.name} pass: opening the workbench`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const { code, why } = await outcome;
  if (signalled) return 130;
  await flushConsole();
  say(`${pass.name} pass: ${why}`);
  if (code !== 0) {
    keepSandbox = true;
    if (why.startsWith('timed out')) {
      await page.screenshot({ path: path.join(artifacts, 'screenshots', `timeout${suffix}.png`) }).catch(() => undefined);
    }
    say(`code-server log (${server.logFile}), last lines:\n${tail(server.logFile, 30)}`);
  }
  return code;
}

void main()
  .catch((error: unknown) => {
    // After a signal, the failures of the steps that cleanup cut short are no news.
    if (!signalled) say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await unwind();
    if (signalled) process.exit(130);
    say(code === 0 ? 'passed' : `FAILED (exit code ${code})`);
    process.exit(code);
  });
