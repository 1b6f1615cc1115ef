/**
 * Issue 3's promises on pages that change, end to end in both browsers: notes on comments that arrive late
 * are placed when the comments come, and an article revised between two visits keeps its notes on the
 * right text or lists them as not found, never on the wrong text. Issue 11's: the card shows what a copy-edit
 * changed and remembers a quote kept as marked, and the notes page marks what the last visit did not find as
 * marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type Tab } from './driver';
import {
  CLAIMS,
  clickInOverlay,
  clickOnPage,
  highlightedTexts,
  locateText,
  mark,
  selectWithMouse,
} from './reader';

const LATE_COMMENT = 'You state that not one collision involving a cyclist has been reported on the route.';
const MOVED =
  'Average morning journey times from Fennick Road to the railway station dropped from 14 minutes to 9 minutes.';
const EDITED = 'Not a single collision involving a cyclist has been reported on the route since it opened.';
const EDITED_NOW =
  'Not a single collision involving a cyclist has been recorded on the route since it opened.';
const REMOVED =
  'The whole scheme cost the town £410,000, which is less than a quarter of what the council spent resurfacing the bypass in 2024.';

/** Replace `from` in HTML whose source wraps lines anywhere between words. */
function reviseText(html: string, from: string, to: string): string {
  const pattern = new RegExp(
    from
      .split(' ')
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );
  if (!pattern.test(html)) throw new Error(`The article no longer says “${from}”`);
  return html.replace(pattern, to);
}

const COPY_EDITED_NOW = CLAIMS.footfall.replace('a third', 'a quarter');
const COPY_EDITED_AGAIN = CLAIMS.footfall.replace('a third', 'a fifth');

