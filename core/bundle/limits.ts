/**
 * Caps on untrusted bundle input, checked before anything is parsed further or written.
 * They sit far above what a real library holds and far below what would freeze the popup.
 */

/**
 * Largest file accepted, in bytes (UTF-8). 10,000 claims with 5,000 rebuttals and notes of a few sentences
 * export to about 16 MB.
 */
export const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

/** Most records (claims, rebuttals, tombstones, or foreign annotations) one file may hold; about what fits in the byte cap. */
export const MAX_BUNDLE_RECORDS = 30_000;

/** Deepest nesting of arrays and objects; our own bundles need 7 levels, W3C refinement chains a few more. */
export const MAX_JSON_DEPTH = 32;

/**
 * Per-field caps. They match the limits the message protocol puts on a claim (`LIMITS` in `core/protocol.ts`),
 * so that an imported record is one the extension could also have created.
 */
export const FIELD_LIMITS = {
  /** Notes, in UTF-16 code units. */
  note: 20_000,
  /** The quoted passage. */
  quote: 50_000,
  /** Prefix and suffix context around a quote. */
  context: 200,
  url: 4_096,
  title: 1_000,
  tags: 50,
  tag: 100,
  author: 200,
  /** A comment id used in place of a permalink. */
  commentId: 500,
} as const;

/** How many problems are reported before the rest are summarised, so that a hostile file cannot flood the output. */
export const MAX_REPORTED_ISSUES = 200;
