// The engine: everything that runs git or reads the work tree for the git-aware checks and the
// reports, and the report view's rendering (markdown-it). The extension bundles it separately
// (dist/engine.js) and loads it on first use, so activation pays for none of it.
export { headFacts, hasBranch, switchBranch } from '../core/git/session';
export { watchPaths as gitWatchPaths } from '../core/git/repo';
export { gitStatusLines } from '../core/preflight/git';
export { planGitFindings } from '../core/gitFindings';
export {
  aarMarkdown,
  aarModel,
  blockerFileName,
  blockerMarkdown,
  extractClaims,
  fallbackSession,
  gatherAar,
  gatherHandoff,
  handoffFileName,
  handoffMarkdown,
  handoffSummary,
  issueText,
  verifyClaims,
} from '../core/reports';
export { renderReportBody, renderMessageBody } from '../vscode/report/view';
export { exportDocument } from '../vscode/report/html';
export { ReportsSurface, type ReportsDeps } from '../vscode/reports';
export { openPlanPanel } from '../vscode/planPanel';
