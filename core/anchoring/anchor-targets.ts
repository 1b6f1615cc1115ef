import type { TextTarget } from '../model';
import { foldString, originalEnd } from './folded-text';
import { alignNear, editDistance, fewestEditsWithin } from './fuzzy-match';
import type { Occurrences } from './occurrences';
import { normalizeText } from './text-index';
import type { TextIndex } from './text-index';

/** Where a target landed: a Range with a score, or orphaned with the best score seen. */
export type AnchorResult =
  { kind: 'anchored'; range: Range; score: number } | { kind: 'orphaned'; score: number };

/** Where a target sits in the text view: [start, end) with a score, or start -1 when orphaned. */
export interface TextPlacement {
  start: number;
  end: number;
  score: number;
}

/**
 * Below this similarity of prefix + quote + suffix to the page, a fit is not trusted. Tuned so that a word or two
 * edited in a short phrase still fits, while the same phrase elsewhere, with other context, does not.
 */
const MIN_SIMILARITY = 0.8;
/** The quote itself must still be mostly there, however good the context. */
const MIN_QUOTE_SIMILARITY = 0.6;
/** A fit this good where the position and the targets around it predict is taken without looking elsewhere. */
const PREDICTED_SIMILARITY = 0.9;
/**
 * The exact quote where the position predicts may have more of its context edited than MIN_SIMILARITY allows
 * (neighbouring passages were edited too), when no other place on the page comes within LONE_MARGIN of it.
 */
const MIN_LONE_SIMILARITY = 0.65;
const LONE_MARGIN = 0.2;
/** The best fit must beat any other place by this much, or the target is ambiguous. */
const MARGIN = 0.05;
/** An edited copy apart that keeps this much more of the quote itself than the best fit makes it ambiguous. */
const QUOTE_RIVAL_MARGIN = 0.1;
/** Pieces of the quote searched exactly to find where a fuzzy fit may be; pigeonhole for a few edited words. */
const PIECES = 6;
const MIN_PIECE = 8;
/** A piece found more often than this says nothing about where the quote is. */
const MAX_PIECE_HITS = 16;
const MAX_CANDIDATES = 24;

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored start, when there is one. */
  start: number | undefined;
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

/** Characters of stored context that agree, counted outwards from the quote's edges. */
function contextChars(text: string, start: number, end: number, quote: Quote): number {
  const { prefix, suffix } = quote;
  let pre = 0;
  while (
    pre < prefix.length &&
    pre < start &&
    prefix.charCodeAt(prefix.length - 1 - pre) === text.charCodeAt(start - 1 - pre)
  ) {
    pre++;
  }
  let suf = 0;
  while (suf < suffix.length && suffix.charCodeAt(suf) === text.charCodeAt(end + suf)) suf++;
  return pre + suf;
}

/** Similarity in [0, 1] of prefix + quote + suffix to the view around [start, end), given the quote's edits. */
function similarity(text: string, start: number, end: number, distance: number, quote: Quote): number {
  const { prefix, suffix, exact } = quote;
  const before =
    prefix === '' ? 0 : editDistance(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const after = suffix === '' ? 0 : editDistance(suffix, text.slice(end, end + suffix.length));
  return 1 - (before + distance + after) / (prefix.length + exact.length + suffix.length);
}

/** Learnt shifts between stored and found positions, so that later targets look where their neighbours moved. */
class Shifts {
  private stored: number[] = [];
  private shift: number[] = [];

  /** Where `stored` sits among the placed targets' stored positions (the first not before it). */
  private slot(stored: number): number {
    let lo = 0;
    let hi = this.stored.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.stored[mid] ?? 0) < stored) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(stored: number, found: number): void {
    const lo = this.slot(stored);
    this.stored.splice(lo, 0, stored);
    this.shift.splice(lo, 0, found - stored);
  }

  /** The shifts of the nearest placed targets before and after `stored`, most likely first. */
  around(stored: number): number[] {
    const lo = this.slot(stored);
    const shifts: number[] = [];
    for (const i of [lo - 1, lo, lo - 2, lo + 1]) {
      const shift = this.shift[i];
      if (shift !== undefined && shift !== 0 && !shifts.includes(shift)) shifts.push(shift);
    }
    return shifts;
  }
}

