/**
 * Issue 2's reader path, end to end in both browsers: select a claim, mark it contested, write a note,
 * reload, find it in the popup, jump back to it, delete it; and the page cannot read or press the overlay.
 * The core of it (mark, write, reload, find both again) also runs on a plain http site that is not loopback,
 * where secure-context APIs are missing, and on an https site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveTestSites, type TestSites } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type Tab } from './driver';
import {
  CLAIMS,
  clickInOverlay,
  clickInRow,
  clickOnPage,
  highlightedTexts,
  highlightInView,
  listedStatus,
  locateText,
  pageText,
  selectWithMouse,
} from './reader';

const NOTE = 'Counts only Quarry Lane; Orchard Street took the cars.';

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('a reader in %s', (_name, launch) => {
  let sites: TestSites;
  let harness: Harness;
  let article: Tab;

  beforeAll(async () => {
    sites = await serveTestSites({ '/demo': resolve(import.meta.dirname, '../../demo') });
    harness = await launch();
    article = await harness.newTab();
    await article.goto(`${sites.origins.loopback}/demo/article.html`);
  });

  afterAll(async () => {
    await harness?.close();
    await sites?.close();
  });

  const toolbarButtons = () => article.overlay.query('.toolbar button');

  it('shows the toolbar only after a real selection, and hides it when the selection is cleared', async () => {
    expect(await toolbarButtons()).toEqual([]);
    await selectWithMouse(article.page, CLAIMS.traffic);
    const buttons = await waitFor('the toolbar', async () =>
      (await toolbarButtons()).length ? toolbarButtons() : null,
    );
    const names = buttons.map((button) => button.label ?? '');
    for (const word of ['Contested', 'Supported', 'Needs source', 'Highlight', 'Note']) {
      expect(names.some((name) => name.includes(word))).toBe(true);
    }
    await article.page.mouse.click(5, 5);
    await waitFor('the toolbar to go', async () => (await toolbarButtons()).length === 0);
  });

  it('ignores a click forged by a page script on a toolbar button', async () => {
    await selectWithMouse(article.page, CLAIMS.traffic);
    await waitFor('the toolbar', async () => (await toolbarButtons()).length > 0);
    await article.overlay.forgeClick('.choice-contested');
    await new Promise((done) => setTimeout(done, 500));
    expect(await highlightedTexts(article.page)).toEqual({});
    expect(await toolbarButtons()).toHaveLength(5);
  });

  it('marks the selection contested at once and opens its card for a note, tags and status', async () => {
    await clickInOverlay(article, '.choice-contested');
    await waitFor('the contested highlight', async () => (await highlightedTexts(article.page)).contested);
    expect(await highlightedTexts(article.page)).toEqual({ contested: [CLAIMS.traffic] });
    const [card] = await article.overlay.query('.card');
    expect(card?.text).toContain(CLAIMS.traffic);

    // The note has the cursor as soon as the card opens.
    await article.page.keyboard.type(NOTE);
    await clickInOverlay(article, 'input[type=text]');
    await article.page.keyboard.type('traffic, data');
    await clickInOverlay(article, '.statuses button', 'Needs source');
    await waitFor(
      'the needs-source highlight',
      async () => (await highlightedTexts(article.page))['needs-source'],
    );
    await clickInOverlay(article, '.statuses button', 'Contested');
    await waitFor(
      'the contested highlight again',
      async () => (await highlightedTexts(article.page)).contested,
    );
    const pressed = (await article.overlay.query('.statuses button')).filter(
      (button) => button.pressed === 'true',
    );
    expect(pressed.map((button) => button.text)).toEqual(['Contested']);
  });

  it('keeps the note and the tags out of the page’s reach', async () => {
    const seen = await article.page.evaluate((note: string) => {
      const host = document.querySelector('counterpoint-overlay');
      return {
        shadowRoot: host?.shadowRoot ?? null,
        hostText: host?.textContent ?? '',
        pageHasNote: document.documentElement.textContent?.includes(note.slice(0, 20)) ?? false,
        pageHasTags: document.documentElement.textContent?.includes('traffic, data') ?? false,
      };
    }, NOTE);
    expect(seen).toEqual({ shadowRoot: null, hostText: '', pageHasNote: false, pageHasTags: false });
  });

  it('brings the highlight back on the same text after a reload, and a click on it reopens the card', async () => {
    // Let the last keystrokes' save land before the page goes.
    await new Promise((done) => setTimeout(done, 800));
    await article.reload();
    await waitFor('the restored highlight', async () => (await highlightedTexts(article.page)).contested);
    expect(await highlightedTexts(article.page)).toEqual({ contested: [CLAIMS.traffic] });
    expect(await article.overlay.query('.card')).toEqual([]);

    const { middle } = await locateText(article.page, CLAIMS.traffic);
    await article.page.mouse.move(middle.x, middle.y);
    const tip = await waitFor('the hover tip', async () => (await article.overlay.query('.tip'))[0]);
    expect(tip.text).toContain('Contested');
    await article.page.mouse.click(middle.x, middle.y);
    const note = await waitFor('the reopened card', async () => (await article.overlay.query('textarea'))[0]);
    expect(note.value).toBe(NOTE);
    expect((await article.overlay.query('input[type=text]'))[0]?.value).toBe('traffic, data');
  });

  it('lists the claim in the popup for the page in the active tab', async () => {
    const popup =
      (await harness.openPopup()) ??
      (await harness.nextOpenedTab(() => clickInOverlay(article, 'button', 'Open all notes')));
    const text = await waitFor('the claim in the popup', async () => {
      const shown = await pageText(popup.page);
      return shown.includes(CLAIMS.traffic) ? shown : null;
    });
    expect(await listedStatus(popup.page, CLAIMS.traffic)).toBe('Contested');
    expect(text).toContain(NOTE);
    expect(text).toContain('traffic');
    await popup.close();
  });

  it('lists every page’s claims under All pages, and a click there scrolls the article to the claim', async () => {
    const notes =
      (await harness.openNotesPage()) ??
      (await harness.nextOpenedTab(() => clickInOverlay(article, 'button', 'Open all notes')));
    await clickOnPage(notes.page, '[role=tab]', 'All pages');
    const text = await waitFor('the All pages list', async () => {
      const shown = await pageText(notes.page);
      return shown.includes(CLAIMS.traffic) ? shown : null;
    });
    expect(text).toContain('The Quarry Lane cycleway is working');

    await article.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight), null);
    expect(await highlightInView(article.page, CLAIMS.traffic)).toBe(false);
    await clickOnPage(notes.page, '.reveal', CLAIMS.traffic.slice(0, 40));
    await waitFor('the article scrolled to the claim', () => highlightInView(article.page, CLAIMS.traffic));

    // With the article closed, the same click opens it again and scrolls to the claim.
    await article.close();
    const reopened = await harness.nextOpenedTab(() =>
      clickOnPage(notes.page, '.reveal', CLAIMS.traffic.slice(0, 40)),
    );
    await waitFor('the reopened article scrolled to the claim', () =>
      highlightInView(reopened.page, CLAIMS.traffic),
    );
    article = reopened;
    await notes.close();
  });

  it('deletes a claim from the popup and from the notes page, and Undo brings it back on the article', async () => {
    const opened = async (open: () => Promise<Tab | null>) => {
      const view = await open();
      if (view) return view;
      // Where automation cannot open them, the notes page is opened from the claim's card, as a reader would.
      const { middle } = await locateText(article.page, CLAIMS.traffic);
      await article.page.mouse.click(middle.x, middle.y);
      return harness.nextOpenedTab(() => clickInOverlay(article, 'button', 'Open all notes'));
    };
    const onArticle = async () => Object.values(await highlightedTexts(article.page)).flat();
    const listed = (view: Tab) =>
      view.page.evaluate(() => document.querySelector('.claims')?.textContent ?? '', null);
    for (const open of [() => harness.openPopup(), () => harness.openNotesPage()]) {
      const view = await opened(open);
      await clickInRow(view.page, CLAIMS.traffic, 'button.delete');
      await waitFor('the toast', async () => (await pageText(view.page)).includes('Deleted “'));
      await waitFor(
        'the claim gone from the list',
        async () => !(await listed(view)).includes(CLAIMS.traffic),
      );
      await waitFor(
        'the highlight gone from the article',
        async () => !(await onArticle()).includes(CLAIMS.traffic),
      );

      await clickOnPage(view.page, 'button.undo', 'Undo');
      await waitFor('the claim back in the list', async () => (await listed(view)).includes(CLAIMS.traffic));
      await waitFor('the highlight back on the article', async () =>
        (await onArticle()).includes(CLAIMS.traffic),
      );
      expect(await pageText(view.page)).toContain(NOTE);
      await view.close();
    }
  });

  it('deletes the claim from its card, and it stays deleted after a reload', async () => {
    const { middle } = await locateText(article.page, CLAIMS.traffic);
    await article.page.mouse.click(middle.x, middle.y);
    await clickInOverlay(article, 'button', 'Delete claim');
    await waitFor(
      'the highlight to go',
      async () => Object.keys(await highlightedTexts(article.page)).length === 0,
    );
    await article.reload();
    await new Promise((done) => setTimeout(done, 1000));
    expect(await highlightedTexts(article.page)).toEqual({});
    // A page without notes is left as it was: no overlay, no highlight registered, no style sheet adopted.
    const touched = await article.page.evaluate(
      () => ({
        overlay: document.querySelector('counterpoint-overlay') !== null,
        highlights: [...CSS.highlights.keys()],
        sheets: document.adoptedStyleSheets.length,
      }),
      null,
    );
    expect(touched).toEqual({ overlay: false, highlights: [], sheets: 0 });
  });

  describe.each([
    ['loopback', true],
    ['http', false],
    ['https', true],
  ] as const)('on the %s site', (site, secure) => {
    let tab: Tab;

    beforeAll(async () => {
      tab = await harness.newTab();
      await tab.goto(`${sites.origins[site]}/demo/article.html`);
    });

    afterAll(async () => {
      await tab?.close();
    });

    it(`is a page where secure-context APIs are ${secure ? 'present' : 'missing'}`, async () => {
      const page = await tab.page.evaluate(
        () => ({ secureContext: window.isSecureContext, randomUUID: typeof crypto.randomUUID }),
        null,
      );
      expect(page).toEqual({ secureContext: secure, randomUUID: secure ? 'function' : 'undefined' });
    });

    it('marks a claim contested with a note, and brings both back after a reload', async () => {
      await selectWithMouse(tab.page, CLAIMS.footfall);
      await clickInOverlay(tab, '.choice-contested');
      await waitFor('the contested highlight', async () => (await highlightedTexts(tab.page)).contested);
      await waitFor('the card', async () => (await tab.overlay.query('.card'))[0]);
      await tab.page.keyboard.type(NOTE);
      // Let the last keystrokes' save land before the page goes.
      await new Promise((done) => setTimeout(done, 800));

      await tab.reload();
      await waitFor('the restored highlight', async () => (await highlightedTexts(tab.page)).contested);
      expect(await highlightedTexts(tab.page)).toEqual({ contested: [CLAIMS.footfall] });
      const { middle } = await locateText(tab.page, CLAIMS.footfall);
      await tab.page.mouse.click(middle.x, middle.y);
      const note = await waitFor('the reopened card', async () => (await tab.overlay.query('textarea'))[0]);
      expect(note.value).toBe(NOTE);
    });
  });
});
