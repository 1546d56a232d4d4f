import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  buildPrompt,
  defaultAgentCommand,
  expandCommand,
  neverShareFilter,
  promptFileName,
  shellKindOf,
  slotsForSession,
  tasksForSession,
  terminalLabel,
  terminalName,
  type ShellKind,
} from '../core/launch';
import type { Session, Task, Terminal } from '../core/model';
import { plural } from '../core/words';
import { readConfig } from './config';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';
import { slotKey, taskKey as treeTaskKey } from './sessionsTree';
import type { TaskTerminals } from './treeState';

/** Where prompt files go, relative to the plan's workspace folder. */
export const PROMPTS_DIR = '.marathon/prompts';

/** Launching more terminals than this at once asks first (plan text is untrusted). */
export const CONFIRM_ABOVE = 8;

/** What the warning says when the workspace is not trusted (in the display language). */
export function untrustedMessage(): string {
  return vscode.l10n.t('Marathon does not launch terminals in an untrusted workspace. Trust the workspace to launch tasks.');
}

/** One terminal Marathon can launch: a task, or one terminal number of an allocation. */
export type LaunchTarget =
  | { kind: 'task'; entry: PlanEntry; session: Session; task: Task; terminal?: Terminal }
  | { kind: 'slot'; entry: PlanEntry; session: Session; terminal: Terminal; slot: number };

/** A terminal Marathon launched (or found again after a reload) and what became of it. */
interface Tracked {
  key: string;
  /** The run log's `task` field: the task id, or `terminal-2` for terminal 2 of an allocation. */
  task: string;
  name: string;
  folder: vscode.WorkspaceFolder;
  plan: string;
  session: string;
  terminal: vscode.Terminal;
  running: boolean;
  /** The exit code of the launched command (shell integration), or of the shell once closed. */
  exitCode?: number;
  /** The first command execution seen in the terminal: the one Marathon typed. */
  execution?: vscode.TerminalShellExecution;
  executionDone?: boolean;
}

/** The state the tree shows for a task or a terminal slot. */
export type TerminalState = { running: boolean; exitCode?: number };

/**
 * Launches agent terminals for tasks and terminal slots, and tracks them: running while the
 * terminal is open, then the exit code (from shell integration when it reports one, else the
 * shell's). Prompts are written under `.marathon/prompts/` of the plan's workspace folder; the
 * command is `marathon.agentCommand` (or the safe default that prints the prompt) with every value
 * quoted for the terminal's shell. Nothing is launched in an untrusted workspace.
 */
