/** Every command id Marathon contributes, in one place. A unit test keeps package.json in step. */
export const Commands = {
  startSession: 'marathon.startSession',
  pauseSession: 'marathon.pauseSession',
  resumeSession: 'marathon.resumeSession',
  stopSession: 'marathon.stopSession',
  launchTask: 'marathon.launchTask',
  launchSessionTerminals: 'marathon.launchSessionTerminals',
  focusTaskTerminal: 'marathon.focusTaskTerminal',
  toggleCriterion: 'marathon.toggleCriterion',
  openInPlan: 'marathon.openInPlan',
  refresh: 'marathon.refresh',
  addPlanFile: 'marathon.addPlanFile',
  createPlan: 'marathon.createPlan',
  sessionActions: 'marathon.sessionActions',
  ignoreForScope: 'marathon.ignoreForScope',
  runPreflight: 'marathon.runPreflight',
  writeHandoff: 'marathon.writeHandoff',
  reportBlocker: 'marathon.reportBlocker',
  resolveBlocker: 'marathon.resolveBlocker',
  generateAar: 'marathon.generateAar',
  checkClaims: 'marathon.checkClaims',
  openReport: 'marathon.openReport',
  startNext: 'marathon.startNext',
  openPlanPanel: 'marathon.openPlanPanel',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Context keys set with `setContext`, used in `when` clauses of package.json. */
export const ContextKeys = {
  ready: 'marathon.ready',
  hasPlans: 'marathon.hasPlans',
  hasRunning: 'marathon.hasRunning',
  hasPaused: 'marathon.hasPaused',
} as const;
