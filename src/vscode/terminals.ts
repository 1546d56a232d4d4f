import * as vscode from 'vscode';
import type { Session } from '../core/model';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';
import type { TaskTerminals } from './treeState';

/** PLACEHOLDER being replaced in this session: launches and tracks task terminals. */
export class TerminalManager implements TaskTerminals, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;

  constructor(
    readonly plans: PlanStore,
    readonly runLog: RunLogStore,
    readonly log: vscode.LogOutputChannel,
  ) {}

  state(_entry: PlanEntry, _session: Session, _key: string): { running: boolean; exitCode?: number } | undefined {
    return undefined;
  }

  async launchTask(_arg?: unknown): Promise<void> {}
  async launchSessionTerminals(_arg?: unknown): Promise<void> {}
  async focus(_arg?: unknown): Promise<void> {}

  dispose(): void {
    this._onDidChange.dispose();
  }
}
