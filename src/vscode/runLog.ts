import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allRuns, appendPlan, parseRunLog, runKey, type SessionRun } from '../core/clock';
import type { RunEvent } from '../core/model';

/** The run log's place inside a workspace folder. */
export const RUN_LOG = '.marathon/runlog.jsonl';

/** The clock, injectable so tests can move time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** An event to append; the time defaults to the clock's now. */
export type NewEvent = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'time'> & { time?: string } : never) : never;

interface FolderLog {
  events: RunEvent[];
}

/**
 * Reads and appends `.marathon/runlog.jsonl` in each workspace folder and derives every session's
 * clock from it. Nothing is kept only in memory: after a reload or a crash the clocks come back
 * from the file. Another window appending to the same log is picked up by a file watcher.
 */
export class RunLogStore implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly logs = new Map<string, FolderLog>();
  /** The last fold of each folder's log, and the time and clock it was made with. */
  private readonly folds = new Map<string, { at: number; clock: Clock; runs: Map<string, SessionRun> }>();
  private readonly subs: vscode.Disposable[] = [this._onDidChange];
  /**
   * Each folder's reads and appends, one after another. A read that began before an append and
   * ended after it would otherwise put back the log as it was, without the appended event, until
   * the watcher's next read: for that while a started session read as not started.
   */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    public clock: Clock = systemClock,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${RUN_LOG}`);
    const reload = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.load(folder).then(() => this._onDidChange.fire());
    };
    this.subs.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /** Reads every folder's log. */
  async loadAll(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.load(f)));
    this._onDidChange.fire();
  }

  private load(folder: vscode.WorkspaceFolder): Promise<void> {
    return this.inTurn(folder, () => this.read(folder));
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<void> {
    let text = '';
    try {
      text = await fs.readFile(path.join(folder.uri.fsPath, RUN_LOG), 'utf8');
    } catch {
      // No log yet: no session has been started in this folder.
    }
    const { events, problems } = parseRunLog(text);
    for (const p of problems) this.log.warn(`${folder.name}/${RUN_LOG}:${p.line}: ${p.message}`);
    this.logs.set(folder.uri.toString(), { events });
    this.folds.delete(folder.uri.toString());
  }

  /** The events of a folder's log, in file order. */
  events(folder: vscode.WorkspaceFolder): RunEvent[] {
    return this.logs.get(folder.uri.toString())?.events ?? [];
  }

  /** A session's clock now. */
  run(folder: vscode.WorkspaceFolder | undefined, plan: string, session: string): SessionRun | undefined {
    if (!folder) return undefined;
    return this.runs(folder).get(runKey(plan, session));
  }

  /**
   * Every session's clock in a folder now. The log is folded once per change to it; between
   * changes a running clock is advanced from its `runningSince`, so a tree or status-bar refresh
   * costs no re-fold per session.
   */
  runs(folder: vscode.WorkspaceFolder): Map<string, SessionRun> {
    const now = this.clock.now();
    const key = folder.uri.toString();
    let cached = this.folds.get(key);
    if (!cached || cached.clock !== this.clock || now < cached.at) {
      cached = { at: now, clock: this.clock, runs: allRuns(this.events(folder), now) };
      this.folds.set(key, cached);
    }
    if (now === cached.at) return cached.runs;
    const at = cached.at;
    const advanced = new Map<string, SessionRun>();
    for (const [k, run] of cached.runs) {
      const since = run.runningSince;
      advanced.set(k, since === undefined ? run : { ...run, elapsedMs: run.elapsedMs - Math.max(0, at - since) + Math.max(0, now - since) });
    }
    return advanced;
  }

  /** Appends one event (O_APPEND: crash-safe, never rewrites the file) and re-derives the clocks. */
  append(folder: vscode.WorkspaceFolder, event: NewEvent): Promise<void> {
    return this.inTurn(folder, () => this.write(folder, event));
  }

  /** Runs `task` after the folder's earlier reads and appends have settled, whatever their outcome. */
  private inTurn(folder: vscode.WorkspaceFolder, task: () => Promise<void>): Promise<void> {
    const key = folder.uri.toString();
    const turn = (this.queues.get(key) ?? Promise.resolve()).then(task);
    this.queues.set(key, turn.catch(() => undefined));
    return turn;
  }

  private async write(folder: vscode.WorkspaceFolder, event: NewEvent): Promise<void> {
    const full = { ...event, time: event.time ?? new Date(this.clock.now()).toISOString() } as RunEvent;
    const file = path.join(folder.uri.fsPath, RUN_LOG);
    await fs.mkdir(path.dirname(file), { recursive: true });
    let last = '';
    try {
      const handle = await fs.open(file, 'r');
      try {
        const { size } = await handle.stat();
        if (size > 0) {
          const buf = Buffer.alloc(1);
          await handle.read(buf, 0, 1, size - 1);
          last = buf.toString('latin1');
        }
      } finally {
        await handle.close();
      }
    } catch {
      // The log does not exist yet; appendFile creates it.
    }
    await fs.appendFile(file, appendPlan(last, full), 'utf8');
    const entry = this.logs.get(folder.uri.toString()) ?? { events: [] };
    entry.events.push(full);
    this.logs.set(folder.uri.toString(), entry);
    this.folds.delete(folder.uri.toString());
    this._onDidChange.fire();
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
  }
}
