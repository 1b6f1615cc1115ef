import { describe, expect, it } from 'vitest';
import { SaveQueue } from '../../entrypoints/card/save-queue';
import type { Claim } from '../../core/model';
import type { ClaimChanges, Result } from '../../core/protocol';

const ID = 'urn:uuid:11111111-2222-4333-8444-555555555555';

function claimWith(changes: ClaimChanges): Claim {
  return {
    id: ID,
    pageKey: 'https://blog.example/post',
    url: 'https://blog.example/post',
    title: 'Post',
    target: { quote: { type: 'TextQuoteSelector', exact: 'a claim', prefix: '', suffix: '' } },
    status: 'contested',
    note: '',
    tags: [],
    created: '2026-03-01T12:00:00.000Z',
    modified: '2026-03-01T12:00:00.000Z',
    ...changes,
  };
}

/** A background whose answers the test releases one at a time, in any order it likes. */
function slowBackground() {
  const sent: ClaimChanges[] = [];
  const answers: (() => void)[] = [];
  let stored: ClaimChanges = {};
  const save = (_id: string, changes: ClaimChanges) =>
    new Promise<Result<Claim>>((resolve) => {
      sent.push(changes);
      answers.push(() => {
        stored = { ...stored, ...changes };
        resolve({ ok: true, value: claimWith(stored) });
      });
    });
  const answerNext = async () => {
    answers.shift()?.();
    await new Promise((done) => setTimeout(done, 0));
  };
  return { save, sent, answerNext, stored: () => stored };
}

describe('the card’s saves', () => {
  it('sends one save of a claim at a time, and the last typing always lands', async () => {
    const background = slowBackground();
    const saved: Claim[] = [];
    const queue = new SaveQueue({
      save: background.save,
      onSaved: (c) => saved.push(c),
      onProblem: () => {},
    });
    for (const note of ['C', 'Co', 'Cou', 'Coun', 'Count']) queue.push(ID, { note });
    expect(background.sent).toEqual([{ note: 'C' }]);
    expect(queue.unsaved(ID)).toBe(true);
    await background.answerNext();
    // What the reader typed meanwhile goes as one save, the newest text.
    expect(background.sent).toEqual([{ note: 'C' }, { note: 'Count' }]);
    // The answer to the first save is not what the reader sees: a newer one travels.
    expect(saved).toEqual([]);
    await background.answerNext();
    expect(background.stored().note).toBe('Count');
    expect(saved.map((claim) => claim.note)).toEqual(['Count']);
    expect(queue.unsaved(ID)).toBe(false);
  });

  it('merges a status and tags with the note typed meanwhile', async () => {
    const background = slowBackground();
    const queue = new SaveQueue({ save: background.save, onSaved: () => {}, onProblem: () => {} });
    queue.push(ID, { note: 'a' });
    queue.push(ID, { status: 'supported' });
    queue.push(ID, { tags: ['x'] });
    queue.push(ID, { note: 'ab' });
    await background.answerNext();
    expect(background.sent[1]).toEqual({ status: 'supported', tags: ['x'], note: 'ab' });
  });

  it('holds the saves of a claim the background has not stored yet, then sends them', async () => {
    const background = slowBackground();
    const queue = new SaveQueue({ save: background.save, onSaved: () => {}, onProblem: () => {} });
    queue.hold(ID);
    queue.push(ID, { note: 'typed before the claim was stored' });
    queue.flushNow();
    expect(background.sent).toEqual([]);
    queue.release(ID);
    expect(background.sent).toEqual([{ note: 'typed before the claim was stored' }]);
  });

  it('sends what waits at once when the frame goes away, without waiting for the save under way', () => {
    const background = slowBackground();
    const queue = new SaveQueue({ save: background.save, onSaved: () => {}, onProblem: () => {} });
    queue.push(ID, { note: 'Writ' });
    queue.push(ID, { note: 'Written' });
    queue.flushNow();
    expect(background.sent).toEqual([{ note: 'Writ' }, { note: 'Written' }]);
  });

  it('forgets a deleted claim’s waiting changes, and tells the reader why a save failed', async () => {
    const problems: string[] = [];
    let calls = 0;
    const queue = new SaveQueue({
      save: async () => (calls++, { ok: false, error: 'This note no longer exists.' }),
      onSaved: () => {},
      onProblem: (message) => problems.push(message),
    });
    queue.push(ID, { note: 'x' });
    queue.push(ID, { note: 'xy' });
    queue.drop(ID);
    await new Promise((done) => setTimeout(done, 0));
    expect(calls).toBe(1);
    expect(problems).toEqual(['This note no longer exists.']);
  });
});
