import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, identifyCaller, type TabControl } from '../../entrypoints/background/router';
import type { NewClaim } from '../../core/protocol';
import { openDb, type CounterpointDb } from '../../storage/db';

const EXTENSION_ID = 'counterpoint-test';
const EXTENSION_ROOT = 'chrome-extension://counterpoint-test/';
const popup = { id: EXTENSION_ID, url: `${EXTENSION_ROOT}popup.html` };
const articleTab = (url = 'https://blog.example/post', tabId = 7) => ({
  id: EXTENSION_ID,
  url,
  frameId: 0,
  tab: { id: tabId },
});

function claimFor(url: string, id = 'urn:uuid:11111111-2222-4333-8444-555555555555'): NewClaim {
  return {
    id,
    pageKey: url,
    url,
    title: 'Post',
    target: { quote: { type: 'TextQuoteSelector', exact: 'a claim', prefix: '', suffix: '' } },
    status: 'contested',
    note: '',
    tags: [],
  };
}

/** Records what the router asked of the tabs. */
function fakeTabs() {
  const calls: string[] = [];
  /** The count each tab's badge shows. */
  const badges = new Map<number, number>();
  const tabs: TabControl = {
    revealInOpenTab: async (id) => (calls.push(`reveal ${id}`), false),
    openAndReveal: async (url, id) => void calls.push(`open ${url} ${id}`),
    takePendingReveal: () => null,
    openNotes: async (pageKey) => void calls.push(`notes ${pageKey}`),
    notifyChanged: async (pageKey, except) => void calls.push(`changed ${pageKey} except ${except}`),
    askFrame: async (tabId, frameId, type, payload) => {
      calls.push(`ask tab ${tabId} frame ${frameId} ${type} ${JSON.stringify(payload)}`);
      return { ok: true, value: null };
    },
    readFrames: async (tabId) => void calls.push(`read frames of tab ${tabId}`),
    tellTop: async (tabId, payload) => {
      calls.push(`tell tab ${tabId} ${JSON.stringify(payload)}`);
      return true;
    },
    showCount: async (tabId, count) => void badges.set(tabId, count),
  };
  return { tabs, calls, badges };
}

let db: CounterpointDb;
let route: ReturnType<typeof createRouter>;
let calls: string[];
let badges: Map<number, number>;

beforeEach(() => {
  db = openDb(`router-${crypto.randomUUID()}`);
  const fake = fakeTabs();
  calls = fake.calls;
  badges = fake.badges;
  route = createRouter({
    db,
    tabs: fake.tabs,
    extensionId: EXTENSION_ID,
    extensionRoot: EXTENSION_ROOT,
    now: () => '2026-03-01T12:00:00.000Z',
  });
});

afterEach(() => db.delete());

