import { describe, expect, it } from 'vitest';
import { createCardRelay, type RelayPort } from '../../entrypoints/background/card-relay';
import { CARD_PORT_PREFIX, newCardToken } from '../../core/card-channel';

const EXTENSION_ID = 'counterpoint-test';
const ROOT = 'chrome-extension://counterpoint-test/';

interface FakePort extends RelayPort {
  received: unknown[];
  disconnected: boolean;
  /** The other end sends `message` over this port. */
  send(message: unknown): void;
  /** The other end goes away. */
  drop(): void;
}

function fakePort(name: string, sender: RelayPort['sender']): FakePort {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: FakePort = {
    name,
    sender,
    received: [],
    disconnected: false,
    postMessage: (message) => void port.received.push(message),
    disconnect: () => void (port.disconnected = true),
    onMessage: { addListener: (listener) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => void onDisconnect.push(listener) },
    send: (message) => onMessage.forEach((listener) => listener(message)),
    drop: () => onDisconnect.forEach((listener) => listener()),
  };
  return port;
}

const pagePort = (token: string, tabId = 7, url = 'http://blog.example/post') =>
  fakePort(`${CARD_PORT_PREFIX}${token}`, { id: EXTENSION_ID, url, frameId: 0, tab: { id: tabId } });
const cardPort = (token: string, tabId = 7, urlToken = token) =>
  fakePort(`${CARD_PORT_PREFIX}${token}`, {
    id: EXTENSION_ID,
    url: `${ROOT}card.html#${urlToken}`,
    frameId: 3,
    tab: { id: tabId },
  });

/** A router for tests that send no saves. */
const refuseAll = async () => ({ ok: false as const, error: 'no router in this test' });

describe('the card relay', () => {
  it('passes messages between the page interface and the card of one tab and token', () => {
    const connect = createCardRelay(EXTENSION_ID, ROOT, refuseAll);
    const token = newCardToken();
    const page = pagePort(token);
    const card = cardPort(token);
    expect(connect(page)).toBe(true);
    expect(connect(card)).toBe(true);
    page.send({ type: 'hide' });
    card.send({ type: 'close' });
    expect(card.received).toEqual([{ type: 'hide' }]);
    expect(page.received).toEqual([{ type: 'close' }]);
  });

  it('keeps the page’s last word for a card that connects later, as after a worker restart', () => {
    const connect = createCardRelay(EXTENSION_ID, ROOT, refuseAll);
    const token = newCardToken();
    const page = pagePort(token);
    connect(page);
    page.send({ type: 'arm' });
    page.send({ type: 'hide' });
    const card = cardPort(token);
    connect(card);
    expect(card.received).toEqual([{ type: 'hide' }]);
  });

  it('keeps what the card said for a page interface whose port arrives after the card’s', () => {
    const connect = createCardRelay(EXTENSION_ID, ROOT, refuseAll);
    const token = newCardToken();
    const card = cardPort(token);
    connect(card);
    card.send({ type: 'ready' });
    card.send({ type: 'size', height: 120 });
    const page = pagePort(token);
    connect(page);
    expect(page.received).toEqual([{ type: 'ready' }, { type: 'size', height: 120 }]);
    card.send({ type: 'armed' });
    expect(page.received).toHaveLength(3);
  });

  it('never pairs ports of two tabs, nor a card whose own address names another token', () => {
    const connect = createCardRelay(EXTENSION_ID, ROOT, refuseAll);
    const token = newCardToken();
    const page = pagePort(token, 7);
    const otherTabCard = cardPort(token, 8);
    const forgedCard = cardPort(token, 7, newCardToken());
    connect(page);
    connect(otherTabCard);
    connect(forgedCard);
    page.send({ type: 'hide' });
    expect(otherTabCard.received).toEqual([]);
    expect(forgedCard.disconnected).toBe(true);
    expect(forgedCard.received).toEqual([]);
  });

  it('refuses ports from another extension or a sub-frame, and leaves other ports alone', () => {
    const connect = createCardRelay(EXTENSION_ID, ROOT, refuseAll);
    const token = newCardToken();
    const stranger = fakePort(`${CARD_PORT_PREFIX}${token}`, {
      id: 'someone-else',
      url: 'http://blog.example/',
      frameId: 0,
      tab: { id: 7 },
    });
    const subFrame = fakePort(`${CARD_PORT_PREFIX}${token}`, {
      id: EXTENSION_ID,
      url: 'http://ads.example/',
      frameId: 5,
      tab: { id: 7 },
    });
    expect(connect(stranger)).toBe(true);
    expect(stranger.disconnected).toBe(true);
    connect(subFrame);
    expect(subFrame.disconnected).toBe(true);
    expect(connect(fakePort('something-else', { id: EXTENSION_ID }))).toBe(false);
    expect(connect(fakePort(`${CARD_PORT_PREFIX}not-a-token`, { id: EXTENSION_ID }))).toBe(false);
  });

  it('lets a page that reconnects reach the same card', () => {
    const connect = createCardRelay(EXTENSION_ID, ROOT, refuseAll);
    const token = newCardToken();
    const card = cardPort(token);
    const first = pagePort(token);
    connect(first);
    connect(card);
    first.drop();
    const second = pagePort(token);
    connect(second);
    second.send({ type: 'hide' });
    card.send({ type: 'ready' });
    expect(card.received).toEqual([{ type: 'hide' }]);
    expect(second.received).toEqual([{ type: 'ready' }]);
    expect(first.received).toEqual([]);
  });

  it('applies the card’s saves through the router one after another, in the order sent, and answers each', async () => {
    const applied: string[] = [];
    const route = async (message: unknown) => {
      const { payload } = message as { payload: { changes: { note: string } } };
      // The first save takes longest: a relay that ran saves side by side would apply it last.
      await new Promise((done) => setTimeout(done, payload.changes.note === 'W' ? 30 : 0));
      applied.push(payload.changes.note);
      return { ok: true as const, value: payload.changes.note };
    };
    const connect = createCardRelay(EXTENSION_ID, ROOT, route);
    const token = newCardToken();
    const page = pagePort(token);
    const card = cardPort(token);
    connect(page);
    connect(card);
    for (const [request, note] of ['W', 'Wr', 'Wri'].entries()) {
      card.send({
        type: 'store',
        request,
        message: {
          type: 'claim.update',
          payload: { id: 'urn:uuid:11111111-2222-4333-8444-555555555555', changes: { note } },
        },
      });
    }
    await waitFor(() => card.received.length === 3);
    expect(applied).toEqual(['W', 'Wr', 'Wri']);
    expect(card.received).toEqual([
      { type: 'stored', request: 0, result: { ok: true, value: 'W' } },
      { type: 'stored', request: 1, result: { ok: true, value: 'Wr' } },
      { type: 'stored', request: 2, result: { ok: true, value: 'Wri' } },
    ]);
    // Saves are between the card and the background: the page interface never sees them.
    expect(page.received).toEqual([]);
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((tick) => setTimeout(tick, 5));
}
