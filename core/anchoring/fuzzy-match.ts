/**
 * Bounded approximate matching: where near an expected place a quote best fits, how far two short strings are
 * apart, and how few edits a quote needs at least to fit anywhere in a window. The fit is dynamic programming over
 * a narrow band, so its cost is known before it runs; the two distances work on 32 characters at once
 * (Myers' bit-parallel method in Hyyrö's form), since anchoring asks for them far more often than for fits.
 */

/** A quote's best fit near where it was expected: the view span of the marked part, and the edits of the whole. */
export interface Alignment {
  start: number;
  end: number;
  distance: number;
}

/**
 * The band's costs, row after row, kept from call to call: anchoring aligns near hundreds of places on a page. A
 * band larger than this (a quote of thousands of characters) is made for its call alone rather than kept.
 */
const KEPT_BAND = 1 << 16;
let keptBand: Int32Array | undefined;

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
  const outside = m + width + 1;
  const size = (m + 1) * width;
  const cost = size > KEPT_BAND ? new Int32Array(size) : (keptBand ??= new Int32Array(KEPT_BAND));
  fillBand(text, pattern, cost, width, origin, outside);
  let bestK = -1;
  let bestCost = outside;
  const lastRow = m * width;
  for (let k = 0; k < width; k++) {
    const c = cost[lastRow + k] as number;
    if (c < bestCost || (c === bestCost && Math.abs(k - slack) < Math.abs(bestK - slack))) {
      bestCost = c;
      bestK = k;
    }
  }
  if (bestK < 0 || bestCost >= outside) return null;
  return marked(text, pattern, cost, width, origin, bestK, markFrom, markTo, bestCost);
}

/**
 * Fill `cost` with the band: cell (i, k), at i * width + k, holds the cost of matching pattern[0, i) and ending
 * at view offset origin + i + k. Only costs: the path is traced back from the best end afterwards. A function of
 * its own so that V8, compiling it in the middle of its loop, meets no code after the loop that it never saw run:
 * it would throw the compiled loop away on reaching that code, at every call.
 */
function fillBand(
  text: string,
  pattern: string,
  cost: Int32Array,
  width: number,
  origin: number,
  outside: number,
): void {
  const m = pattern.length;
  const n = text.length;
  for (let k = 0; k < width; k++) {
    const j = origin + k;
    // A start outside the view can never be chosen.
    cost[k] = j < 0 || j > n ? outside : 0;
  }
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    const row = i * width;
    const above = row - width;
    // The cells whose end, origin + i + k, is inside the view: [1, n].
    const inFrom = Math.min(width, Math.max(0, 1 - origin - i));
    const inTo = Math.max(inFrom, Math.min(width, n - origin - i + 1));
    for (let k = 0; k < inFrom; k++) cost[row + k] = outside;
    for (let k = inFrom; k < inTo; k++) {
      // Diagonal: pattern char against text char origin + i + k - 1; up: pattern char skipped; left: text char.
      let best = (cost[above + k] as number) + (text.charCodeAt(origin + i + k - 1) === p ? 0 : 1);
      if (k + 1 < width) {
        const up = (cost[above + k + 1] as number) + 1;
        if (up < best) best = up;
      }
      if (k > 0) {
        const left = (cost[row + k - 1] as number) + 1;
        if (left < best) best = left;
      }
      cost[row + k] = best;
    }
    for (let k = inTo; k < width; k++) cost[row + k] = outside;
  }
}

/**
 * Trace the path that ends at cell (m, end) back to row 0, taking at each cell the first step, in the order the
 * fill prefers (diagonal, then pattern char skipped, then text char skipped), that gives the cell its cost: the
 * marked part starts after the last text skipped on row markFrom, and ends where the path first reaches row markTo.
 */
