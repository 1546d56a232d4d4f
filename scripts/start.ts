// `npm start`: the main job. Builds Marathon (npm run build ran first), makes a demo marathon
// workspace (a git repository with the demo plans, plus a second folder) and opens it with the
// extension in code-server — VS Code 1.100.3 in the browser — on 127.0.0.1. Prints the URL and
// keeps serving until Ctrl-C. `MARATHON_START_CHECK=1` starts, checks the page answers, and stops.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, makeSandbox, startCodeServer } from '../test/integration/host';

const root = path.resolve(__dirname, '..');
const entry = path.join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

async function main(): Promise<number> {
  if (!fs.existsSync(entry)) {
    console.error('code-server is not installed: run `bash scripts/setup-host.sh` (npm start runs it for you).');
    return 1;
  }
  const sandbox = makeSandbox(fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-start-')), path.join(root, 'demo'));
  const port = Number(process.env.MARATHON_PORT) || (await freePort());
  const server = await startCodeServer({ sandbox, port, entry, env: {}, logFile: path.join(sandbox.root, 'code-server.log') });
  const remote = (p: string) => `vscode-remote://remote${p}`;
  const payload = [['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']];
  const url = `${server.url}/?workspace=${encodeURIComponent(sandbox.workspaceFile)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log('\nMarathon is running in VS Code (code-server 4.100.3) with a demo marathon workspace:');
  console.log(`  workspace: ${sandbox.workspace} (+ ${sandbox.second})`);
  console.log(`\n  Open ${url}\n`);
  console.log('Open the Marathon view in the activity bar (the stopwatch). Ctrl-C stops the server.');
  if (process.env.MARATHON_START_CHECK === '1') {
    const res = await fetch(url);
    console.log(`check: the workbench answered ${res.status}`);
    await server.stop();
    return res.ok ? 0 : 1;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
  fs.rmSync(sandbox.root, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`start failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
