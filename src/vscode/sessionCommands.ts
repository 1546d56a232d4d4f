import * as vscode from 'vscode';
import type { RunState } from '../core/clock';
import { loadEngine } from './engines';
import type { Session } from '../core/model';
import { Commands } from './commands';
import { readConfig } from './config';
import { lineStart } from './convert';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';

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

  /** The session a command targets: its argument (a tree node), or one the user picks. */
  async pick(arg: unknown, states: RunState[], verb: string): Promise<SessionRef | undefined> {
    const given = arg as Partial<SessionRef> | undefined;
    if (given?.entry && given.session) return { entry: given.entry, session: given.session };
    const candidates = this.plans.plans.flatMap((entry) =>
      entry.plan.sessions.map((session) => ({ entry, session })).filter((r) => states.includes(this.state(r))),
    );
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(`Marathon: no session to ${verb}.`);
      return undefined;
    }
    if (candidates.length === 1) return candidates[0];
    const picked = await vscode.window.showQuickPick(
      candidates.map((r) => ({ label: `${r.session.id} · ${r.session.title}`, description: r.entry.relPath, detail: this.state(r), ref: r })),
      { title: `Marathon: ${verb} session`, placeHolder: 'Choose a session', matchOnDescription: true },
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
            { label: '$(pass) Done', description: 'The session met its goal', value: 'done' as const },
            { label: '$(error) Blocked', description: 'Something outside the session stopped it', value: 'blocked' as const },
            { label: '$(circle-slash) Abandoned', description: 'Stopped without finishing', value: 'abandoned' as const },
          ],
          { title: `Stop session ${ref.session.id}`, placeHolder: 'How did it end?' },
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
      state === 'running' ? { label: '$(debug-pause) Pause', command: Commands.pauseSession } : { label: '$(debug-continue) Resume', command: Commands.resumeSession },
      { label: '$(debug-stop) Stop…', command: Commands.stopSession },
      { label: '$(terminal-split) Launch Session Terminals', command: Commands.launchSessionTerminals },
      { label: '$(go-to-file) Open Session in Plan', command: Commands.openInPlan },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `Session ${ref.session.id}: ${ref.session.title}` });
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
    if (!ref.entry.folder) void vscode.window.showWarningMessage('Marathon keeps session clocks in a workspace folder; this plan is outside every folder.');
    return ref.entry.folder;
  }

  // `git switch` refuses to overwrite uncommitted work; Marathon never forces it.
  private async offerBranch(folder: vscode.WorkspaceFolder, branch: string, current: string): Promise<void> {
    const action = (await loadEngine().hasBranch(folder.uri.fsPath, branch)) ? 'Check Out' : 'Create and Check Out';
    const choice = await vscode.window.showInformationMessage(`This session works on branch "${branch}" (you are on "${current}").`, action, `Stay on ${current}`);
    if (choice !== action) return;
    const error = await loadEngine().switchBranch(folder.uri.fsPath, branch);
    if (error) void vscode.window.showWarningMessage(`Marathon did not switch to "${branch}": ${error}`);
  }
}
