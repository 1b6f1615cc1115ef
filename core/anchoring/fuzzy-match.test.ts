import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignNear, editDistance, fewestEditsWithin } from './fuzzy-match';

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

/** Levenshtein distance by the textbook table, to hold the bit-parallel one to; `anywhere`: best substring of b. */
function tableDistance(a: string, b: string, anywhere = false): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => (anywhere ? 0 : j));
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
      );
    }
    row = next;
  }
  return anywhere ? Math.min(...row) : (row[b.length] ?? 0);
}

/** Text drawn from a few letters, accents and a space, so that random strings share runs and near-misses. */
const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', 'É', '\u2019'), maxLength: 80 });

/**
 * The band alignment worked out plainly: every cell keeps, besides its cost, where its cheapest path (diagonal
 * first, then a pattern char skipped, then a text char skipped) crossed rows markFrom and markTo.
 */
function tableAlignment(
  text: string,
  pattern: string,
  expected: number,
  slack: number,
  markFrom: number,
  markTo: number,
): { start: number; end: number; distance: number } | null {
  interface Cell {
    cost: number;
    first: number;
    last: number;
  }
  const width = 2 * slack + 1;
  const outside = Infinity;
  const inView = (j: number): boolean => j >= 0 && j <= text.length;
  let row: Cell[] = Array.from({ length: width }, (_, k) => {
    const j = expected - slack + k;
    return { cost: inView(j) ? 0 : outside, first: j, last: j };
  });
  for (let i = 1; i <= pattern.length; i++) {
    const next: Cell[] = [];
    for (let k = 0; k < width; k++) {
      const j = expected - slack + i + k;
      if (j < 1 || !inView(j)) {
        next.push({ cost: outside, first: 0, last: 0 });
        continue;
      }
      const up = row[k + 1];
      const left = next[k - 1];
      let from = row[k];
      let cost = (from?.cost ?? outside) + (text[j - 1] === pattern[i - 1] ? 0 : 1);
      let fromLeft = false;
      if (up !== undefined && up.cost + 1 < cost) {
        from = up;
        cost = up.cost + 1;
      }
      if (left !== undefined && left.cost + 1 < cost) {
        from = left;
        cost = left.cost + 1;
        fromLeft = true;
      }
      next.push({
        cost,
        first: i === markFrom ? j : (from?.first ?? 0),
        last: i === markTo && !fromLeft ? j : (from?.last ?? 0),
      });
    }
    row = next;
  }
  let bestK = -1;
  for (let k = 0; k < width; k++) {
    const cost = row[k]?.cost ?? outside;
    const bestCost = row[bestK]?.cost ?? outside;
    if (cost < bestCost || (cost === bestCost && Math.abs(k - slack) < Math.abs(bestK - slack))) bestK = k;
  }
  const end = row[bestK];
  if (end === undefined || end.cost === outside) return null;
  return { start: end.first, end: end.last, distance: end.cost };
}

describe('alignNear against the plain table', () => {
  it('finds the same fit and marks the same span, near the text’s edges too', () => {
    fc.assert(
      fc.property(
        letters,
        letters,
        fc.nat(),
        fc.nat(12),
        fc.nat(),
        fc.nat(),
        (text, pattern, at, slack, a, b) => {
          // Anywhere from a little before the text to a little after it, and marks anywhere in the pattern.
          const expected = (at % (text.length + 12)) - 6;
          const markFrom = Math.min(a, b) % (pattern.length + 1);
          const markTo = markFrom + (Math.max(a, b) % (pattern.length + 1 - markFrom));
          expect(alignNear(text, pattern, expected, slack, markFrom, markTo)).toEqual(
            tableAlignment(text, pattern, expected, slack, markFrom, markTo),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('editDistance against the textbook table', () => {
  it('agrees on short, 32-character and long strings alike', () => {
    fc.assert(
      fc.property(letters, letters, (a, b) => {
        expect(editDistance(a, b)).toBe(tableDistance(a, b));
      }),
      { numRuns: 500 },
    );
    const thirtyTwo = 'abcdefghijklmnopqrstuvwxyz012345';
    expect(editDistance(thirtyTwo, `${thirtyTwo.slice(0, 31)}X`)).toBe(1);
    expect(editDistance(thirtyTwo, `x${thirtyTwo}`)).toBe(1);
  });
});

describe('fewestEditsWithin', () => {
  it('is the best fit of the quote anywhere in the window', () => {
    fc.assert(
      fc.property(letters, letters, fc.nat(20), (quote, text, trim) => {
        const from = Math.min(trim, text.length);
        const best = tableDistance(quote, text.slice(from), true);
        const fewest = fewestEditsWithin(quote, text, from, text.length + 5);
        expect(fewest).toBe(best);
      }),
      { numRuns: 500 },
    );
  });

  it('tells a window holding an edited quote from one that does not hold it', () => {
    const text = 'The committee met on Tuesday. The board approved the new budget after a long debate.';
    const quote = 'the board approved a new budget after long debate';
    expect(fewestEditsWithin(quote, text, 30, text.length)).toBe(6);
    expect(fewestEditsWithin(quote, text, 0, 30)).toBeGreaterThan(25);
  });
});
