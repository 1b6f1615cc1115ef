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

const NON_ASCII = /\P{ASCII}/u;

/** Lower-cased, accents and runs of whitespace folded, so "cafe" finds "Café". Plain ASCII has no accents. */
function fold(text: string): string {
  const bare = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return bare.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Each claim's searchable text, folded once and kept, so that a keystroke only compares: its quote, note, title
 * and tags, and its rebuttals' authors, excerpts and notes. Rebuttals are added as they arrive, before or with
 * their claim's first search.
 */
export class SearchIndex {
  private readonly answers = new Map<string, string[]>();
  private readonly texts = new WeakMap<Claim, string>();

  constructor(rebuttals: readonly Rebuttal[] = []) {
    this.add(rebuttals);
  }

  add(rebuttals: readonly Rebuttal[]): void {
    for (const rebuttal of rebuttals) {
      const texts = this.answers.get(rebuttal.claimId) ?? [];
      if (texts.length === 0) this.answers.set(rebuttal.claimId, texts);
      texts.push(rebuttal.comment.author, rebuttal.target.quote.exact, rebuttal.note);
    }
  }

  textOf(claim: Claim): string {
    let text = this.texts.get(claim);
    if (text === undefined) {
      text = fold(
        [
          claim.target.quote.exact,
          claim.note,
          claim.title,
          ...claim.tags,
          ...(this.answers.get(claim.id) ?? []),
        ].join('\n'),
      );
      // The first search through a string made by replacing pays to lay it out flat (in V8, about 10 times a
      // later search): paid here, when the text is folded, rather than by the reader's first keystroke.
      text.includes('\u0000');
      this.texts.set(claim, text);
    }
    return text;
  }

  /** Fold the texts of `claims` ahead of a search. */
  prepare(claims: readonly Claim[]): void {
    for (const claim of claims) this.textOf(claim);
  }
}

/**
 * The claims that pass `filter`, in the order given. Every word of the search must appear somewhere; the
 * rebuttals searched are those of `index` (or of a list, indexed for this call).
 */
export function filterClaims(
  claims: readonly Claim[],
  index: SearchIndex | readonly Rebuttal[],
  filter: NoteFilter,
): Claim[] {
  const words = fold(filter.search).split(' ').filter(Boolean);
  const texts = index instanceof SearchIndex ? index : new SearchIndex(index);
  return claims.filter((claim) => {
    if (filter.status !== null && claim.status !== filter.status) return false;
    if (filter.tag !== null && !claim.tags.includes(filter.tag)) return false;
    if (words.length === 0) return true;
    const haystack = texts.textOf(claim);
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag used by these claims, sorted as a reader would look for them. */
export function tagsOf(claims: readonly Claim[]): string[] {
  return [...new Set(claims.flatMap((claim) => claim.tags))].sort((a, b) => a.localeCompare(b));
}
