/**
 * The benchmark's own view of a page's text, written apart from every engine under test so that the truth it
 * keeps owes nothing to them: whitespace runs collapse to one space, and a change of block element is a `\n`
 * that no sentence or phrase crosses. Also the raw offsets (all text nodes, as `textContent` counts them) that
 * placements and the truth are compared in.
 */
import type { Span } from '../sampling';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'textarea',
  'select',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'svg',
]);

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13 || code === 0xa0;
}

export interface TextView {
  text: string;
  nodes: Text[];
  /** For each view character, the index in `nodes` and the offset in that node's data it came from. */
  nodeOf: Int32Array;
  offsetOf: Int32Array;
}

/** The nearest block ancestor: text nodes under different blocks are different paragraphs. */
function blockOf(node: Text, root: Element, cache: Map<Element, Element>): Element {
  const parent = node.parentElement ?? root;
  const cached = cache.get(parent);
  if (cached) return cached;
  let el: Element = parent;
  while (el !== root && !BLOCKS.has(el.localName) && el.parentElement) el = el.parentElement;
  cache.set(parent, el);
  return el;
}

export function buildView(root: HTMLElement): TextView {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === 3
        ? NodeFilter.FILTER_ACCEPT
        : SKIPPED.has((node as Element).localName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  const nodes: Text[] = [];
  let capacity = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push(node as Text);
    capacity += (node as Text).data.length + 1;
  }
  const codes = new Uint16Array(capacity);
  const nodeOf = new Int32Array(capacity);
  const offsetOf = new Int32Array(capacity);
  const blocks = new Map<Element, Element>();
  let length = 0;
  let last = 10;
  let lastBlock: Element | null = null;
  const emit = (code: number, node: number, offset: number): void => {
    codes[length] = code;
    nodeOf[length] = node;
    offsetOf[length] = offset;
    length++;
    last = code;
  };
  nodes.forEach((node, n) => {
    const block = blockOf(node, root, blocks);
    if (block !== lastBlock && length > 0) {
      if (last === 32) codes[length - 1] = last = 10;
      else if (last !== 10) emit(10, n, 0);
    }
    lastBlock = block;
    const data = node.data;
    for (let j = 0; j < data.length; j++) {
      const code = data.charCodeAt(j);
      if (!isSpace(code)) emit(code, n, j);
      else if (last !== 32 && last !== 10) emit(32, n, j);
    }
  });
  let text = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let at = 0; at < length; at += 8192) {
    text += String.fromCharCode(...codes.subarray(at, Math.min(length, at + 8192)));
  }
  return { text, nodes, nodeOf: nodeOf.subarray(0, length), offsetOf: offsetOf.subarray(0, length) };
}

/** A DOM Range over view characters [start, end). */
export function viewRange(view: TextView, span: Span): Range {
  const range = document.createRange();
  const first = view.nodes[view.nodeOf[span.start] ?? 0];
  const last = view.nodes[view.nodeOf[span.end - 1] ?? 0];
  if (!first || !last) throw new Error(`no text at ${span.start}-${span.end}`);
  range.setStart(first, view.offsetOf[span.start] ?? 0);
  range.setEnd(last, (view.offsetOf[span.end - 1] ?? 0) + 1);
  return range;
}

/** Raw text offsets: every text node under `root`, as `root.textContent` counts them. */
export class RawOffsets {
  private readonly nodes: Text[] = [];
  private readonly starts = new Map<Text, number>();
  private total = 0;

  constructor(private readonly root: Node) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      this.nodes.push(node as Text);
      this.starts.set(node as Text, this.total);
      this.total += (node as Text).data.length;
    }
  }

  /** The raw offset of a boundary point; a point between elements counts as the start of the next text. */
  at(container: Node, offset: number): number {
    const start = this.starts.get(container as Text);
    if (start !== undefined) return start + offset;
    const probe = document.createRange();
    probe.setStart(container, offset);
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const node = this.nodes[mid];
      if (node !== undefined && probe.comparePoint(node, 0) < 0) lo = mid + 1;
      else hi = mid;
    }
    const next = this.nodes[lo];
    return next === undefined ? this.total : (this.starts.get(next) ?? this.total);
  }

  span(range: Range): Span {
    return {
      start: this.at(range.startContainer, range.startOffset),
      end: this.at(range.endContainer, range.endOffset),
    };
  }
}