describe('message validation', () => {
  it.each([
    ['not an object', 'hello', 'Malformed message'],
    ['no type', { payload: {} }, 'Unknown message type'],
    ['an unknown type', { type: 'db.drop', payload: {} }, 'Unknown message type: db.drop'],
    ['an inherited name as type', { type: 'toString', payload: {} }, 'Unknown message type'],
    ['a missing payload', { type: 'library.page' }, 'payload: missing'],
    [
      'a non-URL page key',
      { type: 'library.page', payload: { pageKey: 'javascript:alert(1)' } },
      'pageKey: must be an http or https address',
    ],
    [
      'a bad id',
      { type: 'claim.delete', payload: { id: '1; DROP' } },
      'payload.id: must be a lowercase urn:uuid: id',
    ],
    [
      'an unknown status',
      {
        type: 'claim.update',
        payload: { id: claimFor('https://a.example/').id, changes: { status: 'lies' } },
      },
      'changes.status: must be one of',
    ],
    [
      'a huge note',
      {
        type: 'claim.update',
        payload: { id: claimFor('https://a.example/').id, changes: { note: 'x'.repeat(20_001) } },
      },
      'changes.note: is 20001 characters long; the limit is 20000',
    ],
    [
      'a new passage without its quote',
      {
        type: 'claim.update',
        payload: {
          id: claimFor('https://a.example/').id,
          changes: { target: { position: { start: 0, end: 4 } } },
        },
      },
      'changes.target.quote',
    ],
    [
      'a negative offset',
      {
        type: 'claim.create',
        payload: {
          claim: {
            ...claimFor('https://a.example/'),
            target: { quote: { exact: 'q', prefix: '', suffix: '' }, position: { start: -1, end: 2 } },
          },
        },
      },
      'position.start: must be a whole number',
    ],
    [
      'a node hint that counts backwards',
      {
        type: 'claim.create',
        payload: {
          claim: {
            ...claimFor('https://a.example/'),
            target: {
              quote: { exact: 'q', prefix: '', suffix: '' },
              hint: { node: -3, offset: 0, length: 1, before: '', after: '' },
            },
          },
        },
      },
      'hint.node: must be a whole number',
    ],
    [
      'a node hint whose digest is not a whole number',
      {
        type: 'claim.create',
        payload: {
          claim: {
            ...claimFor('https://a.example/'),
            target: {
              quote: { exact: 'q', prefix: '', suffix: '' },
              hint: { node: 3, offset: 0, length: 1, digest: 0.5, before: '', after: '' },
            },
          },
        },
      },
      'hint.digest: must be a whole number',
    ],
    [
      'an empty quote',
      {
        type: 'claim.create',
        payload: {
          claim: {
            ...claimFor('https://a.example/'),
            target: { quote: { exact: '  ', prefix: '', suffix: '' } },
          },
        },
      },
      'quote.exact: is empty',
    ],
    [
      'tags that are not text',
      { type: 'claim.create', payload: { claim: { ...claimFor('https://a.example/'), tags: [{}] } } },
      'claim.tags[0]: must be text',
    ],
    [
      'a placement outcome it does not know',
      {
        type: 'placement.report',
        payload: {
          pageKey: 'https://a.example/',
          reports: [{ claimId: claimFor('https://a.example/').id, outcome: 'moved' }],
        },
      },
      'reports[0].outcome: must be one of as-marked, changed, not-found',
    ],
    [
      'changed text that is not given',
      {
        type: 'placement.report',
        payload: {
          pageKey: 'https://a.example/',
          reports: [{ claimId: claimFor('https://a.example/').id, outcome: 'changed' }],
        },
      },
      'reports[0].text: missing',
    ],
    [
      'changed text that is not text',
      { type: 'placement.keep', payload: { id: claimFor('https://a.example/').id, text: ['x'] } },
      'payload.text: must be text',
    ],
    [
      'a report that is not a list',
      { type: 'placement.report', payload: { pageKey: 'https://a.example/', reports: {} } },
      'payload.reports: must be a list',
    ],
  ])('rejects %s with a clear error and changes nothing', async (_case, message, error) => {
    const answer = await route(message, popup);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toContain(error);
    expect(await db.claims.count()).toBe(0);
    expect(await db.placements.count()).toBe(0);
  });

  it('keeps only the fields it knows', async () => {
    const answer = await route(
      {
        type: 'claim.create',
        payload: { claim: { ...claimFor('https://a.example/'), evil: '<script>', created: '1999' } },
      },
      popup,
    );
    expect(answer).toMatchObject({ ok: true, value: { created: '2026-03-01T12:00:00.000Z' } });
    expect(Object.keys((await db.claims.toArray())[0] ?? {})).not.toContain('evil');
  });

  it('stores the node hint a content script describes, and nothing a hint does not have', async () => {
    const hint = { node: 41, offset: 3, length: 7, digest: 3_405_691_582, before: 'the ', after: ' said' };
    const claim = claimFor('https://a.example/');
    const answer = await route(
      {
        type: 'claim.create',
        payload: { claim: { ...claim, target: { ...claim.target, hint: { ...hint, evil: '<script>' } } } },
      },
      articleTab('https://a.example/'),
    );
    expect(answer.ok).toBe(true);
    expect((await db.claims.toArray())[0]?.target.hint).toEqual(hint);
  });
});

