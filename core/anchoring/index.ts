/**
 * The anchoring engine: turns a reader's selection into W3C selectors, and stored selectors back into Ranges.
 * Pure DOM code, no extension APIs, so that it is tested alone and ships inside the content script.
 *
 * - `describeRange(range, root)`: the selection as a TextQuoteSelector (exact, with 32 characters of prefix and
 *   suffix) and a TextPositionSelector, both over `root`'s text view, and a node hint (`NodeHint` in
 *   `../model.ts`); null when the selection holds no text. The view's rules (whitespace, line breaks, hidden text,
 *   form controls) are in `./text-index.ts`.
 * - `anchorTargets(root, targets)`: first each target's node hint, taken (score 1) where the page still holds the
 *   quote and its context exactly there (`./node-hint.ts`); when every target is placed so, the view is never
 *   built. Else one text index of `root`, then each other target placed, in the order of their stored positions so
 *   that each learns how far the one before it on the page moved, cheapest first:
 *   1. the exact quote within a few characters of the stored position, or of it shifted as the targets around it
 *      moved: taken with all its context, or with context still 80% alike and no other copy there as alike;
 *   2. exact occurrences elsewhere, the context choosing between repeats; but a near-perfect fit of an edited
 *      quote where the position predicts beats an exact copy elsewhere, since pages repeat whole blocks. A copy
 *      elsewhere is taken with all its context, or with half when every other copy on the page keeps less than
 *      a quarter of it (a table of contents, a summary) and nothing like the quote is where the position
 *      predicts (another layout of the same article);
 *   3. an edit-distance fit in a narrow window near the predicted place, taken when near-perfect;
 *   4. the quote in the folded view (`./folded-text.ts`), where letter case, accents, curly or straight quotes, a
 *      dash, a hyphen or a space between words, and `,;:()` make no difference, by the rules of steps 1 and 2 with
 *      context counted in folded characters; a repeat with context as alike leaves it to step 5. Built only when a
 *      target gets this far, and kept on the index until its view changes. Scores 0.97 × (0.9 + 0.1 × the share
 *      of context that agrees), below an exact find's, so that callers can tell the text differs;
 *   5. a bounded fuzzy search near exact hits of pieces of the quote and of its context's inner edges.
 *   A fit is kept only when prefix + quote + suffix are at least 80% alike and no other place comes within 0.05
 *   (where the position predicts, a fit wins such a tie); the exact quote there also passes at 65% when nothing
 *   else on the page comes within 0.2. Otherwise the target is orphaned with the best score seen. Scores: 1 for
 *   the exact quote at its stored position with its context; a little less when it moved; about the fit's
 *   similarity when it was edited.
 * - `placeTargets(index, targets)`: the same through the view, in view offsets, without building Ranges.
 * - `TextIndex`: the index itself, which walks the page when first read. Pass it to `describeRange` and
 *   `anchorTargets` to reuse one walk of the page, and keep it current on dynamic pages with a MutationObserver
 *   (`INDEX_OBSERVER_OPTIONS`) whose records go to `index.update(records)`, which re-walks only what changed;
 *   then anchor the orphans again.
 */
import type { TextTarget } from '../model';
import { anchorWith } from './anchor-targets';
import type { AnchorResult } from './anchor-targets';
import { describeWith } from './describe-range';
import { placeByHints } from './node-hint';
import { TextIndex } from './text-index';

export type { AnchorResult, TextPlacement } from './anchor-targets';
export { placeTargets } from './anchor-targets';
export { INDEX_OBSERVER_OPTIONS, TextIndex, normalizeText } from './text-index';
export { CONTEXT_LENGTH } from './describe-range';

/**
 * Describe a selection as W3C selectors over `root`'s text view. null when the range holds no text.
 * `index`, when given, must be an index of `root` that is current.
 */
export function describeRange(
  range: Range,
  root: Element,
  index: TextIndex = new TextIndex(root),
): TextTarget | null {
  return describeWith(index, range);
}

/**
 * Anchor many targets at once over one text index of `root`. Same order as `targets`.
 * `index`, when given, must be an index of `root` that is current.
 */
export function anchorTargets(
  root: Element,
  targets: readonly TextTarget[],
  index: TextIndex = new TextIndex(root),
): AnchorResult[] {
  const found = placeByHints(root, targets);
  if (found?.every((range) => range !== null)) {
    return found.map((range): AnchorResult => ({ kind: 'anchored', range, score: 1 }));
  }
  return anchorWith(index, targets, found ?? []);
}
