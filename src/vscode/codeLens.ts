import * as vscode from 'vscode';
import { formatTimer, onClock, runKey, type SessionRun } from '../core/clock';
import { tasksForSession, terminalLabel, type SessionTask } from '../core/launch/tasks';
import type { Session } from '../core/model';
import { Commands } from './commands';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';
import type { Node } from './sessionsTree';
import { stateLabel } from './treeState';

/** How often lenses refresh while a session runs: the timer shows minutes, so 30 s is enough. */
export const LENS_TICK_MS = 30_000;

/** The documents lenses are offered for; the provider answers `[]` for those that are not plans. */
export const PLAN_LENS_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'yaml', scheme: 'file' },
];

/**
 * A plan with at most this many lenses gets them with their commands made at once. VS Code resolves
 * a lens that has no command only after its resolve delay (250 ms at least) and draws it blank until
 * then, so made up front, a usual plan's lenses appear with their titles, after each change too.
 * Making them costs 6–11 µs a lens (the performance figures: 88 ms for the 14,000 of a
 * 1,000-session plan; 11 ms for 980 under load), so up to this many about 3–6 ms; a bigger plan's
 * lenses are made as VS Code shows them.
 */
export const EAGER_LENS_LIMIT = 500;

type TaskNode = Extract<Node, { kind: 'task' }>;
type SlotNode = Extract<Node, { kind: 'slot' }>;

/**
 * A lens whose command (title, tooltip, arguments) is made when VS Code resolves it, which it does
 * for the lenses on screen only, or at once for a plan of {@link EAGER_LENS_LIMIT} lenses or fewer.
 * A plan of 1,000 sessions has 14,000 lenses: made up front, their commands took most of the time
 * the whole set took (88 ms median in the performance figures).
 */
class PlanLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    private readonly make: () => vscode.Command,
  ) {
    super(range);
  }

  resolve(): this {
    this.command ??= this.make();
    return this;
  }
}

/**
 * Code lenses in plan files: start / pause · timer / resume · timer / stop above each session
 * heading, and Launch above each terminal allocation and each task row a session launches.
 * Everything comes from the parsed plan in the {@link PlanStore} (never a re-parse): while an edit
 * waits for the store's debounce, lenses stay at the lines of the last parse.
 */
