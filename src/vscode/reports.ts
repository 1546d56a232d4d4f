// The report commands: Write Handoff, Report / Resolve Blocker, Generate AAR, Check Claims and
// Open Report. Part of the lazily loaded engine (dist/engine.js): it needs git and markdown-it.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openBlocker } from '../core/clock';
import type { Problem, Session } from '../core/model';
import { problem } from '../core/model/problem';
import {
  aarMarkdown,
  aarModel,
  blockerFileName,
  blockerMarkdown,
  extractClaims,
  gatherAar,
  gatherHandoff,
  handoffFileName,
  handoffMarkdown,
  verifyClaims,
} from '../core/reports';
import type { ClaimResult } from '../core/reports/verify';
import { readConfig } from './config';
import type { MarathonDiagnostics } from './diagnostics';
import type { PlanEntry, PlanStore } from './planStore';
import { aarReportView, type ViewFinding } from './report/aarView';
import { ReportPanel } from './report/panel';
import type { ReportView } from './report/view';
import type { RunLogStore } from './runLog';
import type { SessionRef } from './sessionCommands';
import type { RunState } from '../core/clock/stopwatch';

/** What the report commands need from the rest of the extension. */
export interface ReportsDeps {
  plans: PlanStore;
  runLog: RunLogStore;
  diagnostics: MarathonDiagnostics;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
  /** Picks a session (from a tree node or a QuickPick of sessions in these states). */
  pick: (arg: unknown, states: RunState[], verb: string) => Promise<SessionRef | undefined>;
  /** The Plan panel's schedule for a plan, when planning is available. */
  schedule?: (entry: PlanEntry) => ReportView['schedule'] | undefined;
}

const ANY_RUN: RunState[] = ['running', 'paused', 'done', 'blocked', 'abandoned'];

