import { describe, expect, it } from 'vitest';
import { driftTruth, keptWords } from './drift-truth';
import type { Span } from './sampling';

/** The span of `passage` in `text`, which must hold it once. */
function spanOf(text: string, passage: string): Span {
  const start = text.indexOf(passage);
  if (start < 0 || text.indexOf(passage, start + 1) >= 0)
    throw new Error(`"${passage}" is not once in the text`);
  return { start, end: start + passage.length };
}

function truthOf(before: string, after: string, passage: string) {
  const [found] = driftTruth(before, after, [spanOf(before, passage)]);
  if (!found) throw new Error('no truth');
  const text =
    found.truth === null || found.truth === 'unknown'
      ? found.truth
      : after.slice(found.truth.start, found.truth.end);
  return { ...found, text };
}

const BEFORE = [
  'Installing a package writes it to the node_modules folder.',
  'The lock file records the exact version of every dependency that was installed.',
  'Scripts run in the order they are listed.',
].join('\n');

describe('keptWords', () => {
  it('maps each kept word to its place in the new text and marks the rest', () => {
    expect([...keptWords(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])]).toEqual([0, -1, 2, 3]);
  });
});

describe('driftTruth', () => {
  it('follows an unchanged passage that text inserted before it has moved', () => {
    const after = `A new paragraph came first.\n${BEFORE}`;
    const found = truthOf(BEFORE, after, 'Scripts run in the order they are listed.');
    expect(found).toMatchObject({ found: 'kept', kept: 1, changedWords: 0 });
    expect(found.text).toBe('Scripts run in the order they are listed.');
  });

  it('maps a copy-edited sentence to the sentence as it reads now, counting the words changed', () => {
    const after = BEFORE.replace('the exact version', 'the precise version');
    const found = truthOf(
      BEFORE,
      after,
      'The lock file records the exact version of every dependency that was installed.',
    );
    expect(found).toMatchObject({ found: 'kept', changedWords: 2 });
    expect(found.kept).toBeCloseTo(12 / 13);
    expect(found.text).toBe(
      'The lock file records the precise version of every dependency that was installed.',
    );
  });

  it('takes in the words that replaced the first or last words of a passage', () => {
    const before = 'Intro.\nRun npm install to fetch every dependency listed here.\nOutro.';
    const after = 'Intro.\nUse npm install to fetch every dependency listed below.\nOutro.';
    const found = truthOf(before, after, 'Run npm install to fetch every dependency listed here.');
    expect(found).toMatchObject({ found: 'kept', changedWords: 4 });
    expect(found.text).toBe('Use npm install to fetch every dependency listed below.');
  });

  it('does not judge a passage that a long insertion split apart', () => {
    const after = BEFORE.replace(
      'the order',
      'the order that npm since version seven no longer changes or sorts in any way and that',
    );
    const found = truthOf(BEFORE, after, 'Scripts run in the order they are listed.');
    expect(found.kept).toBe(1);
    expect(found.found).toBe('unknown');
  });

  it('keeps the offset of a phrase that ends inside a word, as phrases ending before a comma do', () => {
    const before = 'Run the tests, then publish.';
    const after = 'First, run all the tests, then publish.';
    const found = truthOf(before, after, 'the tests');
    expect(found.text).toBe('the tests');
  });

  it('finds a paragraph moved whole to another place', () => {
    const [first, second, third] = BEFORE.split('\n');
    const after = [third, 'Something else entirely sits between them now.', second, first].join('\n');
    for (const passage of [first, second, third]) {
      const found = truthOf(BEFORE, after, passage ?? '');
      expect(['kept', 'moved']).toContain(found.found);
      expect(found.text).toBe(passage);
      expect(found.changedWords).toBe(0);
    }
  });

  it('calls a rewritten passage gone, so that only an orphan is right', () => {
    const after = BEFORE.replace(
      'Scripts run in the order they are listed.',
      'Hooks fire whenever npm decides.',
    );
    expect(truthOf(BEFORE, after, 'Scripts run in the order they are listed.')).toMatchObject({
      found: 'gone',
      truth: null,
    });
  });

  it('does not judge a passage half rewritten', () => {
    const after = BEFORE.replace(
      'Scripts run in the order they are listed.',
      'Scripts run in parallel unless told otherwise.',
    );
    expect(truthOf(BEFORE, after, 'Scripts run in the order they are listed.')).toMatchObject({
      found: 'unknown',
      truth: 'unknown',
    });
  });

  it('does not call a passage gone while a piece of it is still on the page', () => {
    const after = BEFORE.replace(
      'Scripts run in the order they are listed.',
      'Hooks fire as npm pleases, although the order they are listed in is kept.',
    );
    const found = truthOf(BEFORE, after, 'Scripts run in the order they are listed.');
    expect(found.kept).toBeLessThan(0.2);
    expect(found.found).toBe('unknown');
  });

  it('looks for the pieces left at every offset, not only where a passage cut at every 12 characters would', () => {
    const before = 'Set "version": "1.2.3" , "description": "a tool" in it.';
    const after = 'Set "version": "1.2.3", "description" : "a tool" in it.';
    const found = truthOf(before, after, '"1.2.3" , "description');
    expect(found.kept).toBeLessThan(0.2);
    expect(found.found).toBe('unknown');
  });
});
