/**
 * The bridge from an extracted comment to the `CommentRef` a stored rebuttal keeps (see `core/model.ts`).
 */

import type { CommentRef } from '../model';
import type { ExtractedComment } from './extract';

/**
 * What a rebuttal records about its comment. The model asks for a permalink "or the comment's id in the page when
 * it has no permalink"; the id is given as a fragment (`#comment-12`) so that it reads as a link within the page.
 */
export function commentRefOf(
  comment: Pick<ExtractedComment, 'author' | 'permalink' | 'posted' | 'id'>,
): CommentRef {
  const ref: CommentRef = { author: comment.author, permalink: comment.permalink ?? `#${comment.id}` };
  if (comment.posted) ref.posted = comment.posted;
  return ref;
}
