/**
 * Quote anchoring as the Hypothesis client does it (hypothesis/client, `src/annotator/anchoring/`), rewritten
 * for the bench so that Counterpoint is measured against the method Hypothesis ships today rather than against
 * the older `dom-anchor-text-quote`. Offsets count `root.textContent`, every text node under the root.
 *
 * - Describe: the selected text, 32 characters of text on each side, and its offsets.
 * - Anchor: the stored offsets first, kept only if the text there is still the quote; else a search for the
 *   quote that tolerates edits (`approx-string-match`), its candidates ranked by how much the quote, the text
 *   before, the text after and the offset resemble what was stored.
 *
 * Left out, as no bench target carries them: the client's XPath `RangeSelector` (tried before the offsets) and
 * its reading of `<br>` as a space.
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';

/** Characters of text stored on each side of a quote. */
const CONTEXT_LENGTH = 32;

/**
 * The most errors the fuzzy search allows, however long the quote: its time grows with the errors allowed. A
 * shorter quote may differ in up to half its characters.
 */
const MAX_ERRORS = 256;

/**
 * How much each resemblance counts in a candidate's score. The quote decides, the context on either side
 * chooses among copies of it, and the distance from the stored offset only settles what the rest leaves equal.
 */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** A TextQuoteSelector and a TextPositionSelector of one passage, as Hypothesis stores them together. */
export interface HypothesisTarget {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/** What is known of where a quote stood: the text on either side, and its start offset (`hint`). */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

/** A span of the searched text and its score, from 0 to 1; 1 means quote, context and offset all agree. */
export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
}

/** Every exact occurrence if there is one (a cheap first pass), else the fewest-error matches within `maxErrors`. */
function candidates(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

/** 1 minus the share of `expected` that must change to occur in `actual`; 0 when either is empty. */
function resemblance(actual: string, expected: string): number {
  if (actual === '' || expected === '') return 0;
  // Allowing as many errors as `expected` has characters always yields a match.
  const [best] = candidates(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

/**
 * The best place for `quote` in `text`, or null when the quote is empty or nowhere within
 * min(256, half its length) errors. Ties go to the earliest candidate.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote === '') return null;
  const found = candidates(text, quote, Math.min(MAX_ERRORS, quote.length / 2));
  const { prefix, suffix, hint } = context;
  const score = (match: Match): number => {
    // An absent or empty context takes no side between candidates.
    const before = prefix
      ? resemblance(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix)
      : 1;
    const after = suffix ? resemblance(text.slice(match.end, match.end + suffix.length), suffix) : 1;
    const near = hint === undefined ? 1 : 1 - Math.abs(match.start - hint) / text.length;
    const sum =
      WEIGHTS.quote * (1 - match.errors / quote.length) +
      WEIGHTS.prefix * before +
      WEIGHTS.suffix * after +
      WEIGHTS.position * near;
    return sum / WEIGHT_TOTAL;
  };
  let best: QuoteMatch | null = null;
  for (const match of found) {
    const scored = { start: match.start, end: match.end, score: score(match) };
    if (best === null || scored.score > best.score) best = scored;
  }
  return best;
}

/** The `textContent` offset of a boundary point under `root`. */
function offsetAt(root: Element, container: Node, offset: number): number {
  const before = root.ownerDocument.createRange();
  before.setStart(root, 0);
  before.setEnd(container, offset);
  return before.toString().length;
}

/**
 * A Range over `textContent` offsets [start, end) of `root`, or null when they run past its text. The start
 * goes to the text node that begins at it, the end to the node that ends at it, so no empty edge is covered.
 */
function rangeAt(root: Element, start: number, end: number): Range | null {
  if (start < 0 || end < start) return null;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let seen = 0;
  let startSet = false;
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    const after = seen + node.data.length;
    if (!startSet && start < after) {
      range.setStart(node, start - seen);
      startSet = true;
    }
    if (startSet && end <= after) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = after;
  }
  return null;
}

/** The quote, its context and its offsets for `range`, which lies under `root`. */
export function describeRange(root: Element, range: Range): HypothesisTarget {
  const text = root.textContent ?? '';
  const start = offsetAt(root, range.startContainer, range.startOffset);
  const end = offsetAt(root, range.endContainer, range.endOffset);
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
  };
}

/**
 * Where `target` is under `root` now, or null. Each call starts from the page as it is (it walks the text nodes
 * for the offsets, and reads the root's text for the search), as the client anchors each annotation on its own.
 * An empty quote is not placed: the client would return its offsets unchecked, a collapsed range that shows
 * nothing, which the bench would count as placed.
 */
export function anchorTarget(root: Element, target: HypothesisTarget): Range | null {
  const { quote, position } = target;
  if (quote.exact === '') return null;
  const stored = rangeAt(root, position.start, position.end);
  if (stored !== null && stored.toString() === quote.exact) return stored;
  const match = matchQuote(root.textContent ?? '', quote.exact, {
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint: position.start,
  });
  return match === null ? null : rangeAt(root, match.start, match.end);
}
