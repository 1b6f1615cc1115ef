/**
 * A whole comment as a rebuttal's target: what the page interface stores when the reader attaches a comment from
 * the card, in the page or in a comment widget's frame, which both run this.
 */
import { anchorTargets, describeRange } from '../anchoring';
import type { TextTarget } from '../model';
import type { ExtractedComment } from './extract';

/**
 * From the start of the comment's first paragraph to the end of its last, so the excerpt leaves out the author
 * line, the date and the reply link. Null when its text cannot be placed.
 */
export function wholeCommentTarget(comment: ExtractedComment): TextTarget | null {
  const paragraphs = comment.paragraphs.filter((paragraph) => paragraph.trim());
  const first = paragraphs[0];
  const last = paragraphs.at(-1);
  if (!first || !last) return null;
  const quote = (exact: string): TextTarget => ({
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  });
  const [start, end] = anchorTargets(comment.root, [quote(first), quote(last)]);
  if (start?.kind !== 'anchored' || end?.kind !== 'anchored') return null;
  const range = comment.root.ownerDocument.createRange();
  range.setStart(start.range.startContainer, start.range.startOffset);
  range.setEnd(end.range.endContainer, end.range.endOffset);
  return describeRange(range, comment.root);
}