export class PlanCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly _onDidChangeCodeLenses = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this._onDidChangeCodeLenses.event;
  private readonly subs: vscode.Disposable[] = [this._onDidChangeCodeLenses];
  private tick: ReturnType<typeof setInterval> | undefined;

  /** Creates the provider and registers it for {@link PLAN_LENS_SELECTOR}; disposing it unregisters. */
  static register(plans: PlanStore, runLog: RunLogStore): PlanCodeLenses {
    const provider = new PlanCodeLenses(plans, runLog);
    provider.subs.push(vscode.languages.registerCodeLensProvider(PLAN_LENS_SELECTOR, provider));
    return provider;
  }

  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
  ) {
    const changed = () => {
      this.updateTick();
      this._onDidChangeCodeLenses.fire();
    };
    this.subs.push(plans.onDidChange(changed), runLog.onDidChange(changed));
    this.updateTick();
  }

  /** True while the 30 s refresh runs, i.e. while some session of a known plan is running. */
  get ticking(): boolean {
    return this.tick !== undefined;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const entry = this.plans.get(document.uri);
    if (!entry) return [];
    const runs = entry.folder ? this.runLog.runs(entry.folder) : undefined;
    // A stale parse may point past the end of the edited text: such lines get no lens.
    const at = (line: number): vscode.Range | undefined =>
      Number.isInteger(line) && line >= 1 && line <= document.lineCount ? new vscode.Range(line - 1, 0, line - 1, 0) : undefined;
    const lenses: PlanLens[] = [];
    // A task row can belong to several sessions (a stream task inside two sessions' ranges).
    const taskRows = new Map<number, { session: Session; st: SessionTask }[]>();

    for (const session of entry.plan.sessions) {
      const range = at(session.line);
      if (range) lenses.push(...this.sessionLenses(entry, session, runs?.get(runKey(entry.relPath, session.id)), range));
      const tasks = tasksForSession(entry.plan, session);
      for (const slot of session.terminals) {
        const slotRange = at(slot.line);
        if (!slotRange) continue;
        lenses.push(
          new PlanLens(slotRange, () => {
            const node: SlotNode = { kind: 'slot', entry, session, slot, tasks: tasks.filter((t) => t.terminal === slot).map((t) => t.task) };
            return {
              title: vscode.l10n.t('$(play) Launch'),
              tooltip: vscode.l10n.t('Launch {0} of session {1}', terminalLabel(slot), session.id),
              command: Commands.launchTask,
              arguments: [node],
            };
          }),
        );
      }
      for (const st of tasks) {
        const rows = taskRows.get(st.task.line) ?? [];
        rows.push({ session, st });
        taskRows.set(st.task.line, rows);
      }
    }

    for (const [line, rows] of taskRows) {
      const range = at(line);
      if (!range) continue;
      const shared = rows.length > 1;
      for (const { session, st } of rows) {
        lenses.push(
          new PlanLens(range, () => {
            const node: TaskNode = st.terminal ? { kind: 'task', entry, session, task: st.task, slot: st.terminal } : { kind: 'task', entry, session, task: st.task };
            return {
              // Only a row several sessions share names the session.
              title: shared ? vscode.l10n.t('$(play) Launch · {0}', session.id) : vscode.l10n.t('$(play) Launch'),
              tooltip: st.terminal
                ? vscode.l10n.t('Launch task {0} of session {1} ({2})', st.task.id, session.id, terminalLabel(st.terminal))
                : vscode.l10n.t('Launch task {0} of session {1}', st.task.id, session.id),
              command: Commands.launchTask,
              arguments: [node],
            };
          }),
        );
      }
    }
    if (lenses.length <= EAGER_LENS_LIMIT) for (const lens of lenses) lens.resolve();
    return lenses;
  }

  /** Makes the command of a lens VS Code is about to show. */
  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    return lens instanceof PlanLens ? lens.resolve() : lens;
  }

  private sessionLenses(entry: PlanEntry, session: Session, run: SessionRun | undefined, range: vscode.Range): PlanLens[] {
    const arg = { entry, session };
    // Each lens's title, command and tooltip, made when it is resolved.
    const lens = (make: () => [title: string, command: string, tooltip: string]) =>
      new PlanLens(range, () => {
        const [title, command, tooltip] = make();
        return { title, command, tooltip, arguments: [arg] };
      });
    // Fragments of the tooltips below: ` (budget 4 hours)` and ` Last run: done, 1:12 / 4:00.`
    const budget = () => (session.hours ? vscode.l10n.t(' (budget {0})', session.hours.text) : '');
    if (run && onClock(run.state)) {
      const stop = lens(() => [vscode.l10n.t('$(debug-stop) Stop'), Commands.stopSession, vscode.l10n.t('Stop session {0}', session.id)]);
      return [
        run.state === 'running'
          ? lens(() => [vscode.l10n.t('$(debug-pause) Pause · {0}', formatTimer(run, session.hours)), Commands.pauseSession, vscode.l10n.t('Session {0} is running{1}. Pause it.', session.id, budget())])
          : lens(() => [vscode.l10n.t('$(debug-continue) Resume · {0}', formatTimer(run, session.hours)), Commands.resumeSession, vscode.l10n.t('Session {0} is paused{1}. Resume it.', session.id, budget())]),
        stop,
      ];
    }
    const last = run && run.state !== 'not-started' ? run : undefined;
    return [
      lens(() => {
        const before = last ? vscode.l10n.t(' Last run: {0}, {1}.', stateLabel(last.state), formatTimer(last, session.hours)) : '';
        return [vscode.l10n.t('$(play) Start session'), Commands.startSession, vscode.l10n.t('Start session {0}: {1}{2}.{3}', session.id, session.title, budget(), before)];
      }),
    ];
  }

  // The refresh timer runs only while a session of a known plan is on the clock.
  private updateTick(): void {
    const byFolder = new Map<string, Map<string, SessionRun>>();
    const running = this.plans.plans.some((entry) => {
      if (!entry.folder) return false;
      const key = entry.folder.uri.toString();
      let runs = byFolder.get(key);
      if (!runs) byFolder.set(key, (runs = this.runLog.runs(entry.folder)));
      return entry.plan.sessions.some((s) => runs.get(runKey(entry.relPath, s.id))?.state === 'running');
    });
    if (running && !this.tick) {
      this.tick = setInterval(() => this._onDidChangeCodeLenses.fire(), LENS_TICK_MS);
    } else if (!running && this.tick) {
      clearInterval(this.tick);
      this.tick = undefined;
    }
  }

  dispose(): void {
    if (this.tick) clearInterval(this.tick);
    this.tick = undefined;
    for (const d of this.subs) d.dispose();
  }
}
