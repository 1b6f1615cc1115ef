/**
 * Typed senders over the message protocol in `core/protocol.ts`. A failed delivery (background asleep and
 * failing to wake, tab without a content script) comes back as a `Result`, never as a thrown error.
 */
import { browser } from 'wxt/browser';
import type { Message, PageRequests, Result, TabRequests } from '../core/protocol';

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

/** Ask the content script in a tab. */
export async function askTab<K extends keyof TabRequests>(
  tabId: number,
  type: K,
  payload: TabRequests[K]['payload'],
): Promise<Result<TabRequests[K]['answer']>> {
  try {
    const message: Message<TabRequests, K> = { type, payload } as Message<TabRequests, K>;
    return (await browser.tabs.sendMessage(tabId, message)) as Result<TabRequests[K]['answer']>;
  } catch (error) {
    return undelivered(error);
  }
}
