/**
 * One way to drive the extension in both browsers, so every end-to-end test reads as a reader's steps and
 * runs unchanged in Chromium (Playwright) and Firefox ESR (Puppeteer over WebDriver BiDi).
 *
 * The overlay lives in a closed shadow root that page scripts cannot enter; the tests reach it the way only
 * a browser's automation protocol can (CDP's `pierce`, BiDi's `includeShadowTree: 'all'`), and then act on
 * it with real, trusted mouse and keyboard input.
 */
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Page as PuppeteerPage } from 'puppeteer-core';
import { READER_COMMAND_HOOK } from '../../core/protocol';
import { launchChromium, launchFirefox, type FirefoxSession } from '../../scripts/browsers';

/** A document tests can run script in: a page, or a frame of one. */
export interface ScriptTarget {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** What Playwright's and Puppeteer's pages have in common, and all the tests use. */
export interface PageLike extends ScriptTarget {
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    click(x: number, y: number, options?: { delay?: number }): Promise<void>;
  };
  keyboard: {
    type(text: string): Promise<void>;
    press(key: string): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
}

/** What a test learns about one element inside the overlay. */
export interface OverlayElement {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  label: string | null;
  pressed: string | null;
  value: string | null;
  visible: boolean;
  /** Its computed background and text colours, as `rgb(…)`, and its text's underline style. */
  background: string;
  color: string;
  underline: string;
}

/**
 * Reads the inside of the overlay's closed shadow root and of the claim card's frame in it, and lets the test
 * act on what it finds there.
 */
export interface OverlayProbe {
  /**
   * Every element inside the overlay matching `selector`, in document order, then those in the claim card
   * while its frame is shown, with coordinates in the page's viewport. With `scrollTo`, the first of them
   * holding that text is scrolled into view first.
   */
  query(selector: string, scrollTo?: string): Promise<OverlayElement[]>;
  /** Call `element.click()` from script: an untrusted click, as a hostile page would forge it. */
  forgeClick(selector: string): Promise<void>;
  /** The claim card's frame while it is shown, to run script in; else null. */
  cardFrame(): Promise<ScriptTarget | null>;
  /**
   * Let the page's own scripts see into the closed shadow root, as `host.shadowRoot`, so that a checker run in
   * the page (axe) walks the overlay's real markup. Test only: a page cannot do this, it needs the automation
   * protocol's reference to the root.
   */
  revealShadowRoot(): Promise<void>;
}

export interface Tab {
  page: PageLike;
  overlay: OverlayProbe;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Turn the mouse wheel by `deltaY` pixels with the pointer at (`x`, `y`), as a reader scrolls what is there. */
  wheel(x: number, y: number, deltaY: number): Promise<void>;
  /** The page's frame whose address holds `part` (a cross-origin frame too), or null while there is none. */
  frame(part: string): Promise<ScriptTarget | null>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface Harness {
  name: 'chromium' | 'firefox';
  newTab(): Promise<Tab>;
  /** The next tab that the extension opens itself (the notes page, or an article it reopens). */
  nextOpenedTab(action: () => Promise<void>): Promise<Tab>;
  /** The toolbar popup over the active tab, where the browser lets automation open it; else null. */
  openPopup(): Promise<Tab | null>;
  /** The extension's notes page opened directly as a tab, where the browser lets automation do so; else null. */
  openNotesPage(): Promise<Tab | null>;
  /** The first-run page the extension opened when it was installed. */
  firstRun: Tab;
  /**
   * Carry out a reader command (issue 13) in the active tab through the very handler the browser's shortcut
   * and context menu call: a driver can press neither, so this calls it from the extension's own side, its
   * worker in Chromium and the first-run page in Firefox. True when the page had something to act on.
   */
  runCommand(command: string): Promise<boolean>;
  /** The text of the badge on the extension's toolbar button for the active tab, as the browser holds it. */
  badgeText(): Promise<string>;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1280, height: 900 };

/** Poll `check` until it returns something truthy, or fail with `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T>,
  timeout = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Timed out waiting for ${what} (last saw ${JSON.stringify(last)})`);
}

interface ChromeGlobal {
  chrome: { action: { openPopup(): Promise<void> } };
}

// ---- Chromium ----------------------------------------------------------------------------------------

interface CdpNode {
  nodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Runs with the overlay's shadow root as `root`: describes every element matching `selector`, as JSON. */
const QUERY = `(root, selector, scrollTo) => {
  const all = [...root.querySelectorAll(selector)];
  const named = (el) => el.textContent.includes(scrollTo) || el.getAttribute('aria-label')?.includes(scrollTo);
  if (scrollTo !== null) all.find(named)?.scrollIntoView({ block: 'nearest' });
  return JSON.stringify(all.map((el) => {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '',
    label: el.getAttribute('aria-label'), pressed: el.getAttribute('aria-pressed'), value: el.value ?? null,
    visible: getComputedStyle(el).visibility === 'visible', background: getComputedStyle(el).backgroundColor,
    color: getComputedStyle(el).color, underline: getComputedStyle(el).textDecorationStyle };
  }));
}`;
/** Runs with the overlay's shadow root as `root`: clicks from script, which the browser marks untrusted. */
const FORGE_CLICK = `(root, selector) => { root.querySelector(selector)?.click(); return '[]'; }`;
/** Runs with the overlay's shadow root as `root`: hands it to the page's scripts as its host's `shadowRoot`. */
const REVEAL_ROOT = `(root) => {
  Object.defineProperty(root.host, 'shadowRoot', { get: () => root, configurable: true });
  return '[]';
}`;

type ShadowCall = (fn: string, selector: string, scrollTo?: string) => Promise<OverlayElement[]>;

/** A frame of the page that tests can run script in, as Playwright's and Puppeteer's frames both allow. */
interface FrameLike {
  evaluate<R>(expression: string): Promise<R>;
}

/** The claim card's frame among the page's frames: the one showing the card page. */
async function cardFrameOf(frames: FrameLike[]): Promise<FrameLike | null> {
  for (const frame of frames) {
    // Firefox reports an extension frame's URL as about:blank, so the frame is told by its document.
    const isCard = await frame
      .evaluate<boolean>(`document.title === 'Counterpoint claim' && !!document.getElementById('card')`)
      .catch(() => false);
    if (isCard) return frame;
  }
  return null;
}

function probeWith(inShadow: ShadowCall, frames: () => FrameLike[]): OverlayProbe {
  /** The card's frame and where it is, while it is shown. */
  async function shownCard(): Promise<{ box: OverlayElement; frame: FrameLike } | null> {
    const [box] = await inShadow(QUERY, 'iframe');
    const frame = box?.visible ? await cardFrameOf(frames().slice(1)) : null;
    return box && frame ? { box, frame } : null;
  }
  /** Run `fn(document, selector)` in the card's frame, placed where the frame is, while it is shown. */
  async function inCard(fn: string, selector: string, scrollTo?: string): Promise<OverlayElement[]> {
    const card = await shownCard();
    if (!card) return [];
    const { box, frame } = card;
    const call = `(${fn})(document, ${JSON.stringify(selector)}, ${JSON.stringify(scrollTo ?? null)})`;
    const found = JSON.parse(await frame.evaluate<string>(call)) as OverlayElement[];
    return found.map((element) => ({ ...element, x: element.x + box.x, y: element.y + box.y }));
  }
  return {
    query: async (selector, scrollTo) => [
      ...(await inShadow(QUERY, selector, scrollTo)),
      ...(await inCard(QUERY, selector, scrollTo)),
    ],
    forgeClick: async (selector) => {
      await inShadow(FORGE_CLICK, selector);
      await inCard(FORGE_CLICK, selector);
    },
    // Playwright's and Puppeteer's frames both take a function and its argument too.
    cardFrame: async () => ((await shownCard())?.frame as unknown as ScriptTarget | undefined) ?? null,
    revealShadowRoot: async () => void (await inShadow(REVEAL_ROOT, '')),
  };
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.localName === 'counterpoint-overlay') return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

function chromiumProbe(cdp: CDPSession, page: PlaywrightPage): OverlayProbe {
  /** Run `fn(shadowRoot, selector)` in one call, so no node id can go stale between two steps. */
  async function inShadow(fn: string, selector: string, scrollTo?: string): Promise<OverlayElement[]> {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return [];
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (selector, scrollTo) { return (${fn})(this, selector, scrollTo); }`,
      arguments: [{ value: selector }, { value: scrollTo ?? null }],
      returnByValue: true,
    });
    return JSON.parse(result.value as string) as OverlayElement[];
  }
  return probeWith(inShadow, () => page.frames() as unknown as FrameLike[]);
}

async function chromiumTab(page: PlaywrightPage): Promise<Tab> {
  await page.setViewportSize(VIEWPORT);
  const cdp = await page.context().newCDPSession(page);
  return {
    page: page as unknown as PageLike,
    overlay: chromiumProbe(cdp, page),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    wheel: async (x, y, deltaY) => {
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, deltaY);
    },
    frame: async (part) => page.frames().find((frame) => frame.url().includes(part)) ?? null,
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

/** A tab of an extension page that the tests only read and click, never probe for an overlay. */
function plainTab(page: PuppeteerPage): Tab {
  return {
    page: page as unknown as PageLike,
    overlay: {
      query: async () => [],
      forgeClick: async () => {
        throw new Error('Extension pages have no overlay');
      },
      cardFrame: async () => null,
      revealShadowRoot: async () => {
        throw new Error('Extension pages have no overlay');
      },
    },
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    wheel: async (x, y, deltaY) => {
      await page.mouse.move(x, y);
      await page.mouse.wheel({ deltaY });
    },
    frame: async (part) =>
      (page.frames().find((frame) => frame.url().includes(part)) as unknown as ScriptTarget | undefined) ??
      null,
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => page.close(),
  };
}

/** How the tests call the background's command handler; see `READER_COMMAND_HOOK`. */
type CommandHook = Record<typeof READER_COMMAND_HOOK, (command: string, tabId?: number) => Promise<boolean>>;

interface TabsGlobal {
  chrome: {
    tabs: { query(query: object): Promise<{ id?: number }[]> };
    action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  };
}

export async function chromiumHarness({
  headless = true,
  caretBrowsing = false,
  prefersDark = false,
} = {}): Promise<Harness> {
  const session = await launchChromium({ headless, reducedMotion: true, caretBrowsing, prefersDark });
  const extensionRoot = `chrome-extension://${session.extensionId}/`;
  const welcome = await waitFor('the first-run page', async () =>
    session.context.pages().find((page) => page.url() === `${extensionRoot}welcome.html`),
  );
  return {
    name: 'chromium',
    firstRun: await chromiumTab(welcome),
    async runCommand(command) {
      const worker = session.context.serviceWorkers()[0];
      if (!worker) throw new Error('The extension’s worker is not running');
      return worker.evaluate(
        async ([hook, name]) => {
          const [tab] = await (globalThis as unknown as TabsGlobal).chrome.tabs.query({
            active: true,
            lastFocusedWindow: true,
          });
          return (globalThis as unknown as CommandHook)[hook](name, tab?.id);
        },
        [READER_COMMAND_HOOK, command] as const,
      );
    },
    async badgeText() {
      const worker = session.context.serviceWorkers()[0];
      if (!worker) throw new Error('The extension’s worker is not running');
      return worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as TabsGlobal;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.action.getBadgeText({ tabId: tab?.id });
      });
    },
    newTab: async () => chromiumTab(await session.context.newPage()),
    async nextOpenedTab(action) {
      const opened = session.context.waitForEvent('page');
      await action();
      const page = await opened;
      await page.waitForLoadState();
      return chromiumTab(page);
    },
    async openPopup() {
      const worker = session.context.serviceWorkers()[0];
      if (!worker) return null;
      // Playwright does not list action popups, so a second client over CDP picks it up.
      const devtools = await puppeteer.connect({ browserURL: session.devtoolsUrl, defaultViewport: null });
      await worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.openPopup());
      const target = await devtools.waitForTarget((candidate) =>
        candidate.url().startsWith(`${extensionRoot}popup.html`),
      );
      const page = await target.asPage();
      // Playwright's emulated colour scheme reaches only the pages it knows: the popup gets the same here.
      await page.emulateMediaFeatures([
        { name: 'prefers-color-scheme', value: prefersDark ? 'dark' : 'light' },
      ]);
      const tab = plainTab(page);
      return {
        ...tab,
        close: async () => {
          await page.close();
          await devtools.disconnect();
        },
      };
    },
    async openNotesPage() {
      const tab = await chromiumTab(await session.context.newPage());
      await tab.goto(`${extensionRoot}popup.html`);
      return tab;
    },
    close: () => session.close(),
  };
}