export class ReportsSurface implements vscode.Disposable {
  private readonly subs: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: ReportsDeps) {
    const refreshSoon = () => {
      if (this.refreshTimer) clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => {
        for (const p of ReportPanel.all()) void p.refresh();
      }, 400);
    };
    this.subs.push(
      deps.plans.onDidChange(refreshSoon),
      deps.runLog.onDidChange(refreshSoon),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (ReportPanel.get(e.document.uri)) refreshSoon();
      }),
    );
  }

  /** "Marathon: Write Handoff": SESSION_<id>_HANDOFF.md from measured state, never over an existing file. */
  async writeHandoff(arg?: unknown): Promise<vscode.Uri | undefined> {
    const ref = await this.deps.pick(arg, ANY_RUN, 'write a handoff for');
    const folder = ref && this.folderFor(ref.entry);
    if (!ref || !folder) return undefined;
    const input = await gatherHandoff({ planAbs: ref.entry.uri.fsPath, plan: ref.entry.plan, now: this.deps.runLog.clock.now(), sessionId: ref.session.id, scopeIgnore: readConfig(folder).scopeIgnore });
    const dir = this.reportsDir(ref.entry, folder);
    if (!dir) return undefined;
    const uri = await writeNew(dir, (exists) => handoffFileName(dir, ref.session.id, exists), handoffMarkdown(input));
    if (!uri) return this.fail(vscode.l10n.t('no free SESSION_{0}_HANDOFF file name in {1}', ref.session.id, dir));
    this.deps.log.info(`Wrote ${vscode.workspace.asRelativePath(uri)} for session ${ref.session.id}.`);
    await vscode.window.showTextDocument(uri);
    return uri;
  }

  /** "Marathon: Report Blocker": asks what blocks, logs it, writes SESSION_<id>_BLOCKER.md. */
  async reportBlocker(arg?: unknown, text?: string): Promise<vscode.Uri | undefined> {
    const ref = await this.deps.pick(arg, ['running', 'paused'], 'report a blocker on');
    const folder = ref && this.folderFor(ref.entry);
    if (!ref || !folder) return undefined;
    const what =
      text ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Marathon: Report Blocker'),
        prompt: vscode.l10n.t('What blocks session {0}?', ref.session.id),
        placeHolder: vscode.l10n.t('e.g. the staging database rejects the new migration'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Say what blocks the session.') : undefined),
      }));
    if (!what?.trim()) return undefined;
    const dir = this.reportsDir(ref.entry, folder);
    if (!dir) return undefined;
    const name = blockerFileName(dir, ref.session.id, existsSync);
    if (!name) return this.fail(vscode.l10n.t('no free SESSION_{0}_BLOCKER file name in {1}', ref.session.id, dir));
    const rel = path.relative(folder.uri.fsPath, name).split(path.sep).join('/');
    await this.deps.runLog.append(folder, { event: 'blocker.report', plan: ref.entry.relPath, session: ref.session.id, text: what.trim(), file: rel });
    const markdown = blockerMarkdown({ plan: ref.entry.plan, planFile: ref.entry.relPath, sessionId: ref.session.id, events: this.deps.runLog.events(folder), now: this.deps.runLog.clock.now(), text: what.trim() });
    const uri = await writeNew(dir, (exists) => (exists(name) ? blockerFileName(dir, ref.session.id, exists) : name), markdown);
    if (!uri) return this.fail(vscode.l10n.t('could not write {0}', name));
    await vscode.window.showTextDocument(uri);
    return uri;
  }

  /** "Marathon: Resolve Blocker": records the resolution of a session's open blocker. */
  async resolveBlocker(arg?: unknown, note?: string): Promise<boolean> {
    const ref = await this.pickBlocked(arg);
    const folder = ref && this.folderFor(ref.entry);
    if (!ref || !folder) return false;
    const open = openBlocker(this.deps.runLog.events(folder), ref.entry.relPath, ref.session.id);
    if (!open) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: session {0} has no open blocker.', ref.session.id));
      return false;
    }
    const how = note ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Marathon: Resolve Blocker'), prompt: vscode.l10n.t('How was it resolved? (optional)'), ignoreFocusOut: true }));
    if (how === undefined) return false;
    await this.deps.runLog.append(folder, { event: 'blocker.resolve', plan: ref.entry.relPath, session: ref.session.id, ...(how.trim() ? { note: how.trim() } : {}) });
    return true;
  }

  /** "Marathon: Generate AAR": the After Action Review of a plan, every figure computed. */
  async generateAar(arg?: unknown): Promise<vscode.Uri | undefined> {
    const entry = await this.pickPlan(arg);
    const folder = entry && this.folderFor(entry);
    if (!entry || !folder) return undefined;
    const model = aarModel(await gatherAar({ planAbs: entry.uri.fsPath, plan: entry.plan, now: this.deps.runLog.clock.now(), scopeIgnore: readConfig(folder).scopeIgnore }));
    const dir = this.reportsDir(entry, folder);
    if (!dir) return undefined;
    const base = path.basename(entry.relPath).replace(/\.(marathon\.)?(md|ya?ml)$/i, '').replace(/[^\w.-]+/g, '_') || 'MARATHON';
    const uri = await writeNew(dir, (exists) => freeName(dir, `${base}_AAR`, exists), aarMarkdown(model));
    if (!uri) return this.fail(vscode.l10n.t('no free {0}_AAR file name in {1}', base, dir));
    await vscode.window.showTextDocument(uri);
    await this.openReport(uri);
    return uri;
  }

  /** "Marathon: Check Claims": each checkable claim of a handoff or AAR against git, as diagnostics. */
  async checkClaims(arg?: unknown): Promise<ClaimResult[] | undefined> {
    const uri = targetUri(arg);
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: open a handoff or AAR document to check its claims.'));
      return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return this.fail(vscode.l10n.t('the document is outside every workspace folder; there is no repository to check it against'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const extracted = extractClaims(doc.getText());
    const report = await verifyClaims(extracted, folder.uri.fsPath, {});
    const problems: Problem[] = [...extracted.problems, ...report.results.map(claimProblem)];
    this.deps.diagnostics.setDocument(uri, problems);
    const c = report.counts;
    const partial = report.partial ? vscode.l10n.t(' (partial: {0})', report.notes.join('; ')) : '';
    const summary =
      report.results.length === 0
        ? vscode.l10n.t('Marathon: this document makes no claims that git can check.')
        : report.results.length === 1
          ? vscode.l10n.t('Marathon: 1 claim: {0} confirmed, {1} contradicted, {2} unverifiable{3}.', c.confirmed, c.contradicted, c.unverifiable, partial)
          : vscode.l10n.t('Marathon: {0} claims: {1} confirmed, {2} contradicted, {3} unverifiable{4}.', report.results.length, c.confirmed, c.contradicted, c.unverifiable, partial);
    if (c.contradicted > 0) void vscode.window.showWarningMessage(summary);
    else void vscode.window.showInformationMessage(summary);
    return report.results;
  }

  /** "Marathon: Open Report": the report view of a plan, handoff or AAR, updated live. */
  async openReport(arg?: unknown): Promise<ReportPanel | undefined> {
    const uri = targetUri(arg) ?? this.deps.plans.plans[0]?.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: open a plan, handoff or AAR to see its report.'));
      return undefined;
    }
    return ReportPanel.createOrShow({ extensionUri: this.deps.extensionUri, document: uri, getView: () => this.view(uri), log: this.deps.log, viewColumn: vscode.ViewColumn.Beside });
  }

  // The view of a document: a plan's computed panels, or a report document with its findings.
  private async view(uri: vscode.Uri): Promise<ReportView> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    const findings = this.findingsOf(uri);
    const own = this.deps.plans.get(uri);
    const entry = own ?? this.planFor(uri, text);
    const name = path.basename(uri.fsPath);
    const kind: ReportView['kind'] = own ? 'plan' : /HANDOFF/i.test(name) ? 'handoff' : /AAR|after.action/i.test(name) || /^#\s*after action review/im.test(text) ? 'aar' : 'document';
    if (!entry || !vscode.workspace.isTrusted) {
      return { title: firstHeading(text) ?? name, kind, markdown: text, ...(entry ? { partial: [vscode.l10n.t('Git was not read: the workspace is not trusted.')] } : {}), metrics: [], timeline: [], deliverables: [], findings };
    }
    const folder = entry.folder;
    const model = aarModel(await gatherAar({ planAbs: entry.uri.fsPath, plan: entry.plan, now: this.deps.runLog.clock.now(), ...(folder ? { scopeIgnore: readConfig(folder).scopeIgnore } : {}) }));
    const view = aarReportView(model, { kind, markdown: text, findings, title: kind === 'plan' ? entry.plan.title || name : (firstHeading(text) ?? name) });
    const schedule = kind === 'plan' ? this.deps.schedule?.(entry) : undefined;
    return schedule ? { ...view, schedule } : view;
  }

  // The diagnostics shown for a document, as the view lists them.
  private findingsOf(uri: vscode.Uri): ViewFinding[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (this.deps.diagnostics.collection.get(uri) ?? []).map((d) => ({
      code: typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? ''),
      severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info',
      message: d.message,
      file: folder ? path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') : uri.fsPath,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    }));
  }

  // A handoff or AAR belongs to the plan of its folder (the only one, or the one it names).
  private planFor(uri: vscode.Uri, text: string): PlanEntry | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const candidates = this.deps.plans.plans.filter((p) => p.folder && folder && p.folder.uri.toString() === folder.uri.toString());
    return candidates.find((p) => text.includes(p.relPath)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  }

  private async pickPlan(arg: unknown): Promise<PlanEntry | undefined> {
    const given = arg as { entry?: PlanEntry } | undefined;
    if (given?.entry) return given.entry;
    const uri = arg instanceof vscode.Uri ? arg : undefined;
    if (uri) return this.deps.plans.get(uri);
    const plans = this.deps.plans.plans;
    if (plans.length <= 1) return plans[0] ?? this.none();
    const picked = await vscode.window.showQuickPick(
      plans.map((entry) => ({ label: entry.plan.title || entry.relPath, description: entry.relPath, entry })),
      { title: vscode.l10n.t('Marathon: Generate AAR'), placeHolder: vscode.l10n.t('Choose a plan') },
    );
    return picked?.entry;
  }

  private async pickBlocked(arg: unknown): Promise<SessionRef | undefined> {
    const given = arg as Partial<SessionRef> | undefined;
    if (given?.entry && given.session) return { entry: given.entry, session: given.session };
    const blocked: SessionRef[] = this.deps.plans.plans.flatMap((entry) =>
      entry.folder ? entry.plan.sessions.filter((s: Session) => openBlocker(this.deps.runLog.events(entry.folder!), entry.relPath, s.id)).map((session) => ({ entry, session })) : [],
    );
    if (blocked.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: no session has an open blocker.'));
      return undefined;
    }
    if (blocked.length === 1) return blocked[0];
    const picked = await vscode.window.showQuickPick(
      blocked.map((r) => ({ label: `${r.session.id} · ${r.session.title}`, description: r.entry.relPath, ref: r })),
      { title: vscode.l10n.t('Marathon: Resolve Blocker'), placeHolder: vscode.l10n.t('Choose a session') },
    );
    return picked?.ref;
  }

  private none(): undefined {
    void vscode.window.showInformationMessage(vscode.l10n.t('Marathon: no plan in this workspace.'));
    return undefined;
  }

  // Reports need git and write files: only in a trusted workspace folder.
  private folderFor(entry: PlanEntry): vscode.WorkspaceFolder | undefined {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Marathon writes reports from git and the run log: trust this workspace first.'));
      return undefined;
    }
    if (!entry.folder) void vscode.window.showWarningMessage(vscode.l10n.t('Marathon: {0} is outside every workspace folder.', entry.relPath));
    return entry.folder;
  }

  // `marathon.reports.folder` (relative to the workspace folder), else the plan's folder; never outside.
  private reportsDir(entry: PlanEntry, folder: vscode.WorkspaceFolder): string | undefined {
    const setting = readConfig(folder).reportsFolder;
    const root = folder.uri.fsPath;
    const dir = setting ? path.resolve(root, setting) : path.dirname(entry.uri.fsPath);
    const rel = path.relative(root, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      this.fail(vscode.l10n.t('marathon.reports.folder "{0}" points outside the workspace folder; nothing was written.', setting));
      return undefined;
    }
    return dir;
  }

  private fail(message: string): undefined {
    void vscode.window.showErrorMessage(vscode.l10n.t('Marathon: {0}', message));
    return undefined;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const s of this.subs) s.dispose();
  }
}


