/**
 * Bounded approximate matching: where near an expected place a quote best fits, and how far two short strings are
 * apart. Both are plain dynamic programming over a narrow band, so their cost is known before they run.
 */

/** A quote's best fit near where it was expected: the view span of the marked part, and the edits of the whole. */
export interface Alignment {
  start: number;
  end: number;
  distance: number;
}

/**
 * Align `pattern` with the view `text`, letting its start move by up to `slack` characters from `expected`.
 * Semi-global edit distance on the band of diagonals [expected - slack, expected + slack]: O(pattern × slack).
 * The span returned is where pattern[markFrom, markTo) landed: the caller passes the quote with a little context
 * around it, so that the context, not a cheaper alignment of the quote alone, decides where the quote starts.
 * Among fits with equally few edits, the one nearest `expected` wins.
 */
export function alignNear(
  text: string,
  pattern: string,
  expected: number,
  slack: number,
  markFrom = 0,
  markTo: number = pattern.length,
): Alignment | null {
  const m = pattern.length;
  const width = 2 * slack + 1;
  const origin = expected - slack;
  // Row i holds the cost of matching pattern[0, i) and ending at view offset origin + i + k, for k in [0, width),
  // with where the path crossed rows markFrom and markTo.
  let cost = new Int32Array(width);
  let first = new Int32Array(width);
  let last = new Int32Array(width);
  let nextCost = new Int32Array(width);
  let nextFirst = new Int32Array(width);
  let nextLast = new Int32Array(width);
  const outside = m + width + 1;
  for (let k = 0; k < width; k++) {
    const j = origin + k;
    // A start outside the view can never be chosen.
    cost[k] = j < 0 || j > text.length ? outside : 0;
    first[k] = j;
    last[k] = j;
  }
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    for (let k = 0; k < width; k++) {
      const j = origin + i + k; // end of this cell, exclusive
      if (j < 1 || j > text.length) {
        nextCost[k] = outside;
        continue;
      }
      // Diagonal: pattern char against text char j - 1.
      let best = (cost[k] ?? outside) + (text.charCodeAt(j - 1) === p ? 0 : 1);
      let from = 0; // 0 diagonal, 1 up, 2 left
      // Pattern char skipped: from row i - 1 at the same end, which is band index k + 1.
      if (k + 1 < width) {
        const up = (cost[k + 1] ?? outside) + 1;
        if (up < best) {
          best = up;
          from = 1;
        }
      }
      // Text char skipped: from this row, one end earlier.
      if (k > 0) {
        const left = (nextCost[k - 1] ?? outside) + 1;
        if (left < best) {
          best = left;
          from = 2;
        }
      }
      nextCost[k] = best;
      const source = from === 0 ? k : from === 1 ? k + 1 : k - 1;
      const firstRow = from === 2 ? nextFirst : first;
      const lastRow = from === 2 ? nextLast : last;
      // The marked part starts after the last text skipped on row markFrom, and ends on first reaching markTo.
      nextFirst[k] = i === markFrom ? j : (firstRow[source] ?? j);
      nextLast[k] = i === markTo && from !== 2 ? j : (lastRow[source] ?? j);
    }
    [cost, nextCost] = [nextCost, cost];
    [first, nextFirst] = [nextFirst, first];
    [last, nextLast] = [nextLast, last];
  }
  let bestK = -1;
  let bestCost = outside;
  for (let k = 0; k < width; k++) {
    const c = cost[k] ?? outside;
    if (c < bestCost || (c === bestCost && Math.abs(k - slack) < Math.abs(bestK - slack))) {
      bestCost = c;
      bestK = k;
    }
  }
  if (bestK < 0 || bestCost >= outside) return null;
  return { start: first[bestK] ?? 0, end: last[bestK] ?? 0, distance: bestCost };
}

/** Levenshtein distance, for the short context strings (about 32 characters each). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (b.charCodeAt(j - 1) === c ? 0 : 1);
      const remove = (previous[j] ?? 0) + 1;
      const insert = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitute, remove, insert);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
