/**
 * Debian's Chromium and Firefox ESR with the built extension loaded, for the end-to-end tests and the demo.
 * No tool here downloads a browser: a missing browser is an error that says how to install it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { TEST_HOSTS } from './test-hosts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const CHROME_BUILD = resolve(import.meta.dirname, '../.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(import.meta.dirname, '../.output/firefox-mv2');

function mustExist(path: string, what: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}. ${fix}`);
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** `http://127.0.0.1:<port>` of the DevTools endpoint, for tools that must see every target. */
  devtoolsUrl: string;
  close(): Promise<void>;
}

/**
 * Chromium with the chrome-mv3 build loaded, in a fresh profile. Tests ask for reduced motion so that a
 * jump to a highlight lands at once rather than mid-scroll, and for caret browsing to select with the keyboard, or for dark pages. The test hosts resolve to 127.0.0.1, and the
 * self-signed certificate they are served with is accepted.
 */
export async function launchChromium({
  headless = true,
  reducedMotion = false,
  caretBrowsing = false,
  prefersDark = false,
} = {}): Promise<ChromiumSession> {
  mustExist(
    CHROMIUM_PATH,
    'Chromium',
    'Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH.',
  );
  mustExist(join(CHROME_BUILD, 'manifest.json'), 'The Chrome build', 'Run `npm run build` first.');
  const profile = await mkdtemp(join(tmpdir(), 'counterpoint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
    colorScheme: prefersDark ? 'dark' : 'light',
    ignoreHTTPSErrors: true,
    args: [
      `--host-resolver-rules=${Object.values(TEST_HOSTS)
        .map((host) => `MAP ${host} 127.0.0.1`)
        .join(', ')}`,
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Port 0 lets Chromium pick a free port; it writes the one it chose into the profile.
      '--remote-debugging-port=0',
      // How a reader without a mouse selects text in a page: with a caret moved by the arrow keys (F7).
      ...(caretBrowsing ? ['--enable-caret-browsing'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const [port] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  return {
    context,
    extensionId: new URL(worker.url()).host,
    devtoolsUrl: `http://127.0.0.1:${port}`,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface FirefoxSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Firefox ESR over WebDriver BiDi with the firefox-mv2 build installed as a temporary add-on, reduced motion.
 * The test hosts resolve to 127.0.0.1, and the self-signed certificate they are served with is accepted.
 */
export async function launchFirefox({ headless = true, prefersDark = false } = {}): Promise<FirefoxSession> {
  mustExist(
    FIREFOX_PATH,
    'Firefox ESR',
    'Install it with `apt-get install -y firefox-esr`, or set FIREFOX_PATH.',
  );
  mustExist(join(FIREFOX_BUILD, 'manifest.json'), 'The Firefox build', 'Run `npm run build` first.');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'ui.prefersReducedMotion': 1,
      // The reader's light or dark preference, which pages read as `prefers-color-scheme`.
      'ui.systemUsesDarkTheme': prefersDark ? 1 : 0,
      // Names listed here resolve to loopback; the page still sees an ordinary site, not a secure context.
      'network.dns.localDomains': Object.values(TEST_HOSTS).join(','),
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return { browser, close: () => browser.close() };
}
