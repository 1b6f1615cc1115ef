/**
 * Baseline: `@apache-annotator/dom`, used through its own exports. It describes a quote with just enough context
 * to be unique, finds it by exact search, and paints by wrapping text in `<mark>` elements (`highlightText`).
 */
import {
  createTextQuoteSelectorMatcher,
  describeTextPosition,
  describeTextQuote,
} from '@apache-annotator/dom';
import type { BenchEngine, Placement } from './engine';
import { wrappingPainter } from './wrapping-painter';

/** The selectors this baseline stores; declared here because the package's own selector types are not installed. */
interface ApacheTarget {
  quote: { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };
  position: { type: 'TextPositionSelector'; start: number; end: number };
}

const engine: BenchEngine = {
  name: 'apache-annotator',
  async describeAll(root, ranges) {
    const out: ApacheTarget[] = [];
    for (const range of ranges) {
      out.push({
        quote: (await describeTextQuote(range, root)) as ApacheTarget['quote'],
        position: (await describeTextPosition(range, root)) as ApacheTarget['position'],
      });
    }
    return out;
  },
  async anchor(root, stored) {
    const placements: Placement[] = [];
    for (const target of stored as readonly ApacheTarget[]) {
      // The first match, as an annotator that shows one highlight per note would take it.
      const matches = createTextQuoteSelectorMatcher(target.quote)(root);
      const first = await matches.next();
      placements.push(first.done ? null : first.value);
    }
    return placements;
  },
  ...wrappingPainter('mark'),
};

window.__benchEngine = engine;
