// Reports: the handoff, blocker and AAR writers (pure functions of measured inputs), their
// gatherers, and the fact-checker of handoff/AAR documents.
export type { AarInput, DeliverableState, DeliverableStateKind, HandoffInput, SessionCommits } from './types';
export { completion, blockerRecords, parallelism, taskRecords, terminalSpans, type Completion, type Parallelism } from './progress';
export { deliverableLine, effortEstimate, findSession, handoffMarkdown, handoffSummary } from './handoff';
export { blockerMarkdown, dependentsOf, fallbackSession, issueText, type BlockerInput } from './blocker';
export { blockerFileName, freeName, handoffFileName, safeId } from './names';
export { aarModel, type AarModel, type AarSession, type AarStatus, type AarTotals } from './aar';
export { aarMarkdown } from './aarMarkdown';
export { extractClaims, MAX_CLAIMS, type Claim, type ClaimKind, type ExtractedClaims } from './claims';
export { verifyClaims, type ClaimResult, type Verdict, type VerifyOptions, type VerifyReport } from './verify';
export { classifyFile, deliverableStates, gatherAar, gatherHandoff, planKey, readRunLog, RUN_LOG, workspaceRoot, type GatherOptions } from './gather';
export { readWindow, parseNumstatLog, isSafeRev, isSafeRepoPath } from './gitexec';