function marked(
  text: string,
  pattern: string,
  cost: Int32Array,
  width: number,
  origin: number,
  end: number,
  markFrom: number,
  markTo: number,
  distance: number,
): Alignment {
  let i = pattern.length;
  let k = end;
  let start = -1;
  let stop = -1;
  for (;;) {
    const j = origin + i + k;
    if (i === markFrom && start < 0) start = j;
    if (i === markTo) stop = j;
    if (i === 0) break;
    const row = i * width;
    const above = row - width;
    const here = cost[row + k] as number;
    const diagonal =
      (cost[above + k] as number) + (text.charCodeAt(j - 1) === pattern.charCodeAt(i - 1) ? 0 : 1);
    if (diagonal === here) i--;
    else if (k + 1 < width && (cost[above + k + 1] as number) + 1 === here) {
      i--;
      k++;
    } else k--;
  }
  return { start, end: stop, distance };
}

/** Characters a bit-parallel pass takes at once: the bits of an int32. */
const WORD = 32;
const TOP_BIT = 1 << (WORD - 1);
/** For each UTF-16 unit, its row of bit masks in the current pass (0: not in the pattern); cleared after it. */
const rowOf = new Int32Array(0x10000);

/** Buffers kept from pass to pass: anchoring makes thousands of passes on a page, each over a few hundred characters. */
let masks = new Int32Array(256);
const deltas = { plus: new Int32Array(8), minus: new Int32Array(8) };

/** `length` zeroed bit masks, in the kept buffer. */
function bitMasks(length: number): Int32Array {
  if (masks.length < length) masks = new Int32Array(length);
  masks.fill(0, 0, length);
  return masks;
}

/**
 * Edits between `pattern` and text[from, to): the whole of that text when `anywhere` is false, else the substring
 * of it that fits best. The pattern is cut into blocks of WORD characters; each text character updates every
 * block's column of vertical deltas at once, the horizontal delta carried from block to block.
 */
function bitParallelDistance(
  pattern: string,
  text: string,
  from: number,
  to: number,
  anywhere: boolean,
): number {
  const m = pattern.length;
  if (m === 0) return anywhere ? 0 : to - from;
  const blocks = Math.ceil(m / WORD);
  let rows = 0;
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    if (rowOf[code] === 0) rowOf[code] = ++rows;
  }
  // Row r, block b: where the pattern's characters of row r are within that block; row 0 for all other characters.
  const equal = bitMasks((rows + 1) * blocks);
  for (let i = 0; i < m; i++) {
    const at = (rowOf[pattern.charCodeAt(i)] ?? 0) * blocks + Math.floor(i / WORD);
    equal[at] = (equal[at] ?? 0) | (1 << (i % WORD));
  }
  // Vertical deltas down each block of the current column: +1 where set in plus, -1 where set in minus.
  const plus = deltas.plus.length >= blocks ? deltas.plus : (deltas.plus = new Int32Array(blocks));
  const minus = deltas.minus.length >= blocks ? deltas.minus : (deltas.minus = new Int32Array(blocks));
  plus.fill(-1, 0, blocks);
  minus.fill(0, 0, blocks);
  const lastBit = 1 << ((m - 1) % WORD);
  let score = m;
  let best = m;
  for (let j = from; j < to; j++) {
    const row = (rowOf[text.charCodeAt(j)] as number) * blocks;
    // Into the top: 0 along the first row when the fit may start anywhere, +1 when it must start at `from`.
    let carry = anywhere ? 0 : 1;
    for (let b = 0; b < blocks; b++) {
      let eq = equal[row + b] as number;
      const pv = plus[b] as number;
      const mv = minus[b] as number;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = b === blocks - 1 ? lastBit : TOP_BIT;
      const out = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      plus[b] = mh | ~(xv | ph);
      minus[b] = ph & xv;
      carry = out;
    }
    score += carry;
    if (score < best) best = score;
  }
  for (let i = 0; i < m; i++) rowOf[pattern.charCodeAt(i)] = 0;
  return anywhere ? best : score;
}

/** Levenshtein distance: of the context strings (about 32 characters each) and of short quotes. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return bitParallelDistance(short, long, 0, long.length, false);
}

/**
 * The fewest edits between `quote` and any substring of text[from, to): a fit of the quote there, however it is
 * aligned, never costs less.
 */
export function fewestEditsWithin(quote: string, text: string, from: number, to: number): number {
  return bitParallelDistance(quote, text, Math.max(0, from), Math.min(text.length, to), true);
}
