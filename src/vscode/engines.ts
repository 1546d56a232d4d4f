import * as path from 'node:path';
import type * as Engine from '../engines';

export type EngineModule = typeof Engine;

let engine: EngineModule | undefined;

/**
 * The engine (git, the git-aware checks, reports, markdown rendering), loaded from dist/engine.js
 * on first use (see esbuild.mjs): activation does not load simple-git or markdown-it, and a
 * workspace that never asks git or opens a report never does.
 */
export function loadEngine(): EngineModule {
  // A runtime require of a sibling bundle, by design: esbuild must not inline it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require(path.join(__dirname, 'engine.js')) as EngineModule;
  return engine;
}
