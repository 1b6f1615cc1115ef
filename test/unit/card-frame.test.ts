// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardFrame, type CardPort } from '../../entrypoints/page-ui/card-frame';
import { type CardSide, type FromCard, parseToCard, type ToCard } from '../../core/card-channel';
import { claim, NEW, OTHER, view } from './card-fixtures';

/** One port the frame opened: what it sent, and the background's side of it. */
interface OpenedPort {
  sent: ToCard[];
  answer(message: FromCard): void;
  drop(): void;
}

let opened: OpenedPort[];
let parent: HTMLElement;

function fakeConnect(): CardPort {
  const listeners: ((message: unknown) => void)[] = [];
  const dropListeners: (() => void)[] = [];
  const port: OpenedPort = {
    sent: [],
    answer: (message) => listeners.forEach((listener) => listener(message)),
    drop: () => dropListeners.forEach((listener) => listener()),
  };
  opened.push(port);
  return {
    postMessage: (message) => void port.sent.push(message as ToCard),
    onMessage: { addListener: (listener) => void listeners.push(listener) },
    onDisconnect: { addListener: (listener) => void dropListeners.push(listener) },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  opened = [];
  parent = document.createElement('div');
  document.body.append(parent);
});

afterEach(() => {
  vi.useRealTimers();
  parent.remove();
});

const makeFrame = (onAction: (action: FromCard) => void = () => undefined, side: CardSide = 'right') =>
  new CardFrame(
    parent,
    { connect: fakeConnect, cardPage: 'chrome-extension://x/card.html', side, keepSide: () => undefined },
    onAction,
  );
const frameElement = () => parent.querySelector('iframe') as HTMLIFrameElement;

describe('the claim card’s frame', () => {
  it('shows a reopened card only once the card has drawn that claim, never its previous content', () => {
    const frame = makeFrame();
    frame.show(view(claim(NEW, { note: 'the stored note' })), false);
    expect(frameElement().style.visibility).toBe('hidden');
    opened[0]?.answer({ type: 'shown', claimId: OTHER });
    expect(frameElement().style.visibility).toBe('hidden');
    opened[0]?.answer({ type: 'shown', claimId: NEW });
    expect(frameElement().style.visibility).toBe('visible');
  });

  it('tells the card again to arm when its word was lost to a dropped channel, and shows the toolbar on its answer', async () => {
    const frame = makeFrame();
    opened[0]?.drop();
    let armed = false;
    void frame.arm().then(() => (armed = true));
    await vi.advanceTimersByTimeAsync(150);
    const again = opened[1];
    expect(again?.sent).toContainEqual({ type: 'arm' });
    again?.answer({ type: 'armed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(armed).toBe(true);
  });

  it('settles every wait for the arming on one answer, and after a while without one', async () => {
    const frame = makeFrame();
    const settled: string[] = [];
    void frame.arm().then(() => settled.push('first'));
    void frame.arm().then(() => settled.push('second'));
    opened[0]?.answer({ type: 'armed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual(['first', 'second']);
    void frame.arm().then(() => settled.push('unanswered'));
    await vi.advanceTimersByTimeAsync(100);
    expect(settled).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toEqual(['first', 'second', 'unanswered']);
  });

  it('passes on whether the card stored the claim it made, so the page follows it or takes its highlight away', () => {
    const heard: FromCard[] = [];
    makeFrame((action) => heard.push(action));
    const stored = claim(NEW);
    opened[0]?.answer({ type: 'created', claim: stored });
    opened[0]?.answer({ type: 'not-created', claimId: OTHER, message: 'Storage is full.' });
    expect(heard).toEqual([
      { type: 'created', claim: stored },
      { type: 'not-created', claimId: OTHER, message: 'Storage is full.' },
    ]);
  });

  it('passes on a dock to either side, and drops one to a side the window has not', () => {
    const heard: FromCard[] = [];
    makeFrame((action) => heard.push(action));
    opened[0]?.answer({ type: 'dock', side: 'left' });
    for (const side of ['top', 'Left', '', null, undefined, 1])
      opened[0]?.answer({ type: 'dock', side } as never);
    opened[0]?.answer({ type: 'dock' } as never);
    opened[0]?.answer({ type: 'dock', side: 'right' });
    expect(heard).toEqual([
      { type: 'dock', side: 'left' },
      { type: 'dock', side: 'right' },
    ]);
  });

  it('opens on the side it was given, moves to the other, and tells the card, on every new channel too', () => {
    const frame = makeFrame(undefined, 'left');
    expect([frameElement().style.left, frameElement().style.right]).toEqual(['8px', 'auto']);
    expect(opened[0]?.sent).toContainEqual({ type: 'side', side: 'left' });
    frame.setSide('right');
    expect([frameElement().style.left, frameElement().style.right]).toEqual(['auto', '8px']);
    expect(opened[0]?.sent.at(-1)).toEqual({ type: 'side', side: 'right' });
    opened[0]?.drop();
    vi.runAllTimers();
    expect(opened[1]?.sent).toContainEqual({ type: 'side', side: 'right' });
    expect(opened[1]?.sent).not.toContainEqual({ type: 'side', side: 'left' });
  });

  it('lets the card hear only a side of the window', () => {
    expect(parseToCard({ type: 'side', side: 'left' })).toEqual({ type: 'side', side: 'left' });
    expect(parseToCard({ type: 'side', side: 'bottom' })).toBeNull();
    expect(parseToCard({ type: 'side' })).toBeNull();
  });
});
