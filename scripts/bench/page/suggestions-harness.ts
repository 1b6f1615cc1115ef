/**
 * In-page harness for the suggestion bench: ranks a page's comments for each claim with the code the content
 * script ships, timing the first claim (every comment read for the first time, as when a card first opens)
 * apart from the rest (comments already read).
 */
import { suggestRebuttals } from '../../../core/comments';

export interface SuggestionTiming {
  firstMs: number;
  laterMs: number[];
  /** How many claims got at least one suggestion: a bench over comments that match nothing would flatter us. */
  claimsWithSuggestions: number;
}

function time(
  claims: readonly string[],
  comments: readonly { id: string; text: string }[],
): SuggestionTiming {
  // The suggester keeps what it read of each comment by its text, as a card does between claims: the first claim
  // of the first run reads every comment (cold), later runs find them read (warm).
  const timings: number[] = [];
  let claimsWithSuggestions = 0;
  for (const claim of claims) {
    const start = performance.now();
    const found = suggestRebuttals(claim, comments, 3);
    timings.push(performance.now() - start);
    if (found.length > 0) claimsWithSuggestions += 1;
  }
  const [firstMs = Number.NaN, ...laterMs] = timings;
  return { firstMs, laterMs, claimsWithSuggestions };
}

(globalThis as unknown as { __suggestionBench: typeof time }).__suggestionBench = time;
