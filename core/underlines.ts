/**
 * How each kind of note is underlined, on the page and wherever its status is named (the hover tip, the card):
 * each has its own line style, so that statuses are told apart without their colours (issue 13).
 * Chromium paints these lines under `::highlight()`; Firefox ESR 140 paints only a highlight's colours and
 * ignores its `text-decoration`, so there the name under its line in the tip and the card is what tells them apart.
 */
import type { ClaimStatus } from './model';

export type HighlightStyle = ClaimStatus | 'rebuttal';

export const UNDERLINES: Record<HighlightStyle, string> = {
  contested: 'underline wavy 2px rgb(220 38 38)',
  supported: 'underline double 3px rgb(22 163 74)',
  'needs-source': 'underline dotted 2px rgb(217 119 6)',
  highlight: 'underline solid 2px rgb(202 138 4)',
  rebuttal: 'underline dashed 2px rgb(37 99 235)',
};
