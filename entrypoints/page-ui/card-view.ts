/**
 * What the claim card shows of one claim, built from the page: its rebuttals, and the comments to pick from,
 * the page's own and then those of its comment widget frames. The card ranks the comments against the claim
 * itself (`ToCard`'s `thread`).
 */
import type { CardView, CommentChoice, ThreadComment } from '../../core/card-channel';
import type { ColorScheme } from '../../core/color-scheme';
import { commentRefOf } from '../../core/comments/comment-ref';
import type { Claim, CommentRef, Rebuttal } from '../../core/model';
import type { FrameComments } from './frame-comments';
import { firstLine, type PageComments } from './page-comments';

/** Which comment a reference names, the same for the page's comments and a frame's. */
const refKey = (ref: CommentRef) => `${ref.frame ?? ''} ${ref.permalink}`;

/** What the page interface knows of the open card beyond the claim and the page. */
export interface CardState {
  create: boolean;
  anchored: boolean;
  currentText: string | null;
  focusNote: boolean;
  problem: string | null;
  scheme: ColorScheme;
  /** Ids of this claim's rebuttals whose excerpt is not on the page. */
  orphanRebuttals: string[];
}

export class CardViews {
  constructor(
    private readonly comments: PageComments,
    private readonly frames: FrameComments,
  ) {}

  /** The readings of the page's and the frames' comments last handed to the card, if any. */
  private threadGeneration: string | null = null;

  build(claim: Claim, rebuttals: Rebuttal[], state: CardState): CardView {
    const attached = new Set(rebuttals.map((rebuttal) => refKey(rebuttal.comment)));
    const comments: CommentChoice[] = [];
    const unattached: string[] = [];
    const list = (
      id: string,
      comment: { author: string; posted?: string; text: string },
      ref: CommentRef,
    ) => {
      const { author, posted } = comment;
      comments.push({ id, author, ...(posted && { posted }), firstLine: firstLine(comment) });
      if (!attached.has(refKey(ref))) unattached.push(id);
    };
    for (const comment of this.comments.all()) list(comment.id, comment, commentRefOf(comment));
    for (const comment of this.frames.all()) list(comment.key, comment, this.frames.refOf(comment));
    return { claim, rebuttals, comments, unattached, ...state };
  }

  /** The comments as the card ranks them, when the page or a frame was read again since the last call; else null. */
  changedThread(): ThreadComment[] | null {
    const generation = `${this.comments.generation} ${this.frames.generation}`;
    if (this.threadGeneration === generation) return null;
    this.threadGeneration = generation;
    return [
      ...this.comments.all().map(({ id, text, author }) => ({ id, text, author })),
      ...this.frames.all().map(({ key, text, author }) => ({ id: key, text, author })),
    ];
  }
}
