/**
 * The background's half of the card channel (`core/card-channel.ts`): pairs the page interface's port with
 * the card frame's port of the same tab and token, and passes each one's messages to the other. Neither end
 * can reach the other directly in Firefox, and the page can reach neither. The card's requests to store its
 * claim stop here: they go through the router as the card's, one after another in the order they came.
 */
import { CARD_PAGE, type CardAnswer, cardTokenOf, parseCardRequest } from '../../core/card-channel';
import type { Result } from '../../core/protocol';

/** The parts of a runtime port the relay uses; `browser.runtime.Port` has them, and tests fake them. */
export interface RelayPort {
  name: string;
  sender?: { id?: string; url?: string; frameId?: number; tab?: { id?: number } };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Pair {
  page?: RelayPort;
  card?: RelayPort;
  /** The page's last word to a card that was not connected then (a restarted worker drops both ports). */
  waiting?: unknown;
  /**
   * What the card said while the page's port was not connected: the card page's port can reach the background
   * before the port of the content script that framed it, and its `ready` must still get through.
   */
  unheard: unknown[];
}

/** Most of the card's words kept for a page not connected yet; the newest count. */
const UNHEARD_LIMIT = 50;

/**
 * Build the relay. `connect` takes every port opened to the background and keeps those of the card channel;
 * it returns false for any other port, which is left alone.
 */
export function createCardRelay(
  extensionId: string,
  extensionRoot: string,
  route: (message: unknown, sender: NonNullable<RelayPort['sender']>) => Promise<Result<unknown>>,
) {
  const pairs = new Map<string, Pair>();

  /** Apply a card's requests in the order they arrived, answering each on the card's port. */
  function storer(port: RelayPort) {
    let last: Promise<unknown> = Promise.resolve();
    return (message: unknown): boolean => {
      const request = parseCardRequest(message);
      const { sender } = port;
      if (!request || !sender) return false;
      last = last.then(async () => {
        const result = (await route(request.message, sender)) as CardAnswer['result'];
        const answer: CardAnswer = { type: 'stored', request: request.request, result };
        try {
          port.postMessage(answer);
        } catch {
          // The card went away after its request was applied; what it stored is in the database.
        }
      });
      return true;
    };
  }

  /** Which end a port is: the card page of this token, the top frame's content script, or neither. */
  function sideOf(port: RelayPort, token: string): 'page' | 'card' | null {
    const { sender } = port;
    if (sender?.id !== extensionId || !sender.url || sender.tab?.id === undefined) return null;
    if (sender.url === `${extensionRoot}${CARD_PAGE}#${token}`) return 'card';
    if (sender.frameId === 0 && /^https?:\/\//.test(sender.url)) return 'page';
    return null;
  }

  return function connect(port: RelayPort): boolean {
    const token = cardTokenOf(port.name);
    if (!token) return false;
    const side = sideOf(port, token);
    if (!side) {
      port.disconnect();
      return true;
    }
    const key = `${port.sender?.tab?.id} ${token}`;
    const pair = pairs.get(key) ?? { unheard: [] };
    pairs.set(key, pair);
    pair[side]?.disconnect();
    pair[side] = port;
    if (side === 'card' && pair.waiting !== undefined) {
      port.postMessage(pair.waiting);
      pair.waiting = undefined;
    }
    if (side === 'page') for (const message of pair.unheard.splice(0)) port.postMessage(message);
    const store = side === 'card' ? storer(port) : () => false;
    port.onMessage.addListener((message) => {
      if (store(message)) return;
      const other = pair[side === 'page' ? 'card' : 'page'];
      if (other) other.postMessage(message);
      else if (side === 'page') pair.waiting = message;
      else pair.unheard = [...pair.unheard, message].slice(-UNHEARD_LIMIT);
    });
    port.onDisconnect.addListener(() => {
      if (pair[side] === port) pair[side] = undefined;
      if (!pair.page && !pair.card) pairs.delete(key);
    });
    return true;
  };
}
