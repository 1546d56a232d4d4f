// The server side of an integration run: a throwaway demo workspace (a git repository), scratch
// HOME / XDG / user-data / extensions dirs, and code-server started detached in its own process
// group so that stop() can end it together with its extension host and file watchers.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export interface Sandbox {
  /** Root of everything this run writes outside the repository. */
  readonly root: string;
  /** The first workspace folder: a git repository holding a copy of demo/. */
  readonly workspace: string;
  /** The second workspace folder (multi-root): a small YAML plan of its own. */
  readonly second: string;
  /** The `.code-workspace` file the workbench opens, listing both folders. */
  readonly workspaceFile: string;
  readonly home: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** HOME and XDG_* pointing into the sandbox, for code-server and chromium. */
  readonly env: Record<string, string>;
}

/** The second folder's plan: a YAML plan, so the multi-root tree shows both formats. */
const SECOND_PLAN = `title: Ops Hardening Sprint
totalHours: 3
sessions:
  - id: "OPS-1"
    title: Backup drill
    hours: 2 hours
    branch: ops/backup-drill
    criteria:
      - "[ ] Restore finishes under ten minutes"
      - "[x] Backup job scheduled"
    deliverables:
      - docs/backup-drill.md
  - id: "OPS-2"
    title: Alert tuning
    hours: 1 hour
    dependsOn: ["OPS-1"]
`;

/** Makes the sandbox under root: copies demoDir to root/marathon-demo and commits it. */
export function makeSandbox(root: string, demoDir: string): Sandbox {
  const workspace = path.join(root, 'marathon-demo');
  const home = path.join(root, 'home');
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  for (const dir of [home, userDataDir, extensionsDir]) fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(demoDir, workspace, { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
      cwd: workspace,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Marathon Tests', GIT_AUTHOR_EMAIL: 'tests@marathon.invalid',
        GIT_COMMITTER_NAME: 'Marathon Tests', GIT_COMMITTER_EMAIL: 'tests@marathon.invalid' },
    });
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Demo marathon workspace');
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
  };
  const second = path.join(root, 'ops-folder');
  fs.mkdirSync(second, { recursive: true });
  fs.writeFileSync(path.join(second, 'ops.marathon.yaml'), SECOND_PLAN);
  const workspaceFile = path.join(root, 'marathon.code-workspace');
  fs.writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: workspace }, { path: second }], settings: {} }, null, 2));
  return { root, workspace, second, workspaceFile, home, userDataDir, extensionsDir, env };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** The process environment less what would make code-server act as a client of another VS Code. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return env;
}

export interface CodeServer {
  readonly url: string;
  readonly logFile: string;
  /** Ends the whole process group (SIGTERM, then SIGKILL); safe to call more than once. */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** node_modules/code-server/out/node/entry.js of the install made by scripts/setup-host.sh. */
  readonly entry: string;
  readonly sandbox: Sandbox;
  readonly port: number;
  /** Where its stdout and stderr go. */
  readonly logFile: string;
  /** Extra environment, inherited by the extension host. */
  readonly env: Record<string, string>;
  /** False starts code-server with workspace trust on, so the opened folders are untrusted (default true). */
  readonly trustWorkspace?: boolean;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { sandbox, port } = options;
  const config = path.join(sandbox.root, 'code-server.yaml');
  fs.writeFileSync(config, '');
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  if (options.trustWorkspace === false) {
    // Trust stays off for the whole run: no startup dialog asking for it (tests cannot answer one).
    const settings = path.join(sandbox.userDataDir, 'User', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'security.workspace.trust.startupPrompt': 'never' }, null, 2));
  }
  const args = [
    options.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.trustWorkspace === false ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', sandbox.userDataDir,
    '--extensions-dir', sandbox.extensionsDir,
    '--config', config,
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...cleanEnv(), ...sandbox.env, EXTENSIONS_GALLERY: '{}', ...options.env },
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const url = `http://127.0.0.1:${port}`;
  const server: CodeServer = { url, logFile: options.logFile, stop: () => stopGroup(child, exited) };
  try {
    await waitForHealth(url, exited, 30_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };
  signalGroup('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000)))]);
  clearTimeout(timer);
  // Whatever survived the leader (extension host, watchers, terminals) goes now.
  signalGroup('SIGKILL');
}

/** Polls GET /healthz until it answers 200; fails when the server exits or time runs out. */
async function waitForHealth(url: string, exited: Promise<void>, timeoutMs: number): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error('code-server exited before it was healthy');
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server not healthy at ${url}/healthz after ${timeoutMs} ms`);
}
