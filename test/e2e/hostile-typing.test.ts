/**
 * What the reader types, against a page that tries to hear, read, copy and rewrite it (issue 10): the note
 * and tags live in the card's extension frame, and every letter typed lands in the stored note, even at once
 * after choosing a status, and even when the tab closes right after the last key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type PageLike, type Tab } from './driver';
import { clickInOverlay, highlightedTexts, listedText, locateText, selectWithMouse } from './reader';

/** What the hostile page heard and read, kept on its own window. */
interface Overheard {
  keys: string[];
  inputs: string[];
  selections: string[];
  copies: string[];
}

/**
 * A page script that listens as early as a page can (capture on `window`), reads the selection, and rewrites
 * whatever has focus with `execCommand` every 30 ms.
 */
function turnHostile(page: PageLike): Promise<void> {
  return page.evaluate(() => {
    const heard: Overheard = { keys: [], inputs: [], selections: [], copies: [] };
    (window as unknown as { __overheard: Overheard }).__overheard = heard;
    for (const type of ['keydown', 'keypress', 'keyup']) {
      window.addEventListener(type, (event) => heard.keys.push((event as KeyboardEvent).key), true);
    }
    for (const type of ['beforeinput', 'input']) {
      window.addEventListener(type, (event) => heard.inputs.push((event as InputEvent).data ?? ''), true);
    }
    document.addEventListener('selectionchange', () => {
      const text = document.getSelection()?.toString();
      if (text) heard.selections.push(text);
    });
    window.addEventListener('copy', () => heard.copies.push(document.getSelection()?.toString() ?? ''), true);
    setInterval(() => {
      document.execCommand('insertText', false, 'PWNED');
      document.execCommand('delete');
    }, 30);
  }, null);
}

function overheard(page: PageLike): Promise<Overheard> {
  return page.evaluate(() => (window as unknown as { __overheard: Overheard }).__overheard, null);
}

