import * as vscode from 'vscode';
import type { Criterion } from '../core/model';
import { planTemplate } from '../core/plan/template';
import { setCriterion } from './criteria';
import type { PlanEntry, PlanStore } from './planStore';

/** Commands that work on plan files: create, add, refresh, tick criteria. */
export class PlanCommands {
  constructor(
    private readonly plans: PlanStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async refresh(): Promise<void> {
    await this.plans.discover();
  }

  /** Lets the user pick plan files the `marathon.planFiles` patterns do not cover. */
  async addPlanFile(): Promise<void> {
    const uris = await vscode.window.showOpenDialog({
      canSelectMany: true,
      openLabel: vscode.l10n.t('Add Plan'),
      filters: { [vscode.l10n.t('Marathon plans')]: ['md', 'markdown', 'yaml', 'yml'] },
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    });
    for (const uri of uris ?? []) await this.plans.add(uri);
  }

  /** Writes the commented template as a new plan; never overwrites: picks `-2`, `-3`… instead. */
  async createPlan(folderArg?: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
    const folder = folderArg ?? (await this.pickFolder());
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Marathon: open a folder first; the plan is created in it.'));
      return undefined;
    }
    const created = new Date().toISOString().slice(0, 10);
    const bytes = new TextEncoder().encode(planTemplate('My Marathon', created));
    for (let n = 1; n < 100; n++) {
      const uri = vscode.Uri.joinPath(folder.uri, n === 1 ? 'MARATHON.marathon.md' : `MARATHON-${n}.marathon.md`);
      if (await exists(uri)) continue;
      await vscode.workspace.fs.writeFile(uri, bytes);
      await this.plans.add(uri);
      await vscode.window.showTextDocument(uri);
      this.log.info(`Created ${uri.fsPath}.`);
      return uri;
    }
    void vscode.window.showErrorMessage(vscode.l10n.t('Marathon: too many MARATHON-N.marathon.md files already; nothing was written.'));
    return undefined;
  }

  /** Ticks or unticks a criterion; tells the user when the plan no longer matches. */
  async setCriterion(entry: PlanEntry, criterion: Criterion, done: boolean): Promise<boolean> {
    const error = await setCriterion(entry.uri, criterion, done);
    if (error) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Marathon: {0}', error));
      await this.plans.reread(entry.uri);
      return false;
    }
    await this.plans.reread(entry.uri);
    return true;
  }

  private async pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the plan go?') });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