interface Fit {
  start: number;
  end: number;
  distance: number;
  similarity: number;
}

function orphan(score: number): TextPlacement {
  return { start: -1, end: -1, score };
}

/** Context characters aligned together with the quote, so that they pin down where its edges are. */
const EDGE_CONTEXT = 12;

/** How far a fit may start from where it was expected: near a neighbour-predicted place, and near a seed. */
const PREDICTED_SLACK = 16;
const MAX_SLACK = 48;
const EXACT_DISTANCE_UP_TO = 64;

/**
 * The least a fit must be able to reach for it to count: a similarity, and whether a fit that keeps enough of the
 * quote (QUOTE_LED_SIMILARITY) counts too. Below both, no rule of `place` takes the fit, nor is it a rival to one it
 * takes, so it need not be aligned.
 */
interface Floor {
  similarity: number;
  quoteLed: boolean;
}

/**
 * Whether `fitNear` may find a fit reaching `floor`, at a small part of the alignment's cost: from the fewest edits
 * that the quote needs anywhere it may be put, and its prefix and suffix anywhere next to that.
 */
function mayReach(text: string, quote: Quote, expected: number, slack: number, floor: Floor): boolean {
  const { exact, prefix, suffix } = quote;
  const m = exact.length;
  // Where `alignNear` may put the quote: from its first start to its last end.
  const from = expected - Math.min(EDGE_CONTEXT, prefix.length) - slack;
  const to =
    from + Math.min(EDGE_CONTEXT, prefix.length) + m + Math.min(EDGE_CONTEXT, suffix.length) + 2 * slack + 1;
  const edits = fewestEditsWithin(exact, text, from, to);
  if (floor.quoteLed && m >= LONE_QUOTE_LENGTH && 1 - edits / m >= QUOTE_LED_SIMILARITY - MARGIN) return true;
  const length = prefix.length + m + suffix.length;
  // The context's edits can only lower the similarity: worked out only when the quote's own leave it possible.
  if (1 - edits / length < floor.similarity) return false;
  const contextEdits =
    fewestEditsWithin(prefix, text, from - prefix.length, to) +
    fewestEditsWithin(suffix, text, from, to + suffix.length);
  return 1 - (edits + contextEdits) / length >= floor.similarity;
}

/** The fit near `expected`, trimmed of edge spaces and scored; null when there is none. */
function fitNear(text: string, quote: Quote, expected: number, slack: number): Fit | null {
  const { exact } = quote;
  const m = exact.length;
  const before = quote.prefix.slice(-EDGE_CONTEXT);
  const after = quote.suffix.slice(0, EDGE_CONTEXT);
  const pattern = before + exact + after;
  const aligned = alignNear(text, pattern, expected - before.length, slack, before.length, before.length + m);
  if (aligned === null) return null;
  let { start, end } = aligned;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start >= end) return null;
  // A short quote's own edits are counted exactly, since a context edit would weigh heavily on it; a long quote's
  // are bounded by those of quote and edge context together, which costs nothing more and is never too kind.
  const distance =
    m <= EXACT_DISTANCE_UP_TO ? editDistance(exact, text.slice(start, end)) : Math.min(m, aligned.distance);
  return { start, end, distance, similarity: similarity(text, start, end, distance, quote) };
}

/** Where a fuzzy fit may be: where pieces of the quote, or its context's inner edges, are found exactly. */
function seeds(occurrences: Occurrences, quote: Quote): number[] {
  const { exact, prefix, suffix } = quote;
  const found: number[] = [];
  const look = (needle: string, offset: number): void => {
    if (needle.length < MIN_PIECE) return;
    const hits = occurrences.find(needle, MAX_PIECE_HITS + 1);
    if (hits.length <= MAX_PIECE_HITS) for (const at of hits) found.push(at - offset);
  };
  const pieces = Math.min(PIECES, Math.floor(exact.length / MIN_PIECE));
  const size = pieces > 0 ? Math.floor(exact.length / pieces) : 0;
  for (let i = 0; i < pieces; i++) look(exact.slice(i * size, (i + 1) * size), i * size);
  const tail = prefix.slice(-16);
  look(tail, -tail.length);
  look(suffix.slice(0, 16), exact.length);
  return found;
}

