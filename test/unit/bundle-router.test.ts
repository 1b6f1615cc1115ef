import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../core/bundle';
import { claimMurshid, seedLibrary } from '../../core/bundle/fixtures/seed-library';
import type { ExportedFile, ImportReport, ImportSummary } from '../../core/protocol';
import { CONTENT_REQUEST_TYPES, parseRequest, PREVIEW_EXPIRED } from '../../core/protocol';
import { createRouter, type TabControl } from '../../entrypoints/background/router';
import { openDb, type CounterpointDb } from '../../storage/db';

const EXTENSION_ID = 'counterpoint-test';
const EXTENSION_ROOT = 'chrome-extension://counterpoint-test/';
const NOW = '2026-11-26T12:00:00.000Z';
const notesPage = { id: EXTENSION_ID, url: `${EXTENSION_ROOT}popup.html` };
const contentOf = (url: string) => ({ id: EXTENSION_ID, url, frameId: 0, tab: { id: 3 } });

let db: CounterpointDb;
let route: ReturnType<typeof createRouter>;
let notified: string[];

beforeEach(() => {
  db = openDb(`bundle-router-${crypto.randomUUID()}`);
  notified = [];
  const tabs: TabControl = {
    revealInOpenTab: async () => false,
    openAndReveal: async () => undefined,
    takePendingReveal: () => null,
    openNotes: async () => undefined,
    notifyChanged: async (pageKey) => void notified.push(pageKey),
    askFrame: async () => ({ ok: false, error: 'no frames' }),
    readFrames: async () => undefined,
    tellTop: async () => false,
    showCount: async () => undefined,
  };
  route = createRouter({
    db,
    tabs,
    extensionId: EXTENSION_ID,
    extensionRoot: EXTENSION_ROOT,
    now: () => NOW,
  });
});

afterEach(() => db.delete());

const seedFile = () => exportBundle(seedLibrary(), { clock: () => new Date(NOW) });

async function answer<T>(message: unknown, sender: object = notesPage): Promise<T> {
  const result = await route(message, sender);
  if (!result.ok) throw new Error(result.error);
  return result.value as T;
}

describe('bundle messages: who may send them', () => {
  it('keeps every bundle message out of what content scripts may ask', () => {
    expect(CONTENT_REQUEST_TYPES.filter((type) => type.startsWith('bundle.'))).toEqual([]);
  });

  it.each([
    ['bundle.export', { scope: { kind: 'library' }, format: 'bundle' }],
    ['bundle.preview', { text: '{}' }],
    ['bundle.import', { text: '{}' }],
    ['bundle.undo', { batch: `urn:uuid:${crypto.randomUUID()}` }],
  ])('refuses %s from a content script, even on the page the notes belong to', async (type, payload) => {
    await answer({ type: 'bundle.import', payload: { text: seedFile() } });
    const before = await db.claims.count();
    const result = await route({ type, payload }, contentOf(claimMurshid.url));
    expect(result).toEqual({ ok: false, error: `A page may not ask for ${type}.` });
    expect(await db.claims.count()).toBe(before);
  });

  it('refuses a sender from another extension', async () => {
    const result = await route(
      { type: 'bundle.import', payload: { text: seedFile() } },
      { ...notesPage, id: 'someone-else' },
    );
    expect(result.ok).toBe(false);
    expect(await db.claims.count()).toBe(0);
  });
});