const INSERTED = `<p>Update: ${'Since this piece was published, readers have sent in their own counts and photographs. '.repeat(6)}</p>`;

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('notes on a changing page in %s', (_name, launch) => {
  let server: StaticServer;
  let harness: Harness;
  let tab: Tab;
  let articleUrl: string;

  beforeAll(async () => {
    server = await serveStatic({ '/demo': resolve(import.meta.dirname, '../../demo') });
    articleUrl = `${server.origin}/demo/article.html`;
    harness = await launch();
    tab = await harness.newTab();
    await tab.goto(articleUrl);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  async function markAndClose(sentence: string): Promise<void> {
    await mark(tab, sentence);
    await tab.page.keyboard.press('Escape');
  }

  /** The notes page's mark for the claim quoting `quote` (empty when it has none), once the claim is listed. */
  async function listedMark(notes: Tab, quote: string): Promise<string> {
    const { mark } = await waitFor('the claim in the notes page', () =>
      notes.page.evaluate((wanted: string) => {
        const entry = [...document.querySelectorAll('li.claim')].find(
          (item) => item.querySelector('.quote')?.textContent === wanted,
        );
        return entry ? { mark: entry.querySelector('.placement-mark')?.textContent ?? '' } : null;
      }, quote),
    );
    return mark;
  }

  /**
   * The mark that the notes page, opened from the open card as a reader would, gives under All pages to the
   * claim quoting `quote`. The article reports what it found a few seconds after it settles, and each switch of
   * view reads the library again, so the reader switches until the mark shows.
   */
  async function markInNotesPage(quote: string): Promise<string> {
    const notes = await harness.nextOpenedTab(() => clickInOverlay(tab, 'button', 'Open all notes'));
    const deadline = Date.now() + 15_000;
    for (let switches = 0; ; switches++) {
      const view = switches % 2 === 0 ? 'All pages' : 'This page';
      await clickOnPage(notes.page, '[role=tab]', view);
      const shown = await listedMark(notes, quote);
      if (shown && view === 'All pages') {
        await notes.close();
        return shown;
      }
      if (Date.now() > deadline) throw new Error(`The notes page never marked “${quote.slice(0, 30)}…”`);
      await new Promise((done) => setTimeout(done, 500));
    }
  }

  it('places a note on a comment that arrives two seconds late, once it arrives', async () => {
    await markAndClose(LATE_COMMENT);
    await tab.goto('about:blank');
    await tab.goto(`${articleUrl}#late-comments`);
    const notice = await waitFor(
      'the not-found notice',
      async () => (await tab.overlay.query('.orphans-toggle'))[0],
    );
    expect(notice.text).toContain('1 note not found on this page');
    expect(await highlightedTexts(tab.page)).toEqual({});
    await waitFor(
      'the late comment highlighted',
      async () => (await highlightedTexts(tab.page)).contested,
      6_000,
    );
    expect(await highlightedTexts(tab.page)).toEqual({ contested: [LATE_COMMENT] });
    expect(await tab.overlay.query('.orphans-toggle')).toEqual([]);
  });

  it('paints its highlights again when a page script clears them', async () => {
    await waitFor('the note', async () => (await highlightedTexts(tab.page)).contested);
    await tab.page.evaluate(() => CSS.highlights.clear(), null);
    expect(await highlightedTexts(tab.page)).toEqual({});
    await waitFor('the highlights back', async () => (await highlightedTexts(tab.page)).contested, 3_000);
  });

  it('follows a single-page site from one article to another and back', async () => {
    await waitFor('the note', async () => (await highlightedTexts(tab.page)).contested);
    await tab.page.evaluate(() => {
      const article = document.querySelector('article');
      (window as unknown as { keptArticle: unknown }).keptArticle = article;
      const other = document.createElement('article');
      other.textContent = 'Another story entirely, with no notes on it.';
      article?.replaceWith(other);
      history.pushState(null, '', 'another-story.html');
    }, null);
    // The other article has no notes: nothing is highlighted, and nothing is listed as missing either.
    await waitFor('the notes to go', async () => Object.keys(await highlightedTexts(tab.page)).length === 0);
    await new Promise((done) => setTimeout(done, 500));
    expect(await tab.overlay.query('.orphans-toggle')).toEqual([]);
    await tab.page.evaluate(() => {
      const kept = (window as unknown as { keptArticle: Element }).keptArticle;
      document.querySelector('article')?.replaceWith(kept);
      history.pushState(null, '', 'article.html');
    }, null);
    await waitFor('the notes back', async () => (await highlightedTexts(tab.page)).contested);
  });

  it('keeps notes on the right text after the article is revised, and lists what it cannot find', async () => {
    await tab.goto(articleUrl);
    await waitFor('the earlier note', async () => (await highlightedTexts(tab.page)).contested);
    for (const sentence of [MOVED, EDITED, REMOVED]) await markAndClose(sentence);

    server.reviseHtml = (html) =>
      reviseText(
        reviseText(
          html.replace('<div class="entry-content">', `<div class="entry-content">${INSERTED}`),
          EDITED,
          EDITED_NOW,
        ),
        REMOVED,
        '',
      );
    await tab.reload();
    const notice = await waitFor(
      'the not-found notice',
      async () => (await tab.overlay.query('.orphans-toggle'))[0],
    );
    const placed = (await highlightedTexts(tab.page)).contested ?? [];
    expect(placed).toContain(MOVED);
    expect(placed).toContain(LATE_COMMENT);
    // The edited sentence is found as it now reads, or listed as not found; never put on other text.
    for (const text of placed) expect([MOVED, LATE_COMMENT, EDITED_NOW]).toContain(text);
    const missing = placed.includes(EDITED_NOW) ? 1 : 2;
    expect(notice.text).toContain(`${missing} notes`.replace('1 notes', '1 note'));
    await clickInOverlay(tab, '.orphans-toggle');
    const listed = (await tab.overlay.query('.orphans li')).map((item) => item.text);
    expect(listed.some((text) => text.includes(REMOVED))).toBe(true);

    // The notes page never sees the article, yet marks the lost note, with the date of this visit.
    await clickInOverlay(tab, '.orphans li button', REMOVED.slice(0, 40));
    const lost = await markInNotesPage(REMOVED);
    expect(lost).toContain('Not found on its page on');
    expect(lost).toContain(String(new Date().getFullYear()));
    server.reviseHtml = null;
  });

  it('shows in the card what a copy-edit changed in a marked passage', async () => {
    await tab.goto(articleUrl);
    await markAndClose(CLAIMS.footfall);
    server.reviseHtml = (html) => reviseText(html, CLAIMS.footfall, COPY_EDITED_NOW);
    await tab.reload();
    await waitFor('the edited passage highlighted', async () =>
      (await highlightedTexts(tab.page)).contested?.includes(COPY_EDITED_NOW),
    );
    const { middle } = await locateText(tab.page, COPY_EDITED_NOW);
    await tab.page.mouse.click(middle.x, middle.y);
    const changes = await waitFor(
      'what changed, in the card',
      async () => (await tab.overlay.query('.quote-changes .changes'))[0],
    );
    expect(changes.text.replace(/\s+/g, ' ')).toContain('rose by a third quarter over the summer');
    const marked = async (tag: string) =>
      (await tab.overlay.query(`.changes ${tag}`)).map((element) => element.text.trim());
    expect(await marked('del')).toEqual(['third']);
    expect(await marked('ins')).toEqual(['quarter']);
    // The stored quote is kept as the reader made it, until the reader takes the new text.
    expect((await tab.overlay.query('.quote'))[0]?.text).toBe(CLAIMS.footfall);
    const changedMark = await markInNotesPage(CLAIMS.footfall);
    expect(changedMark).toContain('Text changed since marked, found on');
    expect(changedMark).toContain(String(new Date().getFullYear()));
    await clickInOverlay(tab, '.keep-text');
    await waitFor('the notice gone', async () => (await tab.overlay.query('.quote-changes')).length === 0);
    expect((await tab.overlay.query('.quote'))[0]?.text).toBe(CLAIMS.footfall);

    /** Reload the article, and open the card of the claim placed on `text`. */
    const revisit = async (text: string) => {
      await tab.reload();
      await waitFor('the edited passage highlighted', async () =>
        (await highlightedTexts(tab.page)).contested?.includes(text),
      );
      const { middle: inPassage } = await locateText(tab.page, text);
      await tab.page.mouse.click(inPassage.x, inPassage.y);
      await waitFor('the card', async () => (await tab.overlay.query('.card .quote'))[0]);
    };

    // Kept on later visits too, while the passage reads the same; and no longer marked in the notes page.
    await revisit(COPY_EDITED_NOW);
    expect((await tab.overlay.query('.quote'))[0]?.text).toBe(CLAIMS.footfall);
    expect(await tab.overlay.query('.quote-changes')).toEqual([]);
    const notes = await harness.nextOpenedTab(() => clickInOverlay(tab, 'button', 'Open all notes'));
    await clickOnPage(notes.page, '[role=tab]', 'All pages');
    expect(await listedMark(notes, CLAIMS.footfall)).toBe('');
    await notes.close();

    // Changed anew: the card shows the change again.
    server.reviseHtml = (html) => reviseText(html, CLAIMS.footfall, COPY_EDITED_AGAIN);
    await revisit(COPY_EDITED_AGAIN);
    const anew = await waitFor('what changed anew', async () => (await tab.overlay.query('.changes ins'))[0]);
    expect(anew.text.trim()).toBe('fifth');
    await clickInOverlay(tab, '.accept-text');
    await waitFor('the quote as it reads now', async () =>
      (await tab.overlay.query('.quote'))[0]?.text === COPY_EDITED_AGAIN ? true : null,
    );
    expect(await tab.overlay.query('.quote-changes')).toEqual([]);

    await revisit(COPY_EDITED_AGAIN);
    expect((await tab.overlay.query('.quote'))[0]?.text).toBe(COPY_EDITED_AGAIN);
    expect(await tab.overlay.query('.quote-changes')).toEqual([]);
    server.reviseHtml = null;
  });

  it('attaches a note whose text is gone to a passage the reader selects, and keeps it there', async () => {
    server.reviseHtml = (html) => reviseText(html, REMOVED, '');
    await tab.reload();
    await clickInOverlay(tab, '.orphans-toggle');
    await clickInOverlay(tab, '.orphans li button', REMOVED.slice(0, 40));
    await clickInOverlay(tab, '.reattach');
    await waitFor('the card closed', async () => (await tab.overlay.query('.card')).length === 0);
    await selectWithMouse(tab.page, CLAIMS.traffic);
    await clickInOverlay(tab, '.attach-here');
    await waitFor('the note on the selected passage', async () =>
      (await highlightedTexts(tab.page)).contested?.includes(CLAIMS.traffic),
    );
    await waitFor('its card, quoting the passage', async () =>
      (await tab.overlay.query('.quote'))[0]?.text === CLAIMS.traffic ? true : null,
    );

    await tab.reload();
    await waitFor('the note there after a reload', async () =>
      (await highlightedTexts(tab.page)).contested?.includes(CLAIMS.traffic),
    );
    const stillMissing = await tab.overlay.query('.orphans-toggle');
    if (stillMissing.length > 0) {
      await clickInOverlay(tab, '.orphans-toggle');
      const listed = (await tab.overlay.query('.orphans li')).map((item) => item.text);
      expect(listed.some((text) => text.includes(REMOVED))).toBe(false);
    }
    server.reviseHtml = null;
  });
});
