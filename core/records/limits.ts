/**
 * The one set of per-field limits on a record, whichever way it arrives: a message from a page, or a file being
 * imported. A record the extension stores is therefore always one that its own import accepts.
 */
export const FIELD_LIMITS = {
  /** Notes, in UTF-16 code units. */
  note: 20_000,
  /** The quoted passage. */
  quote: 50_000,
  /** Prefix and suffix context around a quote. */
  context: 200,
  url: 4_096,
  /** A page's title; longer titles are cut where they enter, never refused. */
  title: 1_000,
  tags: 50,
  tag: 100,
  /** A commenter's name; cut where it enters, like a title. */
  author: 200,
  /** A comment id used in place of a permalink. */
  commentId: 500,
  /** The raw node text a node hint keeps: at most a quote with its whitespace and hidden text. */
  hintText: 2 * 50_000 + 200,
} as const;
