import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Occurrences } from './occurrences';

function scan(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe('Occurrences', () => {
  it('finds what a scan finds, in the same order, overlapping copies included', () => {
    // Few letters, so that runs repeat, overlap and share buckets.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é'), minLength: 0, maxLength: 300 });
    fc.assert(
      fc.property(text, fc.nat(300), fc.integer({ min: 1, max: 20 }), (text, at, length) => {
        const occurrences = new Occurrences(text);
        const needle = text.slice(at, at + length) || 'ab';
        expect(occurrences.find(needle)).toEqual(scan(text, needle));
        expect(occurrences.find(`${needle}zz`)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('stops at the limit it is given', () => {
    const occurrences = new Occurrences('the same words, the same words, the same words');
    expect(occurrences.find('the same words', 2)).toEqual([0, 16]);
    expect(occurrences.find('same', 1)).toEqual([4]);
  });
});
