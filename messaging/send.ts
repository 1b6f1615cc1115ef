/**
 * Typed senders over the message protocol in `core/protocol.ts`. A failed delivery (background asleep and
 * failing to wake, tab without a content script) comes back as a `Result`, never as a thrown error.
 */
import { browser } from 'wxt/browser';
import type {
  FrameRequests,
  FrameTabRequests,
  Message,
  PageRequests,
  Result,
  TabRequests,
} from '../core/protocol';

function undelivered(error: unknown): Result<never> {
  return {
    ok: false,
    error: `Counterpoint could not be reached (${error instanceof Error ? error.message : error}).`,
  };
}

/** Ask the background; content scripts may use only the `ContentRequests` subset, and the background enforces it. */
export async function ask<K extends keyof PageRequests>(
  type: K,
  payload: PageRequests[K]['payload'],
): Promise<Result<PageRequests[K]['answer']>> {
  try {
    return (await browser.runtime.sendMessage({ type, payload })) as Result<PageRequests[K]['answer']>;
  } catch (error) {
    return undelivered(error);
  }
}

/** The sender to the background, as the content script hands it to its page interface. */
export type Ask = typeof ask;

/** Ask the background from a comment widget's frame (`FrameRequests` only; the background enforces it). */
export async function askFromFrame<K extends keyof FrameRequests>(
  type: K,
  payload: FrameRequests[K]['payload'],
): Promise<Result<FrameRequests[K]['answer']>> {
  try {
    return (await browser.runtime.sendMessage({ type, payload })) as Result<FrameRequests[K]['answer']>;
  } catch (error) {
    return undelivered(error);
  }
}

/**
 * Ask the content script in a tab: in its top frame, where the page interface lives (every tab request but a
 * widget frame's comments went to every frame before; only the top frame answers them).
 */
export async function askTab<K extends keyof TabRequests>(
  tabId: number,
  type: K,
  payload: TabRequests[K]['payload'],
): Promise<Result<TabRequests[K]['answer']>> {
  try {
    const message: Message<TabRequests, K> = { type, payload } as Message<TabRequests, K>;
    return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as Result<
      TabRequests[K]['answer']
    >;
  } catch (error) {
    return undelivered(error);
  }
}

/** Ask the content script in one comment widget frame of a tab. */
export async function askFrame<K extends keyof FrameTabRequests>(
  tabId: number,
  frameId: number,
  type: K,
  payload: FrameTabRequests[K]['payload'],
): Promise<Result<FrameTabRequests[K]['answer']>> {
  try {
    const message = { type, payload } as Message<FrameTabRequests, K>;
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) as Result<
      FrameTabRequests[K]['answer']
    >;
  } catch (error) {
    return undelivered(error);
  }
}

/**
 * Ask every comment widget frame of a tab to send its comments. The background does not know the tab's frames
 * (that would take the `webNavigation` permission), so the request goes to every frame; only widget frames
 * run a script that hears it, and each answers by sending its comments.
 */
export async function readAllFrames(tabId: number): Promise<void> {
  const message: Message<FrameTabRequests, 'frame.read'> = { type: 'frame.read', payload: {} };
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // A tab without widget frames has no one to answer.
  }
}