/** Where `exact` occurs within PREDICTED_SLACK of `expected`, nearest first. */
function occurrencesNear(text: string, exact: string, expected: number): number[] {
  // Searched in a slice of the window: an unbounded search would scan the rest of the page for a next copy.
  const from = Math.max(0, expected - PREDICTED_SLACK);
  const window = text.slice(from, expected + PREDICTED_SLACK + exact.length);
  const found: number[] = [];
  for (let at = window.indexOf(exact); at >= 0; at = window.indexOf(exact, at + 1)) found.push(from + at);
  return found.sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected));
}

/**
 * The exact quote where the position predicts. With all its context it is the passage. Otherwise the copy there
 * whose context is most alike is, when that context is still mostly alike (an edit next to the quote breaks the
 * run of agreeing characters, not the likeness) and no other copy there comes close.
 */
function exactNearPredicted(text: string, quote: Quote, predicted: readonly number[]): TextPlacement | null {
  const { exact } = quote;
  const m = exact.length;
  const context = quote.prefix.length + quote.suffix.length;
  const seen = new Set<number>();
  let best = -1;
  let bestAlike = 0;
  let runnerUpAlike = 0;
  for (const expected of predicted) {
    for (const start of occurrencesNear(text, exact, expected)) {
      if (seen.has(start)) continue;
      seen.add(start);
      if (contextChars(text, start, start + m, quote) === context) {
        return { start, end: start + m, score: start === quote.start ? 1 : 0.99 };
      }
      const alike = similarity(text, start, start + m, 0, quote);
      if (alike > bestAlike) {
        runnerUpAlike = bestAlike;
        bestAlike = alike;
        best = start;
      } else if (alike > runnerUpAlike) {
        runnerUpAlike = alike;
      }
    }
  }
  if (best < 0 || bestAlike < MIN_SIMILARITY || runnerUpAlike > bestAlike - MARGIN) return null;
  return { start: best, end: best + m, score: 0.95 * bestAlike };
}

/** Whether `at` is where the stored position, or it shifted as the neighbours moved, says the quote starts. */
function nearPredicted(at: number, predicted: readonly number[]): boolean {
  return predicted.some((start) => Math.abs(start - at) <= PREDICTED_SLACK);
}

/** Below an exact find's score, so that callers can tell that the text found differs from the quote. */
const FOLDED_SCORE = 0.97;

/**
 * A quote this long (folded characters) that occurs once on the whole page is the passage, wherever it went and
 * whatever was rewritten around it: real revisions move sections and rewrite the sentences next to a passage,
 * and a run of twenty characters does not recur by chance. A shorter one, a word or two, must also be about
 * where the position, shifted as its neighbours moved, predicts.
 */
const LONE_QUOTE_LENGTH = 20;
/** How far from the predicted start a passage still counts as where its neighbours say it is. */
const NEAR_SLACK = 256;
const LONE_SCORE = 0.9;
/**
 * A fit that keeps this much of a distinctive quote (LONE_QUOTE_LENGTH) is the passage when, besides, it is where
 * the position predicts or half its context agrees, and no other place keeps as much: a reworded clause, or a
 * sentence cut or grown at one end, leaves too little of quote and context together for MIN_SIMILARITY.
 */
const QUOTE_LED_SIMILARITY = 0.75;
const QUOTE_LED_CONTEXT = 0.5;
/**
 * A quote shorter than this, a few words, backed by its position alone must also keep its inner words as they were:
 * a word of five swapped leaves three-quarters of it, as on a page's parallel sentences ("For git sources this is",
 * "For registry sources this is"), while a passage whose neighbours were rewritten changes at its first or last word.
 */
const QUOTE_LED_SHORT = 40;

/** Whether `found` holds the words of `quote` between its first and its last, as they were. */
function keepsInnerWords(quote: string, found: string): boolean {
  const first = quote.indexOf(' ');
  const last = quote.lastIndexOf(' ');
  return first === last || found.includes(quote.slice(first + 1, last));
}
/** The most a long quote's fit distance can owe to the edge context aligned with it (see `fitNear`). */
const EDGE_EDITS = 2 * EDGE_CONTEXT;

