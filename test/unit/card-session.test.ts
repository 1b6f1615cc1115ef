// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CardSession } from '../../entrypoints/card/card-session';
import type { CardStore, FromCard } from '../../core/card-channel';
import type { Claim } from '../../core/model';
import type { Result } from '../../core/protocol';
import { claim, NEW, OTHER, view } from './card-fixtures';

let root: HTMLElement;
let posted: FromCard[];
let requests: CardStore[];
let answers: (() => void)[];
let session: CardSession;

beforeEach(() => {
  // jsdom has no ResizeObserver; the card's size is not what these tests read.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // Nor requestIdleCallback: the card reads comments ahead in idle moments, which here come after each task.
  globalThis.requestIdleCallback ??= (callback) =>
    setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 10 }), 0) as unknown as number;
  globalThis.cancelIdleCallback ??= (handle) => clearTimeout(handle);
  root = document.createElement('div');
  document.body.append(root);
  posted = [];
  requests = [];
  answers = [];
  const stored = new Map<string, Claim>();
  session = new CardSession(root, { post: (message) => void posted.push(message) }, (message) => {
    requests.push(message);
    return new Promise<Result<Claim>>((resolve) =>
      answers.push(() => {
        const next =
          message.type === 'claim.create'
            ? claim(message.payload.claim.id)
            : {
                ...(stored.get(message.payload.id) ?? claim(message.payload.id)),
                ...message.payload.changes,
              };
        stored.set(next.id, next);
        resolve({ ok: true, value: next });
      }),
    );
  });
  session.start();
});

afterEach(() => root.remove());

const note = () => root.querySelector('textarea') as HTMLTextAreaElement;
const tags = () => root.querySelector('input[type=text]') as HTMLInputElement;

/** jsdom's implementation object behind one of its DOM wrappers. */
function implOf<T>(wrapper: object): T {
  for (const symbol of Object.getOwnPropertySymbols(wrapper)) {
    const impl = (wrapper as Record<symbol, unknown>)[symbol];
    if (impl && typeof impl === 'object') return impl as T;
  }
  throw new Error('Not a jsdom wrapper');
}

/**
 * Type into a field as the browser does: a trusted input event after the value changed. `dispatchEvent`
 * marks every event untrusted, as browsers do, and the card listens only to trusted ones; so the event goes
 * through jsdom's own dispatch, as jsdom's input does.
 */
function type(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.value += text;
  const event = new Event('input', { bubbles: true });
  const eventImpl = implOf<{ isTrusted: boolean }>(event);
  eventImpl.isTrusted = true;
  implOf<{ _dispatch(event: unknown): void }>(field)._dispatch(eventImpl);
  expect(event.isTrusted).toBe(true);
}

