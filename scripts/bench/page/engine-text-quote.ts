/**
 * Baseline: `dom-anchor-text-quote` (with its companion `dom-anchor-text-position`), the way older Hypothesis
 * clients and Memex anchored: check the stored position against the quote, else search for the quote with
 * diff-match-patch near the stored position. The package paints nothing, so highlights are wrapped in
 * `<hypothesis-highlight>` elements with `@apache-annotator/dom`'s `highlightText`, which is the same technique.
 */
import * as textPosition from 'dom-anchor-text-position';
import * as textQuote from 'dom-anchor-text-quote';
import type { BenchEngine, Placement } from './engine';
import { wrappingPainter } from './wrapping-painter';

interface TextQuoteTarget {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

function anchorOne(root: HTMLElement, target: TextQuoteTarget): Placement {
  // Both packages throw on a position past the end of a shorter page; the client treated that as not found.
  try {
    const atPosition = textPosition.toRange(root, target.position);
    if (atPosition !== null && atPosition.toString() === target.quote.exact) return atPosition;
  } catch {
    // Fall through to the quote search.
  }
  try {
    return textQuote.toRange(root, target.quote, { hint: target.position.start });
  } catch {
    return null;
  }
}

const engine: BenchEngine = {
  name: 'dom-anchor-text-quote',
  async describeAll(root, ranges) {
    return ranges.map((range): TextQuoteTarget => ({
      quote: textQuote.fromRange(root, range),
      position: textPosition.fromRange(root, range),
    }));
  },
  async anchor(root, stored) {
    return (stored as readonly TextQuoteTarget[]).map((target) => anchorOne(root, target));
  },
  ...wrappingPainter('hypothesis-highlight'),
};

window.__benchEngine = engine;