/**
 * The quote where the text is the same once folded (`./folded-text.ts`: case, accents, quotes, dashes, light
 * punctuation), by the exact steps' rules over the folded view, context counted in folded characters: a copy with
 * all its context where the position predicts; else the copy whose context agrees most, with all of it, or with
 * half when there is no position to go by, or when it is the only copy and nothing like the quote is where the
 * position predicts. null when that does not decide, a repeat with context as alike included.
 */
function foldedMatch(
  index: TextIndex,
  quote: Quote,
  predicted: readonly number[],
  likeAtPredicted: boolean,
): TextPlacement | null {
  const exact = trimSpaces(foldString(quote.exact));
  if (exact === '') return null;
  const folded = index.folded;
  const text = folded.text;
  const loose: Quote = {
    exact,
    prefix: foldString(quote.prefix),
    suffix: foldString(quote.suffix),
    start: undefined,
  };
  const context = loose.prefix.length + loose.suffix.length;
  const hits = index.foldedOccurrences
    .find(exact)
    .map((at) => ({ at, chars: contextChars(text, at, at + exact.length, loose) }));
  const viewStart = (at: number): number => folded.from[at] ?? -1;
  const placeHit = ({ at, chars }: { at: number; chars: number }): TextPlacement => ({
    start: viewStart(at),
    end: originalEnd(index.text, folded, at + exact.length - 1),
    score: FOLDED_SCORE * (0.9 + (0.1 * chars) / Math.max(1, context)),
  });
  const there = hits.find((hit) => hit.chars === context && nearPredicted(viewStart(hit.at), predicted));
  if (there !== undefined) return placeHit(there);
  hits.sort((a, b) => b.chars - a.chars);
  const [top, runnerUp] = hits;
  if (top === undefined || (runnerUp !== undefined && runnerUp.chars >= top.chars)) return null;
  if (top.chars === context) return placeHit(top);
  const movedWithHalf = predicted.length === 0 || (hits.length === 1 && !likeAtPredicted);
  return top.chars * 2 >= context && movedWithHalf ? placeHit(top) : null;
}

/**
 * The quote's only copy on the page, read through the folded view, when it is long enough to be the passage by
 * itself or short and where the position predicts (see LONE_QUOTE_LENGTH); null otherwise.
 */
function loneCopy(index: TextIndex, quote: Quote, predicted: readonly number[]): TextPlacement | null {
  const exact = trimSpaces(foldString(quote.exact));
  if (exact === '') return null;
  const folded = index.folded;
  const [at, another] = index.foldedOccurrences.find(exact, 2);
  if (at === undefined || another !== undefined) return null;
  const start = folded.from[at] ?? -1;
  const near = predicted.some((expected) => Math.abs(expected - start) <= NEAR_SLACK);
  if (exact.length < LONE_QUOTE_LENGTH && !near) return null;
  const end = originalEnd(index.text, folded, at + exact.length - 1);
  const same = index.text.slice(start, end) === quote.exact;
  return { start, end, score: LONE_SCORE * (same ? 1 : FOLDED_SCORE) };
}

