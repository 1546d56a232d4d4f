import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding, SuggestedFix } from '../core/findings';
import type { GitNote } from '../core/git/types';
import type { Problem, RunEvent } from '../core/model';
import { toRange, toSeverity } from './convert';
import { readConfig } from './config';
import type { PlanEntry, PlanStore } from './planStore';
import type { RunLogStore } from './runLog';

/** What the diagnostics need from the git engine (loaded lazily: see engines.ts). */
export interface GitFindingsEngine {
  planGitFindings(input: {
    plan: PlanEntry['plan'];
    planFile: string;
    workspaceRoot: string;
    events: readonly RunEvent[];
    scopeIgnore: readonly string[];
    now: number;
  }): Promise<{ findings: Finding[]; notes: GitNote[] }>;
  gitWatchPaths(cwd: string): Promise<string[]>;
}

/** Debounce for git and save events: a checkout touching 10,000 files costs one recomputation. */
export const GIT_DEBOUNCE_MS = 500;
/** While a session runs, time findings are recomputed this often. */
const TICK_MS = 60_000;

/**
 * The one `marathon` diagnostic collection: the plan's own problems (recomputed with every parse)
 * and the git-aware findings (recomputed on save, on `.git/HEAD` / `.git/index` changes, on run-log
 * events and on settings changes, debounced and never two at once). Each diagnostic's code links to
 * its rule's explanation in the README.
 */
