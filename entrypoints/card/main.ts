/**
 * The claim card's page, framed by the page interface inside its closed shadow root. Its URL fragment is the
 * token that pairs it, through the background, with the page interface that framed it; a page that frames it
 * without one shows an empty frame that nothing can drive.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  type CardAnswer,
  CARD_PORT_PREFIX,
  type CardRequest,
  cardTokenOf,
  type FromCard,
} from '../../core/card-channel';
import { CardSession } from './card-session';

/** How long to wait before opening the channel again after the background dropped it (a worker restart). */
const RECONNECT_DELAY_MS = 100;

const token = cardTokenOf(`${CARD_PORT_PREFIX}${location.hash.slice(1)}`);
const root = document.getElementById('card');
if (token && root) {
  let port: Browser.runtime.Port | null = null;
  /** Requests sent and not answered yet, sent again on a new port if the background dropped the old one. */
  const unanswered = new Map<number, { request: CardRequest; settle(result: CardAnswer['result']): void }>();
  let requests = 0;
  const session = new CardSession(
    root,
    { post: (message: FromCard) => port?.postMessage(message) },
    (message) =>
      new Promise((settle) => {
        const request: CardRequest = { type: 'store', request: ++requests, message };
        unanswered.set(request.request, { request, settle });
        port?.postMessage(request);
      }),
  );
  const open = () => {
    const opened = browser.runtime.connect({ name: `${CARD_PORT_PREFIX}${token}` });
    port = opened;
    opened.onMessage.addListener((message) => {
      const answer = message as Partial<CardAnswer>;
      if (answer.type === 'stored' && typeof answer.request === 'number') {
        const waiting = unanswered.get(answer.request);
        unanswered.delete(answer.request);
        if (waiting && answer.result) waiting.settle(answer.result);
      } else session.receive(message);
    });
    opened.onDisconnect.addListener(() => {
      port = null;
      setTimeout(open, RECONNECT_DELAY_MS);
    });
    opened.postMessage({ type: 'ready' } satisfies FromCard);
    for (const { request } of unanswered.values()) opened.postMessage(request);
  };
  open();
  session.start();
}
