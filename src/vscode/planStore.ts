import * as path from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { analyzePlan } from '../core/analyze';
import type { Plan, Problem } from '../core/model';
import { plural } from '../core/words';
import { affectsMarathon, readConfig } from './config';

/** A plan file and what the engine read from it. */
export interface PlanEntry {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder | undefined;
  /** The plan's path relative to its workspace folder, `/`-separated: its key in the run log. */
  relPath: string;
  plan: Plan;
  problems: Problem[];
  /** The text the plan was read from (unsaved edits included), for readers that need more than the model. */
  text: string;
}

const EXCLUDE = '{**/node_modules/**,**/.git/**}';
const EXTRA_KEY = 'marathon.extraPlanFiles';
const MAX_BYTES = 10 * 1024 * 1024;
/** Debounce for file events: a checkout's burst of events costs one re-parse per plan. */
export const DEBOUNCE_MS = 300;

// A known plan the file search missed: still on disk and still matching the plan globs?
async function stillAPlan(entry: PlanEntry): Promise<boolean> {
  const globs = readConfig(entry.folder).planFiles;
  if (!globs.some((g) => picomatch(g, { dot: true })(entry.relPath))) return false;
  try {
    return (await vscode.workspace.fs.stat(entry.uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

/**
 * Finds plan files in every workspace folder, keeps their parsed form up to date from disk and
 * from unsaved editor text, and tells listeners once per debounced batch.
 */
export class PlanStore implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  /** Fires after a batch of plans was (re-)read. */
  readonly onDidChange = this._onDidChange.event;
  private readonly entries = new Map<string, PlanEntry>();
  private readonly pending = new Set<string>();
  /** How many reads of each plan have begun: a read that a later one overtook keeps nothing. */
  private readonly reads = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watchers: vscode.Disposable[] = [];
  private watchKey = '';
  private readonly disposables: vscode.Disposable[] = [];
  /** Total parses done, for tests and the log. */
  parseCount = 0;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly state: vscode.Memento,
  ) {
    this.disposables.push(
      this._onDidChange,
      vscode.workspace.onDidChangeTextDocument((e) => this.touch(e.document.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.touch(d.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsMarathon(e)) void this.discover();
      }),
    );
  }

  /** All known plans, ordered by folder then path. */
  get plans(): PlanEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.folder?.index ?? 99) - (b.folder?.index ?? 99) || a.relPath.localeCompare(b.relPath));
  }

  get(uri: vscode.Uri): PlanEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Finds all plan files afresh (settings, folders, added files) and reads them. */
  async discover(): Promise<void> {
    const patterns = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
      readConfig(folder).planFiles.map((glob) => new vscode.RelativePattern(folder, glob)),
    );
    this.watch(patterns);
    const found = new Map<string, vscode.Uri>();
    for (const pattern of patterns) {
      for (const uri of await vscode.workspace.findFiles(pattern, EXCLUDE)) found.set(uri.toString(), uri);
    }
    for (const s of this.state.get<string[]>(EXTRA_KEY, [])) found.set(s, vscode.Uri.parse(s));
    // The file search can lag behind the disk (a file created a moment ago): a known plan that
    // still exists and still matches the patterns stays, rather than flickering out of the tree.
    for (const [key, entry] of [...this.entries]) {
      if (found.has(key)) continue;
      if (entry.folder && (await stillAPlan(entry))) found.set(key, entry.uri);
      else this.entries.delete(key);
    }
    await Promise.all([...found.values()].map((uri) => this.read(uri)));
    this.log.info(`Found ${plural(this.entries.size, 'plan file')}.`);
    this._onDidChange.fire();
  }

  // Watchers exist before the search starts, and survive a rediscovery with the same patterns,
  // so a file created meanwhile is never missed.
  private watch(patterns: vscode.RelativePattern[]): void {
    const key = patterns.map((p) => `${p.baseUri.toString()}|${p.pattern}`).join('\n');
    if (key === this.watchKey) return;
    for (const w of this.watchers) w.dispose();
    this.watchKey = key;
    this.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate((u) => this.touch(u, true));
      watcher.onDidChange((u) => this.touch(u, true));
      watcher.onDidDelete((u) => this.touch(u, true));
      return watcher;
    });
  }

  /** Adds a file the patterns do not cover; remembered for this workspace. */
  async add(uri: vscode.Uri): Promise<void> {
    const extra = new Set(this.state.get<string[]>(EXTRA_KEY, []));
    extra.add(uri.toString());
    await this.state.update(EXTRA_KEY, [...extra]);
    await this.read(uri);
    this._onDidChange.fire();
  }

  /** Re-reads a plan now (e.g. after Marathon edited it). */
  async reread(uri: vscode.Uri): Promise<void> {
    await this.read(uri);
    this._onDidChange.fire();
  }

  // Queues a re-read; `isNew` admits files the watchers report that are not known yet.
  private touch(uri: vscode.Uri, isNew = false): void {
    const key = uri.toString();
    if (!this.entries.has(key) && !isNew) return;
    this.pending.add(key);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    await Promise.all(batch.map((key) => this.read(vscode.Uri.parse(key))));
    if (batch.length > 0) this._onDidChange.fire();
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const turn = (this.reads.get(key) ?? 0) + 1;
    this.reads.set(key, turn);
    const text = await this.textOf(uri);
    // A read that began later has the newer text (or is about to): an older one that finishes
    // last must not put back what the file said before.
    if (this.reads.get(key) !== turn) return;
    if (text === undefined) {
      this.entries.delete(key);
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relPath = folder ? path.posix.relative(folder.uri.path, uri.path) : path.basename(uri.path);
    const { plan, problems } = analyzePlan(text, uri.path, {
      planFile: uri.fsPath,
      ...(folder ? { workspaceRoot: folder.uri.fsPath } : {}),
    });
    this.parseCount++;
    this.entries.set(key, { uri, folder, relPath, plan, problems, text });
  }

  // An open editor's unsaved text wins; otherwise the file on disk.
  private async textOf(uri: vscode.Uri): Promise<string | undefined> {
    // Unsaved edits count; a clean document is the file on disk, which may be gone by now.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && !doc.isClosed && doc.isDirty) return doc.getText();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File) return undefined;
      if (stat.size > MAX_BYTES) {
        this.log.warn(`Skipping ${uri.fsPath}: ${stat.size} bytes is over the 10 MB plan limit.`);
        return undefined;
      }
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      // Deleted between the event and the read: the plan is gone.
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
