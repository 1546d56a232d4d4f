// The git facts layer: what git says about a session's work and about a window of history.
export * from './types';
export { windowFacts, type WindowRange } from './window';
export { repoRoot, isShallow, defaultBranch, watchPaths } from './repo';
export { EMPTY_TREE, isSafeRev, traceGit } from './run';
export { headFacts, hasBranch, switchBranch, type HeadFacts } from './session';
export { sessionFacts, clearCommittedCache, clearGitCache, type SessionFactsOptions } from './sessionFacts';
export type { BaseOptions } from './base';
