import * as vscode from 'vscode';
import type { Session } from '../core/model';
import { gitChecks, preflightChecklist, preflightMarkdown, runCommand, type PreflightResult } from '../core/preflight';
import { readConfig } from './config';
import { loadEngine } from './engines';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';

/**
 * "Marathon: Run Pre-flight": the plan's checklist (shown, for the user to tick), git (tree clean,
 * expected branch) and the `marathon.preflight.commands`, each with a timeout. The results go to
 * the run log and into a report; Start Session warns while the last pre-flight of a plan failed.
 */
export class Preflight {
  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async run(arg?: unknown): Promise<PreflightResult[] | undefined> {
    const target = await this.pick(arg);
    if (!target) return undefined;
    const { entry, session } = target;
    const folder = entry.folder;
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Marathon: pre-flight needs the plan inside a workspace folder.'));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(entry.uri);
    const checklist: PreflightResult[] = preflightChecklist(doc.getText()).map((i) => ({
      name: i.text,
      kind: 'checklist',
      ok: i.done ? true : undefined,
      detail: i.done ? vscode.l10n.t('ticked in the plan (line {0})', i.line) : vscode.l10n.t('to check by hand (line {0})', i.line),
    }));
    let results: PreflightResult[];
    if (!vscode.workspace.isTrusted) {
      // Commands and git can run code the workspace chooses: not before the user trusts it.
      results = [...checklist, { name: vscode.l10n.t('Commands and git'), kind: 'command', ok: undefined, detail: vscode.l10n.t('not run: the workspace is not trusted') }];
    } else {
      const config = readConfig(folder);
      results = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Marathon: pre-flight'), cancellable: false },
        async (progress) => {
          progress.report({ message: 'git' });
          const status = await loadEngine().gitStatusLines(folder.uri.fsPath);
          const git = gitChecks({ ...status, ...(session?.branch ? { expectedBranch: session.branch } : {}) });
          const commands: PreflightResult[] = [];
          for (const command of config.preflightCommands) {
            progress.report({ message: command });
            commands.push(await runCommand(command, { cwd: folder.uri.fsPath, timeoutMs: config.preflightTimeoutMs }));
          }
          return [...git, ...commands, ...checklist];
        },
      );
    }
    const ok = !results.some((r) => r.ok === false);
    await this.runLog.append(folder, {
      event: 'preflight.result',
      plan: entry.relPath,
      session: session?.id ?? '',
      ok,
      checks: results.map((r) => ({ name: r.name, ...(r.ok !== undefined ? { ok: r.ok } : {}), detail: r.detail })),
    });
    this.log.info(`Pre-flight of ${entry.relPath}${session ? ` (session ${session.id})` : ''}: ${ok ? 'passed' : 'failed'}.`);
    const title = session ? `${entry.plan.title} · ${session.id}` : entry.plan.title;
    const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: preflightMarkdown(title, results, new Date()) });
    await vscode.window.showTextDocument(report, { preview: true });
    if (!ok) void vscode.window.showWarningMessage(vscode.l10n.t('Marathon: pre-flight failed: {0}.', results.filter((r) => r.ok === false).map((r) => r.name).join(', ')));
    return results;
  }

  /** The last pre-flight of a plan failed (and nothing passed since): the names of the failed checks. */
  lastFailure(entry: PlanEntry): { at: string; failed: string[] } | undefined {
    if (!entry.folder) return undefined;
    const last = this.runLog
      .events(entry.folder)
      .filter((e) => e.event === 'preflight.result' && e.plan === entry.relPath)
      .at(-1);
    if (!last || last.event !== 'preflight.result' || last.ok) return undefined;
    return { at: last.time, failed: last.checks.filter((c) => c.ok === false).map((c) => c.name) };
  }

  private async pick(arg: unknown): Promise<{ entry: PlanEntry; session?: Session } | undefined> {
    const given = arg as { entry?: PlanEntry; session?: Session } | undefined;
    if (given?.entry) return { entry: given.entry, ...(given.session ? { session: given.session } : {}) };
    const plans = this.plans.plans;
    if (plans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: no plan in this workspace.'));
      return undefined;
    }
    if (plans.length === 1 && plans[0]) return { entry: plans[0] };
    const picked = await vscode.window.showQuickPick(
      plans.map((entry) => ({ label: entry.plan.title || entry.relPath, description: entry.relPath, entry })),
      { title: vscode.l10n.t('Marathon: run pre-flight for'), placeHolder: vscode.l10n.t('Choose a plan') },
    );
    return picked ? { entry: picked.entry } : undefined;
  }
}
