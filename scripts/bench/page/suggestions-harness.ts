/**
 * In-page harness for the suggestion bench: ranks a page's comments for each claim with the code the card
 * ships. As the card does, the names the page gives in full are found in its text and the comments may be read
 * ahead first (the card does both in idle moments once the page sends them, before the reader opens a claim);
 * else the first claim pays for both. The first claim is timed apart from the rest.
 */
import { readComments, suggestRebuttals } from '../../../core/comments';
import { fullNamesIn } from '../../../core/comments/page-names';

export interface SuggestionTiming {
  /** Finding the page's names and reading every comment ahead of the claims; 0 when not done ahead. */
  readMs: number;
  firstMs: number;
  laterMs: number[];
  /** How many claims got at least one suggestion: a bench over comments that match nothing would flatter us. */
  claimsWithSuggestions: number;
}

function time(
  claims: readonly string[],
  comments: readonly { id: string; text: string }[],
  pageText: string,
  readAhead: boolean,
): SuggestionTiming {
  // The suggester keeps what it read of each comment by its text, as a card does between claims: in a fresh page
  // the first claim pays for reading every comment unless they were read ahead; later runs find them read.
  let readMs = 0;
  let names: string[][] | null = null;
  if (readAhead) {
    const start = performance.now();
    names = fullNamesIn(pageText);
    readComments(comments);
    readMs = performance.now() - start;
  }
  const timings: number[] = [];
  let claimsWithSuggestions = 0;
  for (const claim of claims) {
    const start = performance.now();
    names ??= fullNamesIn(pageText);
    const found = suggestRebuttals(claim, comments, 3, names);
    timings.push(performance.now() - start);
    if (found.length > 0) claimsWithSuggestions += 1;
  }
  const [firstMs = Number.NaN, ...laterMs] = timings;
  return { readMs, firstMs, laterMs, claimsWithSuggestions };
}

(globalThis as unknown as { __suggestionBench: typeof time }).__suggestionBench = time;
