/**
 * The comment-section core, pure over the DOM and strings (no `browser.*`):
 * - {@link extractComments} finds the comments on a page or in a subtree, and {@link findCommentSections} names
 *   the elements to watch for comments that load late;
 * - {@link suggestRebuttals} ranks the comments that most likely answer a claim, with reasons;
 * - {@link commentRefOf} turns an extracted comment into the `CommentRef` a rebuttal stores, and
 *   {@link findCommentByRef} finds that comment again; {@link commentAt} names the comment a selection is in;
 *   {@link wholeCommentTarget} and {@link passageTarget} describe a comment, or a passage of it, as a rebuttal's target.
 * See README.md beside this file for the markups covered and how to re-run extraction.
 */

// Scripts that run in pages import the modules themselves: this index also loads `suggest.ts`, whose word tables
// only the card needs, and a bundler keeps them wherever the index is imported.
export type { CommentMarkupName, ExtractedComment } from './extract';
export { extractComments, findCommentSections } from './extract';
export type { Suggestion, SuggestionReason } from './suggest';
export { readComments, suggestRebuttals } from './suggest';
export { commentRefOf } from './comment-ref';
export { commentAt, findCommentByRef } from './comment-lookup';
export { passageTarget, wholeCommentTarget } from './comment-target';
