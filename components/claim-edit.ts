/** A claim's note and tags as a reader edits them in a row of the popup or the notes page (issue 13). */
import type { Claim } from '../core/model';
import type { ClaimChanges } from '../core/protocol';
import { parseTags } from './ClaimCard';

/** What the reader has typed: the note, and the tags as one line separated by commas, as the card takes them. */
export interface ClaimDraft {
  note: string;
  tags: string;
}

/** The draft a row's editor opens with: the claim as stored. */
export function draftOf(claim: Claim): ClaimDraft {
  return { note: claim.note, tags: claim.tags.join(', ') };
}

/**
 * What saving `draft` changes of `claim`: only the fields that differ, so that a save with nothing changed
 * asks the background for nothing and leaves the claim's `modified` time (and its place in the list) alone.
 */
export function draftChanges(claim: Claim, draft: ClaimDraft): ClaimChanges {
  const changes: ClaimChanges = {};
  if (draft.note !== claim.note) changes.note = draft.note;
  const tags = parseTags(draft.tags);
  if (tags.length !== claim.tags.length || tags.some((tag, i) => tag !== claim.tags[i])) changes.tags = tags;
  return changes;
}

/** The claims with `updated` in place of its stored copy; the same list if it is not among them. */
export function withUpdated(claims: readonly Claim[], updated: Claim): Claim[] {
  return claims.map((claim) => (claim.id === updated.id ? updated : claim));
}
