/**
 * The fast path for a page that has not changed since its notes were described. Building the text view applies
 * its rules to every node of the page; checking a `NodeHint` costs one bare walk of the text nodes and a few native
 * string comparisons per note. A hint is used only where the quote and the node text around it are exactly as they
 * were; every other note is placed by the text view, which then also learns where the hinted ones are.
 */
import type { NodeHint, TextTarget } from '../model';
import { textNodesOf } from './text-index';

/** Node text kept on each side of a quote: the view's context plus room for whitespace and hidden text. */
const HINT_CONTEXT_LENGTH = 128;
/** The most node text a hint's quote may span, hidden text included. */
const HINT_TEXT_LENGTH = 65_536;

/**
 * FNV-1a over UTF-16 code units: a note keeps this instead of node text that differs from its quote, so that a
 * phrase across kilobytes of hidden text costs its record four bytes. To mislead it, a page would have to change
 * only that text, keep the quote's context exactly, and land on the same 32 bits.
 */
export function textDigest(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The hint for quote `exact`, whose node text `quote` spans, with its view context spanning `context`. Undefined
 * when the ranges do not start and end in `nodes`.
 */
export function hintFor(
  nodes: readonly Text[],
  exact: string,
  quote: Range,
  context: Range,
): NodeHint | undefined {
  const points = [context.startContainer, quote.startContainer, quote.endContainer, context.endContainer];
  const [first = -1, node = -1, last = -1, end = -1] = points.map((point) => nodes.indexOf(point as Text));
  if (Math.min(first, node, last, end) < 0) return undefined;
  const between = (from: number, fromOffset: number, to: number, toOffset: number): string => {
    let text = '';
    for (let i = from; i <= to; i++) {
      const data = nodes[i]?.data ?? '';
      text += data.slice(i === from ? fromOffset : 0, i === to ? toOffset : data.length);
    }
    return text;
  };
  const text = between(node, quote.startOffset, last, quote.endOffset);
  // Phrases across a collapsed list or table span much hidden text; beyond this the view is cheaper to build.
  if (text.length > HINT_TEXT_LENGTH) return undefined;
  const hint: NodeHint = {
    node,
    offset: quote.startOffset,
    length: text.length,
    before: between(first, context.startOffset, node, quote.startOffset).slice(-HINT_CONTEXT_LENGTH),
    after: between(last, quote.endOffset, end, context.endOffset).slice(0, HINT_CONTEXT_LENGTH),
  };
  if (text !== exact) hint.digest = textDigest(text);
  return hint;
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
  const same = hint.digest !== undefined ? textDigest(text) === hint.digest : text === (hint.text ?? exact);
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
 * For each of `targets`, in the same order, the Range its hint points at when the quote and its context are still
 * there exactly, else null; null for them all, without a walk, when none has a hint.
 */
export function placeByHints(root: Element, targets: readonly TextTarget[]): (Range | null)[] | null {
  if (!targets.some((target) => target.hint)) return null;
  const nodes = textNodesOf(root);
  return targets.map(
    (target) =>
      (target.hint && placeByHint(nodes, target.hint, target.quote.exact, root.ownerDocument)) || null,
  );
}