/** Cheapest first: stored and neighbour-predicted positions, exact occurrences, the folded view, then fuzzy fits. */
function place(index: TextIndex, quote: Quote, shifts: Shifts): TextPlacement {
  const text = index.text;
  const { exact } = quote;
  const m = exact.length;
  const context = quote.prefix.length + quote.suffix.length;
  const predicted: number[] = [];
  if (quote.start !== undefined) {
    const { start, prefix, suffix } = quote;
    // The page unchanged: the whole of prefix, quote and suffix where they were, compared natively.
    if (
      text.startsWith(exact, start) &&
      text.startsWith(suffix, start + m) &&
      start >= prefix.length &&
      text.startsWith(prefix, start - prefix.length)
    ) {
      return { start, end: start + m, score: 1 };
    }
    predicted.push(start);
    for (const shift of shifts.around(start)) predicted.push(start + shift);
    const near = exactNearPredicted(text, quote, predicted);
    if (near !== null) return near;
  }

  // Every exact occurrence, ranked by how much context agrees.
  const exacts = index.occurrences
    .find(exact)
    .map((at) => ({ at, chars: contextChars(text, at, at + m, quote) }));
  exacts.sort((a, b) => b.chars - a.chars);

  // Fuzzy: score every candidate the same way, on prefix + quote + suffix together.
  const fits: Fit[] = [];
  const consider = (fit: Fit | null): void => {
    if (fit !== null && !fits.some((f) => f.start === fit.start && f.end === fit.end)) fits.push(fit);
  };
  let predictedFit: Fit | null = null;
  // Where the position predicts, each place once, however many predictions fall near it.
  const windows: number[] = [];
  for (const start of predicted) {
    if (!windows.some((at) => Math.abs(at - start) <= PREDICTED_SLACK / 2)) windows.push(start);
  }
  /** Windows not yet aligned: those that could not reach an earlier, higher floor are looked at again. */
  let unaligned = windows;
  /** Fits where the position predicts that may reach `floor`; the best that is near-perfect, or null. */
  const fitPredicted = (floor: Floor): Fit | null => {
    const below: number[] = [];
    for (const start of unaligned) {
      if (!mayReach(text, quote, start, PREDICTED_SLACK, floor)) {
        below.push(start);
        continue;
      }
      const fit = fitNear(text, quote, start, PREDICTED_SLACK);
      if (fit !== null && fit.similarity >= PREDICTED_SIMILARITY) {
        if (predictedFit === null || fit.similarity > predictedFit.similarity) predictedFit = fit;
      }
      consider(fit);
    }
    unaligned = below;
    return predictedFit;
  };
  // A fit below these is taken by no rule and is no rival to one taken: the clearly-alone rule, the lowest, can
  // only apply with the exact quote where the position predicts.
  const exactPredicted = exacts.some(({ at }) => nearPredicted(at, predicted));
  const worthAligning: Floor = {
    similarity: exactPredicted ? MIN_LONE_SIMILARITY - LONE_MARGIN : MIN_SIMILARITY - MARGIN,
    quoteLed: true,
  };

  const [top, runnerUp] = exacts;
  if (top !== undefined && top.chars * 2 >= context) {
    const unique = runnerUp === undefined || runnerUp.chars < top.chars;
    const placeTop = (): TextPlacement => ({
      start: top.at,
      end: top.at + m,
      score: 0.98 * (0.9 + (0.1 * top.chars) / Math.max(1, context)),
    });
    // With no position to go by, the context alone decides.
    if (unique && predicted.length === 0) return placeTop();
    // A near-perfect fit of an edited quote where the position predicts is the passage, even against an exact copy
    // elsewhere with all its context: pages repeat whole blocks (tables, navigation boxes), and an edit inside
    // one copy leaves the other looking like the better match. Only fits that may reach MIN_SIMILARITY matter here.
    const fit = fitPredicted({ similarity: MIN_SIMILARITY, quoteLed: false });
    if (fit !== null) return accept(fit, m);
    // Nothing where it was: the passage moved, and its context with it.
    if (unique && top.chars === context) return placeTop();
    // With half its context, while any other copy keeps almost none of it (a table of contents, a summary), and
    // nothing like it where the position predicts: the passage moved with part of its context, as in another
    // layout of the same article.
    const othersApart = exacts.every((other) => other === top || other.chars * 4 < context);
    if (othersApart && !fits.some((f) => f.similarity >= MIN_SIMILARITY)) return placeTop();
  }

  const fit = fitPredicted(worthAligning);
  if (fit !== null) return accept(fit, m);
  // Only here is the folded view built: most targets are placed before, and an unchanged page never gets here.
  const folded = foldedMatch(
    index,
    quote,
    predicted,
    fits.some((f) => f.similarity >= MIN_SIMILARITY),
  );
  if (folded !== null) return folded;
  for (const { at } of exacts.slice(0, 3)) {
    consider({ start: at, end: at + m, distance: 0, similarity: similarity(text, at, at + m, 0, quote) });
  }
  const tried = new Set<number>();
  for (const seed of seeds(index.occurrences, quote)) {
    if (tried.size >= MAX_CANDIDATES) break;
    const key = Math.round(seed / 8);
    if (tried.has(key)) continue;
    tried.add(key);
    const slack = Math.max(8, Math.min(MAX_SLACK, Math.ceil(m * 0.4)));
    if (mayReach(text, quote, seed, slack, worthAligning)) consider(fitNear(text, quote, seed, slack));
  }
  fits.sort((a, b) => b.similarity - a.similarity);
  const best = fits[0];
  if (best === undefined) return lonePlacement(index, quote, predicted, fits) ?? orphan(0);
  const apart = (f: Fit, g: Fit): boolean => f.end <= g.start || f.start >= g.end;
  // Of places that fit about as well, the one where the position predicts is the passage; a tie there stays.
  const predictedBest = fits.find((f) => nearPredicted(f.start, predicted));
  const chosen =
    predictedBest !== undefined && predictedBest.similarity >= best.similarity - MARGIN
      ? predictedBest
      : best;
  const elsewhere = fits.find((f) => apart(f, chosen));
  const rival =
    chosen === predictedBest
      ? fits.find((f) => apart(f, chosen) && nearPredicted(f.start, predicted))
      : elsewhere;
  const margin = chosen.similarity - (rival?.similarity ?? 0);
  // Chosen for its context while an edited copy apart keeps clearly more of the quote itself: the passage's
  // surroundings may have been rewritten and a similar sentence elsewhere kept them, so neither decides. (An
  // unchanged copy apart is a quotation of the passage, in a reply or a pull quote: the passage is the one edited.)
  const quoteAlike = (f: Fit): number => 1 - editDistance(exact, text.slice(f.start, f.end)) / m;
  const chosenQuote = chosen.distance === 0 ? 1 : quoteAlike(chosen);
  const quoteRival =
    chosenQuote < 1 - QUOTE_RIVAL_MARGIN &&
    fits.some((f) => {
      if (!apart(f, chosen)) return false;
      const alike = quoteAlike(f);
      return alike < 1 && alike >= chosenQuote + QUOTE_RIVAL_MARGIN;
    });
  // The exact quote where the position predicts, with context edited around it, and nothing else on the page
  // anywhere near as alike: the passage, though its context alone would be too changed to trust.
  const clearlyAlone =
    chosen === predictedBest &&
    chosen.distance === 0 &&
    chosen.similarity >= MIN_LONE_SIMILARITY &&
    chosen.similarity - (elsewhere?.similarity ?? 0) >= LONE_MARGIN;
  if (
    (chosen.similarity < MIN_SIMILARITY && !clearlyAlone) ||
    1 - chosen.distance / m < MIN_QUOTE_SIMILARITY ||
    margin < MARGIN ||
    quoteRival
  ) {
    return (
      lonePlacement(index, quote, predicted, fits) ??
      quoteLed(text, quote, fits, predicted) ??
      orphan(Math.max(0, chosen.similarity))
    );
  }
  return accept(chosen, m);
}

