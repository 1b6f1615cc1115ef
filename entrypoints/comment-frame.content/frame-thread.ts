/**
 * The comments of one comment widget's frame (issue 12): read with the same pure extractor as the page's, sent
 * to the article's page interface through the background, and the excerpts attached from them painted, flashed
 * and scrolled to here, where their text is. Nothing of the reader's notes reaches this frame: only the ids,
 * comment references and excerpt selectors of the rebuttals taken from it.
 */
import { anchorTargets } from '../../core/anchoring';
import { findCommentByRef } from '../../core/comments/comment-lookup';
import { wholeCommentTarget } from '../../core/comments/comment-target';
import { extractComments, type ExtractedComment } from '../../core/comments/extract';
import { Highlighter } from '../../core/highlighter';
import type { TextTarget } from '../../core/model';
import { FIELD_LIMITS } from '../../core/records/limits';
import type { FrameBox, FrameComment, FrameRebuttal } from '../../core/protocol';
import { FRAME_LIMITS } from '../../core/protocol';

export class FrameThread {
  private readonly highlighter = new Highlighter();
  private cached: ExtractedComment[] | null = null;
  /** The rebuttals the page interface asked to show here, placed again whenever the thread changes. */
  private rebuttals: FrameRebuttal[] = [];

  /** The frame changed: read it again on next use, and put back the excerpts its re-rendering took away. */
  changed(): void {
    this.cached = null;
    if (this.rebuttals.length) this.show(this.rebuttals);
  }

  private all(): ExtractedComment[] {
    this.cached ??= extractComments(document);
    return this.cached;
  }

  /** The comments as they cross to the page interface, within the limits the background holds them to. */
  comments(): FrameComment[] {
    return this.all()
      .filter((comment) => comment.id.length <= FIELD_LIMITS.commentId)
      .slice(0, FRAME_LIMITS.comments)
      .map(({ id, author, posted, permalink, parentId, depth, text }) => ({
        id,
        author,
        ...(posted && { posted }),
        ...(permalink && { permalink }),
        ...(parentId && parentId.length <= FIELD_LIMITS.commentId && { parentId }),
        depth: Math.min(depth, FRAME_LIMITS.depth),
        text: text.slice(0, FRAME_LIMITS.text),
      }));
  }

  /** A comment described whole, as the card attaches it. */
  target(commentId: string): TextTarget | null {
    const comment = this.all().find((candidate) => candidate.id === commentId);
    return comment ? wholeCommentTarget(comment) : null;
  }

  /** Paint exactly these rebuttals' excerpts, each inside its own comment; returns the ids placed. */
  show(rebuttals: FrameRebuttal[]): string[] {
    const wanted = new Set(rebuttals.map((rebuttal) => rebuttal.id));
    for (const { id } of this.rebuttals) if (!wanted.has(id)) this.highlighter.erase(id);
    this.rebuttals = rebuttals;
    const placed: string[] = [];
    for (const rebuttal of rebuttals) {
      const painted = this.highlighter.rangeOf(rebuttal.id);
      if (painted && painted.startContainer.isConnected && !painted.collapsed) {
        placed.push(rebuttal.id);
        continue;
      }
      this.highlighter.erase(rebuttal.id);
      const comment = findCommentByRef(this.all(), rebuttal.comment);
      const [result] = comment ? anchorTargets(comment.root, [rebuttal.target]) : [];
      if (result?.kind !== 'anchored') continue;
      this.highlighter.paint(rebuttal.id, result.range, 'rebuttal');
      placed.push(rebuttal.id);
    }
    return placed;
  }

  /**
   * Centre an excerpt in this frame's own scrolling, flash it, and say where it now is in the frame's viewport,
   * for the page to bring that part of the frame into its view. Scrolled by offset, not `scrollIntoView`,
   * which would also scroll the page around the frame, out of step with the page interface's own scrolling.
   */
  reveal(id: string): FrameBox | null {
    const range = this.highlighter.rangeOf(id);
    if (!range) return null;
    const before = range.getBoundingClientRect();
    window.scrollBy({ top: (before.top + before.bottom) / 2 - window.innerHeight / 2, behavior: 'instant' });
    this.highlighter.flash(id);
    const after = range.getBoundingClientRect();
    return { top: after.top, bottom: after.bottom };
  }
}