export class TerminalManager implements TaskTerminals, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly tracked = new Map<string, Tracked>();
  private readonly byTerminal = new Map<vscode.Terminal, Tracked>();
  private readonly launching = new Map<string, Promise<vscode.Terminal | undefined>>();
  private readonly subs: vscode.Disposable[] = [this._onDidChange];

  constructor(
    readonly plans: PlanStore,
    readonly runLog: RunLogStore,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.subs.push(
      vscode.window.onDidCloseTerminal((t) => this.closed(t)),
      vscode.window.onDidStartTerminalShellExecution((e) => {
        const tr = this.byTerminal.get(e.terminal);
        if (tr && !tr.execution) tr.execution = e.execution;
      }),
      vscode.window.onDidEndTerminalShellExecution((e) => this.ended(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this._onDidChange.fire()),
      plans.onDidChange(() => this.adopt()),
      vscode.window.onDidOpenTerminal(() => this.adopt()),
    );
  }

  /** The terminal state of a task (`task:<id>`) or an allocation (`slot:<from>-<to>`, all its terminals). */
  state(entry: PlanEntry, session: Session, key: string): TerminalState | undefined {
    const base = `${entry.uri.toString()}#${session.id}#${key}`;
    const one = this.tracked.get(base);
    if (one) return view(one);
    const parts = [...this.tracked.values()].filter((t) => t.key.startsWith(`${base}#`));
    if (parts.length === 0) return undefined;
    if (parts.some((t) => t.running)) return { running: true };
    const codes = parts.map((t) => t.exitCode).filter((c): c is number => c !== undefined);
    const worst = codes.find((c) => c !== 0) ?? codes[0];
    return worst === undefined ? { running: false } : { running: false, exitCode: worst };
  }

  /** The open terminal of a target, if Marathon tracks one. */
  terminalOf(target: LaunchTarget): vscode.Terminal | undefined {
    const t = this.tracked.get(keyOf(target));
    return t?.running ? t.terminal : undefined;
  }

  /** Launch Task: a task or slot node (tree, code lens), or a pick over every session's tasks and terminals. */
  async launchTask(arg?: unknown): Promise<vscode.Terminal | undefined> {
    if (!this.trusted()) return undefined;
    const target = arg === undefined ? await this.pickTarget() : this.targetOf(arg);
    if (!target) {
      if (arg !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('Marathon: Launch Task needs a task or a terminal of a session.'));
      return undefined;
    }
    return this.launch(target);
  }

  /** Launch Session Terminals: one terminal per terminal number of the session's allocations. */
  async launchSessionTerminals(arg?: unknown): Promise<vscode.Terminal[]> {
    if (!this.trusted()) return [];
    const ref = arg === undefined ? await this.pickSession() : this.sessionOf(arg);
    if (!ref) return [];
    const { entry, session } = ref;
    const slots = slotsForSession(session);
    const targets: LaunchTarget[] = slots.length
      ? slots.map((s) => ({ kind: 'slot', entry, session, terminal: s.terminal, slot: s.slot }))
      : tasksForSession(entry.plan, session).map((st) => ({ kind: 'task', entry, session, task: st.task, ...(st.terminal ? { terminal: st.terminal } : {}) }));
    if (targets.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: session {0} has no terminal allocation and no tasks to launch.', session.id));
      return [];
    }
    if (targets.length > CONFIRM_ABOVE) {
      const go = vscode.l10n.t('Launch {0} Terminals', targets.length);
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Session {0} asks for {1} terminals. Launch them all?', session.id, targets.length),
        { modal: true },
        go,
      );
      if (answer !== go) return [];
    }
    const out: vscode.Terminal[] = [];
    for (const target of targets) {
      const t = await this.launch(target, { reveal: false });
      if (t) out.push(t);
    }
    out[0]?.show(false);
    return out;
  }

  /** Focus Task Terminal: reveals the open terminal of a task or slot node, or one the user picks. */
  async focus(arg?: unknown): Promise<void> {
    if (arg === undefined) {
      const open = [...this.tracked.values()].filter((t) => t.running);
      if (open.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: no task terminal is open.'));
        return;
      }
      const picked =
        open.length === 1
          ? open[0]
          : (await vscode.window.showQuickPick(open.map((t) => ({ label: t.name, description: t.plan, t })), { title: vscode.l10n.t('Marathon: Focus Task Terminal') }))?.t;
      picked?.terminal.show(false);
      return;
    }
    const node = arg as { kind?: string; entry?: PlanEntry; session?: Session; slot?: Terminal };
    let open: Tracked | undefined;
    if (node.kind === 'slot' && node.entry && node.session && node.slot) {
      const prefix = `${node.entry.uri.toString()}#${node.session.id}#${slotKey(node.slot)}#`;
      open = [...this.tracked.values()].find((t) => t.running && t.key.startsWith(prefix));
    } else {
      const target = this.targetOf(arg);
      const t = target && this.tracked.get(keyOf(target));
      open = t?.running ? t : undefined;
    }
    if (open) {
      open.terminal.show(false);
      return;
    }
    const launch = vscode.l10n.t('Launch');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Marathon: this task has no open terminal.'), launch);
    if (answer === launch) await this.launchTask(arg);
  }

  /** Writes the prompt, opens the terminal and types the agent command; reveals an open one instead. */
  async launch(target: LaunchTarget, options: { reveal?: boolean } = {}): Promise<vscode.Terminal | undefined> {
    if (!this.trusted()) return undefined;
    const key = keyOf(target);
    const pending = this.launching.get(key);
    if (pending) return pending;
    const open = this.tracked.get(key);
    if (open?.running) {
      if (options.reveal !== false) open.terminal.show(false);
      return open.terminal;
    }
    const run = this.start(target, key, options.reveal !== false).finally(() => this.launching.delete(key));
    this.launching.set(key, run);
    return run;
  }

  private async start(target: LaunchTarget, key: string, reveal: boolean): Promise<vscode.Terminal | undefined> {
    const { entry, session } = target;
    const folder = entry.folder;
    if (!folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Marathon: {0} is not inside a workspace folder; open its folder to launch tasks.', entry.relPath));
      return undefined;
    }
    const plan = entry.plan;
    const isTask = target.kind === 'task';
    const taskField = isTask ? target.task.id : `terminal-${target.slot}`;
    const name = isTask ? terminalName(session.id, target.task.id, target.task.title) : terminalName(session.id, `Terminal ${target.slot}`, target.terminal.label || terminalLabel(target.terminal));
    const built = buildPrompt(
      isTask
        ? { plan, planPath: entry.relPath, session, task: target.task, ...(target.terminal ? { terminal: target.terminal } : {}) }
        : { plan, planPath: entry.relPath, session, terminal: target.terminal, slot: target.slot },
    );
    // Prefixed by the plan, so two plans with the same session ids never share a prompt file.
    const fileName = promptFileName(`${planKey(entry.relPath)}-${session.id}`, taskField);
    try {
      await writePrompt(folder.uri.fsPath, fileName, built.markdown);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.log.error(`Could not write the prompt for ${name}: ${why}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Marathon: could not write the prompt file {0}: {1}', `${PROMPTS_DIR}/${fileName}`, why));
      return undefined;
    }
    const relPosix = `${PROMPTS_DIR}/${fileName}`;
    const relNative = process.platform === 'win32' ? relPosix.replace(/\//g, '\\') : relPosix;

    const kind = shellKind();
    const template = readConfig(folder).agentCommand.trim() || defaultAgentCommand(kind);
    // Plan text may name never-share paths: they never reach the command line.
    const filter = neverShareFilter(plan);
    const safe = (s: string): string => filter.redact(s).text;
    const vars = {
      taskId: safe(taskField),
      sessionId: safe(session.id),
      branch: safe(session.branch ?? ''),
      title: safe(isTask ? target.task.title : target.terminal.label || terminalLabel(target.terminal)),
      promptFile: relNative,
    };
    const { command, problems } = expandCommand(template, vars, kind);
    if (problems.length) {
      for (const p of problems) this.log.warn(`marathon.agentCommand: ${p}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Marathon: {0} Check the marathon.agentCommand setting.', problems.join(' ')));
    }

    const terminal = vscode.window.createTerminal({ name, cwd: folder.uri, iconPath: new vscode.ThemeIcon('terminal') });
    const tracked: Tracked = { key, task: taskField, name, folder, plan: entry.relPath, session: session.id, terminal, running: true };
    const previous = this.tracked.get(key);
    if (previous) this.byTerminal.delete(previous.terminal);
    this.tracked.set(key, tracked);
    this.byTerminal.set(terminal, tracked);
    if (reveal) terminal.show(false);
    terminal.sendText(command, true);
    this.log.info(`Launched ${JSON.stringify(name)} in ${folder.name} (${kind}); prompt ${relPosix}${built.omitted.length ? `; ${plural(built.omitted.length, 'never-share path')} left out` : ''}.`);
    this._onDidChange.fire();
    await this.append(folder, { event: 'task.launch', plan: entry.relPath, session: session.id, task: taskField, terminal: name, promptFile: relPosix });
    return terminal;
  }

  private ended(e: vscode.TerminalShellExecutionEndEvent): void {
    const tr = this.byTerminal.get(e.terminal);
    if (!tr || tr.executionDone) return;
    if (tr.execution && tr.execution !== e.execution) return;
    tr.executionDone = true;
    if (e.exitCode !== undefined) tr.exitCode = e.exitCode;
    this.log.info(`${JSON.stringify(tr.name)}: the command ended${e.exitCode !== undefined ? ` with exit code ${e.exitCode}` : ''}.`);
    this._onDidChange.fire();
  }

  private closed(terminal: vscode.Terminal): void {
    const tr = this.byTerminal.get(terminal);
    if (!tr) return;
    this.byTerminal.delete(terminal);
    if (!tr.running) return;
    tr.running = false;
    if (!tr.executionDone && terminal.exitStatus?.code !== undefined) tr.exitCode = terminal.exitStatus.code;
    this._onDidChange.fire();
    void this.append(tr.folder, {
      event: 'task.exit', plan: tr.plan, session: tr.session, task: tr.task, terminal: tr.name,
      ...(tr.exitCode !== undefined ? { exitCode: tr.exitCode } : {}),
    });
  }

  private async append(folder: vscode.WorkspaceFolder, event: Parameters<RunLogStore['append']>[1]): Promise<void> {
    try {
      await this.runLog.append(folder, event);
    } catch (error) {
      this.log.error(`Could not append ${event.event} to the run log of ${folder.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * After a window reload VS Code restores open terminals but Marathon forgets them: a terminal
   * whose name only one task or slot of the known plans would get is tracked again. Only the
   * sessions an open terminal's name starts with are expanded into names, so this stays cheap.
   */
  private adopt(): void {
    const open = vscode.window.terminals.filter((t) => !this.byTerminal.has(t) && t.exitStatus === undefined);
    if (open.length === 0) return;
    const byName = new Map<string, LaunchTarget[]>();
    for (const entry of this.plans.plans) {
      if (!entry.folder) continue;
      for (const session of entry.plan.sessions) {
        const prefix = `${terminalName(session.id, '', '')} · `;
        if (!open.some((t) => t.name.startsWith(prefix))) continue;
        for (const target of allTargets(entry, session)) {
          const name = nameOf(target);
          byName.set(name, [...(byName.get(name) ?? []), target]);
        }
      }
    }
    let changed = false;
    for (const terminal of open) {
      const targets = byName.get(terminal.name);
      if (targets?.length !== 1 || open.filter((t) => t.name === terminal.name).length !== 1) continue;
      const target = targets[0]!;
      const key = keyOf(target);
      if (this.tracked.get(key)?.running) continue;
      const tr: Tracked = {
        key, task: target.kind === 'task' ? target.task.id : `terminal-${target.slot}`, name: terminal.name, folder: target.entry.folder!,
        plan: target.entry.relPath, session: target.session.id, terminal, running: true, executionDone: true,
      };
      this.tracked.set(key, tr);
      this.byTerminal.set(terminal, tr);
      this.log.info(`Tracking the restored terminal ${JSON.stringify(terminal.name)} again.`);
      changed = true;
    }
    if (changed) this._onDidChange.fire();
  }

  private trusted(): boolean {
    if (vscode.workspace.isTrusted) return true;
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window.showWarningMessage(untrustedMessage(), manage).then((a) => {
      if (a === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    this.log.warn('Refused to launch a terminal: the workspace is not trusted.');
    return false;
  }

  /** A launch target from a tree or code-lens node, re-read from the current plan when it still exists. */
  private targetOf(arg: unknown): LaunchTarget | undefined {
    const node = arg as { kind?: unknown; entry?: PlanEntry; session?: Session; task?: Task; slot?: unknown; terminal?: Terminal };
    if (!node || typeof node !== 'object' || !node.entry?.uri || !node.session) return undefined;
    const entry = this.plans.get(node.entry.uri) ?? node.entry;
    const session = entry.plan.sessions.find((s) => s.id === node.session!.id && s.line === node.session!.line)
      ?? entry.plan.sessions.find((s) => s.id === node.session!.id)
      ?? node.session;
    if (node.kind === 'task' && node.task) {
      const all = tasksForSession(entry.plan, session);
      const found = all.find((st) => st.task.id === node.task!.id && st.task.line === node.task!.line) ?? all.find((st) => st.task.id === node.task!.id);
      const task = found?.task ?? node.task;
      const terminal = found ? found.terminal : typeof node.slot === 'object' ? (node.slot as Terminal) : undefined;
      return terminal ? { kind: 'task', entry, session, task, terminal } : { kind: 'task', entry, session, task };
    }
    if (node.kind === 'slot') {
      // A tree or lens node carries the allocation as `slot`; a picked target carries the number.
      const given = typeof node.slot === 'object' && node.slot ? (node.slot as Terminal) : node.terminal;
      if (!given) return undefined;
      const terminal = session.terminals.find((t) => t.from === given.from && t.to === given.to) ?? given;
      if (typeof node.slot === 'number') return { kind: 'slot', entry, session, terminal, slot: node.slot };
      // The allocation's first terminal number whose terminal is open, else its first.
      const numbers = slotsForSession(session).filter((s) => s.terminal.from === terminal.from && s.terminal.to === terminal.to).map((s) => s.slot);
      const open = numbers.find((n) => this.tracked.get(keyOf({ kind: 'slot', entry, session, terminal, slot: n }))?.running);
      const slot = open ?? numbers[0] ?? terminal.from;
      return { kind: 'slot', entry, session, terminal, slot };
    }
    return undefined;
  }

  private sessionOf(arg: unknown): { entry: PlanEntry; session: Session } | undefined {
    const node = arg as { entry?: PlanEntry; session?: Session };
    if (!node || typeof node !== 'object' || !node.entry?.uri || !node.session) return undefined;
    const entry = this.plans.get(node.entry.uri) ?? node.entry;
    const session = entry.plan.sessions.find((s) => s.id === node.session!.id && s.line === node.session!.line) ?? node.session;
    return { entry, session };
  }

  private async pickTarget(): Promise<LaunchTarget | undefined> {
    type Item = vscode.QuickPickItem & { target?: LaunchTarget };
    const items: Item[] = [];
    const multi = this.plans.plans.length > 1;
    for (const entry of this.plans.plans) {
      for (const session of entry.plan.sessions) {
        const targets = allTargets(entry, session);
        if (targets.length === 0) continue;
        items.push({ label: `${session.id} · ${session.title}${multi ? ` — ${entry.relPath}` : ''}`, kind: vscode.QuickPickItemKind.Separator });
        for (const target of targets) {
          const running = this.tracked.get(keyOf(target))?.running;
          if (target.kind === 'slot') {
            items.push({ label: vscode.l10n.t('$(terminal) Terminal {0}', target.slot), description: `${terminalLabel(target.terminal)}${running ? ` · ${vscode.l10n.t('running')}` : ''}`, target });
          } else {
            items.push({ label: `$(circle-small) ${target.task.id} · ${target.task.title}`, description: running ? vscode.l10n.t('running') : '', target });
          }
        }
      }
    }
    const choices = items.filter((i) => i.target);
    if (choices.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: no plan has tasks or terminal allocations to launch.'));
      return undefined;
    }
    if (choices.length === 1) return choices[0]!.target;
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Marathon: Launch Task'), placeHolder: vscode.l10n.t('Choose a task or a terminal of a session'), matchOnDescription: true,
    });
    return picked?.target;
  }

  private async pickSession(): Promise<{ entry: PlanEntry; session: Session } | undefined> {
    const refs = this.plans.plans.flatMap((entry) => entry.plan.sessions.map((session) => ({ entry, session })));
    if (refs.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: no plan with sessions in this workspace.'));
      return undefined;
    }
    if (refs.length === 1) return refs[0];
    const picked = await vscode.window.showQuickPick(
      refs.map((r) => {
        const n = slotsForSession(r.session).length;
        return { label: `${r.session.id} · ${r.session.title}`, description: r.entry.relPath, detail: n === 0 ? vscode.l10n.t('no terminal allocation') : n === 1 ? vscode.l10n.t('1 terminal') : vscode.l10n.t('{0} terminals', n), r };
      }),
      { title: vscode.l10n.t('Marathon: Launch Session Terminals'), placeHolder: vscode.l10n.t('Choose a session'), matchOnDescription: true },
    );
    return picked?.r;
  }

  dispose(): void {
    // The terminals stay open: they belong to the user and the agents running in them.
    for (const d of this.subs) d.dispose();
  }
}

/** Running while the terminal is open; the exit code once known (the command's, even while the terminal stays open). */
function view(t: Tracked): TerminalState {
  return t.exitCode === undefined ? { running: t.running } : { running: t.running, exitCode: t.exitCode };
}

/** The tracking key: `<plan uri>#<session>#task:<id>`, or `…#slot:<from>-<to>#<n>` for terminal n of an allocation. */
export function keyOf(target: LaunchTarget): string {
  const base = `${target.entry.uri.toString()}#${target.session.id}#`;
  return target.kind === 'task' ? base + treeTaskKey(target.task) : `${base}${slotKey(target.terminal)}#${target.slot}`;
}

/** The name of a target's terminal: `024 · T3 · Add rotation template tools`, `001 · Terminal 2 · Tide model`. */
export function nameOf(target: LaunchTarget): string {
  return target.kind === 'task'
    ? terminalName(target.session.id, target.task.id, target.task.title)
    : terminalName(target.session.id, `Terminal ${target.slot}`, target.terminal.label || terminalLabel(target.terminal));
}

/** Every launchable target of a plan (or of one of its sessions): each terminal number, then each task. */
function allTargets(entry: PlanEntry, only?: Session): LaunchTarget[] {
  const out: LaunchTarget[] = [];
  for (const session of only ? [only] : entry.plan.sessions) {
    for (const s of slotsForSession(session)) out.push({ kind: 'slot', entry, session, terminal: s.terminal, slot: s.slot });
    for (const st of tasksForSession(entry.plan, session)) {
      out.push(st.terminal ? { kind: 'task', entry, session, task: st.task, terminal: st.terminal } : { kind: 'task', entry, session, task: st.task });
    }
  }
  return out;
}

/** The quoting rules of the shell a new terminal gets: the default profile's shell on this host. */
function shellKind(): ShellKind {
  return shellKindOf(vscode.env.shell, process.platform);
}

/** `plans/DEMO.marathon.md` → `plans_DEMO`: the plan's part of its prompt files' names. */
export function planKey(relPath: string): string {
  return relPath.replace(/\.(?:marathon\.)?(?:md|markdown|ya?ml)$/i, '').replace(/[\\/]/g, '_');
}

/**
 * Writes `markdown` to `<root>/.marathon/prompts/<fileName>` and returns the path. The prompts
 * folder must resolve inside the workspace folder (a symbolic link out of it is refused), and an
 * existing prompt is replaced only when it is a regular file.
 */
async function writePrompt(root: string, fileName: string, markdown: string): Promise<string> {
  const dir = path.join(root, ...PROMPTS_DIR.split('/'));
  await fs.mkdir(dir, { recursive: true });
  const [realRoot, realDir] = await Promise.all([fs.realpath(root), fs.realpath(dir)]);
  const rel = path.relative(realRoot, realDir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(vscode.l10n.t('{0} resolves outside the workspace folder', PROMPTS_DIR));
  const file = path.join(realDir, fileName);
  try {
    const st = await fs.lstat(file);
    if (!st.isFile()) throw new Error(vscode.l10n.t('{0} exists and is not a regular file', `${PROMPTS_DIR}/${fileName}`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const ignore = path.join(realDir, '.gitignore');
  try {
    await fs.writeFile(ignore, '# Prompt files Marathon writes for agent terminals.\n*\n', { flag: 'wx' });
  } catch {
    // Already there (or not writable): the prompts are written regardless.
  }
  await fs.writeFile(file, markdown, 'utf8');
  return file;
}
