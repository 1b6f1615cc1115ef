import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Message, TabRequests } from '../../core/protocol';
import './highlights.css';
import { PageNotes } from './page-notes';

const TAB_REQUEST_TYPES = new Set<string>(['tab.describe', 'tab.reveal', 'tab.refresh']);

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  main() {
    const notes = new PageNotes();
    // Only the extension itself can message a content script; the check guards against our own mistakes.
    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !TAB_REQUEST_TYPES.has(type)) return undefined;
      return Promise.resolve(notes.handle(message as Message<TabRequests>));
    });
    void notes.start();
  },
});