/** Press a button as the reader does: a trusted click, dispatched as `type` dispatches its input. */
function press(button: HTMLButtonElement): void {
  const event = new MouseEvent('click', { bubbles: true });
  implOf<{ isTrusted: boolean }>(event).isTrusted = true;
  implOf<{ _dispatch(event: unknown): void }>(button)._dispatch(implOf(event));
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the claim card’s draft', () => {
  it('gives the letters typed before the claim arrived to that claim, and saves them once it is stored', async () => {
    session.receive({ type: 'arm' });
    window.dispatchEvent(new Event('focus'));
    expect(document.activeElement).toBe(note());
    type(note(), 'Counts only');
    session.receive({ type: 'show', view: view(claim(NEW), { create: true, focusNote: true }) });
    expect(note().value).toBe('Counts only');
    type(note(), ' Quarry');
    // Shown again before the background answered: the claim is created once.
    session.receive({ type: 'show', view: view(claim(NEW), { create: true, focusNote: true }) });
    // The claim first, then the note: the channel applies them in this order.
    expect(requests.map((request) => request.type)).toEqual(['claim.create', 'claim.update', 'claim.update']);
    expect(requests.slice(1).map((request) => request.payload)).toEqual([
      { id: NEW, changes: { note: 'Counts only' } },
      { id: NEW, changes: { note: 'Counts only Quarry' } },
    ]);
    expect(note().value).toBe('Counts only Quarry');
    answers.shift()?.();
    await settle();
    expect(posted).toContainEqual({ type: 'created', claim: expect.objectContaining({ id: NEW }) });
  });

  it('never lets an older answer overwrite newer typing', async () => {
    session.receive({ type: 'show', view: view(claim(NEW)) });
    type(note(), 'a');
    type(note(), 'b');
    // The page interface shows the claim again with what it had before the reader typed.
    session.receive({ type: 'show', view: view(claim(NEW, { note: '' })) });
    expect(note().value).toBe('ab');
    answers[0]?.();
    await settle();
    expect(note().value).toBe('ab');
    answers[1]?.();
    await settle();
    expect(posted.filter((message) => message.type === 'saved')).toHaveLength(1);
    expect(note().value).toBe('ab');
  });

  it('takes a change made elsewhere while the reader is not typing', () => {
    session.receive({ type: 'show', view: view(claim(NEW, { note: 'old' })) });
    const edited = { note: 'edited in the notes page', tags: ['t'], modified: '2026-03-02T09:00:00.000Z' };
    session.receive({ type: 'show', view: view(claim(NEW, edited)) });
    expect(note().value).toBe('edited in the notes page');
    expect(tags().value).toBe('t');
  });

  it('keeps confirmed typing when the page interface shows an older copy of the claim', async () => {
    session.receive({ type: 'show', view: view(claim(NEW)) });
    type(note(), 'Counts only cas');
    answers[0]?.();
    await settle();
    // Everything typed is confirmed; the page interface's copy is from before the reader typed.
    session.receive({ type: 'show', view: view(claim(NEW, { note: 'Counts' })) });
    expect(note().value).toBe('Counts only cas');
  });

  it('comes back to a claim’s unconfirmed draft after showing another claim', async () => {
    session.receive({ type: 'show', view: view(claim(NEW)) });
    type(note(), 'first words');
    session.receive({ type: 'show', view: view(claim(OTHER, { note: 'other note' })) });
    expect(note().value).toBe('other note');
    // The page interface's copy of the first claim is older than the reader's draft.
    session.receive({ type: 'show', view: view(claim(NEW)) });
    expect(note().value).toBe('first words');
  });

  it('says which claim it has drawn only once the note on screen is that claim’s', () => {
    session.receive({ type: 'show', view: view(claim(OTHER, { note: 'other note' })) });
    posted = [];
    session.receive({ type: 'show', view: view(claim(NEW, { note: 'reopened note' })) });
    expect(posted).toEqual([{ type: 'shown', claimId: NEW }]);
    expect(note().value).toBe('reopened note');
  });

  it('suggests, from the thread the page sent, the comments not yet attached that answer its claim', () => {
    const quote = 'The library had fewer than 40 visitors a day last year';
    const comments = [
      { id: 'c1', text: 'Nonsense: the library had far more than 40 visitors a day last year, I counted.' },
      { id: 'c2', text: 'Lovely photos of the river walk.' },
      { id: 'c4', text: 'Will the market move back to the square in spring?' },
      { id: 'c5', text: 'Parking by the station is still a mess on Saturdays.' },
      { id: 'c6', text: 'Thanks for writing this up, a good read.' },
      {
        id: 'c3',
        text: 'The library visitors figure is wrong, the council’s own count says 90 a day last year.',
      },
    ].map((comment) => ({ ...comment, author: `Author of ${comment.id}` }));
    const choices = comments.map(({ id }) => ({ id, author: `Author of ${id}`, firstLine: id }));
    const shown = (unattached: string[]) =>
      view(
        claim(NEW, {
          target: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } },
        }),
        {
          comments: choices,
          unattached,
        },
      );
    const suggested = () =>
      [...root.querySelectorAll('.suggestion .author')].map((author) => author.textContent);
    session.receive({ type: 'thread', comments, pageText: '' });
    session.receive({ type: 'show', view: shown(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) });
    expect(suggested().sort()).toEqual(['Author of c1', 'Author of c3']);
    // Each with the passage that answers and the stance it seems to take, pressed for the reader to confirm.
    const first = root.querySelector('.suggestion');
    expect(first?.querySelector('q')?.textContent).toContain('40 visitors a day last year');
    expect(first?.textContent).toContain('Seems to rebut it');
    expect(first?.querySelector('.stance-rebuts')?.getAttribute('aria-pressed')).toBe('true');
    // c1 attached: it is no longer offered.
    session.receive({ type: 'show', view: shown(['c2', 'c3', 'c4', 'c5', 'c6']) });
    expect(suggested()).toEqual(['Author of c3']);
  });

  it('suggests a comment that names the claim’s subject by the other half of the name the page gives', () => {
    const quote = 'Livingstone backed the mayor out of old loyalty rather than for votes.';
    const comments = [
      { id: 'c1', text: 'Ken has stood by him since the day he became leader.' },
      { id: 'c2', text: 'Thanks for writing this up, a good read.' },
    ].map((comment) => ({ ...comment, author: `Author of ${comment.id}` }));
    const show = () =>
      session.receive({
        type: 'show',
        view: view(
          claim(NEW, {
            target: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } },
          }),
          {
            comments: comments.map(({ id }) => ({ id, author: `Author of ${id}`, firstLine: id })),
            unattached: ['c1', 'c2'],
          },
        ),
      });
    const suggested = () =>
      [...root.querySelectorAll('.suggestion .author')].map((author) => author.textContent);
    session.receive({ type: 'thread', comments, pageText: 'On Monday the mayor met the press. ' + quote });
    show();
    expect(suggested()).toEqual([]);
    session.receive({
      type: 'thread',
      comments,
      pageText: 'On Monday Ken Livingstone met the press. ' + quote,
    });
    show();
    expect(suggested()).toEqual(['Author of c1']);
  });

  it('does not start a new note when the reader clicks into the card', () => {
    session.receive({ type: 'show', view: view(claim(NEW, { note: 'kept' })) });
    session.receive({ type: 'arm' });
    window.dispatchEvent(new Event('pointerdown'));
    window.dispatchEvent(new Event('focus'));
    expect(note().value).toBe('kept');
  });

  it('offers to dock the card on the side it is not on, and asks the page interface for that side', () => {
    session.receive({ type: 'show', view: view(claim(NEW)) });
    const dock = () => root.querySelector('button.dock') as HTMLButtonElement;
    expect(dock().getAttribute('aria-label')).toBe('Dock the card on the left');
    press(dock());
    expect(posted.at(-1)).toEqual({ type: 'dock', side: 'left' });
    // The card moves only when the page interface says it has.
    session.receive({ type: 'side', side: 'left' });
    expect(dock().getAttribute('aria-label')).toBe('Dock the card on the right');
    press(dock());
    expect(posted.at(-1)).toEqual({ type: 'dock', side: 'right' });
    session.receive({ type: 'side', side: 'top' });
    expect(dock().getAttribute('aria-label')).toBe('Dock the card on the right');
  });
});
