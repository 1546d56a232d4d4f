import * as path from 'node:path';
import * as vscode from 'vscode';
import { blockerRecords, budgetLevel, budgetRatio, formatTimer, type BlockerRecord, type RunState } from '../core/clock';
import type { Deliverable, RunEvent, Session } from '../core/model';
import type { PlanEntry } from './planStore';
import type { RunLogStore } from './runLog';
import type { SessionView, TreeState } from './sessionsTree';

/** A session's state as the user reads it (the English text is the state's id). */
export function stateLabel(state: RunState): string {
  switch (state) {
    case 'not-started':
      return vscode.l10n.t('not started');
    case 'running':
      return vscode.l10n.t('running');
    case 'paused':
      return vscode.l10n.t('paused');
    case 'done':
      return vscode.l10n.t('done');
    case 'blocked':
      return vscode.l10n.t('blocked');
    case 'abandoned':
      return vscode.l10n.t('abandoned');
  }
}

/** Where a task's terminal stands, as the terminals surface tracks it. */
export interface TaskTerminals {
  readonly onDidChange: vscode.Event<void>;
  state(entry: PlanEntry, session: Session, key: string): { running: boolean; exitCode?: number } | undefined;
}

/** The tree's live state: clocks from the run log, terminals, deliverables on disk. */
export class LiveTreeState implements TreeState, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly subs: vscode.Disposable[];
  private readonly blockers = new Map<string, { events: readonly RunEvent[]; length: number; open: Map<string, BlockerRecord> }>();

  constructor(
    private readonly runLog: RunLogStore,
    private readonly terminals: TaskTerminals,
  ) {
    this.subs = [this._onDidChange, runLog.onDidChange(() => this._onDidChange.fire()), terminals.onDidChange(() => this._onDidChange.fire())];
  }

  session(entry: PlanEntry, session: Session): SessionView {
    const run = this.runLog.run(entry.folder, entry.relPath, session.id);
    if (!run || run.state === 'not-started') return { state: 'not-started' };
    const blocker = entry.folder ? this.openBlockers(entry.folder).get(`${entry.relPath}\u0000${session.id}`) : undefined;
    return {
      state: run.state,
      timer: formatTimer(run, session.hours),
      level: budgetLevel(budgetRatio(run, session.hours)),
      ...(blocker && run.state !== 'done' && run.state !== 'abandoned' ? { blocker: blocker.text } : {}),
    };
  }

  // The open blockers of a folder, by plan and session: read once per change of its run log, not once
  // per session per tree refresh (a 1,000-session tree asks for every session).
  private openBlockers(folder: vscode.WorkspaceFolder): Map<string, BlockerRecord> {
    const events = this.runLog.events(folder);
    const key = folder.uri.toString();
    const cached = this.blockers.get(key);
    if (cached && cached.events === events && cached.length === events.length) return cached.open;
    const open = new Map<string, BlockerRecord>();
    const plans = new Set(events.filter((e) => e.event === 'blocker.report').map((e) => e.plan));
    for (const plan of plans) {
      for (const b of blockerRecords(events.filter((e) => e.plan === plan))) {
        if (!b.resolved) open.set(`${plan}\u0000${b.session}`, b);
      }
    }
    this.blockers.set(key, { events, length: events.length, open });
    return open;
  }

  task(entry: PlanEntry, session: Session, key: string): { running: boolean; exitCode?: number } | undefined {
    return this.terminals.state(entry, session, key);
  }

  /** Stats the deliverable only when it resolves inside the plan's workspace folder. */
  async deliverable(entry: PlanEntry, d: Deliverable): Promise<'exists' | 'missing' | 'pattern' | 'outside'> {
    if (!d.path || d.isGlob || d.isPlaceholder) return 'pattern';
    const root = entry.folder?.uri.fsPath;
    if (!root) return 'outside';
    const full = path.resolve(root, d.path);
    const rel = path.relative(root, full);
    if (rel.startsWith('..') || path.isAbsolute(rel) || path.isAbsolute(d.path)) return 'outside';
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(full));
      return 'exists';
    } catch {
      return 'missing';
    }
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
  }
}
