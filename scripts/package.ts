// `npm run package`: builds the production bundle (npm run build:prod) and packages the extension
// as out/package/marathon-<version>.vsix with @vscode/vsce, offline. Prints what the .vsix holds and
// its size, and fails (exit 1) when it is over 1 MB or holds anything that should not ship.
//
//   node --import tsx scripts/package.ts [--no-build] [--out DIR]
//
// --no-build packages dist/ as it is (it must still be a production build: no source maps).
// --out DIR writes the .vsix into DIR instead of out/package/.
//
// vsce runs with --no-dependencies (esbuild bundles the runtime dependencies into dist/*.js, so no
// node_modules ship); while package.json has no `repository`, with --no-rewrite-relative-links and
// --allow-missing-repository (README.md keeps its relative links: its images render on GitHub, not
// on the extension page); while there is no LICENSE file, with --skip-license.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const root = path.resolve(__dirname, '..');

/** The size limit of the .vsix, in bytes. */
export const MAX_VSIX_BYTES = 1_048_576;

/**
 * What may ship, as paths below `extension/` in the .vsix. Anything else fails the package: add it
 * here only when the installed extension reads it or the marketplace page shows it.
 */
const ALLOWED: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /^package\.json$/, why: 'the manifest' },
  { pattern: /^package\.nls(\.[A-Za-z-]+)?\.json$/, why: "the manifest's strings" },
  { pattern: /^readme\.md$/i, why: 'the extension page' },
  { pattern: /^changelog\.md$/i, why: 'the extension page' },
  { pattern: /^license(\.md|\.txt)?$/i, why: 'the license' },
  // Not dist/cli.js: the extension never runs the CLI (it ships through npm's `bin`), and it is a
  // fifth of the size budget.
  { pattern: /^dist\/(?!cli\.js$)[A-Za-z0-9_-]+\.js$/, why: 'the bundles: the extension and the files it loads lazily' },
  { pattern: /^media\/(?!jsconfig\.json$)[A-Za-z0-9_./-]+\.(svg|png|jpe?g|gif|webp|css|js|md)$/, why: 'icons, webview script and style, walkthrough texts and images' },
  { pattern: /^syntaxes\/[A-Za-z0-9_.-]+\.json$/, why: 'grammars' },
  { pattern: /^schemas\/[A-Za-z0-9_.-]+\.json$/, why: 'the plan JSON schema (README.md links it)' },
];

/** Files the installed extension cannot work without (besides `main` and the bundles it loads, found below). */
const REQUIRED = ['package.json', 'readme.md'];

export interface ZipEntry {
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly method: number;
  readonly localHeaderOffset: number;
}

