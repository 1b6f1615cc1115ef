/**
 * The painter of the baselines: each placed range's text wrapped in `tag` elements by `@apache-annotator/dom`'s
 * `highlightText`, the technique of Hypothesis (`<hypothesis-highlight>`) and Apache Annotator (`<mark>`).
 */
import { highlightText } from '@apache-annotator/dom';
import type { BenchEngine } from './engine';

/** `paint` and `clear` for an engine; `clear` unwraps what this painter wrapped, and nothing else. */
export function wrappingPainter(tag: string): Pick<BenchEngine, 'paint' | 'clear'> {
  let removers: (() => void)[] = [];
  return {
    paint(ranges) {
      for (const range of ranges) if (range !== null) removers.push(highlightText(range, tag));
    },
    clear() {
      for (const remove of removers) remove();
      removers = [];
    },
  };
}
