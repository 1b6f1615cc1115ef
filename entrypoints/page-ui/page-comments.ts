/**
 * The page's comment section as the content script needs it: read once and again after the page changed,
 * found again from a stored reference, and turned into ranges for whole-comment rebuttals.
 */
import { anchorTargets, describeRange } from '../../core/anchoring';
import { commentAt, extractComments, findCommentByRef, type ExtractedComment } from '../../core/comments';
import type { CommentRef, TextTarget } from '../../core/model';

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
export function firstLine(comment: ExtractedComment, length = 120): string {
  const line = comment.paragraphs[0] ?? comment.text;
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/**
 * A whole comment as a rebuttal target: from the start of its first paragraph to the end of its last, so
 * the excerpt leaves out the author line, the date and the reply link. Null when its text cannot be placed.
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
  const range = document.createRange();
  range.setStart(start.range.startContainer, start.range.startOffset);
  range.setEnd(end.range.endContainer, end.range.endOffset);
  return describeRange(range, comment.root);
}
