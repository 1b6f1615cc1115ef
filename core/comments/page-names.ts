/**
 * Names a page gives in full ("Ken Livingstone", "Tower Hamlets"), so that suggestions know a claim about
 * "Livingstone" is answered by a comment about "Ken": an article introduces a person by full name and then says
 * either part, and commenters use whichever they like.
 *
 * A name is two capitalised words in a row, neither written in lower case on the page as often as capitalised
 * within a sentence: "Labour Party" is not a name, since "party" is mostly written so, while a commenter's one
 * lower-case "lutfur" does not unmake "Lutfur Rahman". Longer runs are mostly a name beside another ("Tower
 * Hamlets Labour"), so only pairs count.
 */

/** Two capitalised words in a row, separated by a single space. */
const FULL_NAME = /\p{Lu}[\p{Ll}'’]+ \p{Lu}[\p{Ll}'’]+/gu;
const WORD = /\p{L}[\p{L}'’]*/gu;
/** What comes before a sentence's first word: nothing, or a stop and spaces, maybe an opening quotation mark. */
const SENTENCE_START = /(?:^|[.!?:]\s+["“‘(]?|\n\s*)$/;
/** Parts shorter than this are initials or titles ("Mr", "St"), which join unrelated names. */
const MIN_PART = 3;

/** The names written in full in `text`, each as its two parts in lower case, without repeats. */
export function fullNamesIn(text: string): string[][] {
  const capitalised = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const norm = word.toLowerCase();
    // Every word is capitalised at a sentence's start, which says nothing of names.
    if (word !== norm && SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
    const tally = word === norm ? lower : capitalised;
    tally.set(norm, (tally.get(norm) ?? 0) + 1);
  }
  const isNamePart = (part: string): boolean =>
    part.length >= MIN_PART && (capitalised.get(part) ?? 0) > (lower.get(part) ?? 0);
  const names = new Map<string, string[]>();
  for (const run of text.match(FULL_NAME) ?? []) {
    const parts = run.toLowerCase().split(' ');
    if (parts.every(isNamePart)) names.set(parts.join(' '), parts);
  }
  return [...names.values()];
}
