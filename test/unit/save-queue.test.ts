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

/** A channel that applies saves in the order sent, with answers the test releases one at a time. */
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
  return { save, sent, answerNext };
}

describe('the card’s saves', () => {
  it('sends each change at once, so nothing waits in the frame, and reports only the newest as saved', async () => {
    const background = slowBackground();
    const saved: Claim[] = [];
    const queue = new SaveQueue({
      save: background.save,
      onSaved: (c) => saved.push(c),
      onProblem: () => {},
    });
    for (const note of ['C', 'Co', 'Cou']) queue.push(ID, { note });
    expect(background.sent).toEqual([{ note: 'C' }, { note: 'Co' }, { note: 'Cou' }]);
    expect(queue.unsaved(ID)).toBe(true);
    await background.answerNext();
    await background.answerNext();
    // The answers to older saves are not what the reader sees: a newer one travels.
    expect(saved).toEqual([]);
    expect(queue.unsaved(ID)).toBe(true);
    await background.answerNext();
    expect(saved.map((claim) => claim.note)).toEqual(['Cou']);
    expect(queue.unsaved(ID)).toBe(false);
  });

  it('tells the reader why a save failed', async () => {
    const problems: string[] = [];
    const queue = new SaveQueue({
      save: async () => ({ ok: false, error: 'This note no longer exists.' }),
      onSaved: () => {},
      onProblem: (message) => problems.push(message),
    });
    queue.push(ID, { note: 'y' });
    await new Promise((done) => setTimeout(done, 0));
    expect(problems).toEqual(['This note no longer exists.']);
    expect(queue.unsaved(ID)).toBe(false);
  });
});
