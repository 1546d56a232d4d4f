// The same in-host suite on desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (a laptop, a CI with internet). These offline machines use run.ts instead.
//   npm run test:electron
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildExtension, buildSuite, isUntrustedTest } from './build';
import { makeSandbox } from './host';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '../..');
  buildExtension(root);
  const bundle = path.join(root, 'out', 'integration', 'suite.js');
  await buildSuite(root, bundle, (file) => !isUntrustedTest(file));
  const sandbox = makeSandbox(fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-electron-')), path.join(root, 'demo'));
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: bundle,
    launchArgs: [sandbox.workspaceFile, '--disable-workspace-trust', '--disable-extensions', `--user-data-dir=${sandbox.userDataDir}`],
    extensionTestsEnv: { MARATHON_TEST_SCREENSHOT_URL: 'off' },
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`test:electron failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
