import * as vscode from 'vscode';
import type { RunState } from '../core/clock';
import { loadEngine } from './engines';
import type { Session } from '../core/model';
import { Commands } from './commands';
import { readConfig } from './config';
import { lineStart } from './convert';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';
import { stateLabel } from './treeState';

/** A session in a plan: what session commands act on. */
export interface SessionRef {
  entry: PlanEntry;
  session: Session;
}

/** Start, pause, resume and stop sessions; every change is an event in the run log. */
export class SessionCommands {
  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
    private readonly log: vscode.LogOutputChannel,
    /** Asked before a session starts (e.g. a failed pre-flight); false cancels the start. */
    private readonly beforeStart: (ref: SessionRef) => Promise<boolean> = async () => true,
  ) {}

  state(ref: SessionRef): RunState {
    return this.runLog.run(ref.entry.folder, ref.entry.relPath, ref.session.id)?.state ?? 'not-started';
  }

  /**
   * The session a command targets: its argument (a tree node), or one the user picks. `verb` is
   * an English key (`'start'`, `'write a handoff for'`…) that {@link pickTexts} turns into messages.
   */
  async pick(arg: unknown, states: RunState[], verb: string): Promise<SessionRef | undefined> {
    const given = arg as Partial<SessionRef> | undefined;
    if (given?.entry && given.session) return { entry: given.entry, session: given.session };
    const candidates = this.plans.plans.flatMap((entry) =>
      entry.plan.sessions.map((session) => ({ entry, session })).filter((r) => states.includes(this.state(r))),
    );
    const texts = pickTexts(verb);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(texts.none);
      return undefined;
    }
    if (candidates.length === 1) return candidates[0];
    const picked = await vscode.window.showQuickPick(
      candidates.map((r) => ({ label: `${r.session.id} · ${r.session.title}`, description: r.entry.relPath, detail: stateLabel(this.state(r)), ref: r })),
      { title: texts.title, placeHolder: vscode.l10n.t('Choose a session'), matchOnDescription: true },
    );
    return picked?.ref;
  }

  async start(arg?: unknown): Promise<void> {
    const ref = await this.pick(arg, ['not-started', 'done', 'blocked', 'abandoned'], 'start');
    if (!ref) return;
    const folder = this.folderOf(ref);
    if (!folder) return;
    if (!(await this.beforeStart(ref))) return;
    // git may run programs named in the repository's config (core.fsmonitor, hooks): not in an
    // untrusted workspace, where the session starts without a recorded HEAD.
    const git = vscode.workspace.isTrusted ? await loadEngine().headFacts(folder.uri.fsPath) : { note: 'untrusted workspace: git not run' };
    if (git.note) this.log.info(`git: ${git.note}`);
    await this.runLog.append(folder, {
      event: 'session.start', plan: ref.entry.relPath, session: ref.session.id,
      ...(git.head ? { head: git.head } : {}), ...(git.branch ? { branch: git.branch } : {}), planned: ref.session,
    });
    this.log.info(`Started session ${ref.session.id} of ${ref.entry.relPath}.`);
    // The clock runs from the start; the branch offer waits for the user without holding it up.
    if (ref.session.branch && git.branch !== undefined && git.branch !== ref.session.branch && readConfig(folder).offerBranchCheckout) {
      void this.offerBranch(folder, ref.session.branch, git.branch);
    }
  }

  async pause(arg?: unknown): Promise<void> {
    const ref = await this.pick(arg, ['running'], 'pause');
    if (ref) await this.event(ref, 'session.pause');
  }

  async resume(arg?: unknown): Promise<void> {
    const ref = await this.pick(arg, ['paused'], 'resume');
    if (ref) await this.event(ref, 'session.resume');
  }

  async stop(arg?: unknown, outcome?: 'done' | 'blocked' | 'abandoned'): Promise<void> {
    const ref = await this.pick(arg, ['running', 'paused'], 'stop');
    if (!ref) return;
    const chosen =
      outcome ??
      (
        await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('$(pass) Done'), description: vscode.l10n.t('The session met its goal'), value: 'done' as const },
            { label: vscode.l10n.t('$(error) Blocked'), description: vscode.l10n.t('Something outside the session stopped it'), value: 'blocked' as const },
            { label: vscode.l10n.t('$(circle-slash) Abandoned'), description: vscode.l10n.t('Stopped without finishing'), value: 'abandoned' as const },
          ],
          { title: vscode.l10n.t('Stop session {0}', ref.session.id), placeHolder: vscode.l10n.t('How did it end?') },
        )
      )?.value;
    if (!chosen) return;
    const folder = this.folderOf(ref);
    if (folder) await this.runLog.append(folder, { event: 'session.stop', plan: ref.entry.relPath, session: ref.session.id, outcome: chosen });
  }

  /** The status-bar item's quick pick: the actions that fit the session's state. */
  async actions(arg?: unknown): Promise<void> {
    const ref = await this.pick(arg, ['running', 'paused'], 'act on');
    if (!ref) return;
    const state = this.state(ref);
    const items = [
      state === 'running'
        ? { label: vscode.l10n.t('$(debug-pause) Pause'), command: Commands.pauseSession }
        : { label: vscode.l10n.t('$(debug-continue) Resume'), command: Commands.resumeSession },
      { label: vscode.l10n.t('$(debug-stop) Stop…'), command: Commands.stopSession },
      { label: vscode.l10n.t('$(terminal-split) Launch Session Terminals'), command: Commands.launchSessionTerminals },
      { label: vscode.l10n.t('$(go-to-file) Open Session in Plan'), command: Commands.openInPlan },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Session {0}: {1}', ref.session.id, ref.session.title) });
    if (picked) await vscode.commands.executeCommand(picked.command, ref);
  }

  /** Opens the plan at the line of whatever the argument points to. */
  async openInPlan(arg?: unknown): Promise<void> {
    const node = arg as { entry?: PlanEntry; session?: Session; line?: number; task?: { line: number }; criterion?: { line: number }; deliverable?: { line: number }; slot?: { line: number } } | undefined;
    const ref = node?.entry ? undefined : await this.pick(arg, ['not-started', 'running', 'paused', 'done', 'blocked', 'abandoned'], 'open');
    const entry = node?.entry ?? ref?.entry;
    if (!entry) return;
    const line = node?.task?.line ?? node?.criterion?.line ?? node?.deliverable?.line ?? node?.slot?.line ?? node?.line ?? node?.session?.line ?? ref?.session.line ?? 1;
    const pos = lineStart(line);
    await vscode.window.showTextDocument(entry.uri, { selection: new vscode.Range(pos, pos), preview: true });
  }

  private async event(ref: SessionRef, event: 'session.pause' | 'session.resume'): Promise<void> {
    const folder = this.folderOf(ref);
    if (folder) await this.runLog.append(folder, { event, plan: ref.entry.relPath, session: ref.session.id });
  }

  private folderOf(ref: SessionRef): vscode.WorkspaceFolder | undefined {
    if (!ref.entry.folder) void vscode.window.showWarningMessage(vscode.l10n.t('Marathon keeps session clocks in a workspace folder; this plan is outside every folder.'));
    return ref.entry.folder;
  }

  // `git switch` refuses to overwrite uncommitted work; Marathon never forces it.
  private async offerBranch(folder: vscode.WorkspaceFolder, branch: string, current: string): Promise<void> {
    const action = (await loadEngine().hasBranch(folder.uri.fsPath, branch)) ? vscode.l10n.t('Check Out') : vscode.l10n.t('Create and Check Out');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('This session works on branch "{0}" (you are on "{1}").', branch, current),
      action,
      vscode.l10n.t('Stay on {0}', current),
    );
    if (choice !== action) return;
    const error = await loadEngine().switchBranch(folder.uri.fsPath, branch);
    if (error) void vscode.window.showWarningMessage(vscode.l10n.t('Marathon did not switch to "{0}": {1}', branch, error));
  }
}

