/**
 * Debian's Chromium for the bench, headless, with the network cut to the bench's own loopback server, and the
 * calls into the in-page harness.
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../browsers';
import type { Harness } from './page/harness';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface BenchBrowser {
  browser: Browser;
  context: BrowserContext;
  version: string;
  /** Requests that were aborted because they left the loopback server. */
  blocked(): number;
  close(): Promise<void>;
}

/** Abort every request that is not for `origin`, counting them, so that no page reaches the network. */
export async function blockNetwork(context: BrowserContext, origin: string): Promise<() => number> {
  let blocked = 0;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    blocked++;
    return route.abort('blockedbyclient');
  });
  return () => blocked;
}

export async function launchBench(origin: string): Promise<BenchBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked = await blockNetwork(context, origin);
  return { browser, context, version: browser.version(), blocked, close: () => browser.close() };
}

/** Whether the server's policy keeps page scripts from running, proved on its sentinel page. */
export async function scriptsBlocked(context: BrowserContext, origin: string): Promise<boolean> {
  const sentinel = await context.newPage();
  await sentinel.goto(`${origin}/sentinel.html`);
  const blocked = (await sentinel.evaluate('window.__pageScriptRan !== true')) === true;
  await sentinel.close();
  return blocked;
}

/** A fresh tab on `url` with the harness and one engine bundle evaluated in it. */
export async function openPage(
  context: BrowserContext,
  url: string,
  bundles: readonly string[],
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  for (const code of bundles) await page.evaluate(code);
  return page;
}

/** Call `window.__bench[method](...args)` in the page; arguments and result cross as JSON. */
export async function call<K extends keyof Harness>(
  page: Page,
  method: K,
  ...args: Parameters<Harness[K]>
): Promise<Awaited<ReturnType<Harness[K]>>> {
  const list = args.map((arg) => JSON.stringify(arg)).join(',');
  return (await page.evaluate(`window.__bench.${method}(${list})`)) as Awaited<ReturnType<Harness[K]>>;
}
