/**
 * Where a passage of an old version of a document is in the new version, found from a word-level diff of the two
 * texts and never from an engine under test: the truth the drift set judges placements against (issue 11).
 */
import DiffMatchPatch from 'diff-match-patch';
import type { Span } from './sampling';
import { locateUnique, PIECE_LENGTH } from './truth';
import type { Truth } from './truth';

/**
 * A passage this share of whose words the diff kept is still there, on the span of its kept words, as long as
 * they make up this share of that span too: a passage split by a long insertion is not judged.
 */
const KEPT_SHARE = 0.6;
/** Below this share, with no `PIECE_LENGTH` characters of it left anywhere either, a passage is gone. */
const GONE_SHARE = 0.2;

/**
 * - `kept`: the diff kept enough of its words; the truth is the span from the first kept word to the last,
 *   with the words that replaced its edge words;
 * - `moved`: its exact text is elsewhere, once;
 * - `gone`: rewritten or removed: an engine should orphan it;
 * - `unknown`: between the two; not judged.
 */
export type Found = 'kept' | 'moved' | 'gone' | 'unknown';

export interface DriftTruth {
  truth: Truth;
  found: Found;
  /** Share of the passage's words that the diff kept. */
  kept: number;
  /** Words of the passage the new text dropped or replaced, plus words it put inside the passage; 0 if unchanged. */
  changedWords: number;
}

interface Words {
  spans: Span[];
  words: string[];
}

function wordsOf(text: string): Words {
  const spans: Span[] = [];
  const words: string[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    words.push(match[0]);
  }
  return { spans, words };
}

/**
 * For each word of `before`, the index of the word of `after` that the diff keeps it as, or -1. Words are
 * diffed as single characters, the way diff-match-patch diffs lines, so that no edit splits a word.
 */
export function keptWords(before: readonly string[], after: readonly string[]): Int32Array {
  const codes = new Map<string, number>();
  const encode = (words: readonly string[]): string => {
    let out = '';
    for (const word of words) {
      let code = codes.get(word);
      if (code === undefined) {
        code = codes.size;
        if (code > 0xffff)
          throw new Error('More than 65,536 distinct words: too many to diff one per character.');
        codes.set(word, code);
      }
      out += String.fromCharCode(code);
    }
    return out;
  };
  const dmp = new DiffMatchPatch();
  // No time limit: with one, a slower machine would stop earlier and find another truth.
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(encode(before), encode(after), false);
  // Drops the short equalities that two unrelated sentences share ("the", "of"), so rewritten text is not kept.
  dmp.diff_cleanupSemantic(diffs);
  const map = new Int32Array(before.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const [op, chars] of diffs) {
    if (op === 0) for (let k = 0; k < chars.length; k++) map[i++] = j++;
    else if (op < 0) i += chars.length;
    else j += chars.length;
  }
  return map;
}

/** Whether any `PIECE_LENGTH` characters of `quote`, at any offset, are among the new text's `pieces`. */
function pieceLeft(pieces: ReadonlySet<string>, quote: string): boolean {
  for (let at = 0; at + PIECE_LENGTH <= quote.length; at++) {
    if (pieces.has(quote.slice(at, at + PIECE_LENGTH))) return true;
  }
  return false;
}

/**
 * How many of the words next to new word `at`, going `step`, stand where a passage's `lost` edge words were: new
 * words the diff kept from nowhere, in the same block. Those replaced the lost ones, so the passage holds them.
 */
function replacements(
  now: Words,
  after: string,
  taken: Uint8Array,
  at: number,
  step: 1 | -1,
  lost: number,
): number {
  let count = 0;
  for (let next = at + step; count < lost && taken[next] === 0; next += step) {
    const [a, b] = step > 0 ? [now.spans[next - 1], now.spans[next]] : [now.spans[next], now.spans[next + 1]];
    if (!a || !b || after.slice(a.end, b.start).includes('\n')) break;
    count++;
  }
  return count;
}

/**
 * Where each of `passages` (spans of `before`) is in `after`. Both texts are the bench's view of a page, where
 * `\n` separates blocks; a passage found whole elsewhere may cross a block boundary of the new page.
 */
export function driftTruth(before: string, after: string, passages: readonly Span[]): DriftTruth[] {
  const old = wordsOf(before);
  const now = wordsOf(after);
  const map = keptWords(old.words, now.words);
  const taken = new Uint8Array(now.words.length);
  for (const j of map) if (j >= 0) taken[j] = 1;
  const flat = after.replace(/\n/g, ' ');
  const pieces = new Set<string>();
  for (let at = 0; at + PIECE_LENGTH <= flat.length; at++) pieces.add(flat.slice(at, at + PIECE_LENGTH));
  return passages.map((passage): DriftTruth => {
    const inside: number[] = [];
    old.spans.forEach((word, i) => {
      if (word.start < passage.end && word.end > passage.start) inside.push(i);
    });
    const kept = inside.filter((i) => (map[i] ?? -1) >= 0);
    const share = inside.length === 0 ? 0 : kept.length / inside.length;
    let changedWords = inside.length - kept.length;
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (share >= KEPT_SHARE && first !== undefined && last !== undefined) {
      const keptFrom = map[first] ?? -1;
      const keptTo = map[last] ?? -1;
      const from = keptFrom - replacements(now, after, taken, keptFrom, -1, inside.indexOf(first));
      const to =
        keptTo + replacements(now, after, taken, keptTo, 1, inside.length - 1 - inside.indexOf(last));
      const words = to - from + 1;
      changedWords += words - kept.length;
      const oldFirst = old.spans[first];
      const oldLast = old.spans[last];
      const newFirst = now.spans[from];
      const newLast = now.spans[to];
      if (kept.length / words >= KEPT_SHARE && oldFirst && oldLast && newFirst && newLast) {
        // A kept word reads the same in both texts, so a passage that starts or ends inside one keeps its offset.
        const start = newFirst.start + (from === keptFrom ? Math.max(0, passage.start - oldFirst.start) : 0);
        const end = newLast.end - (to === keptTo ? Math.max(0, oldLast.end - passage.end) : 0);
        return {
          truth: { start, end },
          found: 'kept',
          kept: share,
          changedWords,
        };
      }
    }
    const quote = before.slice(passage.start, passage.end);
    const located = locateUnique(flat, quote);
    if (located !== null && located !== 'unknown') {
      return { truth: located, found: 'moved', kept: share, changedWords: 0 };
    }
    const gone = located === null && share < GONE_SHARE && !pieceLeft(pieces, quote);
    return { truth: gone ? null : 'unknown', found: gone ? 'gone' : 'unknown', kept: share, changedWords };
  });
}
