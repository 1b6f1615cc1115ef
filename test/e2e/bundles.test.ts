/**
 * Issue 5's reader path across browsers: notes made in Firefox, exported from its notes page and imported in
 * Chromium; notes made in Chromium, exported and imported in Firefox; each time the article shows the same
 * claims and rebuttals, also at another URL of the same article. Both browsers run side by side.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import {
  capturedDownload,
  chooseFile,
  chromiumHarness,
  firefoxHarness,
  waitFor,
  type Harness,
  type Tab,
} from './driver';
import { CLAIMS, clickInOverlay, clickOnPage, highlightedTexts, pageText, mark } from './reader';

const JOURNEYS =
  'Average morning journey times from Fennick Road to the railway station dropped from 14 minutes to 9 minutes.';
const GWEN_START =
  'You claim that since the cycleway opened, car traffic on Quarry Lane has fallen by 38 percent.';

describe('note bundles between Chromium and Firefox', () => {
  let server: StaticServer;
  let chromium: Harness;
  let firefox: Harness;
  let chromiumArticle: Tab;
  let firefoxArticle: Tab;
  let firefoxNotes: Tab;
  let chromiumNotes: Tab;
  let files: string;

  beforeAll(async () => {
    const demo = resolve(import.meta.dirname, '../../demo');
    // The same article under a second path: another URL of it, as a syndicated or AMP copy would be.
    server = await serveStatic({ '/demo': demo, '/copy': demo });
    [chromium, firefox] = await Promise.all([chromiumHarness(), firefoxHarness()]);
    files = await mkdtemp(join(tmpdir(), 'counterpoint-bundles-'));
  });

  afterAll(async () => {
    await Promise.all([chromium?.close(), firefox?.close()]);
    await server?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  const article = (path = '/demo/article.html') => `${server.origin}${path}`;

  async function attachComment(tab: Tab, author: string): Promise<void> {
    const before = (await highlightedTexts(tab.page)).rebuttal?.length ?? 0;
    await clickInOverlay(tab, '.attach-toggle');
    await clickInOverlay(tab, '.comment-choice', author);
    await waitFor(
      'the comment highlighted as a rebuttal',
      async () => ((await highlightedTexts(tab.page)).rebuttal?.length ?? 0) === before + 1,
    );
  }

  /** Export the whole library as a note bundle from a notes page, and save it where the test can pick it. */
  async function exportLibrary(notes: Tab, saveAs: string): Promise<string> {
    await openShare(notes);
    const saved = await capturedDownload(notes, () => clickOnPage(notes.page, 'button.export-go', 'Export'));
    expect(saved.name).toMatch(/^counterpoint-library-\d{4}-\d{2}-\d{2}\.json$/);
    const path = join(files, saveAs);
    await writeFile(path, saved.text);
    return path;
  }

  async function openShare(notes: Tab): Promise<void> {
    // Clicked only once the list has loaded: its arrival moves the buttons below it.
    await waitFor('the notes page loaded', async () => {
      const text = await pageText(notes.page);
      return text.includes('Export or import') && !text.includes('Loading…');
    });
    const open = await notes.page.evaluate(() => !!document.querySelector('details.share[open]'), null);
    if (!open) await clickOnPage(notes.page, 'details.share summary', 'Export or import');
  }

  /** Pick the file on a notes page and wait for the preview; returns its text. */
  async function preview(notes: Tab, path: string): Promise<string> {
    await openShare(notes);
    await chooseFile(notes, 'input.import-file', path);
    const name = basename(path);
    return waitFor('the import preview', async () => {
      const text = await pageText(notes.page);
      return text.includes(`“${name}” is `) || text.includes(`“${name}”: `) ? text : null;
    });
  }

  async function importFile(notes: Tab, path: string): Promise<string> {
    await preview(notes, path);
    await clickOnPage(notes.page, 'button.import-confirm', 'Import');
    return waitFor('the import report', async () => {
      const text = await pageText(notes.page);
      return text.includes('Imported “') ? text : null;
    });
  }

  it('imports in Chromium what a reader exported from Firefox, and shows it on the article', async () => {
    firefoxArticle = await firefox.newTab();
    await firefoxArticle.goto(article());
    await mark(firefoxArticle, JOURNEYS, 'supported');
    await attachComment(firefoxArticle, 'Martin Hale');
    firefoxNotes = await firefox.nextOpenedTab(() =>
      clickInOverlay(firefoxArticle, 'button', 'Open all notes'),
    );
    await waitFor('the notes page', async () => (await pageText(firefoxNotes.page)).includes('Martin Hale'));
    const fromFirefox = await exportLibrary(firefoxNotes, 'from-firefox.json');

    chromiumNotes = (await chromium.openNotesPage()) as Tab;
    const report = await importFile(chromiumNotes, fromFirefox);
    expect(report).toContain('2 new notes added, 0 updated, 0 unchanged, 0 deleted, 0 refused');
    // The report links to the page it touched.
    const links = await chromiumNotes.page.evaluate(
      () => [...document.querySelectorAll('.touched a')].map((link) => (link as HTMLAnchorElement).href),
      null,
    );
    expect(links).toEqual([article()]);

    chromiumArticle = await chromium.newTab();
    await chromiumArticle.goto(article());
    const shown = await waitFor('the imported notes on the article', async () => {
      const texts = await highlightedTexts(chromiumArticle.page);
      return texts.rebuttal?.length === 1 ? texts : null;
    });
    expect(shown.supported).toEqual([JOURNEYS]);
    // The notes page lists the imported rebuttal under its claim.
    await waitFor('the imported rebuttal listed', async () =>
      (await pageText(chromiumNotes.page)).includes('Martin Hale'),
    );
  });

  it('imports in Firefox what a reader exported from Chromium, and a second import changes nothing', async () => {
    await mark(chromiumArticle, CLAIMS.traffic, 'contested');
    await attachComment(chromiumArticle, 'Gwen Tallis');
    await chromiumNotes.reload();
    const fromChromium = await exportLibrary(chromiumNotes, 'from-chromium.json');

    const report = await importFile(firefoxNotes, fromChromium);
    expect(report).toContain('2 new notes added, 0 updated, 2 unchanged, 0 deleted, 0 refused');
    await firefoxArticle.reload();
    const shown = await waitFor('both claims and both rebuttals on the article', async () => {
      const texts = await highlightedTexts(firefoxArticle.page);
      return texts.rebuttal?.length === 2 && texts.contested?.length === 1 ? texts : null;
    });
    expect(shown.contested).toEqual([CLAIMS.traffic]);
    expect(shown.supported).toEqual([JOURNEYS]);
    expect(shown.rebuttal?.some((text) => text.startsWith(GWEN_START))).toBe(true);

    await clickOnPage(firefoxNotes.page, 'button.import-done', 'Done');
    const again = await preview(firefoxNotes, fromChromium);
    expect(again).toContain('0 new notes, 0 updated, 4 unchanged, 0 deleted, 0 refused');
    expect(again).toContain('importing it changes nothing');
    const disabled = await firefoxNotes.page.evaluate(
      () => (document.querySelector('button.import-confirm') as HTMLButtonElement | null)?.disabled,
      null,
    );
    expect(disabled).toBe(true);
  });

  it('places imported notes at another URL of the article: tracking parameters, a canonical link', async () => {
    // Tracking parameters and a fragment only: the page key drops them.
    await chromiumArticle.goto(`${article()}?utm_source=newsletter&fbclid=abc#comments`);
    const inChromium = await waitFor('the notes behind tracking parameters', async () => {
      const texts = await highlightedTexts(chromiumArticle.page);
      return texts.rebuttal?.length === 2 ? texts : null;
    });
    expect(inChromium.supported).toEqual([JOURNEYS]);
    expect(inChromium.contested).toEqual([CLAIMS.traffic]);

    // A copy at another path that declares the original as canonical, reached through a tracking link.
    server.reviseHtml = (html) =>
      html.replace('</head>', '<link rel="canonical" href="/demo/article.html" /></head>');
    try {
      await firefoxArticle.goto(`${article('/copy/article.html')}?utm_campaign=spring`);
      const inFirefox = await waitFor('the notes on the copy', async () => {
        const texts = await highlightedTexts(firefoxArticle.page);
        return texts.rebuttal?.length === 2 ? texts : null;
      });
      expect(inFirefox.supported).toEqual([JOURNEYS]);
      expect(inFirefox.contested).toEqual([CLAIMS.traffic]);
    } finally {
      server.reviseHtml = null;
    }
  });

  it('searches the notes and exports only the claims listed, as Markdown', async () => {
    await chromiumNotes.reload();
    await openShare(chromiumNotes);
    const search = await chromiumNotes.page.evaluate(() => {
      const box = document.querySelector('input.search')?.getBoundingClientRect();
      return box ? { x: box.left + 10, y: box.top + box.height / 2 } : null;
    }, null);
    if (!search) throw new Error('No search box on the notes page');
    await chromiumNotes.page.mouse.click(search.x, search.y);
    await chromiumNotes.page.keyboard.type('orchard street');
    await waitFor('the list narrowed to one claim', async () =>
      (await pageText(chromiumNotes.page)).includes('1 of 2 claims'),
    );
    await clickOnPage(chromiumNotes.page, 'label', 'The 1 claim listed');
    await clickOnPage(chromiumNotes.page, 'label', 'Markdown (.md)');
    const saved = await capturedDownload(chromiumNotes, () =>
      clickOnPage(chromiumNotes.page, 'button.export-go', 'Export'),
    );
    expect(saved.name).toMatch(/^counterpoint-selection-.*\.md$/);
    expect(saved.text).toContain('car traffic on Quarry Lane has fallen');
    expect(saved.text).toContain('Gwen Tallis');
    expect(saved.text).not.toContain('Fennick Road to the railway station');
  });

  it('takes a file dropped on the import box', async () => {
    const bundle = await readFile(join(files, 'from-firefox.json'), 'utf8');
    await chromiumNotes.reload();
    await openShare(chromiumNotes);
    // Automation cannot drag a file in from outside the browser; the page gets the drop events a drag would.
    await chromiumNotes.page.evaluate((text: string) => {
      const files = new DataTransfer();
      files.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const box = document.querySelector('label.drop');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        box?.dispatchEvent(new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }));
      }
    }, bundle);
    const text = await waitFor('the preview of the dropped file', async () => {
      const shown = await pageText(chromiumNotes.page);
      return shown.includes('“dropped.json” is ') ? shown : null;
    });
    expect(text.slice(text.indexOf('“dropped.json”'))).toContain(
      '0 new notes, 0 updated, 2 unchanged, 0 deleted, 0 refused',
    );
  });

  it('refuses a file that is not a bundle, with words for the reader', async () => {
    const path = join(files, 'notes.json');
    await writeFile(path, 'These are my notes, honest.');
    await chromiumNotes.reload();
    const text = await preview(chromiumNotes, path);
    expect(text).toContain('This file cannot be imported');
    expect(text).not.toContain('Importing it would give');
  });
});
