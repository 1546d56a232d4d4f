// The two HTML documents around a report body: the webview page (strict CSP: our stylesheet and
// one nonce'd script, nothing inline, nothing remote) and the self-contained exported file (CSS
// inlined and allowed by its hash, no script at all). Pure: no vscode import.
import { createHash } from 'node:crypto';
import { esc } from './escape';
import { renderReportBody, type ReportView } from './view';

export interface ReportDocumentOptions {
  /** Initial HTML inside the report container (already escaped: from renderReportBody/renderMessageBody). */
  body: string;
  /** The body is the report itself (not a loading message): the script reports it painted on load. */
  initial?: boolean;
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri(media/report.js)`, as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(media/report.css)`, as a string. */
  styleUri: string;
  title: string;
  /**
   * The stylesheet and script themselves, put in the page instead of fetched: the style allowed
   * by its hash, the script by the nonce. Saves the two resource round trips of a webview (about
   * 150 ms each in code-server, measured) before the first paint.
   */
  inline?: { css: string; js: string };
}

/** The Content-Security-Policy of the webview page. */
export function reportCsp(cspSource: string, nonce: string, styleHash?: string): string {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(nonce)) throw new Error('reportCsp: the nonce must be 16+ base64 characters');
  // VS Code's webview.cspSource is a source list such as `'self' https://*.vscode-cdn.net`: host
  // and scheme sources, and the one keyword 'self'. Nothing else may widen the policy.
  const tokens = cspSource.trim().split(/[ \t]+/);
  if (!cspSource.trim() || /[;,"<>\r\n]/.test(cspSource) || !tokens.every((t) => t === "'self'" || /^[A-Za-z0-9*.:/_+-]+$/.test(t))) {
    throw new Error(`reportCsp: not a CSP source list: ${cspSource}`);
  }
  if (styleHash !== undefined && !/^[A-Za-z0-9+/]{43}=$/.test(styleHash)) throw new Error('reportCsp: not a sha256 hash');
  const style = styleHash === undefined ? cspSource : `${cspSource} 'sha256-${styleHash}'`;
  return `default-src 'none'; img-src ${cspSource} data:; style-src ${style}; script-src 'nonce-${nonce}'; font-src ${cspSource};`;
}

/** The webview page: CSP, stylesheet, toolbar, the report container and the nonce'd script. */
export function reportDocument(opts: ReportDocumentOptions): string {
  const css = opts.inline ? safeStyle(opts.inline.css) : undefined;
  // Our own script, but never let it end its element early.
  const js = opts.inline ? opts.inline.js.replace(/<\/(script)/gi, '<\\/$1') : undefined;
  const style = css === undefined ? `<link rel="stylesheet" href="${esc(opts.styleUri)}">` : `<style>${css}</style>`;
  const script = js === undefined ? `<script nonce="${esc(opts.nonce)}" src="${esc(opts.scriptUri)}"></script>` : `<script nonce="${esc(opts.nonce)}">${js}</script>`;
  return page({
    csp: reportCsp(opts.cspSource, opts.nonce, css === undefined ? undefined : sha256(css)),
    title: opts.title,
    head: style,
    body: `<body>
<div class="toolbar" role="toolbar" aria-label="Report actions"><button type="button" id="export" class="toolbar-button">Export HTML…</button></div>
<main id="report"${opts.initial ? ' data-initial="1"' : ''}>${opts.body}</main>
${script}
</body>`,
  });
}

/** The CSP of an exported file: only the one inline stylesheet (by hash), data: images, nothing else. */
export function exportCsp(css: string): string {
  return `default-src 'none'; style-src 'sha256-${sha256(css)}'; img-src data:; base-uri 'none'; form-action 'none';`;
}

/** A self-contained HTML file of the report: inlined CSS, no script, findings as plain text. */
export function exportDocument(view: ReportView, css: string): string {
  const style = safeStyle(css);
  return page({
    csp: exportCsp(style),
    title: view.title,
    head: `<meta name="generator" content="Marathon">\n<style>${style}</style>`,
    body: `<body class="exported">
<main id="report">${renderReportBody(view, { interactive: false })}</main>
</body>`,
  });
}

// The one HTML skeleton of both documents: the CSP comes first in <head>, before anything it governs.
function page(p: { csp: string; title: string; head: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(p.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${p.head}
<title>${esc(p.title)}</title>
</head>
${p.body}
</html>
`;
}

// Our own stylesheet, but never let it end the <style> element early.
function safeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}
