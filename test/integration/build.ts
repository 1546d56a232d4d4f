// Builds what the integration run needs: the extension (dist/, by the project's esbuild.mjs) and the
// in-host test bundle out/integration/suite.js. The bundle holds suite/index.ts, every
// suite/**/*.test.ts and mocha itself (mocha 12 is an ES module package; bundled, the extension
// host loads one plain CommonJS file). Only 'vscode' stays external: the host provides it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** The virtual module suite/index.ts imports to reach the test files (see suite/tests.d.ts). */
const TESTS_MODULE = 'marathon-integration-tests';

/** True for a test of the untrusted pass (`*.untrusted.test.ts`): it runs in a host where the workspace is not trusted. */
export function isUntrustedTest(file: string): boolean {
  return file.endsWith('.untrusted.test.ts');
}

/** Test files under dir, relative to it, sorted so the run order is stable. */
export function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.test.ts')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** Resolves TESTS_MODULE to a list of lazy loaders, so the tests register when run() asks. */
function testsPlugin(suiteDir: string, files: readonly string[]): esbuild.Plugin {
  return {
    name: 'marathon-integration-tests',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${TESTS_MODULE}$`) }, () => ({ path: TESTS_MODULE, namespace: 'tests' }));
      build.onLoad({ filter: /.*/, namespace: 'tests' }, () => ({
        resolveDir: suiteDir,
        loader: 'js',
        contents: `export default [\n${files
          .map((f) => `  { file: ${JSON.stringify(f)}, load: () => require(${JSON.stringify(`./${f}`)}) },`)
          .join('\n')}\n];\n`,
      }));
    },
  };
}

/** Runs the project's own build of the extension; throws when it fails. */
export function buildExtension(root: string): void {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node esbuild.mjs failed (${result.status ?? result.signal})`);
}

/** Bundles the in-host suite (the test files `select` keeps) into outfile; returns the test files it holds. */
export async function buildSuite(root: string, outfile: string, select: (file: string) => boolean = () => true): Promise<string[]> {
  const suiteDir = path.join(root, 'test', 'integration', 'suite');
  const files = findTestFiles(suiteDir).filter(select);
  if (files.length === 0) throw new Error(`no matching *.test.ts under ${suiteDir} for ${outfile}`);
  await esbuild.build({
    entryPoints: [path.join(suiteDir, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // Only mocha's parallel mode (unused here) require.resolve()s its worker files.
    logOverride: { 'require-resolve-not-external': 'silent' },
    plugins: [testsPlugin(suiteDir, files)],
  });
  return files;
}
