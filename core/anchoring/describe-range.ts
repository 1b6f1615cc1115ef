import type { TextTarget } from '../model';
import { hintFor } from './node-hint';
import { textNodesOf } from './text-index';
import type { TextIndex } from './text-index';

/** Characters of context kept on each side of a quote, as the W3C model suggests. */
export const CONTEXT_LENGTH = 32;

/** Describe `range` over an existing index of the page; see `describeRange` in `./index.ts`. */
export function describeWith(index: TextIndex, range: Range): TextTarget | null {
  const text = index.text;
  let start = index.offsetOf(range.startContainer, range.startOffset);
  let end = index.offsetOf(range.endContainer, range.endOffset);
  // A selection that ends at the start of the next paragraph picks up its line break: quotes never start or end
  // on a space, so that the same words describe the same quote however the reader dragged.
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start >= end) return null;
  const contextStart = Math.max(0, start - CONTEXT_LENGTH);
  const contextEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  const target: TextTarget = {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(contextStart, start),
      suffix: text.slice(end, contextEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
  const quote = index.toRange(start, end);
  const context = index.toRange(contextStart, contextEnd);
  const hint = quote && context && hintFor(textNodesOf(index.root), target.quote.exact, quote, context);
  if (hint) target.hint = hint;
  return target;
}
