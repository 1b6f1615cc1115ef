/**
 * Issue 13's edits from the lists, end to end in both browsers: a reader changes a claim's status, note and
 * tags in the notes page, with the keyboard, and the article's tab shows the change, in its highlight and in
 * the claim's card; Escape leaves a claim as it was, and a save that cannot be stored keeps what was typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveTestSites, type TestSites } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type PageLike, type Tab } from './driver';
import {
  CLAIMS,
  clickInOverlay,
  clickInRow,
  highlightedTexts,
  listedStatus,
  listedText,
  locateText,
  mark,
} from './reader';

const NOTE = 'Orchard Street took the cars.';
const DISCARDED = 'A thought the reader drops.';

/** Whether every drawn row of the list sits below the one before it, none drawn over another. */
async function rowsApart(page: PageLike): Promise<boolean> {
  return page.evaluate(async () => {
    await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
    const boxes = [...document.querySelectorAll('.claims > li')]
      .map((row) => row.getBoundingClientRect())
      .sort((a, b) => a.top - b.top);
    return boxes.every((box, i) => i === 0 || (boxes[i - 1]?.bottom ?? 0) <= box.top + 0.5);
  }, null);
}

/** The height of the list row holding `text`. */
async function rowHeight(page: PageLike, text: string): Promise<number> {
  return page.evaluate(
    (wanted: string) =>
      [...document.querySelectorAll('.claims > li')]
        .find((row) => row.textContent?.includes(wanted))
        ?.getBoundingClientRect().height ?? 0,
    text,
  );
}

/** What the element with the keyboard's focus is, as a reader's screen reader would name it. */
async function focused(page: PageLike): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return `${element?.tagName.toLowerCase()} ${element?.getAttribute('aria-label') ?? element?.textContent}`;
  }, null);
}

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('editing from the notes page in %s', (_name, launch) => {
  let sites: TestSites;
  let harness: Harness;
  let article: Tab;
  let notes: Tab;

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

  /** Click the claim's highlight in the article, which opens its card, and read the card's note. */
  async function cardNote(sentence: string): Promise<string | null> {
    const { middle } = await locateText(article.page, sentence);
    await article.page.mouse.click(middle.x, middle.y);
    const field = await waitFor('the claim’s card', async () => (await article.overlay.query('textarea'))[0]);
    return field.value;
  }

  it('changes a claim’s note, tags and status in the notes page, and the article shows them', async () => {
    await mark(article, CLAIMS.footfall, 'supported');
    await mark(article, CLAIMS.traffic, 'contested');
    notes =
      (await harness.openNotesPage()) ??
      // Where automation cannot open it, the reader opens it from the claim's card.
      (await harness.nextOpenedTab(() => clickInOverlay(article, 'button', 'Open all notes')));
    await waitFor('both claims listed', async () => {
      const listed = await listedText(notes.page);
      return listed.includes(CLAIMS.traffic) && listed.includes(CLAIMS.footfall);
    });

    const before = await rowHeight(notes.page, CLAIMS.traffic);
    await clickInRow(notes.page, CLAIMS.traffic, 'button.edit');
    await waitFor('the note field to take the keyboard', async () =>
      (await focused(notes.page)).startsWith('textarea'),
    );
    // The row grows to hold the fields, and the rows after it make room.
    expect(await rowHeight(notes.page, CLAIMS.traffic)).toBeGreaterThan(before);
    expect(await rowsApart(notes.page)).toBe(true);

    await notes.page.keyboard.type(NOTE);
    await notes.page.keyboard.press('Tab');
    await notes.page.keyboard.type('cycling, data');
    await notes.page.keyboard.press('Tab');
    expect(await focused(notes.page)).toBe('button Save');
    await notes.page.keyboard.press('Enter');
    await waitFor('the saved note in the row', async () => (await listedText(notes.page)).includes(NOTE));
    // Back on the button that opened the editor, and from there the status is one step back.
    expect(await focused(notes.page)).toMatch(
      /^button Edit the note and tags of the claim “Since the Quarry/,
    );
    expect(await listedText(notes.page)).toContain('cycling');
    expect(await rowsApart(notes.page)).toBe(true);

    await notes.page.keyboard.down('Shift');
    await notes.page.keyboard.press('Tab');
    await notes.page.keyboard.up('Shift');
    expect(await focused(notes.page)).toMatch(/^select Status of the claim “Since the Quarry/);
    // Typing a status's first letter on the closed select chooses it, as in any form.
    await notes.page.keyboard.press('n');

    await waitFor(
      'the new status in the row',
      async () => (await listedStatus(notes.page, CLAIMS.traffic)) === 'Needs source',
    );
    await waitFor('the article’s highlight in the new status', async () =>
      (await highlightedTexts(article.page))['needs-source']?.includes(CLAIMS.traffic),
    );
    expect(await highlightedTexts(article.page)).toEqual({
      'needs-source': [CLAIMS.traffic],
      supported: [CLAIMS.footfall],
    });
    await waitFor('the new note in the claim’s card', async () => (await cardNote(CLAIMS.traffic)) === NOTE);
    expect((await article.overlay.query('input[type=text]'))[0]?.value).toBe('cycling, data');
    const [card] = await article.overlay.query('.statuses button[aria-pressed=true]');
    expect(card?.text).toBe('Needs source');
  });

  it('leaves the claim as it was when the reader presses Escape', async () => {
    await clickInRow(notes.page, CLAIMS.footfall, 'button.edit');
    await waitFor('the note field', async () => (await focused(notes.page)).startsWith('textarea'));
    await notes.page.keyboard.type(DISCARDED);
    await notes.page.keyboard.press('Escape');
    await waitFor('the editor to close', async () =>
      notes.page.evaluate(() => document.querySelector('.editor') === null, null),
    );
    expect(await focused(notes.page)).toMatch(/^button Edit the note and tags of the claim “Footfall/);
    expect(await listedText(notes.page)).not.toContain(DISCARDED);
    expect(await cardNote(CLAIMS.footfall)).toBe('');
  });

  it('keeps what the reader typed, and says why, when the save cannot be stored', async () => {
    await clickInRow(notes.page, CLAIMS.footfall, 'button.edit');
    await waitFor('the note field', async () => (await focused(notes.page)).startsWith('textarea'));
    await notes.page.keyboard.type(NOTE);
    // Meanwhile the claim is deleted from its card in the article.
    await cardNote(CLAIMS.footfall);
    await clickInOverlay(article, 'button', 'Delete claim');
    await waitFor(
      'the highlight to go',
      async () => !(await highlightedTexts(article.page)).supported?.includes(CLAIMS.footfall),
    );

    await clickInRow(notes.page, CLAIMS.footfall, 'button.save');
    const alert = await waitFor('the problem in the row', () =>
      notes.page.evaluate(
        () => document.querySelector('.row-problem[role=alert]')?.textContent ?? null,
        null,
      ),
    );
    expect(alert).toMatch(/^Not saved: .+ Your changes are still here; try again\.$/);
    const typed = await notes.page.evaluate(
      () => document.querySelector<HTMLTextAreaElement>('.editor textarea')?.value ?? null,
      null,
    );
    expect(typed).toBe(NOTE);
  });
});
