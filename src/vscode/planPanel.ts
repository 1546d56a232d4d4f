// The Plan panel: part of the lazily loaded engine (it renders with markdown-it).
import * as vscode from 'vscode';
import { planPlan } from '../core/planning';
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
  const n = instances !== undefined && instances >= 1 ? Math.floor(instances) : await pickInstances(first);
  if (n === undefined) return undefined;
  // Keyed apart from Open Report on the same plan (the report panel is one per document key).
  return ReportPanel.createOrShow({ extensionUri, document: first.uri.with({ fragment: 'plan-panel' }), log, getView: () => loadPlanReportView(plans.get(first.uri) ?? first, n, runLog) });
}

/** Most instances the picker offers. */
const MAX_PICK = 10;

// Asks how many terminals to schedule on, showing each choice's makespan; the plan's own terminal
// count (else 4) comes first.
async function pickInstances(entry: PlanEntry): Promise<number | undefined> {
  const preferred = Math.min(MAX_PICK, entry.plan.terminalCount ?? DEFAULT_PLAN_INSTANCES);
  const table = planPlan(entry.plan, { text: entry.text, instances: MAX_PICK }).table;
  const hours = (h: number) => `${Math.round(h * 10) / 10} h`;
  const items = table.rows.map((r) => ({
    label: r.instances === 1 ? vscode.l10n.t('1 terminal') : vscode.l10n.t('{0} terminals', r.instances),
    description: vscode.l10n.t('makespan {0} · speed-up {1}× · {2}% busy', hours(r.makespan), r.speedup.toFixed(2), Math.round(r.utilisation * 100)),
    ...(r.instances === preferred ? { detail: vscode.l10n.t('the plan\'s terminal count') } : {}),
    n: r.instances,
  }));
  items.sort((a, b) => (a.n === preferred ? -1 : b.n === preferred ? 1 : a.n - b.n));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Marathon: schedule {0} on how many terminals?', entry.plan.title || entry.relPath),
    placeHolder: vscode.l10n.t('Critical path {0}: no number of terminals finishes sooner', hours(table.criticalPathHours)),
  });
  return picked?.n;
}
