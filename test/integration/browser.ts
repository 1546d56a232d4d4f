// The client side of an integration run: Debian's chromium driven by playwright-core, the page
// console relayed to our stdout (that is where mocha's report arrives), and a small HTTP endpoint
// through which a test inside the extension host asks for a screenshot of the page.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(env: Record<string, string>): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env.MARATHON_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    // The runner handles signals itself (it must stop code-server too); Playwright's own handlers
    // would exit the process before that cleanup finishes.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: { ...process.env, ...env },
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { browser, page };
}

/**
 * Relays the page console to out, in order. The extension host's console reaches the page as
 * console.log('%c INFO', 'color: …', fmt, ...args): drop the styled prefix and format the rest.
 * Other messages (the workbench's own errors and warnings, such as a 404 for the missing vsda
 * module) only when verbose; uncaught page errors always. The returned function resolves once every message seen so far has been written.
 */
export function relayConsole(page: Page, out: (line: string) => void, verbose: boolean): () => Promise<void> {
  let queue = Promise.resolve();
  const relay = async (message: ConsoleMessage): Promise<void> => {
    let args: unknown[];
    try {
      args = await Promise.all(message.args().map((arg) => arg.jsonValue()));
    } catch {
      args = [message.text()];
    }
    const [first] = args;
    if (typeof first === 'string' && first.startsWith('%c')) {
      out(format(...args.slice(2)));
    } else if (verbose) {
      out(`[page ${message.type()}] ${message.text()}`);
    }
  };
  page.on('console', (message) => {
    queue = queue.then(() => relay(message)).catch(() => undefined);
  });
  page.on('pageerror', (error) => out(`[page error] ${error.message}`));
  return () => queue;
}

/**
 * Rests the pointer on `hover` (if any), waits for selector (if any) and for two animation frames,
 * so pending renders land; then shoots.
 */
async function capture(page: Page, file: string, selector: string | null, hover: string | null = null): Promise<void> {
  if (hover !== null && hover !== '') await page.hover(hover, { timeout: 15_000 });
  if (selector !== null && selector !== '') await page.waitForSelector(selector, { state: 'visible', timeout: 15_000 });
  // A string, evaluated in the page: this project compiles without the DOM library.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await page.screenshot({ path: file, timeout: 15_000 });
}

// Looks inside one frame for anything injected: scripts, on* handlers, javascript: URLs, frames.
// A string, evaluated in the frame: this project compiles without the DOM library.
const INSPECT = `(() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(el.tagName.toLowerCase() + '[' + a.name + ']');
      if (/^\\s*(javascript|vbscript):/i.test(a.value)) bad.push(el.tagName.toLowerCase() + '[' + a.name + '=' + a.value.slice(0, 40) + ']');
    }
  }
  return {
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') || 'inline: ' + (s.textContent || '').slice(0, 2000)),
    injected: [...document.querySelectorAll('iframe, object, embed, base, form, img')].map((e) => e.tagName.toLowerCase()),
    bad,
    csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || '',
    text: document.body ? document.body.innerText.slice(0, 50000) : '',
    title: document.title,
    timing: (() => {
      const n = performance.getEntriesByType('navigation')[0];
      const r = performance.getEntriesByType('resource').map((e) => Math.round(e.startTime) + '+' + Math.round(e.duration) + ' ' + e.name.split('/').pop().slice(0, 40));
      const p = performance.getEntriesByType('paint').map((e) => e.name + '@' + Math.round(e.startTime));
      return { nav: n ? { type: n.type, responseEnd: Math.round(n.responseEnd), domInteractive: Math.round(n.domInteractive), dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) } : null, paint: p, resources: r, bytes: document.documentElement.outerHTML.length, origin: Math.round(performance.timeOrigin) };
    })(),
  };
})()`;

/** What GET /webview reports about the frame that shows a marker text. */
export interface WebviewInspection {
  found: boolean;
  dialogs: string[];
  scripts?: string[];
  injected?: string[];
  bad?: string[];
  csp?: string;
  text?: string;
  title?: string;
}

const dialogsSeen: string[] = [];
const watched = new WeakSet<Page>();

// Every dialog any frame opens (alert, confirm, prompt) is recorded and dismissed.
function watchDialogs(page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('dialog', (dialog) => {
    dialogsSeen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

async function inspectWebview(page: Page, marker: string, webviewsOnly: boolean): Promise<WebviewInspection> {
  for (const frame of page.frames()) {
    if (webviewsOnly && frame === page.mainFrame()) continue;
    try {
      const found = (await frame.evaluate(INSPECT)) as Omit<WebviewInspection, 'found' | 'dialogs'>;
      if (found.text?.includes(marker)) return { found: true, dialogs: [...dialogsSeen], ...found };
    } catch {
      // A frame that went away or cannot be evaluated: not the one.
    }
  }
  return { found: false, dialogs: [...dialogsSeen] };
}

/** Screenshots are named by tests: keep the name to a safe file name. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/**
 * Serves GET /screenshot?name=x[&selector=s][&hover=h] on 127.0.0.1: saves dir/x.png and answers 200 with its path once
 * the file is written. Resolves to the endpoint's URL and a close function.
 */
export async function serveScreenshots(
  page: () => Page | undefined,
  dir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const reply = (status: number, body: string): void => {
      response.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    };
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const name = url.searchParams.get('name') ?? '';
    const target = page();
    if (target) watchDialogs(target);
    if (request.method === 'GET' && url.pathname === '/webview') {
      if (target === undefined) return reply(503, 'no page yet');
      inspectWebview(target, url.searchParams.get('marker') ?? '', url.searchParams.get('frames') === 'webview').then(
        (r) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r)),
        (error: unknown) => reply(500, error instanceof Error ? error.message : String(error)),
      );
      return;
    }
    if (request.method !== 'GET' || url.pathname !== '/screenshot') return reply(404, 'GET /screenshot?name=x or /webview?marker=m');
    if (!NAME.test(name)) return reply(400, `bad screenshot name: ${JSON.stringify(name)}`);
    if (target === undefined) return reply(503, 'no page yet');
    const file = path.join(dir, `${name.replace(/\.png$/, '')}.png`);
    const selector = url.searchParams.get('selector');
    fs.mkdirSync(dir, { recursive: true });
    capture(target, file, selector, url.searchParams.get('hover')).then(
      () => reply(200, file),
      (error: unknown) => reply(500, error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('screenshot server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/screenshot`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