/** The entries of a zip file, from its central directory (no zip64: a .vsix is far below 4 GB). */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n} at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed contents of one entry (stored or deflated, the two methods vsce writes). */
export function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${entry.name}: unsupported zip method ${entry.method}`);
}

/**
 * Relative file paths named anywhere in the manifest's main, icon and contributes (icons, grammars,
 * schemas, walkthrough media…): `found`, those that exist in the repository; `absent`, paths in a
 * folder (`media/x.jpg`, `./schemas/y.json`) that do not.
 */
function manifestFiles(manifest: unknown): { found: string[]; absent: string[] } {
  const found = new Set<string>();
  const absent = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const rel = value.replace(/^\.\//, '');
      if (/^[A-Za-z0-9_][A-Za-z0-9_./-]*\.[A-Za-z0-9]+$/.test(rel) && !rel.includes('..')) {
        const file = path.join(root, rel);
        if (fs.existsSync(file) && fs.statSync(file).isFile()) found.add(rel);
        else if (rel.includes('/')) absent.add(rel);
      }
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(walk);
    }
  };
  const m = manifest as Record<string, unknown>;
  // `bin` is for npm, not for VS Code; scripts and dependencies name no shipped files.
  walk({ main: m.main, browser: m.browser, icon: m.icon, contributes: m.contributes });
  return { found: [...found].sort(), absent: [...absent].sort() };
}

/** Relative links and images of a markdown text: [text](target) and ![alt](target). */
function relativeLinks(readme: string): Array<{ target: string; image: boolean }> {
  const links: Array<{ target: string; image: boolean }> = [];
  for (const match of readme.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)) {
    const target = match[2] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    links.push({ target: target.split('#')[0]!.replace(/^\.\//, ''), image: match[1] === '!' });
  }
  return links;
}

export interface VsixReport {
  readonly vsix: string;
  readonly size: number;
  /** Entries below extension/, with the prefix removed. */
  readonly files: ReadonlyArray<ZipEntry & { readonly path: string }>;
  /** Each one fails the package. */
  readonly problems: string[];
  readonly warnings: string[];
}

/**
 * Checks a .vsix: size, an allow-list of paths, the required files, production bundles, the bundles
 * the extension loads lazily, the manifest's files and README.md's images. `built`: the dist/ files
 * this build wrote, when known; any other dist/ file in the .vsix is a leftover and fails.
 */
export function checkVsix(vsix: string, built?: readonly string[]): VsixReport {
  const zip = fs.readFileSync(vsix);
  const entries = readZipEntries(zip);
  const problems: string[] = [];
  const warnings: string[] = [];
  const files = entries
    .filter((e) => e.name.startsWith('extension/') && !e.name.endsWith('/'))
    .map((e) => ({ ...e, path: e.name.slice('extension/'.length) }));
  const has = new Set(files.map((f) => f.path.toLowerCase()));

  if (zip.length > MAX_VSIX_BYTES) {
    problems.push(`the .vsix is ${zip.length} bytes, over the limit of ${MAX_VSIX_BYTES} bytes (1 MB)`);
  }
  for (const e of entries) {
    if (e.name.startsWith('extension/')) continue;
    if (e.name !== 'extension.vsixmanifest' && e.name !== '[Content_Types].xml') problems.push(`unexpected entry outside extension/: ${e.name}`);
  }
  for (const f of files) {
    if (!ALLOWED.some((a) => a.pattern.test(f.path))) {
      problems.push(`should not ship: ${f.path} (not on the allow-list in scripts/package.ts; ignore it in .vscodeignore)`);
    }
  }
  for (const req of REQUIRED) if (!has.has(req)) problems.push(`missing: ${req}`);

  const byPath = new Map(files.map((f) => [f.path, f]));
  const packagedManifest = byPath.get('package.json');
  if (packagedManifest) {
    const manifest = JSON.parse(readZipEntry(zip, packagedManifest).toString('utf8')) as Record<string, unknown>;
    const main = typeof manifest.main === 'string' ? manifest.main.replace(/^\.\//, '') : '';
    if (main && !has.has(main.toLowerCase())) problems.push(`missing: ${main} (package.json "main")`);
    const named = manifestFiles(manifest);
    for (const rel of named.found) {
      if (!has.has(rel.toLowerCase())) problems.push(`missing: ${rel} (named in package.json)`);
    }
    for (const rel of named.absent) problems.push(`missing: ${rel} (named in package.json, and not in the repository either)`);
    if (typeof manifest.icon !== 'string') warnings.push('package.json has no "icon" (media/icon.png exists)');
    if (manifest.repository === undefined) warnings.push('package.json has no "repository" (packaged with --allow-missing-repository)');
  }
  if (!files.some((f) => /^license(\.md|\.txt)?$/i.test(f.path))) warnings.push('no LICENSE file (packaged with --skip-license)');

  for (const f of files) {
    if (!/^dist\/.*\.js$/.test(f.path)) continue;
    if (built && !built.includes(f.path)) problems.push(`${f.path} is left over from an older build (this build did not write it)`);
    const text = readZipEntry(zip, f).toString('utf8');
    if (/\/\/# sourceMappingURL=/.test(text)) problems.push(`${f.path} is a development build (it names a source map): run npm run build:prod`);
    // The lazily loaded bundles: require(path.join(__dirname, 'engine.js')) survives minification as `__dirname,"engine.js"`.
    for (const m of text.matchAll(/__dirname\s*,\s*["'`]([A-Za-z0-9_.-]+\.js)["'`]/g)) {
      const sibling = `dist/${m[1]!}`;
      if (!has.has(sibling.toLowerCase())) problems.push(`missing: ${sibling} (${f.path} loads it)`);
    }
  }

  // Relative links in the packaged README (vsce rewrites them to absolute URLs when package.json
  // has a repository): an image is broken on the extension page either way, a link is dead unless
  // its target ships.
  const readme = byPath.get('readme.md') ?? byPath.get('README.md');
  for (const link of readme ? relativeLinks(readZipEntry(zip, readme).toString('utf8')) : []) {
    const target = link.target.replace(/\/$/, '');
    if (link.image) {
      warnings.push(`README.md shows ${link.target} by a relative path: broken on the extension page (add "repository" to package.json and vsce makes it absolute)`);
      continue;
    }
    const shipped = has.has(target.toLowerCase()) || files.some((f) => f.path.startsWith(`${target}/`));
    if (!shipped) warnings.push(`README.md links ${link.target}, which is not in the .vsix (a dead link on the installed extension's page)`);
  }
  return { vsix, size: zip.length, files, problems, warnings };
}

function run(what: string, command: string, args: string[], timeoutMs: number): void {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs });
  if (result.error) throw new Error(`${what} failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal})`);
}

