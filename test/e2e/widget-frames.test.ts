/**
 * Issue 12's comment widgets in cross-origin frames, end to end in both browsers: an article on one test site
 * frames a Disqus-style thread served from `https://disqus.com` (the test browsers take that name for loopback,
 * so the extension is tried with the match it ships), or a self-hosted Remark42 thread served from another test
 * site at Remark42's own path. A comment inside the frame is suggested for a claim and attached; after a reload
 * its excerpt is painted in the frame again, and the card's excerpt scrolls to it there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveTestSites, type TestSites } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type Tab } from './driver';
import { clickInOverlay, frameHighlightInView, highlightedTexts, locateText, mark } from './reader';

const PAGES = resolve(import.meta.dirname, 'pages');
/**
 * Each widget: its name, the element its script fills, the frame's address on the test sites, and the part of
 * that address that names the frame.
 */
const WIDGETS = [
  {
    name: 'Disqus',
    container: 'disqus_thread',
    thread: (sites: TestSites) => `${sites.origins.widget}/embed/comments/thread.html?f=harbourside`,
    part: '/embed/comments/thread.html',
  },
  {
    name: 'Remark42',
    container: 'remark42',
    thread: (sites: TestSites) => `${sites.origins.https}/web/iframe.html?site_id=harbourside`,
    part: '/web/iframe.html',
  },
] as const;
const CLAIM = 'The new tram line has cut average commute times across the city by a quarter.';
const ANSWERER = 'Imogen Vasquez';
const ANSWER = "That is not what the council's own survey says.";

describe.each(
  (['chromium', 'firefox'] as const).flatMap((browser) =>
    WIDGETS.map((widget) => [browser, widget.name, widget] as const),
  ),
)('comments in a widget’s frame in %s: %s', (browser, _widgetName, widget) => {
  const launch = browser === 'chromium' ? chromiumHarness : firefoxHarness;
  const THREAD = widget.part;
  let sites: TestSites;
  let harness: Harness;
  let tab: Tab;

  beforeAll(async () => {
    sites = await serveTestSites({
      '/blog': PAGES,
      '/embed/comments': resolve(PAGES, 'disqus'),
      '/web': resolve(PAGES, 'remark42'),
    });
    harness = await launch();
    tab = await harness.newTab();
    const query = new URLSearchParams({
      widget: widget.name,
      container: widget.container,
      thread: widget.thread(sites),
    });
    await tab.goto(`${sites.origins.http}/blog/framed-article.html?${query}`);
  });

  afterAll(async () => {
    await harness?.close();
    await sites?.close();
  });

  /** The excerpts painted inside the widget's frame, as a script of that frame could read them. */
  const frameExcerpts = async () => {
    const frame = await tab.frame(THREAD);
    return frame ? ((await highlightedTexts(frame)).rebuttal ?? []) : [];
  };

  it('suggests a comment of the frame for a claim, and attaches it from the card', async () => {
    await mark(tab, CLAIM);
    await waitFor('the frame’s comment suggested', async () =>
      (await tab.overlay.query('.suggestion')).some((each) => each.text.includes(ANSWERER)),
    );
    await clickInOverlay(tab, '.suggestion .accept', ANSWERER);
    await waitFor('the rebuttal listed on the card', async () =>
      (await tab.overlay.query('.card .rebuttal')).some((each) => each.text.includes(ANSWERER)),
    );
    await waitFor('the excerpt painted in the frame', async () =>
      (await frameExcerpts()).some((text) => text.startsWith(ANSWER)),
    );
  });

  it('finds the excerpt in the frame again after a reload, and scrolls to it there from the card', async () => {
    await tab.page.keyboard.press('Escape');
    await new Promise((done) => setTimeout(done, 600));
    await tab.reload();
    await waitFor('the excerpt painted in the frame again', async () =>
      (await frameExcerpts()).some((text) => text.startsWith(ANSWER)),
    );
    // Both the frame's thread and the page scrolled back to their tops: the comment is out of sight.
    const frame = await waitFor('the frame', () => tab.frame(THREAD));
    await frame.evaluate(() => window.scrollTo(0, 0), null);
    expect(await frameHighlightInView(tab, THREAD, ANSWER)).toBe(false);
    const { middle } = await locateText(tab.page, CLAIM);
    await tab.page.mouse.click(middle.x, middle.y);
    const [listed] = await waitFor('the rebuttal on the card', async () => {
      const found = await tab.overlay.query('.card .rebuttal');
      return found.length ? found : null;
    });
    expect(listed?.text).toContain(ANSWERER);
    expect(listed?.text).not.toContain('not on this page');
    await clickInOverlay(tab, '.card .rebuttal .select', ANSWERER);
    await waitFor('the comment in view in its frame', () => frameHighlightInView(tab, THREAD, ANSWER));
  });
});
