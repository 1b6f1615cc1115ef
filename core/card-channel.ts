/**
 * The channel between the page interface (a content script beside a hostile page) and the claim card, which
 * lives in an extension-origin frame so that nothing the reader types there reaches the page. Firefox gives an
 * extension frame inside a web page neither `tabs` nor the content script's messages, so both ends open a
 * port to the background, named for one pairing token, and the background relays between the two ports of
 * one tab that name the same token.
 *
 * The page interface says what the card shows (`CardView`); the card owns the reader's draft and saves it
 * itself, over the same port (`CardRequest`), and tells the page interface what the reader did (`FromCard`).
 * Saves go over the port rather than as one-off messages because a port's message leaves at once: a save made
 * just before the tab closes still arrives, and the background applies one port's requests in order.
 */
import type { ColorScheme } from './color-scheme';
import type { SuggestionReason } from './comments/suggest';
import type { Claim, ClaimStatus, Rebuttal, RebuttalStance } from './model';
import { CLAIM_STATUSES, REBUTTAL_STANCES } from './model';
import type { ClaimChanges, NewClaim, Result } from './protocol';

/** Every card port's name starts with this; the rest is the pairing token. */
export const CARD_PORT_PREFIX = 'counterpoint-card:';

/** The card page, relative to the extension's root; its URL fragment is the pairing token. */
export const CARD_PAGE = 'card.html';

const TOKEN = /^[0-9a-f]{32}$/;

/** A fresh pairing token: 128 random bits, from an API that plain-http pages have too. */
export function newCardToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The token a card port's name carries, or null when the name is not a card port's. */
export function cardTokenOf(portName: string): string | null {
  if (!portName.startsWith(CARD_PORT_PREFIX)) return null;
  const token = portName.slice(CARD_PORT_PREFIX.length);
  return TOKEN.test(token) ? token : null;
}

/** The window's edge the card is docked to; the reader chooses it in the card (issue 13). */
export type CardSide = 'left' | 'right';

/** `value` when it names a side, else null: it comes from another process, or from the extension's storage. */
export function parseCardSide(value: unknown): CardSide | null {
  return value === 'left' || value === 'right' ? value : null;
}

/** A comment of the page, as the card lists it for the reader to pick. */
export interface CommentChoice {
  id: string;
  author: string;
  posted?: string;
  firstLine: string;
}

/** A comment suggested as an answer to the claim, with why, the passage that answers and the stance proposed. */
export interface SuggestedComment extends CommentChoice {
  reasons: SuggestionReason[];
  /** The passage of the comment that answers the claim: what attaching it takes as the excerpt. */
  excerpt: string;
  /** The stance its passage likely takes, proposed to the reader, who confirms or changes it. */
  stance: RebuttalStance;
}

/** The longest excerpt the card may ask for: a passage is a few sentences, well under this. */
export const MAX_EXCERPT = 10_000;

/** Everything the card shows of one claim, as the page interface sees it. */
export interface CardView {
  claim: Claim;
  /**
   * The reader has just made this claim and the card is to store it, ahead of the note typed into it on the
   * same ordered channel: were the page interface to store it, a note typed before its answer would wait, and
   * die with a tab closed at once.
   */
  create: boolean;
  /** False when the claim's text could not be found on this page. */
  anchored: boolean;
  /**
   * The text the claim is placed on now, when it reads otherwise than the stored quote (a copy-edit) and the
   * reader has not kept the quote as marked against it; else null.
   */
  currentText: string | null;
  /** Put the cursor in the note at once, for a reader who just marked the claim. */
  focusNote: boolean;
  /** What the reader must know about the last action, if anything went wrong. */
  problem: string | null;
  /** Light or dark, as the page interface draws the overlay over this page (`core/color-scheme.ts`). */
  scheme: ColorScheme;
  rebuttals: Rebuttal[];
  /** Ids of rebuttals whose comment is not on the page as it is now. */
  orphanRebuttals: string[];
  /** The page's comments, to attach one as a rebuttal. */
  comments: CommentChoice[];
  /** Ids of the comments not attached to this claim yet: those the card may suggest. */
  unattached: string[];
}

