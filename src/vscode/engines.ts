import * as path from 'node:path';
import type * as GitEngine from '../engines/git';

export type GitEngineModule = typeof GitEngine;

let git: GitEngineModule | undefined;

/**
 * The git engine, loaded from dist/git-engine.js on first use (see esbuild.mjs): activation does
 * not load simple-git or the git checks, and a workspace without plans never does.
 */
export function gitEngine(): GitEngineModule {
  // A runtime require of a sibling bundle, by design: esbuild must not inline it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  git ??= require(path.join(__dirname, 'git-engine.js')) as GitEngineModule;
  return git;
}
