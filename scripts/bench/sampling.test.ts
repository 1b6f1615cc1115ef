import { describe, expect, it } from 'vitest';
import {
  belowWork,
  coldWarm,
  itemRandom,
  median,
  phraseAt,
  pickInterior,
  replacementWord,
  seededRandom,
  sentenceAt,
} from './sampling';

const PARAGRAPH = 'The first sentence is here. A second one follows it! Is this the third? Yes.';

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives each item its own number, whatever N is', () => {
    expect(itemRandom(7, 3)).toBe(itemRandom(7, 3));
    expect(itemRandom(7, 3)).not.toBe(itemRandom(7, 4));
  });
});

describe('sentenceAt', () => {
  it('finds the sentence around a character, with its full stop', () => {
    const span = sentenceAt(PARAGRAPH, PARAGRAPH.indexOf('second'));
    expect(span && PARAGRAPH.slice(span.start, span.end)).toBe('A second one follows it!');
  });

  it('refuses sentences too short to be a claim', () => {
    expect(sentenceAt(PARAGRAPH, PARAGRAPH.indexOf('Yes'))).toBeNull();
  });

  it('takes the whole paragraph when nothing ends a sentence', () => {
    const text = 'a paragraph with no full stop at all';
    expect(sentenceAt(text, 5)).toEqual({ start: 0, end: text.length });
  });
});

describe('phraseAt', () => {
  it('starts at the word boundary and drops trailing punctuation', () => {
    const at = PARAGRAPH.indexOf('irst');
    const span = phraseAt(PARAGRAPH, at, 4);
    expect(span && PARAGRAPH.slice(span.start, span.end)).toBe('first sentence is here');
  });

  it('is null when the paragraph runs out of words', () => {
    expect(phraseAt('two words', 0, 5)).toBeNull();
  });
});

describe('revision helpers', () => {
  it('replaces a word with another, keeping a leading capital', () => {
    const random = seededRandom(1);
    const replaced = replacementWord('Several', random);
    expect(replaced).not.toBe('Several');
    expect(replaced[0]).toBe(replaced[0]?.toUpperCase());
    expect(replacementWord('several', () => 0)).toBe('notable');
  });

  it('never edits the first or last word', () => {
    for (let seed = 0; seed < 50; seed++) {
      const picked = pickInterior(5, 2, seededRandom(seed));
      expect(picked).toHaveLength(2);
      expect(picked.every((i) => i > 0 && i < 4)).toBe(true);
      expect(new Set(picked).size).toBe(2);
    }
    expect(pickInterior(2, 1, seededRandom(1))).toEqual([]);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('coldWarm', () => {
  it('keeps the first run apart from the median of the rest', () => {
    expect(coldWarm([40, 10, 30, 20])).toEqual({ cold: 40, warm: 20 });
    expect(coldWarm([40])).toEqual({ cold: 40, warm: Number.NaN });
  });
});

describe('belowWork', () => {
  it('names the figures under the work they contain, and any that are not numbers', () => {
    expect(belowWork(4, { painted: 16.7, busy: 4 })).toEqual([]);
    expect(belowWork(4, { painted: 3.9, busy: Number.NaN })).toEqual(['painted', 'busy']);
    expect(belowWork(Number.NaN, { painted: 16.7 })).toEqual(['painted']);
  });
});
