// The report in a real Chromium (Debian's, driven by playwright-core): the page reportDocument
// builds, served with media/report.js and report.css from one fake origin (every other request is
// refused and recorded), with VS Code's acquireVsCodeApi stubbed. An XSS payload in every field must
// stay text; clicks must post the right messages; the 100-session AAR is screenshotted in a dark theme.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { exportDocument, reportDocument } from '../../../src/vscode/report/html';
import { renderMessageBody, renderReportBody, type ReportView } from '../../../src/vscode/report/view';
import { aarView, XSS, xssView } from './fixtures';
import { DARK_MODERN, LIGHT_MODERN, type Theme } from './themes';

const CHROMIUM = process.env.MARATHON_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'https://report.test';
const ROOT = path.resolve(__dirname, '../../..');
const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

type Posted = { type: string; [key: string]: unknown };

interface Loaded {
  page: Page;
  dialogs: string[];
  errors: string[];
  requests: string[];
}

// Runs in the page before any of its scripts: the VS Code webview API (which VS Code provides, not
// us) as a recorder, and a recorder of CSP violations.
const INIT = `
  window.__posted = [];
  window.__violations = [];
  window.__times = {};
  // Registered before report.js's own listener: when the first update reached the page.
  window.addEventListener('message', () => { window.__times.update ??= performance.now(); });
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => { window.__times[m.type] ??= performance.now(); window.__posted.push(m); },
    getState: () => state,
    setState: (s) => { state = s; },
  });
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

// Everything an injection could have left in the DOM.
const INSPECT = `(() => {
  const all = Array.from(document.querySelectorAll('*'));
  return {
    scripts: Array.from(document.scripts).map((s) => s.getAttribute('src') || '(inline)'),
    injected: document.querySelectorAll('img, iframe, frame, object, embed, form, input, meta[http-equiv="refresh"], base, link:not([rel="stylesheet"])').length,
    onAttributes: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
    badHrefs: all.flatMap((el) => ['href', 'xlink:href', 'src', 'action', 'formaction', 'srcdoc'].map((n) => el.getAttribute(n)).filter((v) => v !== null && !/^(https?:\\/\\/|#)/i.test(v))),
    inlineStyles: all.filter((el) => el !== document.documentElement && el.hasAttribute('style')).length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    h1: document.querySelector('h1')?.textContent ?? null,
    violations: window.__violations,
  };
})()`;

interface Inspection {
  scripts: string[];
  injected: number;
  onAttributes: string[];
  badHrefs: string[];
  inlineStyles: number;
  csp: string | null;
  h1: string | null;
  violations: string[];
}

async function serve(browser: Browser, html: string): Promise<Loaded> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loaded: Loaded = { page, dialogs: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    loaded.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => loaded.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') loaded.errors.push(m.text());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    loaded.requests.push(url);
    if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    const asset = /^https:\/\/report\.test\/media\/(report\.(js|css))$/.exec(url);
    if (asset?.[1]) {
      return route.fulfill({ contentType: asset[2] === 'js' ? 'text/javascript' : 'text/css', body: fs.readFileSync(path.join(ROOT, 'media', asset[1])) });
    }
    return route.abort();
  });
  await page.addInitScript({ content: INIT });
  await page.goto(`${ORIGIN}/`);
  return loaded;
}

const posted = (page: Page) => page.evaluate('window.__posted') as Promise<Posted[]>;

/** Waits until the page has posted a message of `type`. A function, not a string: the CSP forbids eval. */
const postedType = (page: Page, type: string) =>
  page.waitForFunction((t) => (globalThis as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === t), type);

/** Loads the webview page, waits for `ready`, applies a theme, posts the view and waits for `painted`. */
async function openReport(browser: Browser, view: ReportView, theme: Theme = DARK_MODERN): Promise<Loaded & { paintMs: number; times: Record<string, number> }> {
  const html = reportDocument({
    body: renderMessageBody('Loading report…'),
    nonce: randomBytes(18).toString('base64'),
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/media/report.js`,
    styleUri: `${ORIGIN}/media/report.css`,
    title: 'Report',
  });
  const loaded = await serve(browser, html);
  const { page } = loaded;
  await postedType(page, 'ready');
  // VS Code sets its theme variables on <html> and a theme class on <body> (CSSOM, allowed by the CSP).
  await page.evaluate(
    `((t) => { for (const [k, v] of Object.entries(t.vars)) document.documentElement.style.setProperty(k, v); document.body.classList.add(t.bodyClass); })(${JSON.stringify(theme)})`,
  );
  const message = { type: 'update', body: renderReportBody(view), title: view.title };
  await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  await postedType(page, 'painted');
  const painted = (await posted(page)).find((m) => m.type === 'painted');
  const times = (await page.evaluate('window.__times')) as Record<string, number>;
  return { ...loaded, paintMs: Number(painted?.ms), times };
}

function assertClean(loaded: Loaded, inspection: Inspection): void {
  assert.deepEqual(loaded.dialogs, [], 'a dialog opened');
  assert.deepEqual(inspection.scripts, [`${ORIGIN}/media/report.js`], 'only our script');
  assert.equal(inspection.injected, 0, 'no img/iframe/object/embed/form/base');
  assert.deepEqual(inspection.onAttributes, [], 'no on* attributes');
  assert.deepEqual(inspection.badHrefs, [], 'no javascript:/data:/relative href or src');
  assert.equal(inspection.inlineStyles, 0, 'no inline style attributes');
  assert.deepEqual(inspection.violations, [], 'no CSP violations');
  assert.deepEqual(loaded.errors, [], 'no page errors');
  const foreign = loaded.requests.filter((u) => !u.startsWith(`${ORIGIN}/`));
  assert.deepEqual(foreign, [], 'no request leaves the page origin');
}