/** The article's sentences of a readable length, as a reader would select them. */
function sentences(page: PageLike, count: number): Promise<string[]> {
  return page.evaluate(
    (wanted: number) =>
      [...document.querySelectorAll('article p')]
        .flatMap((p) => (p.textContent ?? '').replace(/\s+/g, ' ').split(/(?<=\.) /))
        .map((sentence) => sentence.trim())
        .filter((sentence) => sentence.length >= 40 && sentence.length <= 140)
        .slice(0, wanted),
    count,
  );
}

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('what a reader types, in %s', (_name, launch) => {
  let server: StaticServer;
  let harness: Harness;
  let articleUrl: string;

  beforeAll(async () => {
    server = await serveStatic({ '/demo': resolve(import.meta.dirname, '../../demo') });
    articleUrl = `${server.origin}/demo/article.html`;
    harness = await launch();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  async function openArticle(): Promise<Tab> {
    const tab = await harness.newTab();
    await tab.goto(articleUrl);
    return tab;
  }

  /**
   * The notes page, opened from a claim's card as a reader would, with the text of its whole list, scrolled
   * through, once it lists `expected`.
   */
  async function notesPageText(tab: Tab, expected: string): Promise<string> {
    const notes = await harness.nextOpenedTab(() => clickInOverlay(tab, 'button', 'Open all notes'));
    const text = await waitFor('the notes page', async () => {
      const listed = await listedText(notes.page);
      return listed.includes(expected) ? listed : null;
    });
    await notes.close();
    return text;
  }

  it('stores every letter typed at once after choosing a status, 20 times over', async () => {
    const tab = await openArticle();
    const marked = await sentences(tab.page, 20);
    expect(marked).toHaveLength(20);
    expect((await sentences(tab.page, 30)).length).toBeGreaterThan(22);
    for (const [i, sentence] of marked.entries()) {
      await selectWithMouse(tab.page, sentence);
      await clickInOverlay(tab, '.choice-contested');
      // No pause: the reader's fingers are already on the keys.
      await tab.page.keyboard.type(`Counts only case ${i + 1}.`);
    }
    const last = await waitFor('the last note in its card', async () =>
      (await tab.overlay.query('textarea')).find((field) => field.value === 'Counts only case 20.'),
    );
    expect(last.visible).toBe(true);
    const listed = await notesPageText(tab, 'Counts only case 20.');
    // Each note whole, and nothing of the next one's first letters in it.
    for (let i = 1; i <= 20; i++) expect(listed).toMatch(new RegExp(`Counts only case ${i}\\.(?![\\w.])`));
    await tab.close();
  });

  it('lets the page neither hear, select, copy nor rewrite the note and the tags', async () => {
    const tab = await openArticle();
    await turnHostile(tab.page);
    // Past the sentences the first test marks.
    const sentence = (await sentences(tab.page, 30)).at(-1);
    if (!sentence) throw new Error('The demo article has no sentence to mark');
    await selectWithMouse(tab.page, sentence);
    await clickInOverlay(tab, '.choice-needs-source');
    // The page's own keys so far (the mouse selection) are its business; from here on the reader types.
    const before = await overheard(tab.page);
    await tab.page.keyboard.type('Secret reasoning about the count');
    await clickInOverlay(tab, 'input[type=text]');
    await tab.page.keyboard.type('private-tag');
    await clickInOverlay(tab, 'textarea');
    await tab.page.keyboard.press('End');
    await tab.page.keyboard.type(' and more');
    // Select the note inside the card and copy it, as a reader might.
    await tab.page.keyboard.down('Control');
    await tab.page.keyboard.press('a');
    await tab.page.keyboard.press('c');
    await tab.page.keyboard.up('Control');
    await new Promise((done) => setTimeout(done, 600));

    const heard = await overheard(tab.page);
    expect(heard.keys.slice(before.keys.length)).toEqual([]);
    expect(heard.inputs.slice(before.inputs.length)).toEqual([]);
    expect(heard.copies).toEqual([]);
    for (const text of heard.selections) {
      expect(text).not.toContain('Secret');
      expect(text).not.toContain('private-tag');
    }
    const [note] = await tab.overlay.query('textarea');
    expect(note?.value).toBe('Secret reasoning about the count and more');
    // Nor can it reach the card's frame to script or navigate it: a frame in a closed shadow root is not
    // one of the page's frames.
    expect(await tab.page.evaluate(() => window.frames.length, null)).toBe(0);

    // What was stored is what the reader typed, untouched by the page's rewriting.
    await tab.reload();
    const { middle } = await locateText(tab.page, sentence);
    await waitFor('the restored highlight', async () => (await highlightedTexts(tab.page))['needs-source']);
    await tab.page.mouse.click(middle.x, middle.y);
    const stored = await waitFor('the reopened card', async () => (await tab.overlay.query('textarea'))[0]);
    expect(stored.value).toBe('Secret reasoning about the count and more');
    expect((await tab.overlay.query('input[type=text]'))[0]?.value).toBe('private-tag');
    await tab.close();
  });

  it('keeps the last keystrokes when the tab is closed right after typing', async () => {
    const tab = await openArticle();
    const sentence = (await sentences(tab.page, 30)).at(-2);
    if (!sentence) throw new Error('The demo article has no sentence to mark');
    await selectWithMouse(tab.page, sentence);
    await clickInOverlay(tab, '.choice-supported');
    await tab.page.keyboard.type('Written just before closing the tab');
    await tab.close();

    const again = await openArticle();
    await waitFor('the restored highlight', async () => (await highlightedTexts(again.page)).supported);
    const { middle } = await locateText(again.page, sentence);
    await again.page.mouse.click(middle.x, middle.y);
    // The new tab may read the notes before the background has applied the last saves; they follow at once.
    let seen: string | null | undefined;
    await waitFor('the reopened card with the whole note', async () => {
      seen = (await again.overlay.query('textarea'))[0]?.value;
      return seen === 'Written just before closing the tab';
    }).catch((error: Error) => {
      throw new Error(`${error.message}; the card showed ${JSON.stringify(seen)}`);
    });
    await again.close();
  });
});
