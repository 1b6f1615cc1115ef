/**
 * The content script every http(s) page gets. On a page without notes it asks the background once and
 * listens for a selection; it loads the full interface (`entrypoints/page-ui/`) only when the page has notes,
 * the reader selects text, or the popup asks it to show a claim.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CARD_PAGE, type CardSide, parseCardSide } from '../../core/card-channel';
import { documentPageKey, urlWithoutFragment } from '../../core/page-key';
import { onPageNavigation } from '../../core/page-navigation';
import type { Message, Result, TabRequests } from '../../core/protocol';
import { ask } from '../../messaging/send';
import type { PageOpened } from '../page-ui/page-notes';
import type { PAGE_UI_GLOBAL, StartPageUi } from '../page-ui';

type PageUi = Awaited<ReturnType<StartPageUi>>;

const TAB_REQUEST_TYPES = new Set<string>([
  'tab.describe',
  'tab.reveal',
  'tab.refresh',
  'tab.frame-comments',
  'tab.command',
]);
const START: typeof PAGE_UI_GLOBAL = '__counterpointStartPageUi';
/** Where `browser.storage.local` keeps the side the reader docked the claim card to. */
const CARD_SIDE_KEY = 'cardSide';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  main() {
    let pageKey = documentPageKey(document);
    let ui: Promise<PageUi> | null = null;

    const loadUi = (opened: PageOpened | null): Promise<PageUi> => {
      ui ??= Promise.all([
        import(/* @vite-ignore */ browser.runtime.getURL('/page-ui.js')),
        // Read while the interface loads, so that the first card already opens on the reader's side.
        browser.storage.local.get(CARD_SIDE_KEY).catch(() => ({})),
      ]).then(([, stored]: [unknown, Record<string, unknown>]) => {
        const start = (globalThis as unknown as Record<string, StartPageUi>)[START];
        if (!start) throw new Error('Counterpoint’s page interface did not load.');
        return start(opened, ask, () => documentPageKey(document), {
          connect: (name) => browser.runtime.connect({ name }),
          cardPage: browser.runtime.getURL(`/${CARD_PAGE}`),
          side: parseCardSide(stored[CARD_SIDE_KEY]) ?? 'right',
          keepSide: (side: CardSide) =>
            // Should the storage fail, the card still moves; only the next page forgets the choice.
            void browser.storage.local.set({ [CARD_SIDE_KEY]: side }).catch(() => undefined),
        });
      });
      return ui;
    };

    /** Ask for this page's notes; only a page that has some loads the interface. */
    const open = async (): Promise<void> => {
      const answer = await ask('page.open', { pageKey, url: urlWithoutFragment(location.href) });
      if (answer.ok && (answer.value.claims.length > 0 || answer.value.reveal)) await loadUi(answer.value);
    };

    const onSelection = (event: Event) => {
      if (ui || !event.isTrusted || !document.getSelection()?.toString().trim()) return;
      void loadUi(null).then((loaded) => loaded.offerToolbar());
    };
    document.addEventListener('mouseup', (event) => setTimeout(() => onSelection(event), 0));
    document.addEventListener('keyup', (event) => event.shiftKey && onSelection(event));

    // A single-page site may move to an article with notes; once loaded, the interface follows such moves.
    const onNavigation = () => {
      const key = documentPageKey(document);
      if (ui || key === pageKey) return;
      pageKey = key;
      void open();
    };
    onPageNavigation(onNavigation);

    // Only the extension itself can message a content script; the check guards against our own mistakes.
    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !TAB_REQUEST_TYPES.has(type)) return undefined;
      const request = message as Message<TabRequests>;
      if (ui) return ui.then((loaded) => loaded.handle(request));
      // A shortcut or a context-menu entry: the interface it needs loads now.
      if (request.type === 'tab.command') return loadUi(null).then((loaded) => loaded.handle(request));
      return Promise.resolve(answerWithoutNotes(request));
    });

    /** The answers of a page that has no notes to show. */
    function answerWithoutNotes(request: Message<TabRequests>): Result<unknown> {
      switch (request.type) {
        case 'tab.describe':
          return { ok: true, value: { pageKey, title: document.title, orphans: [], changed: [] } };
        case 'tab.reveal':
          return { ok: true, value: false };
        case 'tab.refresh':
          if (request.payload.pageKey === pageKey) void open();
          return { ok: true, value: null };
        case 'tab.frame-comments':
          // Nothing here reads them: the frame stops sending until the page interface, once loaded, asks.
          return { ok: true, value: false };
        case 'tab.command':
          return { ok: true, value: false };
      }
    }

    void open();
  },
});
