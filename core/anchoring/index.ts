/**
 * The anchoring engine: turns a reader's selection into W3C selectors, and stored selectors back into Ranges.
 *
 * Pure DOM code, no extension APIs, so that it is tested alone and ships inside the content script.
 *
 * - `describeRange(range, root)`: the selection as a TextQuoteSelector (exact, with 32 characters of prefix and
 *   suffix) and a TextPositionSelector, both over `root`'s text view (see `./text-index.ts` for its rules).
 * - `anchorTargets(root, targets)`: one text index of `root`, then each target placed cheapest first: the stored
 *   position checked against the quote and its context, then exact search with the context choosing between repeats.
 *   A target that cannot be placed with confidence is orphaned, never placed somewhere likely wrong.
 * - `TextIndex`: the index itself, to describe and anchor many times over one page without walking it again.
 */
import type { TextTarget } from '../model';
import { anchorWith } from './anchor-targets';
import type { AnchorResult } from './anchor-targets';
import { describeWith } from './describe-range';
import { TextIndex } from './text-index';

export type { AnchorResult, TextPlacement } from './anchor-targets';
export { placeTargets } from './anchor-targets';
export { INDEX_OBSERVER_OPTIONS, TextIndex, normalizeText } from './text-index';
export { CONTEXT_LENGTH } from './describe-range';

/** Describe a selection as W3C selectors over `root`'s text view. null when the range holds no text. */
export function describeRange(
  range: Range,
  root: Element,
  index: TextIndex = new TextIndex(root),
): TextTarget | null {
  return describeWith(index, range);
}

/** Anchor many targets at once over one text index of `root`. Same order as `targets`. */
export function anchorTargets(
  root: Element,
  targets: readonly TextTarget[],
  index: TextIndex = new TextIndex(root),
): AnchorResult[] {
  return anchorWith(index, targets);
}
