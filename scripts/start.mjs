// `npm start` (after `npm run build`): runs the built CLI on the demo plans so a human sees it work.
// Until the VS Code side has its own launch, this is the project's main job. Exits with check's code.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');

/** Prints a heading naming the command, runs it with inherited output, returns its exit code. */
function run(args) {
  process.stdout.write(`\n=== marathon ${args.join(' ')} ===\n\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    process.stderr.write(`start: could not run ${cli}: ${result.error.message}\n`);
    return 70;
  }
  return result.status ?? 70;
}

run(['parse', 'demo/DEMO.marathon.md']);
process.exitCode = run(['check', 'demo/DEMO.marathon.md', 'demo/tide.marathon.yaml']);
