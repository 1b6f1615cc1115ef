/**
 * The fast path for a page that has not changed since its notes were described. Building the text view applies
 * its rules to every node of the page; checking a `NodeHint` costs one bare walk of the text nodes and a few native
 * string comparisons per note. Every hint must match exactly, or none is used: a hint never decides where a note
 * goes on a page that changed, the text view does.
 */
import type { NodeHint, TextTarget } from '../model';
import { textNodesOf, wordsOf } from './text-index';
import type { TextPoint } from './text-index';

/** Node text kept on each side of a quote: the view's context plus room for whitespace and hidden text. */
export const HINT_CONTEXT_LENGTH = 128;

/** The node text from `from` to `to`, both points in `nodes`. */
function textBetween(nodes: readonly Text[], from: TextPoint, to: TextPoint): string {
  const first = nodes.indexOf(from.node);
  const last = nodes.indexOf(to.node);
  if (first === last) return from.node.data.slice(from.offset, to.offset);
  let text = from.node.data.slice(from.offset);
  for (let i = first + 1; i < last; i++) text += nodes[i]?.data ?? '';
  return text + to.node.data.slice(0, to.offset);
}

/**
 * The hint for quote `exact`, whose node text runs from `start` to `end`, with its view context running from
 * `contextStart` to `contextEnd`. Undefined when a point is not among `nodes`.
 */
export function hintFor(
  nodes: readonly Text[],
  exact: string,
  contextStart: TextPoint,
  start: TextPoint,
  end: TextPoint,
  contextEnd: TextPoint,
): NodeHint | undefined {
  const node = nodes.indexOf(start.node);
  if (node < 0 || [contextStart, end, contextEnd].some((point) => !nodes.includes(point.node))) {
    return undefined;
  }
  const text = textBetween(nodes, start, end);
  const sameWords = wordsOf(text) === wordsOf(exact);
  // A quote made mostly of text the view leaves out is left to the view.
  if (!sameWords && text.length > exact.length + HINT_CONTEXT_LENGTH) return undefined;
  return {
    node,
    offset: start.offset,
    length: text.length,
    // Only when the quote spans text the view leaves out (a hidden footnote mark): else the quote says it all.
    ...(sameWords ? {} : { text }),
    before: textBetween(nodes, contextStart, start).slice(-HINT_CONTEXT_LENGTH),
    after: textBetween(nodes, end, contextEnd).slice(0, HINT_CONTEXT_LENGTH),
  };
}

/** The `length` characters of node text that end at node `i`, offset `at`; null when the page has fewer. */
function textBefore(nodes: readonly Text[], i: number, at: number, length: number): string | null {
  let text = '';
  for (let data = nodes[i]?.data.slice(0, at); text.length < length; data = nodes[--i]?.data) {
    if (data === undefined) return null;
    text = data.slice(Math.max(0, data.length - (length - text.length))) + text;
  }
  return text;
}

/** The `length` characters of node text from node `i`, offset `at`, and the point where they end; or null. */
function textAfter(
  nodes: readonly Text[],
  i: number,
  at: number,
  length: number,
): [string, number, number] | null {
  let text = '';
  for (let data = nodes[i]?.data; ; data = nodes[++i]?.data, at = 0) {
    if (data === undefined || at > data.length) return null;
    const take = Math.min(data.length - at, length - text.length);
    text += data.slice(at, at + take);
    if (text.length === length) return [text, i, at + take];
  }
}

/** The Range a hint points at, when the quote and its context are still there as they were; else null. */
function placeByHint(nodes: readonly Text[], hint: NodeHint, exact: string, doc: Document): Range | null {
  const quote = textAfter(nodes, hint.node, hint.offset, hint.length);
  if (quote === null) return null;
  const [text, last, end] = quote;
  // The view may have rewritten whitespace or added a space at a line break; the words must be the same.
  const same =
    hint.text === undefined ? text === exact || wordsOf(text) === wordsOf(exact) : text === hint.text;
  if (
    !same ||
    textBefore(nodes, hint.node, hint.offset, hint.before.length) !== hint.before ||
    textAfter(nodes, last, end, hint.after.length)?.[0] !== hint.after
  ) {
    return null;
  }
  const range = doc.createRange();
  range.setStart(nodes[hint.node] as Text, hint.offset);
  range.setEnd(nodes[last] as Text, end);
  return range;
}

/**
 * Ranges for `targets` from their hints, in the same order, when every target has one and every hint still holds
 * on the page under `root`; else null.
 */
export function placeByHints(root: Element, targets: readonly TextTarget[]): Range[] | null {
  if (targets.length === 0 || targets.some((target) => target.hint === undefined)) return null;
  const nodes = textNodesOf(root);
  const ranges: Range[] = [];
  for (const target of targets) {
    const range = target.hint && placeByHint(nodes, target.hint, target.quote.exact, root.ownerDocument);
    if (!range) return null;
    ranges.push(range);
  }
  return ranges;
}
