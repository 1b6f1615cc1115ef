/**
 * The reader's data as it is stored and as it crosses every boundary (messages, bundles).
 * Selectors follow the W3C Web Annotation model so that a stored target can be exported as it is.
 */

/** W3C TextQuoteSelector: the quoted text with about 32 characters of context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: character offsets into the text view that the anchoring engine builds. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * Where a quote was among the text nodes of the page it was described on, and the raw node text around it. Not a
 * W3C selector: it never leaves the reader's library (bundles carry only the two selectors above), and it lets a
 * page that has not changed since place its notes without building the text view (see `core/anchoring`).
 */
export interface NodeHint {
  /** The text node the quote starts in, counted among all text nodes under the root in document order. */
  node: number;
  offset: number;
  /** How many characters of node text the quote spans, whitespace and text hidden from the view included. */
  length: number;
  /**
   * Where the quote's node text differs from the quote (whitespace, or text the view leaves out), its digest
   * (`textDigest` in `core/anchoring/node-hint.ts`); hints stored before kept the text itself instead.
   */
  digest?: number;
  text?: string;
  /** Node text just before and just after the quote, as it was. */
  before: string;
  after: string;
}

/** Where a note sits in a page: the quote is authoritative, the position and the hint are fast paths to it. */
export interface TextTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
  hint?: NodeHint;
}

export const CLAIM_STATUSES = ['contested', 'supported', 'needs-source', 'highlight'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** An annotation on article text. */
export interface Claim {
  /** A `urn:uuid:` value, stable across exports and imports. */
  id: string;
  /** What identifies the article: see `pageKeyFor` in `core/page-key.ts`. */
  pageKey: string;
  /** The URL as the reader saw it, without its fragment. */
  url: string;
  title: string;
  target: TextTarget;
  status: ClaimStatus;
  /** Plain text, never HTML. */
  note: string;
  tags: string[];
  /** ISO 8601 UTC timestamps. */
  created: string;
  modified: string;
}

export const PLACEMENT_OUTCOMES = ['as-marked', 'changed', 'not-found'] as const;
/** How a visit placed a claim: on its quote as stored, on text a copy-edit changed, or nowhere. */
export type PlacementOutcome = (typeof PLACEMENT_OUTCOMES)[number];

/** What a page found of one claim when it placed its notes. */
export interface PlacementReport {
  claimId: string;
  outcome: PlacementOutcome;
  /** The text the claim is placed on now, for a `changed` outcome only. */
  text?: string;
}

/**
 * How the last visit to its page placed a claim, kept in the reader's library so that lists can say which
 * notes to look at again. Bundles do not carry it: it describes this reader's copy of the page.
 */
export interface Placement extends PlacementReport {
  /** When a visit found this outcome; later visits that find the same write nothing, so it is the first of them. */
  seen: string;
  /** The reader kept the stored quote against this `text`: the card does not offer the change again. */
  kept?: true;
}

export const REBUTTAL_STANCES = ['rebuts', 'supports', 'context'] as const;
export type RebuttalStance = (typeof REBUTTAL_STANCES)[number];

/** The comment a rebuttal was taken from, as the comment-section extractor identified it. */
export interface CommentRef {
  author: string;
  /** Permalink URL, or the comment's id in the page when it has no permalink. */
  permalink: string;
  /** ISO 8601 when the page states when the comment was posted. */
  posted?: string;
  /**
   * The origin of the comment widget whose cross-origin frame shows the comment (`https://disqus.com`, or the
   * site serving a self-hosted widget; see `core/widget-frames.ts`); absent for a comment in the page itself.
   */
  frame?: string;
}

/** A comment, or an excerpt of one, linked to the claim it answers. */
export interface Rebuttal {
  id: string;
  claimId: string;
  comment: CommentRef;
  /** The excerpt, quoted within its comment; the whole comment's text when the reader attached all of it. */
  target: TextTarget;
  stance: RebuttalStance;
  note: string;
  created: string;
  modified: string;
}

/** A deleted record, kept so that the deletion can travel in a bundle. */
export interface Tombstone {
  id: string;
  kind: 'claim' | 'rebuttal';
  pageKey: string;
  deleted: string;
}
