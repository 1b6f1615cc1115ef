/**
 * What the reader sees for each status and stance, in one place for the overlay, the popup, the card and the
 * Markdown export.
 */
import type { ClaimStatus, RebuttalStance } from './model';

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  contested: 'Contested',
  supported: 'Supported',
  'needs-source': 'Needs source',
  highlight: 'Highlight',
};

export const STANCE_LABELS: Record<RebuttalStance, string> = {
  rebuts: 'Rebuts',
  supports: 'Supports',
  context: 'Context',
};

/** A stance as a verb, for the stance proposed with a suggestion: "Seems to rebut it". */
export const STANCE_VERBS: Record<RebuttalStance, string> = {
  rebuts: 'rebut',
  supports: 'support',
  context: 'add context to',
};

/** Why a comment is suggested as an answer to a claim, in the card's words. */
export const REASON_LABELS = {
  'quotes-claim': 'quotes this claim',
  disputes: 'disputes it',
  agrees: 'agrees with it',
  'sides-with': 'sides with a commenter who quotes it',
  'shared-words': 'shares its rare words',
} as const;

/** When something happened, as a reader would say it: "5 Mar 2026, 14:03". */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
