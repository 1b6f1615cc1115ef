/**
 * Issue 13's screenshots: each view in both browsers, light and dark, written as artifacts of the e2e run to
 * `test-results/screenshots/<browser>/<scheme>-<view>.png`. Each is taken once the view shows what a reader
 * would look at, and the views of the extension's own pages must follow the reader's colour scheme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type Tab } from './driver';
import { CLAIMS, clickInOverlay, isDark, listedText, mark, selectWithMouse } from './reader';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const NOTE = 'Counts only Quarry Lane; the cars moved to Orchard Street.';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The colour the page is painted with: the body's background, or the root's where the body has none. */
async function pageBackground(tab: Tab): Promise<string> {
  return tab.page.evaluate(() => {
    const body = getComputedStyle(document.body).backgroundColor;
    return body === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : body;
  }, null);
}

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('screenshots in %s', (browser, launch) => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic({ '/demo': resolve(import.meta.dirname, '../../demo') });
  });

  afterAll(async () => {
    await server?.close();
  });

  describe.each(['light', 'dark'] as const)('%s', (scheme) => {
    let harness: Harness;
    const folder = join(SHOTS, browser);

    beforeAll(async () => {
      await mkdir(folder, { recursive: true });
      harness = await launch({ prefersDark: scheme === 'dark' });
    });

    afterAll(async () => {
      await harness?.close();
    });

    /** Save `tab` as the view `name`, and check that a picture was written. */
    async function shoot(tab: Tab, name: string): Promise<void> {
      const path = join(folder, `${scheme}-${name}.png`);
      await tab.screenshot(path);
      const png = await readFile(path);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // A blank 1280×900 page compresses to a few kilobytes; every view here holds text.
      expect(png.length).toBeGreaterThan(10_000);
    }

    it('shows the first-run page, the toolbar, the card, the notes page and the popup', async () => {
      expect(isDark(await pageBackground(harness.firstRun))).toBe(scheme === 'dark');
      await shoot(harness.firstRun, 'first-run');

      const article = await harness.newTab();
      await article.goto(`${server.origin}/demo/article.html`);
      await selectWithMouse(article.page, CLAIMS.footfall);
      await waitFor('the toolbar', async () => (await article.overlay.query('.toolbar button')).length > 0);
      await shoot(article, 'toolbar');
      await article.page.keyboard.press('Escape');

      await mark(article, CLAIMS.traffic);
      await article.page.keyboard.type(NOTE);
      await waitFor('the note in the card', async () =>
        (await article.overlay.query('textarea')).some((field) => field.value === NOTE),
      );
      await waitFor(
        'the suggested comments',
        async () => (await article.overlay.query('.accept')).length > 0,
      );
      await shoot(article, 'card');
      // Every button of the card within its edges: none cut off at the side of the window.
      const [card] = await article.overlay.query('.card');
      if (!card) throw new Error('The card is gone');
      for (const button of await article.overlay.query('.card button')) {
        expect(button.x).toBeGreaterThanOrEqual(card.x);
        expect(button.x + button.width).toBeLessThanOrEqual(card.x + card.width);
      }

      const notes = await harness.nextOpenedTab(() => clickInOverlay(article, 'button', 'Open all notes'));
      await waitFor('the note in the notes page', async () => (await listedText(notes.page)).includes(NOTE));
      expect(isDark(await pageBackground(notes))).toBe(scheme === 'dark');
      await shoot(notes, 'notes-page');
      await notes.close();

      // Firefox lets automation open neither its popup nor an extension page: the notes page above is the
      // same page, at a tab's width.
      const popup = await harness.openPopup();
      if (popup) {
        await waitFor('the claim in the popup', async () => (await listedText(popup.page)).includes(NOTE));
        expect(isDark(await pageBackground(popup))).toBe(scheme === 'dark');
        await shoot(popup, 'popup');
        await popup.close();
      }
      await article.close();
    });
  });
});
