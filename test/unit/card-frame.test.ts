// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardFrame, type CardPort } from '../../entrypoints/page-ui/card-frame';
import type { FromCard, ToCard } from '../../core/card-channel';
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

const makeFrame = (onAction: (action: FromCard) => void = () => undefined) =>
  new CardFrame(parent, { connect: fakeConnect, cardPage: 'chrome-extension://x/card.html' }, onAction);
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
});
