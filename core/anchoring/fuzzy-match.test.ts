import { describe, expect, it } from 'vitest';
import { alignNear, editDistance } from './fuzzy-match';

describe('alignNear', () => {
  const text = 'alpha beta gamma delta epsilon zeta';

  it('finds an exact fit at the expected place', () => {
    expect(alignNear(text, 'gamma delta', 11, 8)).toEqual({ start: 11, end: 22, distance: 0 });
  });

  it('finds a fit that moved within the slack', () => {
    expect(alignNear(text, 'gamma delta', 5, 8)).toEqual({ start: 11, end: 22, distance: 0 });
  });

  it('counts the edits of a changed word', () => {
    const fit = alignNear(text, 'gamma dolta', 11, 8);
    expect(fit).toEqual({ start: 11, end: 22, distance: 1 });
  });

  it('lets the context around the quote decide where an edited quote starts', () => {
    const text = 'one two three four five';
    // Alone, "two 3 four" fits "three four" more cheaply than the real "two three four".
    expect(alignNear(text, 'two 3 four', 4, 8)?.start).toBe(8);
    const fit = alignNear(text, 'one two 3 four five', 0, 8, 4, 14);
    expect(fit).toEqual({ start: 4, end: 18, distance: 5 });
  });

  it('stays inside the text near its edges', () => {
    expect(alignNear('abc', 'abc', 0, 8)).toEqual({ start: 0, end: 3, distance: 0 });
    expect(alignNear('xxabc', 'abc', 4, 8)).toEqual({ start: 2, end: 5, distance: 0 });
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
