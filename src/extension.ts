import * as vscode from 'vscode';
import { ignoreForScope, ScopeFixes } from './vscode/codeActions';
import { PlanCodeLenses } from './vscode/codeLens';
import { Commands, ContextKeys } from './vscode/commands';
import { PlanCommands } from './vscode/planCommands';
import { BlockerWatch } from './vscode/blockers';
import { MarathonDiagnostics } from './vscode/diagnostics';
import { loadEngine } from './vscode/engines';
import type { ReportsSurface } from './vscode/reports';
import { PlanningCommands, planReportView, Reminders } from './vscode/planning';
import { PlanStore } from './vscode/planStore';
import { Preflight } from './vscode/preflight';
import { RunLogStore } from './vscode/runLog';
import { SessionCommands } from './vscode/sessionCommands';
import { SessionsTree, type Node } from './vscode/sessionsTree';
import { StatusTimers } from './vscode/statusTimer';
import { TerminalManager } from './vscode/terminals';
import { plural } from './core/words';
import { LiveTreeState } from './vscode/treeState';

/** What activate() returns: the live objects, for the integration tests. */
export interface MarathonApi {
  plans: PlanStore;
  runLog: RunLogStore;
  timers: StatusTimers;
  terminals: TerminalManager;
  preflight: Preflight;
  diagnostics: MarathonDiagnostics;
  blockers: BlockerWatch;
  planning: { commands: PlanningCommands; reminders: Reminders };
  /** The report commands, loaded with the engine on first use. */
  reports: () => ReportsSurface;
  tree: SessionsTree;
  view: vscode.TreeView<Node>;
  /** Settles when the first discovery of plans and run logs is done. */
  ready: Promise<void>;
  /** How long activate() itself took, in ms (the rest happens after it returns). */
  activationMs: number;
}