describe('sender rules', () => {
  it('identifies extension pages and top-frame content scripts, and nothing else', () => {
    expect(identifyCaller(popup, EXTENSION_ID, EXTENSION_ROOT)).toEqual({ kind: 'extension-page' });
    expect(identifyCaller(articleTab(), EXTENSION_ID, EXTENSION_ROOT)).toEqual({
      kind: 'content',
      url: 'https://blog.example/post',
      tabId: 7,
    });
    expect(
      identifyCaller({ ...articleTab(), id: 'another-extension' }, EXTENSION_ID, EXTENSION_ROOT),
    ).toBeNull();
    expect(identifyCaller({ ...articleTab(), frameId: 3 }, EXTENSION_ID, EXTENSION_ROOT)).toBeNull();
    expect(
      identifyCaller(
        { id: EXTENSION_ID, url: 'file:///etc/passwd', frameId: 0, tab: { id: 1 } },
        EXTENSION_ID,
        EXTENSION_ROOT,
      ),
    ).toBeNull();
  });

  it('gives the claim card’s frame in a tab no more than a page’s rights, and spares its own tab a reload', async () => {
    const card = {
      id: EXTENSION_ID,
      url: `${EXTENSION_ROOT}card.html#${'a'.repeat(32)}`,
      frameId: 4,
      tab: { id: 7 },
    };
    expect(identifyCaller(card, EXTENSION_ID, EXTENSION_ROOT)).toEqual({ kind: 'card', tabId: 7 });
    expect(await route({ type: 'library.all', payload: {} }, card)).toEqual({
      ok: false,
      error: 'A page may not ask for library.all.',
    });
    await route(
      { type: 'claim.create', payload: { claim: claimFor('https://blog.example/post') } },
      articleTab(),
    );
    calls.length = 0;
    const saved = await route(
      {
        type: 'claim.update',
        payload: { id: claimFor('https://blog.example/post').id, changes: { note: 'typed' } },
      },
      card,
    );
    expect(saved).toMatchObject({ ok: true, value: { note: 'typed' } });
    expect(calls).toEqual(['changed https://blog.example/post except 7']);
  });

  it('refuses messages from other extensions', async () => {
    const answer = await route(
      { type: 'library.all', payload: {} },
      { id: 'other', url: 'chrome-extension://other/x.html' },
    );
    expect(answer).toEqual({ ok: false, error: 'Counterpoint does not answer this sender.' });
  });

  it('lets a content script create and read its own page’s claims, and tells the other tabs', async () => {
    const created = await route(
      { type: 'claim.create', payload: { claim: claimFor('https://blog.example/post') } },
      articleTab(),
    );
    expect(created.ok).toBe(true);
    expect(calls).toEqual(['changed https://blog.example/post except 7']);
    const opened = await route(
      {
        type: 'page.open',
        payload: { pageKey: 'https://blog.example/post', url: 'https://blog.example/post' },
      },
      articleTab(),
    );
    expect(opened).toMatchObject({
      ok: true,
      value: { claims: [{ target: { quote: { exact: 'a claim' } } }], reveal: null },
    });
  });

  it('counts the page’s claims on its tab’s badge when it opens, and as claims are made and deleted', async () => {
    const open = () =>
      route(
        {
          type: 'page.open',
          payload: { pageKey: 'https://blog.example/post', url: 'https://blog.example/post' },
        },
        articleTab(),
      );
    await open();
    expect(badges.get(7)).toBe(0);
    const first = claimFor('https://blog.example/post');
    await route({ type: 'claim.create', payload: { claim: first } }, articleTab());
    expect(badges.get(7)).toBe(1);
    const second = claimFor('https://blog.example/post', 'urn:uuid:21111111-2222-4333-8444-555555555555');
    await route({ type: 'claim.create', payload: { claim: second } }, articleTab());
    expect(badges.get(7)).toBe(2);
    await route({ type: 'claim.delete', payload: { id: first.id } }, articleTab());
    expect(badges.get(7)).toBe(1);
    badges.clear();
    await open();
    expect(badges.get(7)).toBe(1);
  });

  it('keeps a content script away from the library and from other sites’ claims', async () => {
    await route(
      { type: 'claim.create', payload: { claim: claimFor('https://bank.example/account') } },
      popup,
    );
    const hostile = articleTab('https://evil.example/page');
    expect(await route({ type: 'library.all', payload: {} }, hostile)).toEqual({
      ok: false,
      error: 'A page may not ask for library.all.',
    });
    expect(
      await route(
        {
          type: 'page.open',
          payload: { pageKey: 'https://bank.example/account', url: 'https://evil.example/page' },
        },
        hostile,
      ),
    ).toEqual({ ok: false, error: 'A page may only open its own notes.' });
    const id = claimFor('').id;
    expect(await route({ type: 'claim.delete', payload: { id } }, hostile)).toEqual({
      ok: false,
      error: 'This note belongs to another site.',
    });
    expect(
      await route({ type: 'claim.update', payload: { id, changes: { note: 'pwned' } } }, hostile),
    ).toMatchObject({ ok: false });
    expect(
      await route(
        {
          type: 'claim.create',
          payload: {
            claim: claimFor('https://bank.example/other', 'urn:uuid:99999999-2222-4333-8444-555555555555'),
          },
        },
        hostile,
      ),
    ).toEqual({
      ok: false,
      error: 'A page may only add notes to itself.',
    });
    expect((await db.claims.get(id))?.note).toBe('');
    expect(await db.claims.count()).toBe(1);
  });

  it('lists deleted claims to extension pages only: a page cannot read what was deleted on other sites', async () => {
    const claim = claimFor('https://bank.example/account');
    await route({ type: 'claim.create', payload: { claim } }, popup);
    await route({ type: 'claim.delete', payload: { id: claim.id } }, popup);
    expect(await route({ type: 'library.deleted', payload: {} }, articleTab())).toEqual({
      ok: false,
      error: 'A page may not ask for library.deleted.',
    });
    expect(await route({ type: 'library.deleted', payload: {} }, popup)).toMatchObject({
      ok: true,
      value: [{ claim: { id: claim.id }, deleted: '2026-03-01T12:00:00.000Z', rebuttals: 0 }],
    });
    expect(await route({ type: 'library.deleted', payload: 'all' }, popup)).toMatchObject({ ok: false });
  });

  it('attaches rebuttals only to claims of the caller’s own site, and removes them with their claim', async () => {
    const claim = claimFor('https://blog.example/post');
    await route({ type: 'claim.create', payload: { claim } }, articleTab());
    const rebuttal = {
      id: 'urn:uuid:22222222-2222-4333-8444-555555555555',
      claimId: claim.id,
      comment: { author: 'Gwen', permalink: 'https://blog.example/post#comment-1' },
      target: { quote: { type: 'TextQuoteSelector', exact: 'That is not true', prefix: '', suffix: '' } },
      stance: 'rebuts',
      note: '',
    };
    const hostile = articleTab('https://evil.example/page');
    expect(await route({ type: 'rebuttal.create', payload: { rebuttal } }, hostile)).toEqual({
      ok: false,
      error: 'This note belongs to another site.',
    });
    expect(
      await route(
        { type: 'rebuttal.create', payload: { rebuttal: { ...rebuttal, stance: 'agrees' } } },
        articleTab(),
      ),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('stance: must be one of rebuts, supports, context'),
    });
    expect(await route({ type: 'rebuttal.create', payload: { rebuttal } }, articleTab())).toMatchObject({
      ok: true,
    });
    const page = await route({ type: 'library.page', payload: { pageKey: claim.pageKey } }, popup);
    expect(page).toMatchObject({ ok: true, value: { rebuttals: [{ id: rebuttal.id, claimId: claim.id }] } });

    await route({ type: 'claim.delete', payload: { id: claim.id } }, articleTab());
    expect(await db.rebuttals.count()).toBe(0);
    expect((await db.tombstones.toArray()).map((tombstone) => tombstone.kind).sort()).toEqual([
      'claim',
      'rebuttal',
    ]);
  });

  it('opens the notes page for a content script’s own site only, so that a page cannot spam tabs', async () => {
    const article = articleTab('https://blog.example/post');
    expect(
      await route({ type: 'notes.open', payload: { pageKey: 'https://bank.example/account' } }, article),
    ).toEqual({ ok: false, error: 'A page may only open its own notes.' });
    expect(calls).toEqual([]);
    expect(
      await route({ type: 'notes.open', payload: { pageKey: 'https://www.blog.example/post' } }, article),
    ).toEqual({ ok: true, value: null });
    expect(
      await route({ type: 'notes.open', payload: { pageKey: 'https://bank.example/account' } }, popup),
    ).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['notes https://www.blog.example/post', 'notes https://bank.example/account']);
  });

  it('opens the claim’s page when no open tab shows it', async () => {
    const { value } = (await route(
      { type: 'claim.create', payload: { claim: claimFor('https://blog.example/post') } },
      popup,
    )) as { value: { id: string } };
    expect(await route({ type: 'claim.reveal', payload: { id: value.id } }, popup)).toEqual({
      ok: true,
      value: null,
    });
    expect(calls.slice(1)).toEqual([`reveal ${value.id}`, `open https://blog.example/post ${value.id}`]);
  });
});

