/**
 * The page's comment section as the content script needs it: read once and again after the page changed, and
 * found again from a stored reference.
 */
import { commentAt, findCommentByRef } from '../../core/comments/comment-lookup';
import { extractComments, type ExtractedComment } from '../../core/comments/extract';
import type { CommentRef } from '../../core/model';

export class PageComments {
  private cached: ExtractedComment[] | null = null;
  /** Counts the readings of the page, so that work derived from the comments knows when to redo it. */
  generation = 0;

  /** The page changed: read the comments again on next use. */
  invalidate(): void {
    this.cached = null;
    this.generation += 1;
  }

  all(): ExtractedComment[] {
    this.cached ??= extractComments(document);
    return this.cached;
  }

  /** The innermost comment holding `node` (a reply rather than the comment it answers). */
  containing(node: Node): ExtractedComment | undefined {
    return commentAt(this.all(), node);
  }

  byId(id: string): ExtractedComment | undefined {
    return this.all().find((comment) => comment.id === id);
  }

  /** The comment a stored reference names, wherever the thread now puts it. */
  find(ref: CommentRef): ExtractedComment | undefined {
    return findCommentByRef(this.all(), ref);
  }
}

/** The first line of a comment, for lists where a reader picks one. */
export function firstLine(comment: Pick<ExtractedComment, 'text'>, length = 120): string {
  const line = comment.text.split('\n\n', 1)[0] ?? comment.text;
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