/** Composition root: builds the surfaces, registers them, hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): MarathonApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Marathon', { log: true });
  const plans = new PlanStore(log, context.workspaceState);
  const runLog = new RunLogStore(log);
  const terminals = new TerminalManager(plans, runLog, log);
  const state = new LiveTreeState(runLog, terminals);
  const tree = new SessionsTree(plans, state);
  const view = vscode.window.createTreeView('marathon.sessions', { treeDataProvider: tree, showCollapseAll: true, manageCheckboxStateManually: true });
  const timers = new StatusTimers(plans, runLog);
  const preflight = new Preflight(plans, runLog, log);
  const sessions = new SessionCommands(plans, runLog, log, (ref) => confirmStart(preflight, ref.entry));
  const planCommands = new PlanCommands(plans, log);
  context.subscriptions.push(log, plans, runLog, terminals, state, tree, view, timers);
  const diagnostics = new MarathonDiagnostics(plans, runLog, log, vscode.Uri.joinPath(context.extensionUri, 'README.md'), loadEngine);
  const blockers = new BlockerWatch(plans, runLog, loadEngine, log);
  const planning = { commands: new PlanningCommands(plans, runLog), reminders: new Reminders(plans, runLog, log) };
  context.subscriptions.push(planning.reminders);
  context.subscriptions.push(PlanCodeLenses.register(plans, runLog), diagnostics, ScopeFixes.register(diagnostics, plans), blockers);
  let reportsSurface: ReportsSurface | undefined;
  const reports = (): ReportsSurface => {
    if (!reportsSurface) {
      const r = new (loadEngine().ReportsSurface)({ plans, runLog, diagnostics, log, extensionUri: context.extensionUri,
        pick: (a, states, verb) => sessions.pick(a, states, verb),
        schedule: (entry) => planReportView(entry, entry.plan.terminalCount ?? 4, { runLog }).schedule,
      });
      context.subscriptions.push(r);
      reportsSurface = r;
    }
    return reportsSurface;
  };

  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register(Commands.startSession, (a) => sessions.start(a));
  register(Commands.pauseSession, (a) => sessions.pause(a));
  register(Commands.resumeSession, (a) => sessions.resume(a));
  register(Commands.stopSession, (a, outcome) => sessions.stop(a, outcome as 'done' | 'blocked' | 'abandoned' | undefined));
  register(Commands.sessionActions, (a) => sessions.actions(a));
  register(Commands.openInPlan, (a) => sessions.openInPlan(a));
  register(Commands.launchTask, (a) => terminals.launchTask(a));
  register(Commands.launchSessionTerminals, (a) => terminals.launchSessionTerminals(a));
  register(Commands.focusTaskTerminal, (a) => terminals.focus(a));
  register(Commands.runPreflight, (a) => preflight.run(a));
  register(Commands.ignoreForScope, (folder, glob) => ignoreForScope(folder, glob));
  register(Commands.writeHandoff, (a) => reports().writeHandoff(a));
  register(Commands.reportBlocker, (a, text) => reports().reportBlocker(a, typeof text === 'string' ? text : undefined));
  register(Commands.resolveBlocker, (a, note) => reports().resolveBlocker(a, typeof note === 'string' ? note : undefined));
  register(Commands.generateAar, (a) => reports().generateAar(a));
  register(Commands.checkClaims, (a) => reports().checkClaims(a));
  register(Commands.openReport, (a) => reports().openReport(a));
  register(Commands.startNext, (a) => planning.commands.startNext(a));
  register(Commands.openPlanPanel, (a, n) => {
    reports(); // keeps open panels live
    return loadEngine().openPlanPanel(plans, runLog, log, context.extensionUri, a, typeof n === 'number' ? n : undefined);
  });
  register(Commands.refresh, () => planCommands.refresh());
  register(Commands.addPlanFile, () => planCommands.addPlanFile());
  register(Commands.createPlan, (f) => planCommands.createPlan(f as vscode.WorkspaceFolder | undefined));
  register(Commands.toggleCriterion, (a) => {
    const n = a as Extract<Node, { kind: 'criterion' }> | undefined;
    return n?.kind === 'criterion' ? planCommands.setCriterion(n.entry, n.criterion, !n.criterion.done) : undefined;
  });
  context.subscriptions.push(
    view.onDidChangeCheckboxState(async (e) => {
      for (const [node, checked] of e.items) {
        if (node.kind === 'criterion') await planCommands.setCriterion(node.entry, node.criterion, checked === vscode.TreeItemCheckboxState.Checked);
      }
    }),
    plans.onDidChange(() => void updateContext(plans, runLog)),
    runLog.onDidChange(() => void updateContext(plans, runLog)),
  );

  // Discovery runs after activate() returns, so activation stays cheap.
  const ready = Promise.all([plans.discover(), runLog.loadAll()]).then(async () => {
    await vscode.commands.executeCommand('setContext', ContextKeys.ready, true);
    log.info(`Marathon ready: ${plural(plans.plans.length, 'plan')}.`);
  });
  const activationMs = performance.now() - started;
  log.info(`Marathon activated in ${activationMs.toFixed(1)} ms`);
  return { plans, runLog, timers, terminals, preflight, diagnostics, blockers, planning, reports, tree, view, ready, activationMs };
}

async function updateContext(plans: PlanStore, runLog: RunLogStore): Promise<void> {
  const states = plans.plans.flatMap((e) => e.plan.sessions.map((s) => runLog.run(e.folder, e.relPath, s.id)?.state));
  await vscode.commands.executeCommand('setContext', ContextKeys.hasPlans, plans.plans.length > 0);
  await vscode.commands.executeCommand('setContext', ContextKeys.hasRunning, states.includes('running'));
  await vscode.commands.executeCommand('setContext', ContextKeys.hasPaused, states.includes('paused'));
}

// A failed pre-flight warns before a session starts; the user decides.
async function confirmStart(preflight: Preflight, entry: Parameters<Preflight['lastFailure']>[0]): Promise<boolean> {
  const failed = preflight.lastFailure(entry);
  if (!failed) return true;
  const start = vscode.l10n.t('Start Anyway');
  const rerun = vscode.l10n.t('Run Pre-flight');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('The last pre-flight of {0} failed: {1}.', entry.relPath, failed.failed.join(', ') || vscode.l10n.t('see the report')),
    { modal: true },
    start,
    rerun,
  );
  if (answer === rerun) void preflight.run({ entry });
  return answer === start;
}

export function deactivate(): void {
  // Nothing to release: every disposable is in context.subscriptions.
}
