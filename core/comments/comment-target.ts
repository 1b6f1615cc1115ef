/**
 * A comment, whole or a passage of it, as a rebuttal's target: what the page interface stores when the reader
 * attaches a comment from the card, in the page or in a comment widget's frame, which both run this.
 */
import { anchorTargets, describeRange } from '../anchoring';
import type { TextTarget } from '../model';
import type { ExtractedComment } from './extract';

/**
 * From the start of the comment's first paragraph to the end of its last, so the excerpt leaves out the author
 * line, the date and the reply link. Null when its text cannot be placed.
 */
export function wholeCommentTarget(comment: ExtractedComment): TextTarget | null {
  return passageTarget(comment, comment.paragraphs.join('\n'));
}

/**
 * A passage of a comment's text (as extracted: paragraphs apart on lines of their own) as a rebuttal target: from
 * the start of its first line to the end of its last, found inside the comment. Null when it cannot be placed.
 */
export function passageTarget(comment: ExtractedComment, passage: string): TextTarget | null {
  const lines = passage.split('\n').filter((line) => line.trim());
  const first = lines[0]?.trim();
  const last = lines.at(-1)?.trim();
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
