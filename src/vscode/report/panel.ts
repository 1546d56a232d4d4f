// The report webview panel: one per document, revealed when already open. The page is static
// (reportDocument with a fresh nonce); content arrives by message after the page's `ready`, and
// again on each update. The only file of the report view that imports vscode.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportDocument, reportDocument } from './html';
import { parseWebviewMessage, type ExtensionMessage } from './protocol';
import { resolveInWorkspace } from './resolve';
import { renderMessageBody, renderReportBody, type ReportView } from './view';

export interface ReportPanelOptions {
  /** `context.extensionUri`: media/ below it holds report.js and report.css. */
  extensionUri: vscode.Uri;
  /** The document the report is about; there is one panel per document. */
  document: vscode.Uri;
  /** Builds the report's data; called on open and on `refresh()` (a stale result never wins). */
  getView: () => Promise<ReportView>;
  log: vscode.LogOutputChannel;
  viewColumn?: vscode.ViewColumn;
}

/** How long the first page waits for the report before it shows a loading message instead. */
const FIRST_VIEW_MS = 3_000;

export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'marathon.report';
  private static readonly panels = new Map<string, ReportPanel>();

  private readonly _onDidPaint = new vscode.EventEmitter<number>();
  /** Fires with the milliseconds from navigation start to the first painted update of a page load. */
  readonly onDidPaint = this._onDidPaint.event;
  private readonly _onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidDispose = this._onDidDispose.event;

  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;
  private message: ExtensionMessage | undefined;
  private view: ReportView | undefined;
  private generation = 0;
  private loading = false;
  private stale = false;
  private paintMs: number | undefined;
  private paintSinceNavigationMs: number | undefined;
  private getView: () => Promise<ReportView>;

  /** Shows the report of `opts.document`: reveals its panel if open (and refreshes it), else opens one. */
  static createOrShow(opts: ReportPanelOptions): ReportPanel {
    const existing = ReportPanel.panels.get(opts.document.toString());
    if (existing) {
      existing.getView = opts.getView;
      existing.panel.reveal(opts.viewColumn);
      void existing.refresh();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      ReportPanel.viewType,
      `Report: ${path.basename(opts.document.path)}`,
      opts.viewColumn ?? vscode.ViewColumn.Beside,
      ReportPanel.webviewOptions(opts.extensionUri),
    );
    return new ReportPanel(panel, opts);
  }

  /** Adopts a panel VS Code restored (for a WebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, opts: ReportPanelOptions): ReportPanel {
    ReportPanel.panels.get(opts.document.toString())?.dispose();
    panel.webview.options = ReportPanel.webviewOptions(opts.extensionUri);
    return new ReportPanel(panel, opts);
  }

  /** The open panel of a document, if any. */
  static get(document: vscode.Uri): ReportPanel | undefined {
    return ReportPanel.panels.get(document.toString());
  }

  private static mediaCache: { css: string; js: string } | undefined;

  // The page's stylesheet and script, read once from media/ and put in the page itself. When they
  // cannot be read, the page links them instead.
  private static media(extensionUri: vscode.Uri): { css: string; js: string } | undefined {
    if (!ReportPanel.mediaCache) {
      try {
        const dir = path.join(extensionUri.fsPath, 'media');
        ReportPanel.mediaCache = { css: readFileSync(path.join(dir, 'report.css'), 'utf8'), js: readFileSync(path.join(dir, 'report.js'), 'utf8') };
      } catch {
        return undefined;
      }
    }
    return ReportPanel.mediaCache;
  }

  /** Every open report panel. */
  static all(): ReportPanel[] {
    return [...ReportPanel.panels.values()];
  }

  static disposeAll(): void {
    for (const p of [...ReportPanel.panels.values()]) p.dispose();
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      retainContextWhenHidden: false,
      enableFindWidget: true,
    };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly opts: ReportPanelOptions,
  ) {
    this.getView = opts.getView;
    ReportPanel.panels.set(opts.document.toString(), this);
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data: unknown) => void this.onMessage(data)),
      // A hidden webview is destroyed (its context is not retained); it posts `ready` when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    panel.iconPath = vscode.Uri.joinPath(opts.extensionUri, 'media', 'marathon.svg');
    void this.firstLoad();
  }

  // The first page carries the report itself when it is ready within FIRST_VIEW_MS: no loading
  // message and no round trip before the reader sees it. Slower reports load as updates.
  private async firstLoad(): Promise<void> {
    this.loading = true;
    const view = await Promise.race([this.getView().catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), FIRST_VIEW_MS))]);
    this.loading = false;
    if (this.disposed) return;
    if (view) {
      this.view = view;
      const title = typeof view.title === 'string' && view.title.trim() ? view.title : path.basename(this.opts.document.path);
      this.panel.title = title;
      this.message = undefined;
      this.panel.webview.html = this.page(renderReportBody(view));
      // Something changed while the first view was built: build it again, as an update.
      if (this.stale) void this.refresh();
      return;
    }
    this.panel.webview.html = this.page();
    void this.refresh();
  }

  /** The document this panel reports on. */
  get document(): vscode.Uri {
    return this.opts.document;
  }

  /** The last first-paint figure the webview reported (ms from having the report to painting it), for tests and logs. */
  get lastPaintMs(): number | undefined {
    return this.paintMs;
  }

  /** The same paint, counted from the page's navigation start (includes waiting for the report). */
  get lastPaintSinceNavigationMs(): number | undefined {
    return this.paintSinceNavigationMs;
  }

  /** Rebuilds the view with `getView` and pushes it; a slower, older rebuild never overwrites a newer one. */
  async refresh(): Promise<void> {
    if (this.loading) {
      // The first page is being built; it rebuilds once more when it is done.
      this.stale = true;
      return;
    }
    this.stale = false;
    const generation = ++this.generation;
    try {
      const view = await this.getView();
      if (generation === this.generation && !this.disposed) this.update(view);
    } catch (e) {
      if (generation !== this.generation || this.disposed) return;
      const why = e instanceof Error ? e.message : String(e);
      this.opts.log.error(`Report for ${this.opts.document.fsPath}: ${why}`);
      this.send({ type: 'update', body: renderMessageBody(`Marathon could not build this report: ${why}`, 'error'), title: this.panel.title });
    }
  }

  /** Pushes new content (sent now if the page is ready, else when it says `ready`). */
  update(view: ReportView): void {
    if (this.disposed) return;
    this.view = view;
    const title = typeof view.title === 'string' && view.title.trim() ? view.title : path.basename(this.opts.document.path);
    this.panel.title = title;
    this.send({ type: 'update', body: renderReportBody(view), title });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (ReportPanel.panels.get(this.opts.document.toString()) === this) ReportPanel.panels.delete(this.opts.document.toString());
    this._onDidDispose.fire();
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this._onDidPaint.dispose();
    this._onDidDispose.dispose();
    this.panel.dispose();
  }

  private page(body?: string): string {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.opts.extensionUri, 'media', file)).toString();
    return reportDocument({
      body: body ?? renderMessageBody('Loading report…'),
      initial: body !== undefined,
      nonce: randomBytes(18).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: media('report.js'),
      styleUri: media('report.css'),
      ...(ReportPanel.media(this.opts.extensionUri) ? { inline: ReportPanel.media(this.opts.extensionUri) } : {}),
      title: this.panel.title,
    });
  }

  private send(message: ExtensionMessage): void {
    this.message = message;
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }

  private async onMessage(data: unknown): Promise<void> {
    const message = parseWebviewMessage(data);
    if (!message || this.disposed) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.message) void this.panel.webview.postMessage(this.message);
        return;
      case 'painted':
        this.paintMs = message.ms;
        this.paintSinceNavigationMs = message.sinceNavigation;
        this.opts.log.info(
          `Report ${path.basename(this.opts.document.fsPath)}: painted ${Math.round(message.ms)} ms after the page had it` +
            (message.sinceNavigation !== undefined ? ` (${Math.round(message.sinceNavigation)} ms after navigation start).` : '.'),
        );
        this._onDidPaint.fire(message.ms);
        return;
      case 'open':
        return this.open(message.file, message.line, message.column);
      case 'export':
        return this.export();
    }
  }

  /** Opens a file named by the page, only if it is a file inside a workspace folder. */
  private async open(file: string, line: number, column = 1): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const own = vscode.workspace.getWorkspaceFolder(this.opts.document);
    const docDir = this.opts.document.scheme === 'file' ? path.dirname(this.opts.document.fsPath) : undefined;
    const resolved = await resolveInWorkspace(
      file,
      folders.map((f) => f.uri.fsPath),
      own?.uri.scheme === 'file' ? own.uri.fsPath : undefined,
      docDir,
    );
    if (!resolved) {
      void vscode.window.showWarningMessage(`Marathon: ${file} is not a file inside the workspace, so it was not opened.`);
      return;
    }
    const position = new vscode.Position(line - 1, column - 1);
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(resolved), {
        selection: new vscode.Range(position, position),
        viewColumn: this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One,
        preview: true,
      });
    } catch (e) {
      void vscode.window.showWarningMessage(`Marathon: could not open ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Writes the report as one self-contained HTML file where the user says (the dialog confirms overwriting). */
  private async export(): Promise<void> {
    const view = this.view;
    if (!view) {
      void vscode.window.showInformationMessage('Marathon: the report is not ready yet; nothing to export.');
      return;
    }
    const doc = this.opts.document;
    const name = `${path.basename(doc.path).replace(/\.[^.]*$/, '') || 'report'}.html`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(doc, '..', name),
      filters: { HTML: ['html', 'htm'] },
      saveLabel: 'Export',
      title: 'Export Report as HTML',
    });
    if (!target) return;
    try {
      const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.opts.extensionUri, 'media', 'report.css')));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportDocument(view, css)));
      this.opts.log.info(`Exported the report of ${doc.fsPath} to ${target.fsPath}.`);
      void vscode.window.showInformationMessage(`Marathon: report exported to ${path.basename(target.path)}.`);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.opts.log.error(`Export to ${target.fsPath} failed: ${why}`);
      void vscode.window.showErrorMessage(`Marathon: could not export the report: ${why}`);
    }
  }
}