/** The production build (dist/*.js minified, without source maps); returns the dist/ files it wrote, as `dist/<name>`. */
export function buildProduction(): string[] {
  // File times can be coarser than the clock: a second of slack, and nothing else writes dist/ meanwhile.
  const started = Date.now() - 1_000;
  run('npm run build:prod', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:prod'], 180_000);
  const dist = path.join(root, 'dist');
  return fs.readdirSync(dist)
    .filter((name) => fs.statSync(path.join(dist, name)).mtimeMs >= started)
    .map((name) => `dist/${name}`)
    .sort();
}

/** dist/*.js files that the build did not write: left over from an older build (a renamed or removed entry point). */
function leftovers(built: readonly string[]): string[] {
  return fs.readdirSync(path.join(root, 'dist'))
    .map((name) => `dist/${name}`)
    .filter((rel) => rel.endsWith('.js') && !built.includes(rel))
    .sort();
}

/**
 * Runs vsce offline; returns the path of the .vsix it wrote into outDir. `leaveOut`: more paths to
 * ignore than .vscodeignore lists (passed to vsce as an ignore file of .vscodeignore plus these).
 */
export function runVsce(outDir: string, leaveOut: readonly string[] = []): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; repository?: unknown };
  fs.mkdirSync(outDir, { recursive: true });
  const vsix = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  fs.rmSync(vsix, { force: true });
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  let ignoreFile: string | undefined;
  if (leaveOut.length) {
    ignoreFile = path.join(outDir, '.vscodeignore.generated');
    fs.writeFileSync(ignoreFile, `${fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8')}\n# left over in dist/ from older builds\n${leaveOut.join('\n')}\n`);
  }
  // Without a repository vsce cannot make README.md's relative links absolute, and refuses to
  // package unless told to leave them as they are.
  const noRepository = manifest.repository === undefined;
  const noLicense = !fs.readdirSync(root).some((name) => /^licen[cs]e(\.md|\.txt)?$/i.test(name));
  try {
    run('vsce package', process.execPath, [
      vsce, 'package',
      '--no-dependencies',
      ...(noRepository ? ['--no-rewrite-relative-links', '--allow-missing-repository'] : []),
      ...(noLicense ? ['--skip-license'] : []),
      ...(ignoreFile ? ['--ignoreFile', ignoreFile] : []),
      '--out', vsix,
    ], 180_000);
  } finally {
    if (ignoreFile) fs.rmSync(ignoreFile, { force: true });
  }
  if (!fs.existsSync(vsix)) throw new Error(`vsce did not write ${vsix}`);
  return vsix;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function printReport(report: VsixReport, out: (line: string) => void = console.log): void {
  const width = Math.max(...report.files.map((f) => f.path.length));
  out(`\n${path.relative(process.cwd(), report.vsix) || report.vsix}: ${report.files.length} files`);
  for (const f of [...report.files].sort((a, b) => a.path.localeCompare(b.path))) {
    out(`  ${f.path.padEnd(width)}  ${kb(f.size).padStart(10)}  (${kb(f.compressedSize)} packed)`);
  }
  const percent = ((report.size / MAX_VSIX_BYTES) * 100).toFixed(1);
  out(`size: ${report.size} bytes (${kb(report.size)}), ${percent}% of the ${MAX_VSIX_BYTES}-byte limit`);
  for (const w of report.warnings) out(`warning: ${w}`);
  for (const p of report.problems) out(`problem: ${p}`);
}

export interface PackageOptions {
  readonly build?: boolean;
  readonly outDir?: string;
}

/** Builds (unless build is false), packages and checks; throws when a step fails, returns the report otherwise (problems included). */
export function packageExtension(options: PackageOptions = {}, out: (line: string) => void = console.log): VsixReport {
  const built = options.build === false ? undefined : buildProduction();
  const stale = built ? leftovers(built) : [];
  for (const rel of stale) out(`leaving out ${rel}: left over from an older build (this build did not write it)`);
  const vsix = runVsce(options.outDir ?? path.join(root, 'out', 'package'), stale);
  return checkVsix(vsix, built);
}

function main(argv: string[]): number {
  let build = true;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') build = false;
    else if (arg === '--out' && argv[i + 1] !== undefined) outDir = path.resolve(argv[++i]!);
    else {
      console.error(`usage: node --import tsx scripts/package.ts [--no-build] [--out DIR] (unknown: ${arg})`);
      return 2;
    }
  }
  const report = packageExtension({ build, ...(outDir ? { outDir } : {}) });
  printReport(report);
  if (report.problems.length) {
    console.error(`\npackage FAILED: ${report.problems.length} problem(s) above`);
    return 1;
  }
  console.log(`\npackaged ${report.vsix}`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`package failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
