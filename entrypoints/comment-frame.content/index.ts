/**
 * The content script of comment widgets' cross-origin frames (issue 12): only the frames listed in
 * `core/widget-frames.ts` get it, never a tab's top frame, and it runs no interface of its own. It tells the
 * background what comments the frame shows, once at first and then, while the article's page interface
 * listens, whenever they change; and it answers the page interface's requests, relayed by the background.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { INDEX_OBSERVER_OPTIONS } from '../../core/anchoring';
import type { FrameTabRequests, Message, Result } from '../../core/protocol';
import { FRAME_TAB_REQUEST_TYPES } from '../../core/protocol';
import { WIDGET_FRAME_MATCHES } from '../../core/widget-frames';
import { askFromFrame } from '../../messaging/send';
import { FrameThread } from './frame-thread';

/** How long the frame must be quiet before its comments are read again after it changed. */
const SETTLE_DELAY_MS = 250;

export default defineContentScript({
  matches: WIDGET_FRAME_MATCHES,
  allFrames: true,
  main() {
    // A widget's thread opened as a page of its own is no article's comments.
    if (window.top === window) return;
    const thread = new FrameThread();
    /** Whether the article's page interface listens, as its last answer said. */
    let listened = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const send = async (): Promise<void> => {
      const answer = await askFromFrame('frame.comments', { comments: thread.comments() });
      const heardNow = answer.ok && answer.value && !listened;
      listened = answer.ok && answer.value;
      watcher[listened ? 'observe' : 'disconnect'](document.documentElement, INDEX_OBSERVER_OPTIONS);
      // Unwatched between reading the thread and hearing that the page listens: a widget that rendered its
      // comments meanwhile would never be read again.
      if (heardNow) settle();
    };
    /** Read the thread again once it has been quiet a moment, and send it while the page listens. */
    const settle = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        thread.changed();
        if (listened) void send();
      }, SETTLE_DELAY_MS);
    };
    const watcher = new MutationObserver(settle);

    // Only the extension itself can message a content script; the check guards against our own mistakes.
    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !(FRAME_TAB_REQUEST_TYPES as string[]).includes(type)) return undefined;
      return Promise.resolve(answer(message as Message<FrameTabRequests>));
    });

    function answer(request: Message<FrameTabRequests>): Result<unknown> {
      switch (request.type) {
        case 'frame.read':
          // Unwatched until now: the thread may have changed since it was last read.
          thread.changed();
          void send();
          return { ok: true, value: null };
        case 'frame.target':
          return { ok: true, value: thread.target(request.payload.commentId) };
        case 'frame.show':
          return { ok: true, value: thread.show(request.payload.rebuttals) };
        case 'frame.reveal':
          return { ok: true, value: thread.reveal(request.payload.id) };
      }
    }

    void send();
  },
});
