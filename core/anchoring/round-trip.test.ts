// @vitest-environment jsdom
/**
 * Property tests: whatever a reader selects, describing it and anchoring the description on the same page gives
 * back the same text at the same place, through the node hint and through the text view alike. Run over generated pages that mix the text view's tricky cases, and over
 * real pages from the shared corpus when it is present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import { TextIndex, anchorTargets, describeRange } from './index';

/** Every boundary point a selection could use under `root`: in text, and between children of elements. */
function boundaryPoints(root: Element): [Node, number][] {
  const points: [Node, number][] = [];
  const walk = root.ownerDocument.createTreeWalker(root, 1 | 4 /* elements and text */);
  for (let node: Node | null = root; node !== null; node = walk.nextNode()) {
    if (node.nodeType === 3) {
      const length = (node as Text).data.length;
      for (let offset = 0; offset <= length; offset++) points.push([node, offset]);
    } else {
      for (let offset = 0; offset <= node.childNodes.length; offset++) points.push([node, offset]);
    }
  }
  return points;
}

/** Whether `needle`'s characters appear in order in `haystack`: describe may drop text, never invent it. */
function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const c of needle) {
    at = haystack.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

/** The node after `node` and its subtree in document order, within `root`; null at the end. */
function nodeAfter(node: Node, root: Node): Node | null {
  for (let at: Node | null = node; at !== null && at !== root; at = at.parentNode) {
    if (at.nextSibling !== null) return at.nextSibling;
  }
  return null;
}

/** The node a boundary point sits before: a text container itself, else the child at the offset or what follows. */
function nodeAt(container: Node, offset: number, root: Node): Node | null {
  if (container.nodeType === 3) return container;
  return container.childNodes[offset] ?? nodeAfter(container, root);
}

/**
 * What `range.toString()` gives, by one walk: jsdom's own takes minutes on a range whose ends are element
 * boundaries high in a large page.
 */
function rangeText(range: Range, root: Node): string {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === 3) {
    return (startContainer as Text).data.slice(startOffset, endOffset);
  }
  // The walk ends inside the end container when it is text, and before the node after the end point otherwise.
  const stop = nodeAt(endContainer, endOffset, root);
  let text = '';
  for (let node = nodeAt(startContainer, startOffset, root); node !== null;) {
    if (node === stop && node !== endContainer) break;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const from = node === startContainer ? startOffset : 0;
      text += node === endContainer ? data.slice(from, endOffset) : data.slice(from);
      if (node === endContainer) break;
    }
    node = node.firstChild ?? nodeAfter(node, root);
  }
  return text;
}

/** Describe the range from point a to point b, anchor it back, and check both halves of the round trip. */
function roundTrip(root: Element, index: TextIndex, a: [Node, number], b: [Node, number]): void {
  const range = root.ownerDocument.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  const target = describeRange(range, root, index);
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = index.offsetOf(range.endContainer, range.endOffset);
  if (target === null) {
    expect(index.text.slice(start, end).trim()).toBe('');
    return;
  }
  const { exact } = target.quote;
  // The view's whitespace only: String.prototype.trim and \s also take U+FEFF and others, which the view keeps.
  expect(exact).not.toMatch(/^ | $/);
  expect(exact).not.toMatch(/ {2}|[\t\n\f\r\u00a0]/);
  expect(isSubsequence(exact.replace(/\s/g, ''), rangeText(range, root).replace(/\s/g, ''))).toBe(true);
  // Once through the node hint, once through the view alone: both must give back the same place. (A quote made
  // mostly of text the view leaves out has no hint, and takes the view twice.)
  const { quote, position } = target;
  for (const stored of [target, { quote, position }]) {
    const [result] = anchorTargets(root, [stored], index);
    if (result?.kind !== 'anchored') throw new Error(`orphaned: ${JSON.stringify(stored)}`);
    expect(result.score).toBe(1);
    const again = describeRange(result.range, root, index);
    expect(again?.quote.exact).toBe(exact);
    expect(again?.position).toEqual(target.position);
  }
}

/** A small page built from the cases the text view has rules for. */
const fragment: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'word',
      'other words',
      '  spaced \n\t out  ',
      ' ',
      '\u00a0nbsp\u00a0',
      'repeat',
      'repeat',
    ),
    fc.constantFrom(
      '<br>',
      '<br/>',
      '<img alt="x">',
      '<input value="typed">',
      '<script>var s = "x";</script>',
    ),
    fc.constantFrom('<style>p { color: red }</style>', '<textarea>draft</textarea>', '<!-- comment -->'),
    fc.constantFrom('<select><option>one</option></select>', '<template>tpl</template>'),
    fc
      .tuple(
        fc.constantFrom('p', 'div', 'span', 'b', 'li', 'td-in-table', 'pre', 'h2', 'em'),
        fc.constantFrom(
          '',
          ' hidden',
          ' style="display:none"',
          ' style="color: blue"',
          ' hidden="until-found"',
        ),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, attributes, children]) =>
        tag === 'td-in-table'
          ? `<table><tr><td${attributes}>${children.join('')}</td><td>cell</td></tr></table>`
          : `<${tag}${attributes}>${children.join('')}</${tag}>`,
      ),
  ),
})).node;

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
}

describe('describe then anchor, on generated pages', () => {
  it('gives back the same text at the same place for any selection', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (parts, i, j) => {
        const root = parse(parts.join(''));
        const index = new TextIndex(root);
        const points = boundaryPoints(root);
        const a = points[i % points.length];
        const b = points[j % points.length];
        if (a === undefined || b === undefined) return;
        const range = root.ownerDocument.createRange();
        range.setStart(a[0], a[1]);
        // Keep the points in document order, as a selection's range has them.
        const [from, to] = range.comparePoint(b[0], b[1]) < 0 ? [b, a] : [a, b];
        range.setStart(from[0], from[1]);
        range.setEnd(to[0], to[1]);
        // The walk the corpus pages need instead of jsdom's slow toString, held to it where that is fast.
        expect(rangeText(range, root)).toBe(range.toString());
        roundTrip(root, index, from, to);
      }),
      { numRuns: 400 },
    );
    // About 3 s alone; jsdom's ranges are CPU-bound, so a busy machine takes several times that.
  }, 60_000);
});

const corpus = sharedPath('corpus/readability');
const pages = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((name) => existsSync(join(corpus, name, 'source.html')))
      .sort()
  : [];
/** A spread of the corpus, to keep the run short: every eighth page, and the longest one. */
const sample = [
  ...new Set([...pages.filter((_, i) => i % 8 === 0), ...pages.filter((p) => p === 'wikipedia-2')]),
];

describeWithShared(
  'describe then anchor, on real pages from ../shared/corpus/readability',
  { needs: ['corpus/readability'] },
  () => {
    it.each(sample)(
      'gives back the same text for random selections on %s',
      (name) => {
        const html = readFileSync(join(corpus, name, 'source.html'), 'utf8');
        const root = new DOMParser().parseFromString(html, 'text/html').body;
        const index = new TextIndex(root);
        const points = boundaryPoints(root);
        fc.assert(
          fc.property(fc.nat(points.length - 1), fc.nat(2000), (i, length) => {
            const a = points[i];
            const b = points[Math.min(points.length - 1, i + length)];
            if (a !== undefined && b !== undefined) roundTrip(root, index, a, b);
          }),
          { numRuns: 15 },
        );
        // jsdom's Range operations walk the whole tree, so the longest pages take seconds here.
      },
      60_000,
    );
  },
);
