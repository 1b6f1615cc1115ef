/** The popup's search and filters over the listed claims: pure, so the list and the export agree on them. */
import type { Claim, ClaimStatus, Rebuttal } from '../core/model';

export interface NoteFilter {
  /** Words to find in a claim's quote, note, tags, page title, or its rebuttals' authors, excerpts and notes. */
  search: string;
  /** Null for any status. */
  status: ClaimStatus | null;
  /** Null for any tag. */
  tag: string | null;
}

export const NO_FILTER: NoteFilter = { search: '', status: null, tag: null };

export function isFiltering(filter: NoteFilter): boolean {
  return filter.search.trim() !== '' || filter.status !== null || filter.tag !== null;
}

/** Lower-cased, accents and runs of whitespace folded, so "cafe" finds "Café". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

/** The claims that pass `filter`, in the order given. Every word of the search must appear somewhere. */
export function filterClaims(
  claims: readonly Claim[],
  rebuttals: readonly Rebuttal[],
  filter: NoteFilter,
): Claim[] {
  const words = fold(filter.search).split(' ').filter(Boolean);
  const answers = new Map<string, string[]>();
  if (words.length > 0) {
    for (const rebuttal of rebuttals) {
      const texts = answers.get(rebuttal.claimId) ?? [];
      texts.push(rebuttal.comment.author, rebuttal.target.quote.exact, rebuttal.note);
      answers.set(rebuttal.claimId, texts);
    }
  }
  return claims.filter((claim) => {
    if (filter.status !== null && claim.status !== filter.status) return false;
    if (filter.tag !== null && !claim.tags.includes(filter.tag)) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [
        claim.target.quote.exact,
        claim.note,
        claim.title,
        ...claim.tags,
        ...(answers.get(claim.id) ?? []),
      ].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag used by these claims, sorted as a reader would look for them. */
export function tagsOf(claims: readonly Claim[]): string[] {
  return [...new Set(claims.flatMap((claim) => claim.tags))].sort((a, b) => a.localeCompare(b));
}
