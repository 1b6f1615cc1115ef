/**
 * Issue 13's card that the reader can dock to either side of the window and that never hides its own buttons:
 * the dock button moves it, the choice holds for the next card after a reload, and a card taller than the
 * window scrolls to its last button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import {
  chromiumHarness,
  firefoxHarness,
  waitFor,
  type Harness,
  type OverlayElement,
  type Tab,
} from './driver';
import { CLAIMS, clickInOverlay, highlightedTexts, locateText, mark } from './reader';

/** The gap the card keeps from the window's edges, in CSS pixels (`card-frame.ts`). */
const EDGE = 8;

/** The card's frame while it is shown, where it is in the page's viewport; else undefined. */
async function shownFrame(tab: Tab): Promise<OverlayElement | undefined> {
  return (await tab.overlay.query('iframe')).find((frame) => frame.visible);
}

/** The part of the window the page is drawn in: without its scroll bars, which Firefox draws over it. */
function windowSize(tab: Tab): Promise<{ width: number; height: number }> {
  return tab.page.evaluate(() => {
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    return { width, height };
  }, null);
}

/** Whether `element` lies wholly inside the window. */
function inWindow(element: OverlayElement, view: { width: number; height: number }): boolean {
  return (
    element.x >= 0 &&
    element.y >= 0 &&
    element.x + element.width <= view.width &&
    element.y + element.height <= view.height
  );
}

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('the docked card, in %s', (_name, launch) => {
  let server: StaticServer;
  let harness: Harness;

  beforeAll(async () => {
    server = await serveStatic({ '/demo': resolve(import.meta.dirname, '../../demo') });
    harness = await launch();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('docks to the left on the reader’s press, keeps its buttons in reach, and opens there after a reload', async () => {
    const tab = await harness.newTab();
    await tab.goto(`${server.origin}/demo/article.html`);
    const view = await windowSize(tab);
    await mark(tab, CLAIMS.traffic);

    const onRight = await waitFor('the card', () => shownFrame(tab));
    expect(onRight.x + onRight.width).toBeCloseTo(view.width - EDGE, 0);
    const [dock] = await tab.overlay.query('.dock');
    expect(dock?.label).toBe('Dock the card on the left');

    await clickInOverlay(tab, '.dock');
    const onLeft = await waitFor('the card on the left', async () => {
      const frame = await shownFrame(tab);
      return frame && Math.abs(frame.x - EDGE) < 1 ? frame : null;
    });
    expect(onLeft.width).toBe(onRight.width);
    const [close] = await tab.overlay.query('.close');
    if (!close) throw new Error('The card has no close button');
    expect(inWindow(close, view)).toBe(true);
    expect((await tab.overlay.query('.dock'))[0]?.label).toBe('Dock the card on the right');

    // A long card: the suggested comments, and every comment of the page to choose from.
    await waitFor('the suggested comments', async () => (await tab.overlay.query('.accept')).length > 0);
    await clickInOverlay(tab, '.attach-toggle');
    await waitFor(
      'the comments to choose from',
      async () => (await tab.overlay.query('.comment-choice')).length,
    );
    const [card] = await tab.overlay.query('.card');
    expect(card?.height).toBeGreaterThan(view.height);
    // The reader scrolls the card with the wheel until its last button shows.
    const frame = await waitFor('the card', () => shownFrame(tab));
    const lastButton = async () => (await tab.overlay.query('.card footer button')).at(-1);
    await waitFor('the card’s last button in the window', async () => {
      const last = await lastButton();
      if (last && inWindow(last, view)) return true;
      await tab.wheel(frame.x + frame.width / 2, frame.y + frame.height / 2, 400);
      return false;
    });
    expect((await lastButton())?.text).toBe('Open all notes');

    await tab.reload();
    await waitFor('the restored highlight', async () => (await highlightedTexts(tab.page)).contested);
    const { middle } = await locateText(tab.page, CLAIMS.traffic);
    await tab.page.mouse.click(middle.x, middle.y);
    const reopened = await waitFor('the reopened card', () => shownFrame(tab));
    expect(reopened.x).toBeCloseTo(EDGE, 0);
    expect((await tab.overlay.query('.dock'))[0]?.label).toBe('Dock the card on the right');
    await tab.close();
  });
});
