/**
 * Word-level differences between a note's stored quote and the text it is
 * placed on now, for the card to mark. Pure, so the card frame can run it
 * and page-ui never loads it (issue 11).
 */

/** Whether a run of words is in both texts, only the stored quote, or only the current text. */
export type ChangeKind = 'kept' | 'removed' | 'added';

/** One run of words sharing a kind, joined by single spaces. */
export interface QuoteChange {
  kind: ChangeKind;
  text: string;
}

/** Beyond this many words a side, the LCS table grows too big; show a whole replacement. */
const MAX_WORDS = 400;

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

function push(changes: QuoteChange[], kind: ChangeKind, word: string): void {
  const last = changes[changes.length - 1];
  if (last?.kind === kind) last.text += ` ${word}`;
  else changes.push({ kind, text: word });
}

/** Segments in reading order: kept words, words only in `stored`, words only in `current`. */
export function quoteChanges(stored: string, current: string): QuoteChange[] {
  const a = words(stored);
  const b = words(current);
  const changes: QuoteChange[] = [];
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    for (const word of a) push(changes, 'removed', word);
    for (const word of b) push(changes, 'added', word);
    return changes;
  }
  // Longest common run of a[i..] and b[j..], in a flat table read through `common`.
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  const common = (i: number, j: number): number => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
    }
  }
  let i = 0;
  let j = 0;
  for (;;) {
    const removed = a[i];
    const added = b[j];
    if (removed === undefined && added === undefined) return changes;
    if (removed !== undefined && removed === added) {
      push(changes, 'kept', removed);
      i++;
      j++;
    } else if (removed !== undefined && (added === undefined || common(i + 1, j) >= common(i, j + 1))) {
      push(changes, 'removed', removed);
      i++;
    } else if (added !== undefined) {
      push(changes, 'added', added);
      j++;
    }
  }
}