describe('bundle messages: payloads', () => {
  it.each([
    [{ type: 'bundle.export', payload: { scope: { kind: 'everything' }, format: 'bundle' } }, 'scope.kind'],
    [{ type: 'bundle.export', payload: { scope: { kind: 'library' }, format: 'pdf' } }, 'payload.format'],
    [
      { type: 'bundle.export', payload: { scope: { kind: 'page', pageKey: 'file:///etc/passwd' } } },
      'payload.scope.pageKey',
    ],
    [{ type: 'bundle.export', payload: { scope: { kind: 'claims', ids: ['x'] } } }, 'payload.scope.ids[0]'],
    [{ type: 'bundle.preview', payload: { text: 42 } }, 'payload.text: must be text'],
    [{ type: 'bundle.import', payload: {} }, 'payload.text: must be text'],
    [
      { type: 'bundle.import', payload: { token: 'guess' } },
      'payload.token: must be a lowercase urn:uuid: id',
    ],
    [{ type: 'bundle.undo', payload: {} }, 'payload.batch'],
    [{ type: 'bundle.undo', payload: { batch: 7 } }, 'payload.batch'],
  ])('refuses %j, naming the field', (message, expected) => {
    const parsed = parseRequest(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(expected);
  });

  it('keeps only known fields', () => {
    const parsed = parseRequest({
      type: 'bundle.export',
      payload: { scope: { kind: 'library', extra: 1 }, format: 'markdown', admin: true },
    });
    expect(parsed).toEqual({
      ok: true,
      value: { type: 'bundle.export', payload: { scope: { kind: 'library' }, format: 'markdown' } },
    });
  });
});

describe('bundle messages: import and export', () => {
  it('previews without writing, imports, and reports the pages it touched', async () => {
    const preview = await answer<ImportSummary>({ type: 'bundle.preview', payload: { text: seedFile() } });
    expect(preview.format).toBe('a Counterpoint bundle');
    expect(preview.counts.new).toBe(5);
    expect(await db.claims.count()).toBe(0);
    const report = await answer<ImportSummary>({ type: 'bundle.import', payload: { text: seedFile() } });
    expect(report.counts).toEqual(preview.counts);
    expect(report.pages.map((page) => page.pageKey).sort()).toEqual(notified.sort());
    expect(await db.claims.count()).toBe(3);
  });

  it('imports the previewed file by its token, once, so that a large file crosses only once', async () => {
    const { token } = await answer<{ token: string }>({
      type: 'bundle.preview',
      payload: { text: seedFile() },
    });
    const report = await answer<ImportSummary>({ type: 'bundle.import', payload: { token } });
    expect(report.counts.new).toBe(5);
    expect(await route({ type: 'bundle.import', payload: { token } }, notesPage)).toEqual({
      ok: false,
      error: PREVIEW_EXPIRED,
    });
    expect(
      await route(
        { type: 'bundle.import', payload: { token: `urn:uuid:${crypto.randomUUID()}` } },
        notesPage,
      ),
    ).toEqual({ ok: false, error: PREVIEW_EXPIRED });
  });

  it('undoes an import by its report’s batch, tells the tabs, and says why it cannot undo twice', async () => {
    const report = await answer<ImportReport>({ type: 'bundle.import', payload: { text: seedFile() } });
    expect(report.batch).not.toBeNull();
    notified = [];
    expect(await answer({ type: 'bundle.undo', payload: { batch: report.batch } })).toBeNull();
    expect(await db.claims.count()).toBe(0);
    expect(notified.sort()).toEqual(report.pages.map((page) => page.pageKey).sort());
    const again = await route({ type: 'bundle.undo', payload: { batch: report.batch } }, notesPage);
    expect(again).toEqual({ ok: false, error: expect.stringMatching(/can no longer be undone/) });
  });

  it('changes nothing on a second import of the same file, and tells no tab', async () => {
    await answer({ type: 'bundle.import', payload: { text: seedFile() } });
    notified = [];
    const again = await answer<ImportSummary>({ type: 'bundle.import', payload: { text: seedFile() } });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, deleted: 0 });
    expect(again.pages).toEqual([]);
    expect(notified).toEqual([]);
  });

  it('lists each refused record with its place in the file, and imports the rest', async () => {
    const file = JSON.parse(seedFile()) as { first: { items: { target: { selector: unknown[] } }[] } };
    const [first] = file.first.items;
    if (first) first.target.selector = [];
    const preview = await answer<ImportSummary>({
      type: 'bundle.preview',
      payload: { text: JSON.stringify(file) },
    });
    expect(preview.counts.rejected).toBeGreaterThan(0);
    expect(preview.problems[0]?.path).toMatch(/^first\.items\[0\]/);
    expect(preview.problems[0]?.message).toBeTruthy();
  });

  it.each([
    ['not JSON', 'hello, world'],
    ['a JSON number', '42'],
    ['a bundle from the future', seedFile().replace('"cp:bundleVersion": 1', '"cp:bundleVersion": 99')],
    ['a polluting key', '{"__proto__": {"admin": true}, "rows": []}'],
  ])('refuses %s with words for the reader, and writes nothing', async (_what, text) => {
    const result = await route({ type: 'bundle.import', payload: { text } }, notesPage);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^This file cannot be imported: .+\.$/);
    expect(await db.claims.count()).toBe(0);
  });

  it('exports a bundle or Markdown, named for what it holds', async () => {
    await answer({ type: 'bundle.import', payload: { text: seedFile() } });
    const bundle = await answer<ExportedFile & { text: string }>({
      type: 'bundle.export',
      payload: { scope: { kind: 'library' }, format: 'bundle' },
    });
    expect(bundle).toMatchObject({
      filename: 'counterpoint-library-2026-11-26.json',
      claims: 3,
      rebuttals: 2,
    });
    expect(bundle.text).toBe(seedFile());
    const markdown = await answer<ExportedFile & { text: string }>({
      type: 'bundle.export',
      payload: { scope: { kind: 'page', pageKey: claimMurshid.pageKey }, format: 'markdown' },
    });
    expect(markdown.filename).toBe('counterpoint-labourlist.example-2026-11-26.md');
    expect(markdown.mimeType).toBe('text/markdown');
    expect(markdown.text).toContain('# Counterpoint notes');
    const listed = await answer<ExportedFile & { text: string }>({
      type: 'bundle.export',
      payload: { scope: { kind: 'claims', ids: [claimMurshid.id] }, format: 'bundle' },
    });
    expect(listed).toMatchObject({ claims: 1, rebuttals: 2 });
  });
});

