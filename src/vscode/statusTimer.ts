import * as vscode from 'vscode';
import { budgetLevel, budgetRatio, formatTimer } from '../core/clock';
import { Commands } from './commands';
import type { PlanStore } from './planStore';
import type { RunLogStore } from './runLog';
import { stateLabel } from './treeState';

/** How often the timers refresh their text. Minutes are shown, so 15 s is plenty. */
const TICK_MS = 15_000;

/**
 * One status-bar item per running or paused session: `$(watch) 024 1:12 / 4:00`, with a warning
 * background from 80% of the budget and an error background past 100%.
 */
export class StatusTimers implements vscode.Disposable {
  private readonly items = new Map<string, vscode.StatusBarItem>();
  private readonly subs: vscode.Disposable[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
  ) {
    this.subs.push(plans.onDidChange(() => this.update()), runLog.onDidChange(() => this.update()));
    this.timer = setInterval(() => this.update(), TICK_MS);
  }

  /** The items shown now, keyed `planUri#sessionId` (for tests). */
  get shown(): ReadonlyMap<string, vscode.StatusBarItem> {
    return this.items;
  }

  update(): void {
    const seen = new Set<string>();
    for (const entry of this.plans.plans) {
      if (!entry.folder) continue;
      for (const session of entry.plan.sessions) {
        const run = this.runLog.run(entry.folder, entry.relPath, session.id);
        if (!run || (run.state !== 'running' && run.state !== 'paused')) continue;
        const key = `${entry.uri.toString()}#${session.id}`;
        seen.add(key);
        let item = this.items.get(key);
        if (!item) {
          item = vscode.window.createStatusBarItem(`marathon.timer.${key}`, vscode.StatusBarAlignment.Left, 50);
          item.name = vscode.l10n.t('Marathon session {0}', session.id);
          this.items.set(key, item);
        }
        const level = budgetLevel(budgetRatio(run, session.hours));
        const icon = run.state === 'paused' ? '$(debug-pause)' : '$(watch)';
        item.text = `${icon} ${session.id} ${formatTimer(run, session.hours)}`;
        item.backgroundColor =
          level === 'over' ? new vscode.ThemeColor('statusBarItem.errorBackground')
          : level === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
        item.tooltip = session.hours
          ? vscode.l10n.t('Session {0}: {1} — {2}, budget {3}. Click for actions.', session.id, session.title, stateLabel(run.state), session.hours.text)
          : vscode.l10n.t('Session {0}: {1} — {2}. Click for actions.', session.id, session.title, stateLabel(run.state));
        item.command = { command: Commands.sessionActions, title: vscode.l10n.t('Session actions'), arguments: [{ kind: 'session', entry, session }] };
        item.show();
      }
    }
    for (const [key, item] of this.items) {
      if (!seen.has(key)) {
        item.dispose();
        this.items.delete(key);
      }
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const item of this.items.values()) item.dispose();
    for (const d of this.subs) d.dispose();
  }
}