// Writes a new file under the first free name (exclusive create: never over an existing file,
// even one created between the check and the write).
async function writeNew(dir: string, nameFor: (exists: (p: string) => boolean) => string | undefined, text: string): Promise<vscode.Uri | undefined> {
  await fs.mkdir(dir, { recursive: true });
  const taken = new Set<string>();
  for (let attempt = 0; attempt < 20; attempt++) {
    const file = nameFor((p) => taken.has(p) || existsSync(p));
    if (!file) return undefined;
    try {
      await fs.writeFile(file, text, { flag: 'wx' });
      return vscode.Uri.file(file);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
      taken.add(file);
    }
  }
  return undefined;
}

function freeName(dir: string, base: string, exists: (p: string) => boolean): string | undefined {
  for (let n = 1; n <= 10_000; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.md`);
    if (!exists(file)) return file;
  }
  return undefined;
}

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const entry = (arg as { entry?: PlanEntry } | undefined)?.entry;
  if (entry) return entry.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

function firstHeading(text: string): string | undefined {
  return /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
}

// A claim's verdict as a diagnostic at the claim: contradicted is an error, the rest information.
function claimProblem(r: ClaimResult): Problem {
  const { line, column, endColumn } = r.claim;
  if (r.verdict === 'contradicted') return problem('claim-contradicted', 'error', vscode.l10n.t('Contradicted by git: {0}', r.reason), line, column, endColumn);
  if (r.verdict === 'confirmed') return problem('claim-confirmed', 'info', vscode.l10n.t('Confirmed: {0}', r.reason), line, column, endColumn);
  return problem('claim-unverifiable', 'info', vscode.l10n.t('Not verifiable: {0}', r.reason), line, column, endColumn);
}
