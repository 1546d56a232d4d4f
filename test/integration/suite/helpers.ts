// Helpers for tests that run inside the extension host. They wait on events or poll with a bound;
// none of them sleeps for a fixed time.
import * as vscode from 'vscode';
import type { WebviewInspection } from '../browser';

export const EXTENSION_ID = 'marathon-dev.marathon';

export interface WaitOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** Between polls (default 50 ms). */
  readonly intervalMs?: number;
  /** Says what was awaited, in the timeout error. */
  readonly what?: string;
}

/**
 * Polls probe until it returns a truthy value (or a promise of one), which it resolves to;
 * rejects when timeoutMs passes first, or with the probe's own error.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  options: WaitOptions = {},
): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50, what = 'a condition' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves with the first event that passes filter; rejects after timeoutMs. */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  filter: (value: T) => boolean = () => true,
  options: Omit<WaitOptions, 'intervalMs'> = {},
): Promise<T> {
  const { timeoutMs = 10_000, what = 'an event' } = options;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!filter(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

export interface ScreenshotOptions {
  /** A Playwright selector that must be visible in the page before the picture is taken. */
  readonly selector?: string;
  /** A Playwright selector to rest the pointer on first (to show a hover). */
  readonly hover?: string;
}

/**
 * Asks the runner (test/integration/run.ts) for a screenshot of the whole workbench page, saved
 * as test-artifacts/screenshots/<name>.png; resolves to the file's path once it is written.
 * Under `npm run test:electron` there is no browser to photograph: the runner sets the URL to
 * `off`, and this resolves to undefined after saying so in the log.
 */
export async function screenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  const endpoint = process.env.MARATHON_TEST_SCREENSHOT_URL;
  if (endpoint === 'off') {
    console.log(`      (screenshot ${name} not taken: no browser under test-electron)`);
    return undefined;
  }
  if (endpoint === undefined || endpoint === '') {
    throw new Error('MARATHON_TEST_SCREENSHOT_URL is not set: run the suite through test/integration/run.ts');
  }
  const url = new URL(endpoint);
  url.searchParams.set('name', name);
  if (options.selector !== undefined) url.searchParams.set('selector', options.selector);
  if (options.hover !== undefined) url.searchParams.set('hover', options.hover);
  const response = await fetch(url, { signal: AbortSignal.timeout(25_000) });
  const body = await response.text();
  if (!response.ok) throw new Error(`screenshot ${name} failed (${response.status}): ${body}`);
  return body;
}

/** What the runner's browser sees in the webview frame that shows `marker` (see browser.ts). */
export async function inspectWebview(marker: string, where: 'any' | 'webview' = 'any'): Promise<WebviewInspection | undefined> {
  const endpoint = process.env.MARATHON_TEST_SCREENSHOT_URL;
  if (endpoint === undefined || endpoint === '' || endpoint === 'off') return undefined;
  const url = new URL(endpoint);
  url.pathname = '/webview';
  url.searchParams.set('marker', marker);
  if (where === 'webview') url.searchParams.set('frames', 'webview');
  const response = await fetch(url, { signal: AbortSignal.timeout(25_000) });
  if (!response.ok) throw new Error(`webview inspection failed (${response.status}): ${await response.text()}`);
  return (await response.json()) as WebviewInspection;
}