export class MarathonDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('marathon');
  /** How many git recomputations ran: for tests and the log. */
  gitRuns = 0;
  private gitFindings = new Map<string, Finding[]>();
  /** Diagnostics of documents that are not plans (Check Claims on a handoff or AAR), by URI. */
  private readonly documents = new Map<string, { uri: vscode.Uri; problems: Problem[] }>();
  /** Notes already logged, so a note that holds for hours is logged once. */
  private readonly logged = new Set<string>();
  private readonly fixes = new Map<string, { fixes: SuggestedFix[]; planUri: vscode.Uri }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private gitWatchers: vscode.Disposable[] = [];
  private watchKey = '';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly tick: ReturnType<typeof setInterval>;

  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly readme: vscode.Uri,
    private readonly engine: () => GitFindingsEngine,
    private readonly now: () => number = Date.now,
  ) {
    this.disposables.push(
      this.collection,
      plans.onDidChange(() => {
        this.publish();
        this.schedule();
      }),
      runLog.onDidChange(() => this.schedule()),
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('marathon.scope')) this.schedule();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchKey = '';
        this.schedule();
      }),
    );
    this.tick = setInterval(() => {
      if (this.anyRunning()) this.schedule();
    }, TICK_MS);
  }

  /** The suggested fixes of the diagnostic at this place, if any. */
  fixesFor(uri: vscode.Uri, d: vscode.Diagnostic): { fixes: SuggestedFix[]; planUri: vscode.Uri } | undefined {
    return this.fixes.get(fixKey(uri, d.range.start.line, codeOf(d), d.message));
  }

  /** Sets (or, with an empty list, clears) the diagnostics of a document that is not a plan. */
  setDocument(uri: vscode.Uri, problems: readonly Problem[]): void {
    if (problems.length === 0) this.documents.delete(uri.toString());
    else this.documents.set(uri.toString(), { uri, problems: [...problems] });
    this.publish();
  }

  /** True while a recomputation is queued or running. */
  get busy(): boolean {
    return this.timer !== undefined || this.running !== undefined;
  }

  /** Queues a git recomputation (debounced). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.recompute();
    }, GIT_DEBOUNCE_MS);
  }

  /** Recomputes the git findings now; a request while one runs makes exactly one more run after it. */
  recompute(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.compute().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.recompute();
      }
    });
    return this.running;
  }

  private async compute(): Promise<void> {
    this.gitRuns++;
    const next = new Map<string, Finding[]>();
    if (vscode.workspace.isTrusted) {
      // git runs hooks and config-defined programs (core.fsmonitor): never in an untrusted workspace.
      const engine = this.engine();
      await this.watchGit(engine);
      for (const entry of this.plans.plans) {
        if (!entry.folder) continue;
        const root = entry.folder.uri.fsPath;
        try {
          const { findings, notes } = await engine.planGitFindings({
            plan: entry.plan,
            planFile: entry.uri.fsPath,
            workspaceRoot: root,
            events: this.runLog.events(entry.folder).filter((e) => e.plan === entry.relPath),
            scopeIgnore: readConfig(entry.folder).scopeIgnore,
            now: this.now(),
          });
          for (const n of notes) {
            const line = `git (${entry.relPath}): ${n.message}`;
            if (!this.logged.has(line) && this.logged.add(line)) this.log.info(line);
          }
          next.set(entry.uri.toString(), findings);
        } catch (err) {
          // The engine reports problems as notes; anything thrown is a bug, logged, never shown as a crash.
          this.log.error(`Git checks failed for ${entry.relPath}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    this.gitFindings = next;
    this.publish();
  }

  // Rebuilds the whole collection from the plans' problems and the last git findings.
  private publish(): void {
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const key = uri.toString();
      const slot = byFile.get(key) ?? { uri, list: [] };
      slot.list.push(d);
      byFile.set(key, slot);
    };
    this.fixes.clear();
    for (const entry of this.plans.plans) {
      for (const p of entry.problems) add(entry.uri, this.diagnostic(p));
      for (const f of this.gitFindings.get(entry.uri.toString()) ?? []) {
        const uri = this.resolve(entry, f.file);
        const d = this.diagnostic(f);
        if (f.related?.length) {
          d.relatedInformation = f.related.map(
            (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(this.resolve(entry, r.file), r.range ? toRange(r.range) : new vscode.Range(0, 0, 0, 0)), r.message),
          );
        }
        if (f.fixes?.length) this.fixes.set(fixKey(uri, d.range.start.line, f.code, d.message), { fixes: f.fixes, planUri: entry.uri });
        add(uri, d);
      }
    }
    for (const { uri, problems } of this.documents.values()) for (const p of problems) add(uri, this.diagnostic(p));
    this.collection.clear();
    this.collection.set([...byFile.values()].map(({ uri, list }) => [uri, list]));
  }

  private diagnostic(p: Problem): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(p), p.message, toSeverity(p.severity));
    d.source = 'marathon';
    d.code = { value: p.code, target: this.readme.with({ fragment: p.code }) };
    return d;
  }

  // A finding's file is workspace-relative (or absolute when outside); the plan's own file by default.
  private resolve(entry: PlanEntry, file: string): vscode.Uri {
    if (!file) return entry.uri;
    if (path.isAbsolute(file)) return vscode.Uri.file(file);
    return entry.folder ? vscode.Uri.joinPath(entry.folder.uri, ...file.split('/')) : entry.uri;
  }

  // One watcher per repository on HEAD and index, made when the set of folders changes.
  private async watchGit(engine: GitFindingsEngine): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const key = folders.map((f) => f.uri.toString()).join('\n');
    if (key === this.watchKey) return;
    this.watchKey = key;
    for (const w of this.gitWatchers) w.dispose();
    this.gitWatchers = [];
    const files = new Set<string>();
    for (const f of folders) for (const p of await engine.gitWatchPaths(f.uri.fsPath)) files.add(p);
    for (const file of files) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      w.onDidChange(() => this.schedule());
      w.onDidCreate(() => this.schedule());
      w.onDidDelete(() => this.schedule());
      this.gitWatchers.push(w);
    }
  }

  private anyRunning(): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((f) => [...this.runLog.runs(f).values()].some((r) => r.state === 'running'));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    clearInterval(this.tick);
    for (const d of [...this.gitWatchers, ...this.disposables]) d.dispose();
  }
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

function fixKey(uri: vscode.Uri, line: number, code: string, message: string): string {
  return `${uri.toString()}|${line}|${code}|${message}`;
}