// ---- Firefox -----------------------------------------------------------------------------------------

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: 'browsingContext.navigationCommitted', listener: (info: NavigationInfo) => void): void;
  off(event: 'browsingContext.navigationCommitted', listener: (info: NavigationInfo) => void): void;
}

interface NavigationInfo {
  context: string;
  url: string;
}

function bidiConnection(session: FirefoxSession): BidiConnection {
  return (session.browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi id of the tab's top-level browsing context. */
function contextId(page: PuppeteerPage): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

interface BidiNode {
  sharedId: string;
  value?: { shadowRoot?: { sharedId: string } | null };
}

function firefoxProbe(session: FirefoxSession, page: PuppeteerPage): OverlayProbe {
  const connection = bidiConnection(session);
  const context = contextId(page);
  /** Run `fn(shadowRoot, selector)` in the page with a reference that only automation can hold. */
  async function inShadow(fn: string, selector: string, scrollTo?: string): Promise<OverlayElement[]> {
    const { result } = await connection.send('script.evaluate', {
      expression: 'document.querySelector("counterpoint-overlay")',
      target: { context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    const shadow = (result.result as BidiNode | undefined)?.value?.shadowRoot;
    if (!shadow) return [];
    const called = await connection.send('script.callFunction', {
      functionDeclaration: fn,
      target: { context },
      arguments: [
        { sharedId: shadow.sharedId },
        { type: 'string', value: selector },
        scrollTo === undefined ? { type: 'null' } : { type: 'string', value: scrollTo },
      ],
      awaitPromise: false,
    });
    return JSON.parse((called.result.result as { value: string }).value) as OverlayElement[];
  }
  return probeWith(inShadow, () => page.frames() as unknown as FrameLike[]);
}

async function firefoxTab(session: FirefoxSession, page: PuppeteerPage): Promise<Tab> {
  // Straight over BiDi: Puppeteer's setViewport also overrides the screen orientation, a command Firefox ESR 140
  // does not know, and fails.
  await bidiConnection(session).send('browsingContext.setViewport', {
    context: contextId(page),
    viewport: VIEWPORT,
  });
  return {
    page: page as unknown as PageLike,
    overlay: firefoxProbe(session, page),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    wheel: async (x, y, deltaY) => {
      await page.mouse.move(x, y);
      await page.mouse.wheel({ deltaY });
    },
    frame: async (part) =>
      (page.frames().find((frame) => frame.url().includes(part)) as unknown as ScriptTarget | undefined) ??
      null,
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => page.close(),
  };
}

interface BrowserGlobal {
  browser: {
    runtime: { getBackgroundPage(): Promise<CommandHook> };
    tabs: TabsGlobal['chrome']['tabs'];
    browserAction: TabsGlobal['chrome']['action'];
  };
}

export async function firefoxHarness({ prefersDark = false } = {}): Promise<Harness> {
  const session = await launchFirefox({ prefersDark });
  // Puppeteer names a tab the extension opened about:blank; the page itself knows better.
  const welcome = await waitFor('the first-run page', async () => {
    for (const page of await session.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.endsWith('/welcome.html')) return page;
    }
    return null;
  });
  const firstRun = await firefoxTab(session, welcome);
  return {
    name: 'firefox',
    firstRun,
    runCommand: (command) =>
      welcome.evaluate(
        async (hook: string, name: string) => {
          const { browser } = globalThis as unknown as BrowserGlobal;
          const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
          return (await browser.runtime.getBackgroundPage())[hook as typeof READER_COMMAND_HOOK](
            name,
            tab?.id,
          );
        },
        READER_COMMAND_HOOK,
        command,
      ),
    badgeText: () =>
      welcome.evaluate(async () => {
        const { browser } = globalThis as unknown as BrowserGlobal;
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return browser.browserAction.getBadgeText({ tabId: tab?.id });
      }),
    newTab: async () => firefoxTab(session, await session.browser.newPage()),
    async nextOpenedTab(action) {
      // A new tab starts on an about:blank that Firefox throws away when the page the extension asked for
      // commits, in another process; a command sent to the tab in between fails ("browser is null"). So the
      // tab is used only once that page has committed. Firefox sends no load events for moz-extension pages.
      const committed = new Set<string>();
      const onCommit = (info: NavigationInfo) => {
        if (info.url !== 'about:blank') committed.add(info.context);
      };
      const connection = bidiConnection(session);
      connection.on('browsingContext.navigationCommitted', onCommit);
      try {
        const before = new Set(await session.browser.pages());
        await action();
        const page = await waitFor('a tab opened by the extension, its page committed', async () =>
          (await session.browser.pages()).find(
            (candidate) => !before.has(candidate) && committed.has(contextId(candidate)),
          ),
        );
        return await firefoxTab(session, page);
      } finally {
        connection.off('browsingContext.navigationCommitted', onCommit);
      }
    },
    // Automation may neither open Firefox's popup nor navigate to moz-extension:// pages.
    openPopup: async () => null,
    openNotesPage: async () => null,
    close: () => session.close(),
  };
}

// ---- Files (issue 5) ---------------------------------------------------------------------------------

/** The file-related methods of Playwright's page, which Puppeteer's lacks; tells the two apart. */
interface PlaywrightFiles {
  setInputFiles(selector: string, files: string): Promise<void>;
  waitForEvent(event: 'download'): Promise<{ suggestedFilename(): string; path(): Promise<string | null> }>;
}

interface PuppeteerFiles {
  $(selector: string): Promise<{ uploadFile(...paths: string[]): Promise<void> } | null>;
}

function playwrightFiles(tab: Tab): PlaywrightFiles | null {
  const page = tab.page as unknown as Partial<PlaywrightFiles>;
  return typeof page.setInputFiles === 'function' ? (page as PlaywrightFiles) : null;
}

/** Put the file at `path` into the file input matching `selector`, as a reader choosing it in the picker. */
export async function chooseFile(tab: Tab, selector: string, path: string): Promise<void> {
  const playwright = playwrightFiles(tab);
  if (playwright) return playwright.setInputFiles(selector, path);
  const input = await (tab.page as unknown as PuppeteerFiles).$(selector);
  if (!input) throw new Error(`No file input ${selector} on the page`);
  await input.uploadFile(path);
}

/**
 * Run `action` (a click that saves a file) and return the file it saved. Chromium's download is caught by
 * Playwright. Firefox over BiDi gives automation no download events, so there the test reads the blob that the
 * page's `<a download>` points to when it is clicked: the very bytes the browser saves.
 */
export async function capturedDownload(
  tab: Tab,
  action: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const playwright = playwrightFiles(tab);
  if (playwright) {
    const download = playwright.waitForEvent('download');
    await action();
    const saved = await download;
    const path = await saved.path();
    if (!path) throw new Error('The download failed');
    const { readFile } = await import('node:fs/promises');
    return { name: saved.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
  await tab.page.evaluate(() => {
    const seen: { name: string; text: string }[] = [];
    (globalThis as unknown as { __savedFiles: typeof seen }).__savedFiles = seen;
    document.addEventListener(
      'click',
      (event) => {
        const link = (event.target as Element | null)?.closest?.('a[download]') as HTMLAnchorElement | null;
        if (!link) return;
        const name = link.download;
        void fetch(link.href)
          .then((response) => response.text())
          .then((text) => seen.push({ name, text }));
      },
      true,
    );
  }, null);
  await action();
  return waitFor('the saved file', () =>
    tab.page.evaluate(
      () => (globalThis as unknown as { __savedFiles: { name: string; text: string }[] }).__savedFiles[0],
      null,
    ),
  );
}
