/**
 * Issue 4's reader path, end to end in both browsers on the demo article: two contested claims, a whole
 * comment attached to one, a selected passage of another comment attached to the other, a suggestion
 * accepted for a third and one for a fourth with its proposed stance changed (issue 12: each suggestion proposes
 * the passage that answers and a stance, which the reader confirms); all of it back after a reload, and in the
 * popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type Tab } from './driver';
import {
  CLAIMS,
  clickInOverlay,
  clickInRow,
  clickOnPage,
  highlightedTexts,
  highlightInView,
  listedText,
  locateText,
  mark,
  pageText,
  selectWithMouse,
} from './reader';

const COLLISIONS =
  'Not a single collision involving a cyclist has been reported on the route since it opened.';
const JOURNEYS =
  'Average morning journey times from Fennick Road to the railway station dropped from 14 minutes to 9 minutes.';
const WHOLE_COMMENT_START =
  'You claim that since the cycleway opened, car traffic on Quarry Lane has fallen by 38 percent.';
const WHOLE_COMMENT_END = 'It is a relocation.';
const EXCERPT =
  'THAT IS FALSE. I was knocked off my bike by a turning car at the Fennick Road junction on 19 June';
/** The paragraph of Martin Hale's point-by-point reply that takes up the journey times claim. */
const JOURNEYS_PASSAGE =
  'You say morning journey times from Fennick Road to the station fell from 14 minutes to 9. I have three problems with that.';

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('rebuttals in %s', (_name, launch) => {
  let server: StaticServer;
  let harness: Harness;
  let tab: Tab;

  beforeAll(async () => {
    server = await serveStatic({ '/demo': resolve(import.meta.dirname, '../../demo') });
    harness = await launch();
    tab = await harness.newTab();
    await tab.goto(`${server.origin}/demo/article.html`);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  const rebuttalTexts = async () => (await highlightedTexts(tab.page)).rebuttal ?? [];

  it('attaches a whole comment to a claim from its card', async () => {
    await mark(tab, CLAIMS.traffic);
    await clickInOverlay(tab, '.attach-toggle');
    await clickInOverlay(tab, '.comment-choice', 'Gwen Tallis');
    await waitFor('the comment highlighted as a rebuttal', async () => (await rebuttalTexts()).length === 1);
    const [whole] = await rebuttalTexts();
    expect(whole?.startsWith(WHOLE_COMMENT_START)).toBe(true);
    expect(whole?.endsWith(WHOLE_COMMENT_END)).toBe(true);
    const [listed] = await tab.overlay.query('.card .rebuttal');
    expect(listed?.text).toContain('Rebuts');
    expect(listed?.text).toContain('Gwen Tallis');
    await tab.page.keyboard.press('Escape');
  });

  it('attaches a passage selected in a comment to the claim it answers', async () => {
    await mark(tab, COLLISIONS);
    await tab.page.keyboard.press('Escape');
    await selectWithMouse(tab.page, EXCERPT);
    await clickInOverlay(tab, '.toolbar .answer-rebuts');
    await clickInOverlay(tab, '.picker .pick', COLLISIONS.slice(0, 30));
    await waitFor('the excerpt highlighted', async () => (await rebuttalTexts()).includes(EXCERPT));
    const card = await waitFor('the claim card', async () => (await tab.overlay.query('.card'))[0]);
    expect(card.text).toContain(COLLISIONS);
    expect(card.text).toContain('Colin Marsh');
  });

  it('suggests the comments that answer a claim, each with its answering passage, reasons and a stance, and attaches that passage on request', async () => {
    await tab.page.keyboard.press('Escape');
    await mark(tab, JOURNEYS);
    const suggestions = await waitFor('suggestions', async () => {
      const found = await tab.overlay.query('.suggestion');
      return found.length ? found : null;
    });
    expect(suggestions.length).toBeLessThanOrEqual(3);
    const martin = suggestions.find((suggestion) => suggestion.text.includes('Martin Hale'));
    expect(martin?.text).toContain(JOURNEYS_PASSAGE);
    expect(martin?.text).not.toContain('Compare like with like');
    expect(martin?.text).toContain('quotes this claim');
    expect(martin?.text).toContain('Seems to rebut it');
    await clickInOverlay(tab, '.suggestion .accept', 'Martin Hale');
    await waitFor('the accepted suggestion listed', async () =>
      (await tab.overlay.query('.card .rebuttal')).some((item) => item.text.includes('Martin Hale')),
    );
    const [listed] = (await tab.overlay.query('.card .rebuttal')).filter((item) =>
      item.text.includes('Martin Hale'),
    );
    expect(listed?.text).toContain('Rebuts');
    // The passage that answers is the excerpt, not the whole point-by-point reply.
    await waitFor('the passage highlighted', async () => (await rebuttalTexts()).includes(JOURNEYS_PASSAGE));
    expect((await rebuttalTexts()).length).toBe(3);
    // An attached comment is no longer suggested.
    expect((await tab.overlay.query('.suggestion')).some((item) => item.text.includes('Martin Hale'))).toBe(
      false,
    );
  });

  it('proposes the stance a supporting comment takes, and attaches it with the stance the reader chose instead', async () => {
    await tab.page.keyboard.press('Escape');
    await mark(tab, CLAIMS.footfall);
    const tomasz = await waitFor('the supporting suggestion', async () =>
      (await tab.overlay.query('.suggestion')).find((item) => item.text.includes('Tomasz Wren')),
    );
    expect(tomasz.text).toContain('Seems to support it');
    expect(tomasz.text).toContain('I can back this up');
    await clickInOverlay(tab, '.suggestion .stance-context', 'Tomasz Wren');
    await clickInOverlay(tab, '.suggestion .accept', 'Tomasz Wren');
    const listed = await waitFor('the accepted suggestion listed', async () =>
      (await tab.overlay.query('.card .rebuttal')).find((item) => item.text.includes('Tomasz Wren')),
    );
    expect(listed.text).toContain('Context');
    expect(listed.text).not.toContain('Supports');
  });

  it('brings back every claim, rebuttal and excerpt highlight after a reload, with counts', async () => {
    await tab.page.keyboard.press('Escape');
    await new Promise((done) => setTimeout(done, 600));
    await tab.reload();
    await waitFor('all highlights', async () => (await rebuttalTexts()).length === 4);
    const texts = await highlightedTexts(tab.page);
    expect(texts.contested?.sort()).toEqual([CLAIMS.traffic, CLAIMS.footfall, COLLISIONS, JOURNEYS].sort());
    expect(texts.rebuttal).toContain(EXCERPT);
    expect(texts.rebuttal).toContain(JOURNEYS_PASSAGE);
    await locateText(tab.page, CLAIMS.traffic);
    const counts = await waitFor('rebuttal counts', async () => {
      const found = await tab.overlay.query('.count');
      return found.length ? found : null;
    });
    expect(counts.map((count) => count.label)).toContain('1 rebuttal');
  });

  it('goes from an excerpt back to its claim, and from the card to the comment', async () => {
    const { middle } = await locateText(tab.page, EXCERPT);
    await tab.page.mouse.click(middle.x, middle.y);
    const card = await waitFor('the claim card', async () => (await tab.overlay.query('.card'))[0]);
    expect(card.text).toContain(COLLISIONS);
    await waitFor('the claim in view', () => highlightInView(tab.page, COLLISIONS));
    await clickInOverlay(tab, '.card .rebuttal .select', 'Colin Marsh');
    await waitFor('the comment in view', () => highlightInView(tab.page, EXCERPT));
  });

  it('keeps each excerpt on its comment when the thread is re-sorted', async () => {
    const before = (await rebuttalTexts()).sort();
    await tab.page.evaluate(() => {
      const thread = document.querySelector('ol.commentlist');
      for (const comment of [...(thread?.children ?? [])].reverse()) thread?.append(comment);
    }, null);
    // Moving a comment collapses the ranges inside it; the excerpts must come back on the same words.
    await waitFor(
      'the excerpts placed again',
      async () => JSON.stringify((await rebuttalTexts()).sort()) === JSON.stringify(before),
      3_000,
    );
  });

  it('shows each claim with its rebuttals in the popup', async () => {
    const popup =
      (await harness.openPopup()) ??
      (await harness.nextOpenedTab(() => clickInOverlay(tab, 'button', 'Open all notes')));
    const text = await waitFor('the rebuttals in the popup', async () => {
      const shown = await pageText(popup.page);
      return shown.includes('Colin Marsh') ? shown : null;
    });
    for (const expected of ['Gwen Tallis', 'Colin Marsh', 'Rebuts', EXCERPT, COLLISIONS]) {
      expect(text).toContain(expected);
    }
    await popup.close();
  });

  it('restores a claim deleted from the notes page, with its rebuttal, from Recently deleted', async () => {
    const notes =
      (await harness.openNotesPage()) ??
      (await (async () => {
        // Where automation cannot open it, the notes page is opened from the claim's card, as a reader would.
        const { middle } = await locateText(tab.page, CLAIMS.traffic);
        await tab.page.mouse.click(middle.x, middle.y);
        return harness.nextOpenedTab(() => clickInOverlay(tab, 'button', 'Open all notes'));
      })());
    await clickOnPage(notes.page, '[role=tab]', 'All pages');
    /** How many rebuttals the notes page lists under the claim quoting `quote`; null while it is not listed. */
    const rebuttalsListed = (quote: string) =>
      notes.page.evaluate(
        (wanted: string) =>
          [...document.querySelectorAll('.claims > li')]
            .find((row) => row.textContent?.includes(wanted))
            ?.querySelectorAll('.rebuttal').length ?? null,
        quote,
      );
    expect(await waitFor('the claim listed', () => rebuttalsListed(CLAIMS.traffic))).toBe(1);

    await clickInRow(notes.page, CLAIMS.traffic, 'button.delete');
    await waitFor(
      'the claim gone from the list',
      async () => !(await listedText(notes.page)).includes(CLAIMS.traffic),
    );
    await waitFor('its rebuttal gone from the article', async () => (await rebuttalTexts()).length === 3);

    await clickOnPage(notes.page, '[role=tab]', 'Recently deleted');
    const deletedRow = () =>
      notes.page.evaluate(
        () => document.querySelector('.deleted-claims > li')?.textContent?.replace(/\s+/g, ' ') ?? null,
        null,
      );
    const row = await waitFor('the claim in Recently deleted', deletedRow);
    for (const expected of [CLAIMS.traffic, 'Contested', 'Deleted', '1 rebuttal']) {
      expect(row).toContain(expected);
    }
    await clickInRow(notes.page, CLAIMS.traffic, 'button.restore', '.deleted-claims > li');
    await waitFor('the claim gone from Recently deleted', async () => (await deletedRow()) === null);
    expect(await pageText(notes.page)).toContain('No deleted claims to restore.');

    await clickOnPage(notes.page, '[role=tab]', 'All pages');
    expect(await waitFor('the claim back in the list', () => rebuttalsListed(CLAIMS.traffic))).toBe(1);
    expect(await listedText(notes.page)).toContain('Gwen Tallis');
    await waitFor('its rebuttal back on the article', async () => (await rebuttalTexts()).length === 4);
    expect((await highlightedTexts(tab.page)).contested).toContain(CLAIMS.traffic);
    await notes.close();
  });
});
