// Bundles the extension and the CLI into dist/. `--production` minifies and drops source maps.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

// zod's classic build imports all ~50 locales (≈300 KB minified) to offer `z.locales`; Marathon's
// messages are its own and English, so only the English locale is bundled (measured: the
// extension bundle drops from ~790 KB to under 400 KB).
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-en' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-en' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

// The extension loads the YAML reader (the `yaml` library, ≈130 KB) only when a YAML plan is read,
// from its own file dist/yaml-reader.js; markdown-only workspaces never pay for it.
const lazyYamlReader = {
  name: 'lazy-yaml-reader',
  setup(build) {
    build.onResolve({ filter: /^\.\/yaml$/ }, (args) =>
      /[\\/]src[\\/]core[\\/]plan[\\/]read\.ts$/.test(args.importer) ? { path: 'lazy-yaml', namespace: 'lazy-yaml' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({
      contents: [
        'let reader;',
        'export function readYamlPlan(text) {',
        "  reader ??= require(require('node:path').join(__dirname, 'yaml-reader.js'));",
        '  return reader.readYamlPlan(text);',
        '}',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [zodEnglishOnly],
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [zodEnglishOnly, lazyYamlReader],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/core/plan/yaml.ts'],
    outfile: 'dist/yaml-reader.js',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/engines/index.ts'],
    outfile: 'dist/engine.js',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
