/**
 * The lists of the popup and the notes page as rows: sorted, grouped under their pages, counted, and each claim's
 * rebuttals found by id. Pure, and linear in the claims (sorting aside), so that a library of 10,000 claims is
 * laid out again within a keystroke.
 */
import type { Claim, ClaimStatus, Rebuttal } from '../core/model';
import { CLAIM_STATUSES } from '../core/model';

export const SORT_ORDERS = ['newest', 'oldest', 'page', 'status'] as const;
/** Newest or oldest change first, by page title then place in the page, or by status then newest. */
export type SortOrder = (typeof SORT_ORDERS)[number];

export const SORT_LABELS: Record<SortOrder, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  page: 'By page',
  status: 'By status',
};

/** One row of a list: the heading of a page's claims, or a claim. */
export type LibraryRow =
  | { kind: 'page'; key: string; pageKey: string; title: string; url: string; claims: number }
  | { kind: 'claim'; key: string; claim: Claim };

/** Each claim's rebuttals, in the order given, by claim id. */
export function rebuttalsByClaim(rebuttals: readonly Rebuttal[]): Map<string, Rebuttal[]> {
  const byClaim = new Map<string, Rebuttal[]>();
  for (const rebuttal of rebuttals) {
    const list = byClaim.get(rebuttal.claimId);
    if (list) list.push(rebuttal);
    else byClaim.set(rebuttal.claimId, [rebuttal]);
  }
  return byClaim;
}

const byText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a claim sits in its page: its stored position, else its place in the order it was made. */
function placeInPage(a: Claim, b: Claim): number {
  const start = (claim: Claim) => claim.target.position?.start ?? Number.MAX_SAFE_INTEGER;
  return start(a) - start(b) || compare(a.created, b.created);
}

/** `claims` in `order`; a new array, the given one untouched. Claims given newest first stay so on ties. */
export function sortClaims(claims: readonly Claim[], order: SortOrder): Claim[] {
  const sorted = [...claims];
  const newest = (a: Claim, b: Claim) => compare(b.modified, a.modified);
  switch (order) {
    case 'newest':
      return sorted.sort(newest);
    case 'oldest':
      return sorted.sort((a, b) => compare(a.modified, b.modified));
    case 'status': {
      const rank = new Map<ClaimStatus, number>(CLAIM_STATUSES.map((status, i) => [status, i]));
      return sorted.sort((a, b) => (rank.get(a.status) ?? 0) - (rank.get(b.status) ?? 0) || newest(a, b));
    }
    case 'page':
      return sorted.sort(
        (a, b) =>
          byText(a.title || a.pageKey, b.title || b.pageKey) ||
          compare(a.pageKey, b.pageKey) ||
          placeInPage(a, b),
      );
  }
}

/**
 * The rows of a list of `claims` in their order: flat, or under a heading for each page, pages in the order
 * of their first claim, each page's claims together.
 */
export function libraryRows(claims: readonly Claim[], grouped: boolean): LibraryRow[] {
  if (!grouped) return claims.map((claim) => ({ kind: 'claim', key: claim.id, claim }));
  const pages = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = pages.get(claim.pageKey);
    if (list) list.push(claim);
    else pages.set(claim.pageKey, [claim]);
  }
  const rows: LibraryRow[] = [];
  for (const [pageKey, pageClaims] of pages) {
    const [first] = pageClaims;
    if (!first) continue;
    rows.push({
      kind: 'page',
      key: `page ${pageKey}`,
      pageKey,
      title: first.title || pageKey,
      url: first.url || pageKey,
      claims: pageClaims.length,
    });
    for (const claim of pageClaims) rows.push({ kind: 'claim', key: claim.id, claim });
  }
  return rows;
}

/** How many claims, on how many pages, and how many of each status. */
export interface ClaimCounts {
  claims: number;
  pages: number;
  byStatus: Record<ClaimStatus, number>;
}

export function countClaims(claims: readonly Claim[]): ClaimCounts {
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<
    ClaimStatus,
    number
  >;
  const pages = new Set<string>();
  for (const claim of claims) {
    byStatus[claim.status]++;
    pages.add(claim.pageKey);
  }
  return { claims: claims.length, pages: pages.size, byStatus };
}
