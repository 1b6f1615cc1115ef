/**
 * Baseline: quote anchoring as the Hypothesis client does it today (`hypothesis-anchoring.ts`, written here after
 * its `match-quote.ts`), painted the way the client paints, by wrapping text in `<hypothesis-highlight>`.
 */
import type { BenchEngine } from './engine';
import { anchorTarget, describeRange } from './hypothesis-anchoring';
import type { HypothesisTarget } from './hypothesis-anchoring';
import { wrappingPainter } from './wrapping-painter';

const engine: BenchEngine = {
  name: 'hypothesis',
  async describeAll(root, ranges) {
    return ranges.map((range) => describeRange(root, range));
  },
  async anchor(root, stored) {
    return (stored as readonly HypothesisTarget[]).map((target) => anchorTarget(root, target));
  },
  ...wrappingPainter('hypothesis-highlight'),
};

window.__benchEngine = engine;
