// @ts-check
// The report webview's script. Handshake: post `ready`; the extension answers with `update`
// messages whose body is HTML it has already escaped (renderReportBody). Clicks on elements with
// data-file (findings, relative links) post `open`; the toolbar button posts `export`. After the
// first update is painted it posts `painted` with the ms since navigation start.
// Browser globals are read from globalThis, so this file needs no lint environment of its own.
(function () {
  /** @typedef {import('../src/vscode/report/protocol').WebviewMessage} WebviewMessage */
  /** @typedef {import('../src/vscode/report/protocol').ExtensionMessage} ExtensionMessage */
  /** @typedef {{ scrollY?: number }} State */
  /** @typedef {{ postMessage(message: WebviewMessage): void; getState(): State | undefined; setState(state: State): void }} VsCodeApi */

  const { document, Element, HTMLElement } = globalThis;
  // Provided by VS Code to webviews; callable once per page.
  const vscode = /** @type {{ acquireVsCodeApi(): VsCodeApi }} */ (/** @type {unknown} */ (globalThis)).acquireVsCodeApi();
  const root = document.getElementById('report');
  let painted = false;

  /**
   * @param {unknown} data
   * @returns {data is ExtensionMessage}
   */
  function isUpdate(data) {
    if (typeof data !== 'object' || data === null) return false;
    const m = /** @type {Record<string, unknown>} */ (data);
    return m.type === 'update' && typeof m.body === 'string' && typeof m.title === 'string';
  }

  /** @param {() => void} callback runs once the frame with the new DOM has been painted */
  function afterPaint(callback) {
    globalThis.requestAnimationFrame(() => globalThis.setTimeout(callback, 0));
  }

  /** @param {number} since when the page had the report (ms from navigation start) */
  function firstPaint(since) {
    if (painted) return;
    painted = true;
    const scrollY = vscode.getState()?.scrollY;
    if (typeof scrollY === 'number' && scrollY > 0) globalThis.scrollTo(0, scrollY);
    afterPaint(() => {
      const now = globalThis.performance.now();
      vscode.postMessage({ type: 'painted', ms: Math.round((now - since) * 10) / 10, sinceNavigation: Math.round(now * 10) / 10 });
    });
  }

  globalThis.addEventListener('message', (event) => {
    const data = /** @type {unknown} */ (event.data);
    if (!isUpdate(data) || !root) return;
    const received = globalThis.performance.now();
    root.innerHTML = data.body;
    document.title = data.title;
    firstPaint(received);
  });

  // The page may arrive with the report already in it (the extension had it ready): painted now.
  if (root?.dataset.initial === '1') {
    const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (globalThis.performance.getEntriesByType('navigation')[0]);
    firstPaint(navigation ? navigation.responseEnd : 0);
  }

  /** @param {HTMLElement} el an element with data-file, data-line and maybe data-column */
  function open(el) {
    const file = el.dataset.file;
    const line = Number(el.dataset.line ?? '1');
    const column = el.dataset.column === undefined ? undefined : Number(el.dataset.column);
    if (!file || !Number.isInteger(line) || line < 1) return;
    if (column !== undefined && Number.isInteger(column) && column >= 1) vscode.postMessage({ type: 'open', file, line, column });
    else vscode.postMessage({ type: 'open', file, line });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (target.closest('#export')) {
      vscode.postMessage({ type: 'export' });
      return;
    }
    const el = target.closest('[data-file]');
    if (el instanceof HTMLElement) {
      event.preventDefault();
      open(el);
    }
  });

  // Relative links are spans with role="link": Enter opens them, as it would a real link.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLElement) || !event.target.matches('span[data-file]')) return;
    event.preventDefault();
    open(event.target);
  });

  // The page is rebuilt each time the panel is shown again: remember where the reader was.
  let scrollTimer = 0;
  globalThis.addEventListener('scroll', () => {
    globalThis.clearTimeout(scrollTimer);
    scrollTimer = globalThis.setTimeout(() => vscode.setState({ scrollY: globalThis.scrollY }), 200);
  });

  vscode.postMessage({ type: 'ready' });
})();
