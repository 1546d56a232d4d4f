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
  /** Milliseconds from navigation start until the first update was in the DOM and painted. */
  | { type: 'painted'; ms: number };

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
      return typeof m.ms === 'number' && Number.isFinite(m.ms) && m.ms >= 0 ? { type: 'painted', ms: m.ms } : undefined;
    case 'open':
      if (typeof m.file !== 'string' || !m.file || m.file.length > 4096 || m.file.includes('\0') || !isPositiveInt(m.line)) return undefined;
      if (m.column !== undefined && !isPositiveInt(m.column)) return undefined;
      return m.column === undefined ? { type: 'open', file: m.file, line: m.line } : { type: 'open', file: m.file, line: m.line, column: m.column };
    default:
      return undefined;
  }
}