/**
 * What the session pick says for each verb its callers pass (here and in the report commands):
 * whole sentences, so each is translated as one message.
 */
function pickTexts(verb: string): { none: string; title: string } {
  switch (verb) {
    case 'start':
      return { none: vscode.l10n.t('Marathon: no session to start.'), title: vscode.l10n.t('Marathon: start session') };
    case 'pause':
      return { none: vscode.l10n.t('Marathon: no session to pause.'), title: vscode.l10n.t('Marathon: pause session') };
    case 'resume':
      return { none: vscode.l10n.t('Marathon: no session to resume.'), title: vscode.l10n.t('Marathon: resume session') };
    case 'stop':
      return { none: vscode.l10n.t('Marathon: no session to stop.'), title: vscode.l10n.t('Marathon: stop session') };
    case 'act on':
      return { none: vscode.l10n.t('Marathon: no session to act on.'), title: vscode.l10n.t('Marathon: act on session') };
    case 'open':
      return { none: vscode.l10n.t('Marathon: no session to open.'), title: vscode.l10n.t('Marathon: open session') };
    case 'write a handoff for':
      return { none: vscode.l10n.t('Marathon: no session to write a handoff for.'), title: vscode.l10n.t('Marathon: write a handoff for session') };
    case 'report a blocker on':
      return { none: vscode.l10n.t('Marathon: no session to report a blocker on.'), title: vscode.l10n.t('Marathon: report a blocker on session') };
    default:
      return { none: vscode.l10n.t('Marathon: no session to {0}.', verb), title: vscode.l10n.t('Marathon: {0} session', verb) };
  }
}