/** A comment's whole text and its author's name, for the card to rank against its claim. */
export interface ThreadComment {
  id: string;
  text: string;
  author: string;
}

/** From the page interface to the card. */
export type ToCard =
  /** Show this claim. */
  | { type: 'show'; view: CardView }
  /**
   * The page's comments, whole, sent again only when the page interface reads them again, with the page's text
   * (for the names it gives in full). The card ranks the comments against its claim itself, so that the page's
   * own process carries neither the ranking's code nor its work.
   */
  | { type: 'thread'; comments: ThreadComment[]; pageText: string }
  /** The card was closed or its claim deleted: forget the claim and clear the draft. */
  | { type: 'hide' }
  /** The card is docked to this side: its dock button offers the other. */
  | { type: 'side'; side: CardSide }
  /**
   * The reader has selected text and may mark it: the next time the card frame gains focus without the
   * reader's own click or key in it, start a new, empty note there, so that the keys typed at once after
   * choosing a status land in the new claim's note.
   */
  | { type: 'arm' };

/** From the card to the page interface. */
export type FromCard =
  | { type: 'ready' }
  /** The card is armed: the page interface shows the toolbar only now, so no press can outrun the arming. */
  | { type: 'armed' }
  /**
   * The card has drawn this claim: a hidden frame is shown only now, so that neither the reader nor a test
   * sees, for a moment, what the card showed before (another claim, or an empty note).
   */
  | { type: 'shown'; claimId: string }
  /** The card's content is this tall, in CSS pixels; its frame follows. */
  | { type: 'size'; height: number }
  /** The reader chose a status; the card saves it, the page repaints at once. */
  | { type: 'status'; claimId: string; status: ClaimStatus }
  /** The background stored the claim the card was asked to create. */
  | { type: 'created'; claim: Claim }
  /** It refused to; the page takes the claim's highlight away and says why. */
  | { type: 'not-created'; claimId: string; message: string }
  /** The background stored the card's save of this claim. */
  | { type: 'saved'; claim: Claim }
  /** A save failed; the page shows why. */
  | { type: 'problem'; message: string }
  /** Attach a comment to the claim: its passage `excerpt` (text of the comment) when given, else all of it. */
  | { type: 'attach'; claimId: string; commentId: string; stance: RebuttalStance; excerpt?: string }
  | { type: 'show-rebuttal'; rebuttalId: string }
  /** The reader takes the passage as it reads now, after a copy-edit, as the claim's own. */
  | { type: 'accept-text'; claimId: string }
  /** The reader keeps the quote as marked against the passage as it reads now, on later visits too. */
  | { type: 'keep-text'; claimId: string }
  /** The reader will choose, with a selection, where a note not found on this page belongs now. */
  | { type: 'reattach'; claimId: string }
  | { type: 'remove-rebuttal'; rebuttalId: string }
  | { type: 'delete'; claimId: string }
  | { type: 'close' }
  /** The reader wants the card on this side of the window, for this card and the next ones. */
  | { type: 'dock'; side: CardSide }
  | { type: 'open-notes' };

/** What the card asks the background to store: the claim it shows, made or changed. */
export type CardStore =
  | { type: 'claim.create'; payload: { claim: NewClaim } }
  | { type: 'claim.update'; payload: { id: string; changes: ClaimChanges } };

/** A request over the card's port; the background answers each with a `CardAnswer` of the same number. */
export interface CardRequest {
  type: 'store';
  /** Numbers the card's requests, to match each answer; resent unchanged after a worker restart. */
  request: number;
  message: CardStore;
}

export interface CardAnswer {
  type: 'stored';
  request: number;
  result: Result<Claim>;
}

