import * as vscode from 'vscode';
import { blockerRecords, eventTime, runKey } from '../core/clock';
import type { Session } from '../core/model';
import { Commands } from './commands';
import { readConfig } from './config';
import type { EngineModule } from './engines';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';

/** How the escalation asks the user; injectable so tests can answer. */
export type Ask = (message: string, ...options: string[]) => Thenable<string | undefined>;

/** One escalation offered, for tests and the log. */
export interface Escalation {
  plan: string;
  session: string;
  choice: string | undefined;
}

const CHECK_MS = 60_000;

/**
 * Watches unresolved blockers: once one has been open for `marathon.blocker.escalateAfterMinutes`,
 * offers to copy an issue text describing it, to pivot to a fallback session (the next one that
 * does not depend on the blocked one), or to keep going. Each blocker is offered once per window.
 */
export class BlockerWatch implements vscode.Disposable {
  /** The offers made so far (newest last). */
  readonly escalations: Escalation[] = [];
  private readonly offered = new Set<string>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly sub: vscode.Disposable;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
    private readonly engine: () => EngineModule,
    private readonly log: vscode.LogOutputChannel,
    public ask: Ask = (message, ...options) => vscode.window.showWarningMessage(message, ...options),
  ) {
    this.timer = setInterval(() => void this.check(), CHECK_MS);
    this.sub = runLog.onDidChange(() => void this.check());
  }

  /** Looks for blockers due for escalation now (by the run log's clock). */
  check(): Promise<void> {
    this.checking ??= this.run().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async run(): Promise<void> {
    const now = this.runLog.clock.now();
    for (const entry of this.plans.plans) {
      const folder = entry.folder;
      if (!folder) continue;
      const after = readConfig(folder).blockerEscalateAfterMinutes;
      if (after <= 0) continue;
      const events = this.runLog.events(folder).filter((e) => e.plan === entry.relPath);
      for (const b of blockerRecords(events)) {
        const at = eventTime(b);
        const key = `${folder.uri.toString()}|${entry.relPath}|${b.session}|${b.time}`;
        if (b.resolved || at === undefined || now - at < after * 60_000 || this.offered.has(key)) continue;
        this.offered.add(key);
        const session = entry.plan.sessions.find((s) => s.id === b.session);
        if (session) await this.offer(entry, session, b.text, Math.round((now - at) / 60_000));
      }
    }
  }

  private async offer(entry: PlanEntry, session: Session, text: string, minutes: number): Promise<void> {
    const engine = this.engine();
    const runs = entry.folder ? this.runLog.runs(entry.folder) : new Map();
    // A fallback is a session not begun yet: started or finished ones are passed over.
    const begun = new Set(
      entry.plan.sessions.filter((s) => (runs.get(runKey(entry.relPath, s.id))?.state ?? 'not-started') !== 'not-started').map((s) => s.id),
    );
    const fallback = engine.fallbackSession(entry.plan, session.id, begun);
    const copy = vscode.l10n.t('Copy Issue Text');
    const pivot = fallback ? vscode.l10n.t('Pivot to Session {0}', fallback.id) : undefined;
    const keep = vscode.l10n.t('Keep Going');
    const choice = await this.ask(
      vscode.l10n.t('Session {0} has been blocked for {1} min: {2}', session.id, minutes, text),
      ...[copy, pivot, keep].filter((x): x is string => x !== undefined),
    );
    this.escalations.push({ plan: entry.relPath, session: session.id, choice });
    this.log.info(`Blocker on session ${session.id} escalated after ${minutes} min: ${choice ?? 'dismissed'}.`);
    if (choice === copy && entry.folder) {
      const issue = engine.issueText({ plan: entry.plan, planFile: entry.relPath, sessionId: session.id, events: this.runLog.events(entry.folder), now: this.runLog.clock.now() });
      await vscode.env.clipboard.writeText(`${issue.title}\n\n${issue.body}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: the issue text is on the clipboard.'));
    } else if (choice === pivot && fallback && entry.folder) {
      const state = this.runLog.run(entry.folder, entry.relPath, session.id)?.state;
      if (state === 'running') await vscode.commands.executeCommand(Commands.pauseSession, { entry, session });
      await vscode.commands.executeCommand(Commands.startSession, { entry, session: fallback });
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.sub.dispose();
  }
}