describe('comment widget frames (issue 12)', () => {
  const THREAD =
    'https://disqus.com/embed/comments/?base=default&f=blog&t_u=https%3A%2F%2Fblog.example%2Fpost';
  const widgetFrame = (url = THREAD, frameId = 5, tabId = 7) => ({
    id: EXTENSION_ID,
    url,
    frameId,
    tab: { id: tabId },
  });
  const comment = { id: 'post-6001', author: 'Ferdinand Roy', depth: 0, text: 'The dam is not the oldest.' };

  it('knows a widget’s frame by the address the browser gives, and no other frame', () => {
    expect(identifyCaller(widgetFrame(), EXTENSION_ID, EXTENSION_ROOT)).toEqual({
      kind: 'widget-frame',
      tabId: 7,
      frameId: 5,
      frame: 'https://disqus.com',
      url: THREAD,
    });
    // Any port: the test sites serve the widget on one of their own.
    expect(
      identifyCaller(widgetFrame('https://disqus.com:8443/embed/comments/x'), EXTENSION_ID, EXTENSION_ROOT),
    ).toMatchObject({ kind: 'widget-frame', frame: 'https://disqus.com' });
    // Self-hosted widgets at their fixed paths, on the site that serves them.
    expect(
      identifyCaller(
        widgetFrame('https://remark.blog.example/web/iframe.html?site_id=b'),
        EXTENSION_ID,
        EXTENSION_ROOT,
      ),
    ).toMatchObject({ kind: 'widget-frame', frame: 'https://remark.blog.example' });
    expect(
      identifyCaller(
        widgetFrame('http://coral.news.example:8080/embed/stream?storyURL=x'),
        EXTENSION_ID,
        EXTENSION_ROOT,
      ),
    ).toMatchObject({ kind: 'widget-frame', frame: 'http://coral.news.example:8080' });
    for (const url of [
      'https://disqus.com/home/',
      'http://disqus.com/embed/comments/',
      'https://evil.disqus.com/embed/comments/',
      'https://blog.example/embed/comments/',
      'https://blog.example/web/other.html',
      'ftp://blog.example/web/iframe.html',
    ]) {
      expect(identifyCaller(widgetFrame(url), EXTENSION_ID, EXTENSION_ROOT), url).toBeNull();
    }
  });

  it('relays a frame’s comments to its own tab’s top frame, named by the browser’s word, not the frame’s', async () => {
    const payload = { comments: [comment], frameId: 0, frame: 'https://blog.example' };
    expect(await route({ type: 'frame.comments', payload }, widgetFrame())).toEqual({
      ok: true,
      value: true,
    });
    expect(calls).toEqual([
      `tell tab 7 ${JSON.stringify({ frameId: 5, frame: 'https://disqus.com', url: THREAD, comments: [comment] })}`,
    ]);
  });

  it('lets neither the article page nor an extension page pose as a widget frame', async () => {
    const message = { type: 'frame.comments', payload: { comments: [comment] } };
    expect(await route(message, articleTab())).toEqual({
      ok: false,
      error: 'A page may not ask for frame.comments.',
    });
    expect(await route(message, popup)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('lets a widget frame send its comments and nothing else', async () => {
    for (const message of [
      { type: 'claim.create', payload: { claim: claimFor('https://disqus.com/embed/comments/') } },
      { type: 'library.all', payload: {} },
      { type: 'frame.target', payload: { frameId: 6, commentId: 'post-1' } },
    ]) {
      expect(await route(message, widgetFrame())).toEqual({
        ok: false,
        error: `A page may not ask for ${message.type}.`,
      });
    }
  });

  it('asks only the frames of the page’s own tab, never its top frame', async () => {
    expect(
      await route({ type: 'frame.target', payload: { frameId: 5, commentId: 'post-6001' } }, articleTab()),
    ).toEqual({ ok: true, value: null });
    expect(await route({ type: 'frames.read', payload: {} }, articleTab())).toEqual({
      ok: true,
      value: null,
    });
    expect(calls).toEqual([
      'ask tab 7 frame 5 frame.target {"commentId":"post-6001"}',
      'read frames of tab 7',
    ]);
    expect(
      await route({ type: 'frame.reveal', payload: { frameId: 0, id: claimFor('').id } }, articleTab()),
    ).toMatchObject({ ok: false, error: expect.stringContaining('must name a frame') });
    expect(await route({ type: 'frames.read', payload: {} }, popup)).toEqual({
      ok: false,
      error: 'Only a page may ask about its comment widgets.',
    });
  });

  it('refuses a thread past its limits, and drops what a third party’s page wrote oddly', async () => {
    const many = Array.from({ length: 1_001 }, (_, i) => ({ ...comment, id: `post-${i}` }));
    expect(await route({ type: 'frame.comments', payload: { comments: many } }, widgetFrame())).toMatchObject(
      {
        ok: false,
        error: expect.stringContaining('the limit is 1000'),
      },
    );
    const odd = {
      ...comment,
      posted: 'yesterday',
      permalink: `https://blog.example/${'a'.repeat(5_000)}`,
      depth: 400,
    };
    await route({ type: 'frame.comments', payload: { comments: [odd] } }, widgetFrame());
    expect(calls.at(-1)).toContain(JSON.stringify([{ ...comment, depth: 64 }]));
  });

  it('stores a rebuttal’s widget frame only as a web origin', async () => {
    const claim = claimFor('https://blog.example/post');
    await route({ type: 'claim.create', payload: { claim } }, articleTab());
    const rebuttal = (frame: string) => ({
      id: 'urn:uuid:21111111-2222-4333-8444-555555555555',
      claimId: claim.id,
      comment: { author: 'Ferdinand Roy', permalink: 'https://blog.example/post#comment-6001', frame },
      target: { quote: { type: 'TextQuoteSelector', exact: 'The dam', prefix: '', suffix: '' } },
      stance: 'rebuts',
      note: '',
    });
    expect(
      await route(
        { type: 'rebuttal.create', payload: { rebuttal: rebuttal('javascript:alert(1)') } },
        articleTab(),
      ),
    ).toMatchObject({ ok: false, error: expect.stringContaining('comment.frame') });
    expect(
      await route(
        { type: 'rebuttal.create', payload: { rebuttal: rebuttal('https://disqus.com') } },
        articleTab(),
      ),
    ).toMatchObject({ ok: true, value: { comment: { frame: 'https://disqus.com' } } });
  });
});

describe('placement reports', () => {
  const post = claimFor('https://blog.example/post');
  const sibling = claimFor('https://blog.example/other', 'urn:uuid:33333333-2222-4333-8444-555555555555');
  const report = (pageKey: string, claimId: string, outcome = 'not-found') => ({
    type: 'placement.report',
    payload: { pageKey, reports: [{ claimId, outcome }] },
  });

  beforeEach(async () => {
    for (const claim of [post, sibling]) await route({ type: 'claim.create', payload: { claim } }, popup);
  });

  it('stores what the page found, and hands it back with the page’s notes', async () => {
    // Page-written text is cleaned of controls and bidirectional overrides, and cut to a quote's length.
    const revised = `a claim, revised${' and revised'.repeat(5_000)}`;
    const text = `\u202e${revised}`;
    const changed = { claimId: post.id, outcome: 'changed', text, extra: '<b>' };
    const answer = await route(
      { type: 'placement.report', payload: { pageKey: post.pageKey, reports: [changed] } },
      articleTab(),
    );
    expect(answer).toEqual({ ok: true, value: null });
    const opened = await route(
      { type: 'page.open', payload: { pageKey: post.pageKey, url: post.url } },
      articleTab(),
    );
    expect(opened).toMatchObject({
      ok: true,
      value: {
        placements: [
          {
            claimId: post.id,
            outcome: 'changed',
            text: revised.slice(0, 50_000),
            seen: '2026-03-01T12:00:00.000Z',
          },
        ],
      },
    });
    expect(Object.keys((await db.placements.get(post.id)) ?? {})).not.toContain('extra');
  });

  it('refuses a report for a page key of another site, or for another page’s claims', async () => {
    expect(await route(report(post.pageKey, post.id), articleTab('https://evil.example/page'))).toEqual({
      ok: false,
      error: 'A page may only report on its own notes.',
    });
    // Same site, but the claim belongs to another page than the one reported on.
    expect(await route(report(post.pageKey, sibling.id), articleTab())).toEqual({
      ok: false,
      error: 'A page may only report on its own notes.',
    });
    // Only the script beside a page knows what it shows.
    expect(await route(report(post.pageKey, post.id), popup)).toMatchObject({ ok: false });
    expect(await db.placements.count()).toBe(0);
  });

  it('lets a page keep a quote only on a claim of its own site', async () => {
    const keep = (id: string) => ({ type: 'placement.keep', payload: { id, text: 'a claim, revised' } });
    expect(await route(keep(post.id), articleTab('https://evil.example/page'))).toEqual({
      ok: false,
      error: 'This note belongs to another site.',
    });
    expect(await db.placements.count()).toBe(0);
    expect(await route(keep(post.id), articleTab())).toEqual({ ok: true, value: null });
    expect(await db.placements.get(post.id)).toMatchObject({ text: 'a claim, revised', kept: true });
  });
});

describe('the library in slices', () => {
  it('hands the notes page its claims newest change first, a slice at a time, with how many there are', async () => {
    let second = 0;
    const clocked = createRouter({
      db,
      tabs: fakeTabs().tabs,
      extensionId: EXTENSION_ID,
      extensionRoot: EXTENSION_ROOT,
      now: () => new Date(Date.UTC(2026, 2, 1, 12, 0, second++)).toISOString(),
    });
    const ids = [1, 2, 3, 4, 5].map((n) => `urn:uuid:${n}1111111-2222-4333-8444-555555555555`);
    for (const id of ids) {
      await clocked(
        { type: 'claim.create', payload: { claim: claimFor('https://blog.example/post', id) } },
        popup,
      );
    }
    const slice = async (offset: number, limit: number) => {
      const answer = await clocked({ type: 'library.all', payload: { offset, limit } }, popup);
      if (!answer.ok) throw new Error(answer.error);
      const { claims, total } = answer.value as { claims: { id: string }[]; total: number };
      return { ids: claims.map((claim) => claim.id), total };
    };
    const newestFirst = [...ids].reverse();
    expect(await slice(0, 2)).toEqual({ ids: newestFirst.slice(0, 2), total: 5 });
    expect(await slice(2, 2)).toEqual({ ids: newestFirst.slice(2, 4), total: 5 });
    expect(await slice(4, 2)).toEqual({ ids: newestFirst.slice(4), total: 5 });
    expect(await clocked({ type: 'library.all', payload: {} }, popup)).toMatchObject({
      ok: true,
      value: { total: 5, claims: newestFirst.map((id) => ({ id })) },
    });
    expect(await clocked({ type: 'library.all', payload: { offset: 0, limit: 0 } }, popup)).toMatchObject({
      ok: false,
      error: expect.stringContaining('payload.limit: must be from 1 to 5000'),
    });
    expect(await clocked({ type: 'library.all', payload: { offset: -1, limit: 10 } }, popup)).toMatchObject({
      ok: false,
      error: expect.stringContaining('payload.offset: must be a whole number'),
    });
  });
});