/** The card's request to the background, or null when the message is something else. */
export function parseCardRequest(message: unknown): CardRequest | null {
  const raw = message as Partial<CardRequest> | null;
  const kind = raw?.message?.type;
  if (raw?.type !== 'store' || typeof raw.request !== 'number') return null;
  if (kind !== 'claim.create' && kind !== 'claim.update') return null;
  // The payload itself is checked by the router, as every message is.
  return { type: 'store', request: raw.request, message: raw.message as CardStore };
}

/**
 * Check a message from the card, which is our own code but crosses a process: a malformed one is dropped.
 * Claims it carries were checked by the background before it answered with them.
 */
export function parseFromCard(message: unknown): FromCard | null {
  if (typeof message !== 'object' || message === null) return null;
  const raw = message as Record<string, unknown>;
  const isText = (value: unknown) => typeof value === 'string' && value.length <= 200;
  switch (raw.type) {
    case 'ready':
    case 'armed':
    case 'close':
    case 'open-notes':
      return { type: raw.type };
    case 'dock': {
      const side = parseCardSide(raw.side);
      return side ? { type: 'dock', side } : null;
    }
    case 'size':
      return typeof raw.height === 'number' && Number.isFinite(raw.height)
        ? { type: 'size', height: raw.height }
        : null;
    case 'status':
      return isText(raw.claimId) && CLAIM_STATUSES.includes(raw.status as ClaimStatus)
        ? { type: 'status', claimId: raw.claimId as string, status: raw.status as ClaimStatus }
        : null;
    case 'created':
    case 'saved':
      return typeof raw.claim === 'object' && raw.claim !== null
        ? { type: raw.type, claim: raw.claim as Claim }
        : null;
    case 'not-created':
      return isText(raw.claimId) && typeof raw.message === 'string'
        ? { type: 'not-created', claimId: raw.claimId as string, message: raw.message.slice(0, 500) }
        : null;
    case 'problem':
      return typeof raw.message === 'string' ? { type: 'problem', message: raw.message.slice(0, 500) } : null;
    case 'attach':
      return isText(raw.claimId) &&
        isText(raw.commentId) &&
        REBUTTAL_STANCES.includes(raw.stance as RebuttalStance)
        ? {
            type: 'attach',
            claimId: raw.claimId as string,
            commentId: raw.commentId as string,
            stance: raw.stance as RebuttalStance,
            ...(typeof raw.excerpt === 'string' &&
              raw.excerpt.length <= MAX_EXCERPT && { excerpt: raw.excerpt }),
          }
        : null;
    case 'show-rebuttal':
    case 'remove-rebuttal':
      return isText(raw.rebuttalId) ? { type: raw.type, rebuttalId: raw.rebuttalId as string } : null;
    case 'delete':
    case 'shown':
    case 'accept-text':
    case 'keep-text':
    case 'reattach':
      return isText(raw.claimId) ? { type: raw.type, claimId: raw.claimId as string } : null;
    default:
      return null;
  }
}

/** Check a message from the page interface; as `parseFromCard`, the other way. */
export function parseToCard(message: unknown): ToCard | null {
  if (typeof message !== 'object' || message === null) return null;
  const raw = message as Record<string, unknown>;
  if (raw.type === 'hide' || raw.type === 'arm') return { type: raw.type };
  if (raw.type === 'side') {
    const side = parseCardSide(raw.side);
    return side ? { type: 'side', side } : null;
  }
  if (raw.type === 'show' && typeof raw.view === 'object' && raw.view !== null) {
    return { type: 'show', view: raw.view as CardView };
  }
  if (raw.type === 'thread' && Array.isArray(raw.comments)) {
    const comments = (raw.comments as Partial<ThreadComment>[]).filter(
      (comment): comment is ThreadComment =>
        typeof comment?.id === 'string' &&
        typeof comment.text === 'string' &&
        typeof comment.author === 'string',
    );
    return { type: 'thread', comments, pageText: typeof raw.pageText === 'string' ? raw.pageText : '' };
  }
  return null;
}
