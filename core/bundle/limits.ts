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

/** How many problems are reported before the rest are summarised, so that a hostile file cannot flood the output. */
export const MAX_REPORTED_ISSUES = 200;
