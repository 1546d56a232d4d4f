// Finds the shared corpus of real marathon documents (../shared/corpus from the repo root).
// The corpus is read in place and never copied into the project.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (the folder holding package.json). */
export const REPO_ROOT = path.resolve(__dirname, '..');

/** Where the corpus lives when it is present. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** One corpus document: its path relative to the corpus folder and its text. */
export interface CorpusFile {
  name: string;
  text: string;
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && /\.(md|txt|ya?ml)$/i.test(entry.name)) out.push(full);
  }
}

/**
 * The corpus documents, sorted by name, or `undefined` when the corpus folder is absent.
 * The corpus's own top-level README (a description, not a document) is left out.
 */
export function readCorpus(dir: string = CORPUS_DIR): CorpusFile[] | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files: string[] = [];
  walk(dir, files);
  return files
    .filter((f) => path.relative(dir, f).toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => ({ name: path.relative(dir, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));
}
