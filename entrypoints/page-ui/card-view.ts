/**
 * What the claim card shows of one claim, built from the page: its rebuttals, and the page's comments to pick
 * from. The card ranks the comments against the claim itself (`ToCard`'s `thread`).
 */
import type { CardView, CommentChoice, ThreadComment } from '../../core/card-channel';
import { commentRefOf } from '../../core/comments';
import type { Claim, Rebuttal } from '../../core/model';
import { firstLine, type PageComments } from './page-comments';

/** What the page interface knows of the open card beyond the claim and the page. */
export interface CardState {
  create: boolean;
  anchored: boolean;
  currentText: string | null;
  focusNote: boolean;
  problem: string | null;
  /** Ids of this claim's rebuttals whose excerpt is not on the page. */
  orphanRebuttals: string[];
}

export class CardViews {
  constructor(private readonly comments: PageComments) {}

  /** The reading of the page's comments last handed to the card, if any. */
  private threadGeneration: number | null = null;

  build(claim: Claim, rebuttals: Rebuttal[], state: CardState): CardView {
    const attached = new Set(rebuttals.map((rebuttal) => rebuttal.comment.permalink));
    const comments: CommentChoice[] = [];
    const unattached: string[] = [];
    for (const comment of this.comments.all()) {
      const { id, author, posted } = comment;
      comments.push({ id, author, ...(posted && { posted }), firstLine: firstLine(comment) });
      if (!attached.has(commentRefOf(comment).permalink)) unattached.push(id);
    }
    return { claim, rebuttals, comments, unattached, ...state };
  }

  /** The page's comments as the card ranks them, when the page was read again since the last call; else null. */
  changedThread(): ThreadComment[] | null {
    if (this.threadGeneration === this.comments.generation) return null;
    this.threadGeneration = this.comments.generation;
    return this.comments.all().map(({ id, text, author }) => ({ id, text, author }));
  }
}
