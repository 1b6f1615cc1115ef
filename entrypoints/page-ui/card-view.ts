/**
 * What the claim card shows of one claim, built from the page: its rebuttals, the page's comments to pick
 * from, and the comments most likely to answer it (kept while neither the claim nor the comments change).
 */
import type { CardView, CommentChoice } from '../../core/card-channel';
import { commentRefOf, suggestRebuttals, type Suggestion } from '../../core/comments';
import type { Claim, Rebuttal } from '../../core/model';
import { firstLine, type PageComments } from './page-comments';

/** How many suggested comments a card offers. */
const SUGGESTIONS = 3;

/** What the page interface knows of the open card beyond the claim and the page. */
export interface CardState {
  create: boolean;
  anchored: boolean;
  focusNote: boolean;
  problem: string | null;
  /** Ids of this claim's rebuttals whose excerpt is not on the page. */
  orphanRebuttals: string[];
}

export class CardViews {
  constructor(private readonly comments: PageComments) {}

  private suggested: { key: string; suggestions: Suggestion[] } | null = null;

  build(claim: Claim, rebuttals: Rebuttal[], state: CardState): CardView {
    const attached = new Set(rebuttals.map((rebuttal) => rebuttal.comment.permalink));
    const comments: (CommentChoice & { ref: string })[] = this.comments.all().map((comment) => ({
      id: comment.id,
      author: comment.author,
      ...(comment.posted && { posted: comment.posted }),
      firstLine: firstLine(comment),
      ref: commentRefOf(comment).permalink,
    }));
    const open = new Map(comments.filter((comment) => !attached.has(comment.ref)).map((c) => [c.id, c]));
    const suggestions = this.suggestionsFor(claim, open).flatMap((suggestion) => {
      const comment = open.get(suggestion.commentId);
      return comment ? [{ ...choice(comment), reasons: suggestion.reasons }] : [];
    });
    return { claim, rebuttals, comments: comments.map(choice), suggestions, ...state };
  }

  /** The comments most likely to answer `claim`, among those not attached yet. */
  private suggestionsFor(claim: Claim, open: ReadonlyMap<string, unknown>): Suggestion[] {
    const key = `${claim.id} ${this.comments.generation} ${[...open.keys()].join(' ')}`;
    if (this.suggested?.key !== key) {
      const candidates = this.comments.all().filter((comment) => open.has(comment.id));
      this.suggested = {
        key,
        suggestions: suggestRebuttals(claim.target.quote.exact, candidates, SUGGESTIONS),
      };
    }
    return this.suggested.suggestions;
  }
}

/** A comment as the card lists it, without what only this side needs. */
function choice({ id, author, posted, firstLine: line }: CommentChoice): CommentChoice {
  return { id, author, ...(posted && { posted }), firstLine: line };
}