/**
 * The lone copy of the quote, unless a fit elsewhere on the page is as alike with its context: then the passage
 * may be that edited copy, and the unchanged one a repeat of it.
 */
function lonePlacement(
  index: TextIndex,
  quote: Quote,
  predicted: readonly number[],
  fits: readonly Fit[],
): TextPlacement | null {
  const lone = loneCopy(index, quote, predicted);
  if (lone === null) return null;
  const rival = fits.some(
    (f) => (f.end <= lone.start || f.start >= lone.end) && f.similarity >= MIN_SIMILARITY - MARGIN,
  );
  return rival ? null : lone;
}

/** Similarity in [0, 1] of the stored context to the text around [start, end); 0 when none was stored. */
function contextSimilarity(text: string, start: number, end: number, quote: Quote): number {
  const { prefix, suffix } = quote;
  const length = prefix.length + suffix.length;
  if (length === 0) return 0;
  const before = editDistance(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const after = editDistance(suffix, text.slice(end, end + suffix.length));
  return 1 - (before + after) / length;
}

/** The fit that keeps most of a distinctive quote, backed by its position or its context (QUOTE_LED_SIMILARITY). */
function quoteLed(
  text: string,
  quote: Quote,
  fits: readonly Fit[],
  predicted: readonly number[],
): TextPlacement | null {
  const m = quote.exact.length;
  if (m < LONE_QUOTE_LENGTH) return null;
  // A long quote's fit distance counts its edge context's edits too: only fits that may keep enough are measured.
  const kept = fits
    .filter(
      (f) =>
        1 - Math.max(0, f.distance - (m > EXACT_DISTANCE_UP_TO ? EDGE_EDITS : 0)) / m >=
        QUOTE_LED_SIMILARITY - MARGIN,
    )
    .map((f) => ({ fit: f, alike: 1 - editDistance(quote.exact, text.slice(f.start, f.end)) / m }))
    .sort((a, b) => b.alike - a.alike);
  const [top] = kept;
  if (top === undefined || top.alike < QUOTE_LED_SIMILARITY) return null;
  const { fit } = top;
  const rival = kept.some(
    (other) =>
      (other.fit.end <= fit.start || other.fit.start >= fit.end) && other.alike >= top.alike - MARGIN,
  );
  if (rival) return null;
  const near = predicted.some((expected) => Math.abs(expected - fit.start) <= NEAR_SLACK);
  const positionBacks =
    near && (m >= QUOTE_LED_SHORT || keepsInnerWords(quote.exact, text.slice(fit.start, fit.end)));
  if (!positionBacks && contextSimilarity(text, fit.start, fit.end, quote) < QUOTE_LED_CONTEXT) return null;
  return { start: fit.start, end: fit.end, score: 0.9 * top.alike };
}

function accept(fit: Fit, length: number): TextPlacement {
  const score = fit.distance === 0 ? 0.98 * fit.similarity : 0.95 * fit.similarity;
  return { start: fit.start, end: fit.end, score: Math.max(score, 1 / (length + 1)) };
}

/**
 * Place `targets` in the view of `index` without building Ranges: for callers that work in view offsets (the
 * highlighter's hit-testing, the benchmark). Same order as `targets`. Where `found` holds a Range (a node hint
 * that held), the target is there, and the targets around it learn from it.
 */
export function placeTargets(
  index: TextIndex,
  targets: readonly TextTarget[],
  found: readonly (Range | null)[] = [],
): TextPlacement[] {
  const shifts = new Shifts();
  // In stored order, each target learns the shift of the one just before it on the page, which the fewest
  // edits separate from it.
  const order = targets.map((_, i) => i);
  const startOf = (i: number): number => targets[i]?.position?.start ?? Infinity;
  order.sort((a, b) => startOf(a) - startOf(b));
  const placements: TextPlacement[] = new Array<TextPlacement>(targets.length);
  for (const i of order) {
    const target = targets[i];
    if (target === undefined) continue;
    const exact = trimSpaces(normalizeText(target.quote.exact));
    if (exact === '') {
      placements[i] = orphan(0);
      continue;
    }
    const quote: Quote = {
      exact,
      prefix: normalizeText(target.quote.prefix),
      suffix: normalizeText(target.quote.suffix),
      start: target.position?.start,
    };
    const range = found[i];
    const at = range ? index.offsetOf(range.startContainer, range.startOffset) : -1;
    const placed = range ? { start: at, end: at + exact.length, score: 1 } : place(index, quote, shifts);
    if (placed.start >= 0 && quote.start !== undefined) shifts.add(quote.start, placed.start);
    placements[i] = placed;
  }
  return placements;
}

/**
 * Anchor `targets` against an existing index, taking the Ranges in `found` as they are; see `anchorTargets` in
 * `./index.ts`.
 */
export function anchorWith(
  index: TextIndex,
  targets: readonly TextTarget[],
  found: readonly (Range | null)[] = [],
): AnchorResult[] {
  return placeTargets(index, targets, found).map((placed, i): AnchorResult => {
    const range = found[i] ?? (placed.start < 0 ? null : index.toRange(placed.start, placed.end));
    return range === null
      ? { kind: 'orphaned', score: placed.score }
      : { kind: 'anchored', range, score: placed.score };
  });
}
