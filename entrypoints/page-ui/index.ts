/**
 * The content script's full interface (toolbar, cards, highlights, comment reading), loaded by the content
 * script only on pages where the reader has notes or selects text, so that every other page pays for a few
 * lines rather than for all of this. It runs in the content script's isolated world: the handle it leaves
 * on that world's global is out of the page's reach.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Ask } from '../../messaging/send';
import type { CardLinks } from './card-frame';
import { PageNotes, type PageOpened } from './page-notes';

/** What the content script calls once this script has run. */
export type StartPageUi = (
  opened: PageOpened | null,
  sender: Ask,
  keyOfPage: () => string,
  links: CardLinks,
) => Promise<PageNotes>;

export const PAGE_UI_GLOBAL = '__counterpointStartPageUi';

export default defineUnlistedScript(() => {
  const start: StartPageUi = async (opened, sender, keyOfPage, links) => {
    const notes = new PageNotes(sender, keyOfPage, links);
    await notes.start(opened);
    return notes;
  };
  (globalThis as Record<string, unknown>)[PAGE_UI_GLOBAL] = start;
});
