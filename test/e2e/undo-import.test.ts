/**
 * Issue 13's Undo import, end to end in both browsers: a reader with two claims imports another reader's file,
 * which adds a claim and brings a newer version of one of theirs; the reader undoes the import from its report,
 * and the notes page and the article show the library exactly as it was before.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle, exportBundle } from '../../core/bundle';
import type { Claim } from '../../core/model';
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
import {
  CLAIMS,
  clickInOverlay,
  clickOnPage,
  highlightedTexts,
  listedStatus,
  listedText,
  mark,
  pageText,
} from './reader';

const THEIR_NOTE = 'Another reader counted the cars again.';
const THEIR_QUOTE = 'The new bus lane halved journey times on the ring road.';

/**
 * Another reader's file, made from this reader's export: a newer version of the traffic claim, supported and
 * with their note, and a claim of their own on another page.
 */
function theirFile(exported: string): string {
  const decoded = decodeBundle(exported);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
  const traffic = decoded.records.claims.find((claim) => claim.target.quote.exact === CLAIMS.traffic);
  if (!traffic) throw new Error('The export holds no traffic claim');
  const later = new Date(Date.now() + 60_000).toISOString();
  const newer: Claim = { ...traffic, status: 'supported', note: THEIR_NOTE, modified: later };
  const theirs: Claim = {
    ...traffic,
    id: `urn:uuid:${crypto.randomUUID()}`,
    pageKey: 'https://ringroad.example/bus-lane',
    url: 'https://ringroad.example/bus-lane',
    title: 'The bus lane',
    target: { quote: { type: 'TextQuoteSelector', exact: THEIR_QUOTE, prefix: '', suffix: '' } },
    note: '',
    created: later,
    modified: later,
  };
  return exportBundle({ claims: [newer, theirs], rebuttals: [], tombstones: [] });
}

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('undoing an import in %s', (_name, launch) => {
  let server: StaticServer;
  let harness: Harness;
  let article: Tab;
  let notes: Tab;
  let files: string;

  beforeAll(async () => {
    server = await serveStatic({ '/demo': resolve(import.meta.dirname, '../../demo') });
    harness = await launch();
    files = await mkdtemp(join(tmpdir(), 'counterpoint-undo-import-'));
    article = await harness.newTab();
    await article.goto(`${server.origin}/demo/article.html`);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('puts back the library as it was before the import: the new claim gone, the replaced one as it was', async () => {
    await mark(article, CLAIMS.traffic, 'contested');
    await mark(article, CLAIMS.footfall, 'supported');
    notes =
      (await harness.openNotesPage()) ??
      // Where automation cannot open it, the reader opens it from the claim's card.
      (await harness.nextOpenedTab(() => clickInOverlay(article, 'button', 'Open all notes')));
    await waitFor('the notes page loaded', async () => (await pageText(notes.page)).includes('All pages'));
    await clickOnPage(notes.page, '[role="tab"]', 'All pages');
    const before = await waitFor('both claims listed', async () => {
      const listed = await listedText(notes.page);
      return listed.includes(CLAIMS.traffic) && listed.includes(CLAIMS.footfall) ? listed : null;
    });

    await clickOnPage(notes.page, 'details.share summary', 'Export or import');
    const exported = await capturedDownload(notes, () =>
      clickOnPage(notes.page, 'button.export-go', 'Export'),
    );
    const path = join(files, 'their-notes.json');
    await writeFile(path, theirFile(exported.text));
    await chooseFile(notes, 'input.import-file', path);
    await waitFor('the import preview', async () =>
      (await pageText(notes.page)).includes('1 new note, 1 updated, 0 unchanged, 0 deleted, 0 refused'),
    );
    await clickOnPage(notes.page, 'button.import-confirm', 'Import');
    await waitFor('the import report', async () => (await pageText(notes.page)).includes('Imported “'));
    await waitFor('the imported claims listed', async () => {
      const listed = await listedText(notes.page);
      return listed.includes(THEIR_QUOTE) && listed.includes(THEIR_NOTE);
    });
    expect(await listedStatus(notes.page, CLAIMS.traffic)).toBe('Supported');
    await waitFor('the article showing the newer version', async () =>
      (await highlightedTexts(article.page)).supported?.includes(CLAIMS.traffic),
    );

    await clickOnPage(notes.page, 'button.import-undo', 'Undo this import');
    await waitFor('the undo reported', async () =>
      (await pageText(notes.page)).includes(
        'Undid the import of “their-notes.json”: your notes are as they were before it.',
      ),
    );
    const after = await waitFor('the lists as before the import', async () => {
      const listed = await listedText(notes.page);
      return listed.includes(CLAIMS.traffic) && !listed.includes(THEIR_QUOTE) ? listed : null;
    });
    expect(after).toBe(before);
    expect(after).not.toContain(THEIR_NOTE);
    expect(await listedStatus(notes.page, CLAIMS.traffic)).toBe('Contested');
    await waitFor('the article as before the import', async () =>
      (await highlightedTexts(article.page)).contested?.includes(CLAIMS.traffic),
    );
    expect(await highlightedTexts(article.page)).toEqual({
      contested: [CLAIMS.traffic],
      supported: [CLAIMS.footfall],
    });
  });
});
