/** Which claims the lists mark for the reader to look at again, and why (issue 11). */
import type { Placement } from '../core/model';

/** A claim that a visit to its page did not find as the reader marked it. */
export interface PlacementMark {
  outcome: 'changed' | 'not-found';
  /** When the visit that found it so was; null for the page open in the tab now. */
  seen: string | null;
}

/** What the tab showing a page finds of its claims now; a change the reader kept is not among `changed`. */
export interface LiveVisit {
  orphans: readonly string[];
  changed: readonly string[];
}

/**
 * The marks of the listed claims: from the tab when it shows their page, since that visit is the latest, else
 * from the last visit the library holds, where a change the reader kept as marked is no longer marked.
 */
export function placementMarks(
  placements: readonly Placement[],
  live: LiveVisit | null,
): Map<string, PlacementMark> {
  const marks = new Map<string, PlacementMark>();
  if (live) {
    for (const id of live.orphans) marks.set(id, { outcome: 'not-found', seen: null });
    for (const id of live.changed) marks.set(id, { outcome: 'changed', seen: null });
    return marks;
  }
  for (const { claimId, outcome, kept, seen } of placements) {
    if (outcome === 'not-found' || (outcome === 'changed' && !kept)) marks.set(claimId, { outcome, seen });
  }
  return marks;
}
