/**
 * The benchmark's bookkeeping of where each quote really is: every placement is judged against the truth, in
 * raw text offsets that no engine under test computed.
 */
import type { Span } from './sampling';

/**
 * - `right`: placed on the passage;
 * - `wrong`: placed on other text, or placed although the passage is gone;
 * - `orphaned`: not placed although the passage is there;
 * - `gone`: not placed, and rightly so: the passage is not on the page;
 * - `unknown`: the truth cannot be told (the passage occurs more than once in a page we did not edit ourselves).
 */
export type Verdict = 'right' | 'wrong' | 'orphaned' | 'gone' | 'unknown';

/** Where the passage is: a span, `null` when it is not on the page, `'unknown'` when that cannot be told. */
export type Truth = Span | null | 'unknown';

/**
 * A placement counts as right when it covers at least half of the union with the passage: engines trim
 * whitespace and punctuation differently, and a fuzzy match of an edited passage may end a word early or late,
 * but a placement on other text shares nothing with it.
 */
export const RIGHT_OVERLAP = 0.5;

/** The judgement on one placement; `placed` is null for an orphan. */
export function judge(placed: Span | null, truth: Truth): Verdict {
  if (truth === 'unknown') return 'unknown';
  if (truth === null) return placed === null ? 'gone' : 'wrong';
  if (placed === null) return 'orphaned';
  const shared = Math.min(placed.end, truth.end) - Math.max(placed.start, truth.start);
  const union = Math.max(placed.end, truth.end) - Math.min(placed.start, truth.start);
  return union > 0 && shared / union >= RIGHT_OVERLAP ? 'right' : 'wrong';
}

export type Tally = Record<Verdict, number>;

export function emptyTally(): Tally {
  return { right: 0, wrong: 0, orphaned: 0, gone: 0, unknown: 0 };
}

/** Add the counts of `from` to `into`. */
export function addTally(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as Verdict[]) into[key] += from[key];
}

/** Count verdicts, grouped by a label such as how many words of the passage were edited. */
export function tallyBy<K extends string>(
  verdicts: readonly Verdict[],
  groupOf: (index: number) => K,
): Partial<Record<K, Tally>> {
  const groups: Partial<Record<K, Tally>> = {};
  verdicts.forEach((verdict, i) => {
    const key = groupOf(i);
    const tally = groups[key] ?? emptyTally();
    tally[verdict]++;
    groups[key] = tally;
  });
  return groups;
}

/** Length of the pieces that `locateUnique` looks for when a quote is not found whole. */
export const PIECE_LENGTH = 12;

/**
 * Where `quote` occurs in `text`, on a page whose DOM we did not change ourselves (`expected.html`): its only
 * occurrence; `'unknown'` when it repeats, or when it is not there whole but some of its pieces are (the other
 * page may have dropped a footnote mark inside it: it is not gone, but where it is cannot be told for sure);
 * `null` when none of its pieces are there either, so that it should be orphaned.
 */
export function locateUnique(text: string, quote: string): Truth {
  const first = text.indexOf(quote);
  if (first >= 0) {
    if (text.indexOf(quote, first + 1) >= 0) return 'unknown';
    return { start: first, end: first + quote.length };
  }
  for (let at = 0; at + PIECE_LENGTH <= quote.length; at += PIECE_LENGTH) {
    if (text.includes(quote.slice(at, at + PIECE_LENGTH))) return 'unknown';
  }
  return null;
}
