/**
 * Issue 13's finished look, end to end in both browsers: the overlay (toolbar, hover tip) and the claim card
 * are light on a light page, dark on a dark page, and dark on any page for a reader who prefers dark; and each
 * status is named under the line that marks it on the page. Colours are read as computed inside the closed
 * shadow root and the card's frame, through the driver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveTestSites, type TestSites } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type Tab } from './driver';
import { CLAIMS, clickInOverlay, isDark, locateText, selectWithMouse } from './reader';

/** Light or dark, for the toolbar shown over a fresh selection of `sentence` and for the card it opens. */
async function schemes(tab: Tab, sentence: string): Promise<{ toolbar: string; card: string; text: string }> {
  await selectWithMouse(tab.page, sentence);
  const toolbar = await waitFor('the toolbar', async () => (await tab.overlay.query('.toolbar'))[0]);
  await clickInOverlay(tab, '.choice-contested');
  const card = await waitFor('the card', async () => (await tab.overlay.query('.card'))[0]);
  const describe = (colour: string) => (isDark(colour) ? 'dark' : 'light');
  return {
    toolbar: describe(toolbar.background),
    card: describe(card.background),
    text: describe(card.color),
  };
}

async function closeCard(tab: Tab): Promise<void> {
  await clickInOverlay(tab, '.close');
  await waitFor('the card to close', async () => (await tab.overlay.query('.card')).length === 0);
}

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('the overlay’s colours in %s', (_name, launch) => {
  let sites: TestSites;

  beforeAll(async () => {
    sites = await serveTestSites({ '/demo': resolve(import.meta.dirname, '../../demo') });
  });

  afterAll(async () => {
    await sites?.close();
  });

  describe('for a reader who prefers light pages', () => {
    let harness: Harness;
    let article: Tab;

    beforeAll(async () => {
      harness = await launch();
      article = await harness.newTab();
      await article.goto(`${sites.origins.loopback}/demo/article.html`);
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('is light on a light page, and names the status under its own line in the card and the tip', async () => {
      expect(await schemes(article, CLAIMS.traffic)).toEqual({
        toolbar: 'light',
        card: 'light',
        text: 'dark',
      });
      const [badge] = await article.overlay.query('.card .badge');
      expect(badge).toMatchObject({ text: 'Contested', underline: 'wavy' });
      const underlines = Object.fromEntries(
        (await article.overlay.query('.statuses .mark')).map(({ text, underline }) => [text, underline]),
      );
      expect(underlines).toEqual({
        Contested: 'wavy',
        Supported: 'double',
        'Needs source': 'dotted',
        Highlight: 'solid',
      });
      await closeCard(article);

      const { middle } = await locateText(article.page, CLAIMS.traffic);
      await article.page.mouse.move(middle.x, middle.y);
      const tip = await waitFor('the hover tip', async () => (await article.overlay.query('.tip .mark'))[0]);
      expect(tip).toMatchObject({ text: 'Contested', underline: 'wavy' });
    });

    it('turns dark when the page turns dark', async () => {
      await article.page.evaluate(() => {
        // The page's own dark theme: its body, and the white column the article sits in.
        const theme = document.createElement('style');
        theme.textContent = 'body, #page { background: rgb(20, 22, 28); color: rgb(230, 230, 230); }';
        document.head.append(theme);
      }, null);
      expect(await schemes(article, CLAIMS.footfall)).toEqual({
        toolbar: 'dark',
        card: 'dark',
        text: 'light',
      });
      await closeCard(article);
    });
  });

  describe('for a reader who prefers dark pages', () => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await launch({ prefersDark: true });
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('is dark even on a page that stays light', async () => {
      const article = await harness.newTab();
      await article.goto(`${sites.origins.loopback}/demo/article.html`);
      expect(
        await article.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches, null),
      ).toBe(true);
      expect(await schemes(article, CLAIMS.traffic)).toEqual({
        toolbar: 'dark',
        card: 'dark',
        text: 'light',
      });
    });
  });
});
