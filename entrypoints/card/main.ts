/**
 * The claim card's page, framed by the page interface inside its closed shadow root. Its URL fragment is the
 * token that pairs it, through the background, with the page interface that framed it; a page that frames it
 * without one shows an empty frame that nothing can drive.
 */
import { browser, type Browser } from 'wxt/browser';
import { CARD_PORT_PREFIX, cardTokenOf, type FromCard } from '../../core/card-channel';
import { ask } from '../../messaging/send';
import { CardSession } from './card-session';

/** How long to wait before opening the channel again after the background dropped it (a worker restart). */
const RECONNECT_DELAY_MS = 100;

const token = cardTokenOf(`${CARD_PORT_PREFIX}${location.hash.slice(1)}`);
const root = document.getElementById('card');
if (token && root) {
  let port: Browser.runtime.Port | null = null;
  const session = new CardSession(
    root,
    { post: (message: FromCard) => port?.postMessage(message) },
    (id, changes) => ask('claim.update', { id, changes }),
  );
  const open = () => {
    port = browser.runtime.connect({ name: `${CARD_PORT_PREFIX}${token}` });
    port.onMessage.addListener((message) => session.receive(message));
    port.onDisconnect.addListener(() => {
      port = null;
      setTimeout(open, RECONNECT_DELAY_MS);
    });
    port.postMessage({ type: 'ready' } satisfies FromCard);
  };
  open();
  session.start();
}
