/**
 * The claim card's page, framed by the page interface inside its closed shadow root. Its URL fragment is the
 * token that pairs it, through the background, with the page interface that framed it; a page that frames it
 * without one shows an empty frame that nothing can drive.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  CARD_PORT_PREFIX,
  type CardSave,
  type CardSaveAnswer,
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
  /** Saves sent and not answered yet, sent again on a new port if the background dropped the old one. */
  const unanswered = new Map<number, { save: CardSave; settle(answer: CardSaveAnswer['result']): void }>();
  let requests = 0;
  const session = new CardSession(
    root,
    { post: (message: FromCard) => port?.postMessage(message) },
    (id, changes) =>
      new Promise((settle) => {
        const save: CardSave = { type: 'save', request: ++requests, id, changes };
        unanswered.set(save.request, { save, settle });
        port?.postMessage(save);
      }),
  );
  const open = () => {
    const opened = browser.runtime.connect({ name: `${CARD_PORT_PREFIX}${token}` });
    port = opened;
    opened.onMessage.addListener((message) => {
      const answer = message as Partial<CardSaveAnswer>;
      if (answer.type === 'saved-answer' && typeof answer.request === 'number') {
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
    for (const { save } of unanswered.values()) opened.postMessage(save);
  };
  open();
  session.start();
}
