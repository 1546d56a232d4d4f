// The Plan panel: part of the lazily loaded engine (it renders with markdown-it).
import * as vscode from 'vscode';
import { DEFAULT_PLAN_INSTANCES, loadPlanReportView } from './planning';
import type { PlanEntry, PlanStore } from './planStore';
import { ReportPanel } from './report/panel';
import type { RunLogStore } from './runLog';

/**
 * Opens (or reveals and refreshes) the Plan panel of a plan: the argument's (a tree node or session
 * ref), else the active editor's, else the only plan or one the user picks.
 */
export async function openPlanPanel(
  plans: PlanStore, runLog: RunLogStore, log: vscode.LogOutputChannel, extensionUri: vscode.Uri, arg?: unknown, instances?: number,
): Promise<ReportPanel | undefined> {
  const given = (arg as { entry?: PlanEntry } | undefined)?.entry;
  const active = vscode.window.activeTextEditor?.document.uri;
  let entry = given ? (plans.get(given.uri) ?? given) : active ? plans.get(active) : undefined;
  if (!entry && plans.plans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: no plan to show.'));
    return undefined;
  }
  if (!entry && plans.plans.length === 1) entry = plans.plans[0];
  if (!entry) {
    const picked = await vscode.window.showQuickPick(
      plans.plans.map((e) => ({ label: e.plan.title || e.relPath, description: e.relPath, entry: e })),
      { title: vscode.l10n.t('Marathon: open Plan panel'), placeHolder: vscode.l10n.t('Choose a plan') },
    );
    entry = picked?.entry;
  }
  if (!entry) return undefined;
  const first = entry;
  const n = instances !== undefined && instances >= 1 ? Math.floor(instances) : (first.plan.terminalCount ?? DEFAULT_PLAN_INSTANCES);
  // Keyed apart from Open Report on the same plan (the report panel is one per document key).
  return ReportPanel.createOrShow({ extensionUri, document: first.uri.with({ fragment: 'plan-panel' }), log, getView: () => loadPlanReportView(plans.get(first.uri) ?? first, n, runLog) });
}