describe('report webview in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      SKIPPED: ${CHROMIUM} is absent (run \`bash scripts/setup-host.sh\` to install Debian's chromium).`);
      this.skip();
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  after(async function () {
    await browser?.close();
  });

  it('shows an XSS payload in every field as text: no dialog, no injected element, no violation', async function () {
    const loaded = await openReport(browser!, xssView());
    try {
      // Hover and focus every element an injected handler could hang on, then look.
      await loaded.page.hover('h1');
      await loaded.page.keyboard.press('Tab');
      const inspection = (await loaded.page.evaluate(INSPECT)) as Inspection;
      assertClean(loaded, inspection);
      assert.equal(inspection.h1, XSS[0], 'the title is shown as text, exactly');
      const text = (await loaded.page.evaluate('document.body.innerText')) as string;
      for (const payload of XSS.slice(0, 5)) assert.ok(text.includes(payload), `payload shown as text: ${payload}`);
    } finally {
      await loaded.page.close();
    }
  });

  it('has the strict CSP meta', async function () {
    const loaded = await openReport(browser!, aarView(3));
    try {
      const { csp } = (await loaded.page.evaluate(INSPECT)) as Inspection;
      assert.match(csp ?? '', /^default-src 'none'; img-src https:\/\/report\.test data:; style-src https:\/\/report\.test; script-src 'nonce-[A-Za-z0-9+/=]{24}'; font-src https:\/\/report\.test;$/);
    } finally {
      await loaded.page.close();
    }
  });

  it('posts ready, then open for a clicked finding or relative link, and export for the button', async function () {
    const view = xssView();
    const loaded = await openReport(browser!, view);
    const { page } = loaded;
    try {
      assert.equal((await posted(page))[0]?.type, 'ready');
      const finding = view.findings[3]!;
      await page.click('button.finding[data-line="4"]');
      assert.deepEqual((await posted(page)).at(-1), { type: 'open', file: finding.file, line: 4, column: 3 });
      await page.click('button.finding[data-line="1"]');
      assert.deepEqual((await posted(page)).at(-1), { type: 'open', file: view.findings[0]!.file, line: 1 });
      await page.click('.md-link-file');
      assert.deepEqual((await posted(page)).at(-1), { type: 'open', file: 'src/a.ts', line: 12 });
      await page.focus('.md-link-file');
      await page.keyboard.press('Enter');
      assert.deepEqual((await posted(page)).at(-1), { type: 'open', file: 'src/a.ts', line: 12 });
      await page.click('#export');
      assert.deepEqual((await posted(page)).at(-1), { type: 'export' });
      assert.deepEqual(loaded.dialogs, []);
    } finally {
      await page.close();
    }
  });

  it('renders the 100-session AAR cleanly in a dark theme (screenshot) and reports first paint', async function () {
    const view = aarView(100);
    const loaded = await openReport(browser!, view, DARK_MODERN);
    try {
      assertClean(loaded, (await loaded.page.evaluate(INSPECT)) as Inspection);
      assert.equal(await loaded.page.locator('.tl-session').count(), 100);
      assert.equal(await loaded.page.locator('.gantt-item').count(), 100);
      const t = loaded.times;
      const ms = (n: number | undefined) => `${(n ?? NaN).toFixed(1)} ms`;
      console.log(
        `      first paint of the 100-session view: ${ms(loaded.paintMs)} after navigation start ` +
          `(script ready at ${ms(t.ready)}, update received at ${ms(t.update)}: ${ms(loaded.paintMs - (t.update ?? 0))} to parse, lay out and paint the body)`,
      );
      await loaded.page.screenshot({ path: path.join(SHOTS, 'report-webview.png'), fullPage: true });
      await loaded.page.screenshot({ path: path.join(SHOTS, 'report-webview-top.png') });
      for (const panel of ['plan', 'deliverables', 'findings', 'document']) {
        await loaded.page.locator(`.panel-${panel}`).screenshot({ path: path.join(SHOTS, `report-webview-${panel}.png`) });
      }
    } finally {
      await loaded.page.close();
    }
  });

  it('is readable in a light theme too (screenshot)', async function () {
    const loaded = await openReport(browser!, aarView(40), LIGHT_MODERN);
    try {
      assertClean(loaded, (await loaded.page.evaluate(INSPECT)) as Inspection);
      await loaded.page.screenshot({ path: path.join(SHOTS, 'report-webview-light.png') });
    } finally {
      await loaded.page.close();
    }
  });

  it('exports a self-contained file whose inlined CSS passes its CSP hash, with no script', async function () {
    const css = fs.readFileSync(path.join(ROOT, 'media', 'report.css'), 'utf8');
    for (const view of [xssView(), aarView(30)]) {
      const loaded = await serve(browser!, exportDocument(view, css));
      try {
        const inspection = (await loaded.page.evaluate(INSPECT)) as Inspection;
        assert.deepEqual(inspection.scripts, []);
        assertClean(loaded, { ...inspection, scripts: [`${ORIGIN}/media/report.js`] });
        assert.ok(inspection.csp?.startsWith("default-src 'none'; style-src 'sha256-"));
        assert.equal(await loaded.page.locator('button').count(), 0);
        // The stylesheet applied: its hash matched the CSP.
        assert.equal(await loaded.page.evaluate('getComputedStyle(document.querySelector(".metric")).borderTopLeftRadius'), '6px');
        if (view.title !== XSS[0]) {
          await loaded.page.emulateMedia({ colorScheme: 'light' });
          await loaded.page.screenshot({ path: path.join(SHOTS, 'report-export-light.png') });
        }
      } finally {
        await loaded.page.close();
      }
    }
  });
});
