// The messages between the report webview (media/report.js) and the extension (panel.ts).
// Handshake: the webview posts `ready` once its script runs; only then does the extension post
// `update`, and again on every change. A webview hidden and shown again (its context is not
// retained) reloads and posts `ready` again. media/report.js type-checks against these types.

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** Open `file` (workspace-relative or absolute) at a 1-based line and column. */
  | { type: 'open'; file: string; line: number; column?: number }
  | { type: 'export' }
  /**
   * The first paint of the report: `ms` from the moment the page had the report (its document
   * arrived with it, or the update message did) until it was painted; `sinceNavigation` from the
   * page's navigation start, which includes waiting for the extension to build the report.
   */
  | { type: 'painted'; ms: number; sinceNavigation?: number };

/** Extension → webview. `body` is HTML from renderReportBody: already escaped. */
export type ExtensionMessage = { type: 'update'; body: string; title: string };

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** Validates a message from the webview (its content is as untrusted as the page). */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'export':
      return { type: 'export' };
    case 'painted':
      if (typeof m.ms !== 'number' || !Number.isFinite(m.ms) || m.ms < 0) return undefined;
      return typeof m.sinceNavigation === 'number' && Number.isFinite(m.sinceNavigation) && m.sinceNavigation >= 0
        ? { type: 'painted', ms: m.ms, sinceNavigation: m.sinceNavigation }
        : { type: 'painted', ms: m.ms };
    case 'open':
      if (typeof m.file !== 'string' || !m.file || m.file.length > 4096 || m.file.includes('\0') || !isPositiveInt(m.line)) return undefined;
      if (m.column !== undefined && !isPositiveInt(m.column)) return undefined;
      return m.column === undefined ? { type: 'open', file: m.file, line: m.line } : { type: 'open', file: m.file, line: m.line, column: m.column };
    default:
      return undefined;
  }
}
