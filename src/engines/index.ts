// The git engine: everything that runs git (through simple-git) or reads the work tree for the
// git-aware checks. The extension bundles it separately (dist/git-engine.js) and loads it on first
// use, so activation never pays for simple-git; the CLI imports it directly.
export { headFacts, hasBranch, switchBranch } from '../core/git/session';
export { gitStatusLines } from '../core/preflight/git';
export { planGitFindings } from '../core/gitFindings';
export { watchPaths as gitWatchPaths } from '../core/git/repo';