describe('notes made on odd pages, exported and imported again', () => {
  it('normalises a 30,000-character title and bidi characters where they enter, and re-imports them all', async () => {
    const page = 'https://odd.example/post';
    const article = contentOf(page);
    const claim = {
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      pageKey: page,
      url: page,
      title: `\u2066${'T'.repeat(30_000)}\u202e\u2069`,
      target: { quote: { type: 'TextQuoteSelector', exact: 'a claim', prefix: '', suffix: '' } },
      status: 'contested',
      note: 'Why?',
      tags: ['odd'],
    };
    const stored = await answer<{ title: string }>({ type: 'claim.create', payload: { claim } }, article);
    expect(stored.title).toBe('T'.repeat(1_000));
    await answer(
      {
        type: 'rebuttal.create',
        payload: {
          rebuttal: {
            id: 'urn:uuid:22222222-2222-4333-8444-555555555555',
            claimId: claim.id,
            comment: { author: '\u202eAlice\u2066 \u001b[31m', permalink: '#c\u202e1', posted: 'yesterday' },
            target: { quote: { type: 'TextQuoteSelector', exact: 'Not so', prefix: '', suffix: '' } },
            stance: 'rebuts',
            note: '',
          },
        },
      },
      article,
    );
    const exported = await answer<ExportedFile & { text: string }>({
      type: 'bundle.export',
      payload: { scope: { kind: 'library' }, format: 'bundle' },
    });
    await db.claims.clear();
    await db.rebuttals.clear();
    const report = await answer<ImportSummary>({ type: 'bundle.import', payload: { text: exported.text } });
    expect(report.counts).toMatchObject({ new: 2, rejected: 0 });
    expect(report.problems).toEqual([]);
    expect((await db.rebuttals.toArray())[0]?.comment).toEqual({ author: 'Alice [31m', permalink: '#c1' });
  });

  it.each([
    ['another site', 'https://bank.example/account'],
    ['not a URL', 'my notes'],
    ['javascript:', 'javascript:alert(1)'],
  ])(
    'refuses a claim whose page key is %s, with its place in the file, and writes nothing for it',
    async (_what, key) => {
      const file = seedFile().replace(
        `"cp:pageKey":"${claimMurshid.pageKey}"`,
        `"cp:pageKey":${JSON.stringify(key)}`,
      );
      expect(file).not.toBe(seedFile());
      const report = await answer<ImportSummary>({ type: 'bundle.import', payload: { text: file } });
      expect(report.problems.map((problem) => problem.path)).toContain('first.items[0].target.cp:pageKey');
      expect(await db.claims.get(claimMurshid.id)).toBeUndefined();
      expect(await db.rebuttals.where('claimId').equals(claimMurshid.id).count()).toBe(0);
    },
  );
});
