/**
 * The text view that describing and anchoring share, and the maps between it and the DOM.
 *
 * The view is built from the DOM's structure alone, never from layout or computed style, so that it is the same
 * on every visit whatever the viewport, and costs one walk over the nodes (no `getComputedStyle`):
 * - every run of whitespace (space, tab, newline, form feed, no-break space) becomes one space, and so does every
 *   `<br>` and every start or end of a block element (`p`, `div`, `li`, `td`, headings...); no run of spaces is kept,
 *   and the view never starts with a space;
 * - left out, with everything inside them: `script`, `style`, `noscript`, `template`, `head`, `title`, SVG `desc` and
 *   `metadata`, media fallbacks (`audio`, `video`, `iframe`, `object`, `embed`, `canvas`), form controls whose text is
 *   not the article's (`textarea`, `select`, `datalist`; `input` has no text), elements with the `hidden` attribute
 *   (except `hidden="until-found"`, which the browser reveals on find) and elements whose inline style says
 *   `display: none`;
 * - text hidden by a stylesheet stays in the view: finding it would need layout for every element. It only ever
 *   reaches a quote when a selection spans it, and a highlight over it paints nothing.
 */
import { LINE_BREAKING_ELEMENTS } from '../block-elements';
import { foldText } from './folded-text';
import type { FoldedText } from './folded-text';
import { Occurrences } from './occurrences';

/** Whitespace runs the view rewrites to one space: all but a lone plain space, which stays as it is. */
const WHITESPACE_RUN = /[\t\n\f\r\u00a0][\t\n\f\r \u00a0]*| [\t\n\f\r \u00a0]+/g;
const INLINE_DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none/i;

/** Elements whose content is never text the reader reads in the article. */
const EXCLUDED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'desc',
  'metadata',
  'audio',
  'video',
  'iframe',
  'object',
  'embed',
  'canvas',
  'textarea',
  'select',
  'datalist',
]);

/** Per element name: 1 when its content is left out of the view, 2 when it breaks the line. */
const KIND = new Map<string, number>();
for (const name of EXCLUDED) KIND.set(name, 1);
for (const name of LINE_BREAKING_ELEMENTS) KIND.set(name, (KIND.get(name) ?? 0) | 2);

/** Elements that may be hidden by an attribute; `hiddenIn` reads only these, in one native query. */
const MAY_HIDE = '[hidden],[style]';

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 0xa0;
}

/** Collapse whitespace the way the view does, for text that did not come from the view (imported quotes). */
export function normalizeText(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ');
}

/** Every text node under `root` in document order, those the view leaves out included. */
export function textNodesOf(root: Node): Text[] {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
    root,
    4 /* NodeFilter.SHOW_TEXT */,
  );
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Whether an element's attributes leave its content in the view: the `hidden` and inline `display` rules. */
function attributesShow(el: Element): boolean {
  if (!el.hasAttributes()) return true;
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden !== 'until-found') return false;
  const style = el.getAttribute('style');
  return style === null || !INLINE_DISPLAY_NONE.test(style);
}

/**
 * The elements under `root` that their attributes hide: one selector query instead of reading two attributes of
 * every element during the walk.
 */
function hiddenIn(root: Element): Set<Element> {
  const hidden = new Set<Element>();
  const found = root.querySelectorAll(MAY_HIDE);
  for (let i = 0; i < found.length; i++) {
    const el = found[i];
    if (el !== undefined && !attributesShow(el)) hidden.add(el);
  }
  return hidden;
}

/** More changed places than this in one update and a full walk is cheaper than finding each one. */
const MAX_DIRTY = 64;

/**
 * What a MutationObserver on the root must report for `TextIndex.update()`: text, children, and the attributes that
 * hide an element.
 */
export const INDEX_OBSERVER_OPTIONS: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'style'],
};

/** The state of a walk: what it emitted, and whether a space is owed before the next character. */
interface Walk {
  chunks: string[];
  nodes: Text[];
  starts: number[];
  /** Per node: how many whitespace characters its text starts with when its only inner whitespace is single
   * spaces, so that view and node offsets map one to one past them; -1 otherwise. */
  leads: number[];
  /** The elements hidden by their attributes, from `hiddenIn`; null to read the attributes during the walk. */
  hidden: Set<Element> | null;
  length: number;
  /**
   * Whitespace or a line break was seen since the last character; the space is written only before the next
   * character, so that the view never holds two spaces in a row nor ends on one.
   */
  spaceOwed: boolean;
}

function newWalk(length: number, spaceOwed: boolean, hidden: Set<Element> | null = null): Walk {
  return { chunks: [], nodes: [], starts: [], leads: [], hidden, length, spaceOwed };
}

function endsWithSpace(data: string): boolean {
  return data.length > 0 && isWhitespace(data.charCodeAt(data.length - 1));
}

const NOT_WHITESPACE = /[^\t\n\f\r \u00a0]/;

/**
 * Walk from `start` in document order to the end of `root`, or until `stop` has been emitted. With `after`, the
 * walk starts after `start` and its subtree, noting the line breaks of the elements it leaves on the way.
 */
function walkFrom(root: Node, start: Node | null, stop: Node | null, walk: Walk, after = false): void {
  // One loop with its steps written out: on a page's first walk the code runs cold, and calls cost most then.
  const hidden = walk.hidden;
  const { chunks, nodes, starts, leads } = walk;
  let length = walk.length;
  let spaceOwed = walk.spaceOwed;
  let node = start;
  let visit = !after;
  while (node !== null) {
    const type = visit ? node.nodeType : 0;
    visit = true;
    if (type === 3) {
      const data = (node as Text).data;
      const n = data.length;
      const first = data.search(NOT_WHITESPACE);
      if (first < 0) {
        if (n > 0) spaceOwed = true;
      } else {
        let last = n - 1;
        for (
          let c = data.charCodeAt(last);
          c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0;
        ) {
          c = data.charCodeAt(--last);
        }
        let core = first === 0 && last === n - 1 ? data : data.slice(first, last + 1);
        // Text with nothing to rewrite comes back as it is, and maps one to one onto the node past its lead.
        const rewritten = core.replace(WHITESPACE_RUN, ' ');
        const clean = rewritten === core;
        core = rewritten;
        nodes.push(node as Text);
        starts.push(length);
        leads.push(clean ? first : -1);
        if ((spaceOwed || first > 0) && length > 0) {
          chunks.push(' ');
          length++;
        }
        chunks.push(core);
        length += core.length;
        spaceOwed = last < n - 1;
      }
      if (node === stop) break;
    } else if (type === 1) {
      const el = node as Element;
      const kind = KIND.get(el.localName) ?? 0;
      if ((kind & 1) === 0 && (hidden === null ? attributesShow(el) : !hidden.has(el))) {
        if (kind & 2) spaceOwed = true;
        const first: Node | null = el.firstChild;
        if (first !== null) {
          node = first;
          continue;
        }
      }
    }
    let next: Node | null = node.nextSibling;
    while (next === null) {
      const parent: Node | null = node.parentNode;
      if (parent === null || parent === root) break;
      if (((KIND.get((parent as Element).localName) ?? 0) & 2) !== 0) spaceOwed = true;
      node = parent;
      next = node.nextSibling;
    }
    node = next;
  }
  walk.length = length;
  walk.spaceOwed = spaceOwed;
}

/** A point in the DOM: a text node and an offset within it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * One pass over `root`'s text, producing the view (`text`) and the text nodes that contributed to it, in document
 * order, with where each one's contribution starts. Build one per page and anchor many targets against it. The
 * pass is made when the index is first read, so that a page whose notes all place by their hints never pays it.
 */
export class TextIndex {
  private view = '';
  private built = false;
  /** Text nodes that contributed at least one character, in document order. */
  private nodes: Text[] = [];
  /** View offset where each node's contribution starts, including the one space that may come before it. */
  private starts: number[] = [];
  /** Per node: leading whitespace when its view maps one to one onto its text past it, else -1 (see `Walk`). */
  private leads: number[] = [];
  /** The view folded, built when a target is not found as it was; dropped whenever the view changes. */
  private foldedView: FoldedText | null = null;
  /** Where strings occur in the view and in the folded view, built when first needed; dropped with the view. */
  private viewOccurrences: Occurrences | null = null;
  private foldedViewOccurrences: Occurrences | null = null;

  /** An index of `root`; after the page changes, call `update()` with the observer's records, or `rebuild()`. */
  constructor(readonly root: Element) {}

  /** The view: see this module's header for the rules. */
  get text(): string {
    if (!this.built) this.rebuild();
    return this.view;
  }

  /** Walk the whole of `root` again. */
  rebuild(): void {
    const walk = newWalk(0, false, hiddenIn(this.root));
    walkFrom(this.root, this.root.firstChild, null, walk);
    this.view = walk.chunks.join('');
    this.nodes = walk.nodes;
    this.starts = walk.starts;
    this.leads = walk.leads;
    this.built = true;
    this.foldedView = null;
    this.viewOccurrences = null;
    this.foldedViewOccurrences = null;
  }

  /** The view folded so that copy-edits compare equal (see `./folded-text.ts`), kept until the view changes. */
  get folded(): FoldedText {
    this.foldedView ??= foldText(this.text);
    return this.foldedView;
  }

  /** Where strings occur in the view (see `./occurrences.ts`), kept until the view changes. */
  get occurrences(): Occurrences {
    this.viewOccurrences ??= new Occurrences(this.text);
    return this.viewOccurrences;
  }

  /** Where strings occur in the folded view, kept until the view changes. */
  get foldedOccurrences(): Occurrences {
    this.foldedViewOccurrences ??= new Occurrences(this.folded.text);
    return this.foldedViewOccurrences;
  }

  /**
   * Bring the index up to date after DOM changes, walking only the changed parts: pass the records of a
   * MutationObserver that watches `root` with `INDEX_OBSERVER_OPTIONS`. The view is then the same as a fresh
   * index would build. Falls back to `rebuild()` when the changes are many or move nodes around.
   */
  update(records: readonly MutationRecord[]): void {
    // Not walked yet: the first read will see the page as it is then.
    if (!this.built) return;
    const dirty = this.dirtyElements(records);
    if (dirty === null) {
      this.rebuild();
      return;
    }
    for (const element of dirty) {
      if (!this.splice(element)) {
        this.rebuild();
        return;
      }
    }
  }

  /** The top-most elements whose content changed, or null when a full walk is simpler. */
  private dirtyElements(records: readonly MutationRecord[]): Element[] | null {
    const root = this.root;
    const found: Element[] = [];
    for (const record of records) {
      if (record.type === 'childList') {
        for (const removed of Array.from(record.removedNodes)) {
          // A node moved within the page would sit twice in the index until both places are re-walked.
          if (removed.isConnected && root.contains(removed)) return null;
        }
      }
      const target = record.type === 'characterData' ? record.target.parentNode : record.target;
      if (target === null || target.nodeType !== 1) continue;
      if (target !== root && !root.contains(target)) {
        // The root itself was taken out or put back: nothing local about that.
        if (target.contains(root)) return null;
        continue;
      }
      found.push(target as Element);
    }
    const topMost = found.filter(
      (element, i) =>
        found.indexOf(element) === i && !found.some((other) => other !== element && other.contains(element)),
    );
    return topMost.length > MAX_DIRTY ? null : topMost;
  }

  /** Where indexed node `i` is relative to `element`: -1 before, 0 inside, 1 after, null no longer in the page. */
  private placeOf(i: number, element: Element): number | null {
    const node = this.nodes[i];
    if (node === undefined || !this.root.contains(node)) return null;
    if (element.contains(node)) return 0;
    return element.compareDocumentPosition(node) & 2 /* PRECEDING */ ? -1 : 1;
  }

  /** First index in [lo, hi) whose node is at or after `element` (inside it counts), skipping removed nodes. */
  private firstFrom(element: Element, lo: number, hi: number, inside: boolean): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let probe = mid;
      let place = this.placeOf(probe, element);
      while (place === null && probe + 1 < hi) place = this.placeOf(++probe, element);
      if (place === null || place > 0 || (inside && place === 0)) hi = mid;
      else lo = probe + 1;
    }
    return lo;
  }

  /** Re-walk from the last indexed text before `element` to the first one after it, and splice the result in. */
  private splice(element: Element): boolean {
    const root = this.root;
    if (element !== root && !root.contains(element)) return true;
    if (element === root) {
      this.rebuild();
      return true;
    }
    const count = this.nodes.length;
    let before = this.firstFrom(element, 0, count, true) - 1;
    while (before >= 0 && this.placeOf(before, element) === null) before--;
    let after = this.firstFrom(element, Math.max(0, before + 1), count, false);
    while (after < count && this.placeOf(after, element) === null) after++;
    const previous = this.nodes[before];
    const next = this.nodes[after];
    const from = previous === undefined ? 0 : (this.starts[before + 1] ?? this.view.length);
    const to = next === undefined ? this.view.length : (this.starts[after + 1] ?? this.view.length);
    const walk = newWalk(from, previous !== undefined && endsWithSpace(previous.data));
    walkFrom(root, previous ?? root.firstChild, next ?? null, walk, previous !== undefined);
    // The walk must end on the node it was sent to, or the text after it would need re-walking too.
    if (next !== undefined && walk.nodes[walk.nodes.length - 1] !== next) return false;
    const chunk = walk.chunks.join('');
    const delta = chunk.length - (to - from);
    const removed = (next === undefined ? count : after + 1) - (before + 1);
    this.view = this.view.slice(0, from) + chunk + this.view.slice(to);
    this.foldedView = null;
    this.viewOccurrences = null;
    this.foldedViewOccurrences = null;
    this.nodes.splice(before + 1, removed, ...walk.nodes);
    this.starts.splice(before + 1, removed, ...walk.starts);
    this.leads.splice(before + 1, removed, ...walk.leads);
    for (let i = before + 1 + walk.nodes.length; i < this.starts.length; i++) {
      this.starts[i] = (this.starts[i] ?? 0) + delta;
    }
    return true;
  }

  /** The index of the node whose contribution holds view character `at` (0 <= at < text.length). */
  private nodeIndexAt(at: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The DOM place of view character `at`: for a character of the node's text, its offset; for a collapsed space,
   * the offset where its whitespace starts (0 for a space that stands for a line break before the node).
   */
  private charPoint(at: number): TextPoint | null {
    if (this.nodes.length === 0) return null;
    const i = this.nodeIndexAt(at);
    const node = this.nodes[i];
    if (node === undefined) return null;
    const data = node.data;
    let v = this.starts[i] ?? 0;
    if (this.text.charCodeAt(v) === 32) {
      if (at === v) return { node, offset: 0 };
      v++;
    }
    const lead = this.leads[i] ?? -1;
    if (lead >= 0) return { node, offset: Math.min(lead + at - v, data.length) };
    let started = false;
    let runStart = -1;
    for (let j = 0; j < data.length; j++) {
      if (isWhitespace(data.charCodeAt(j))) {
        if (started && runStart < 0) runStart = j;
        continue;
      }
      if (runStart >= 0) {
        if (at === v) return { node, offset: runStart };
        v++;
        runStart = -1;
      }
      if (at === v) return { node, offset: j };
      v++;
      started = true;
    }
    return { node, offset: data.length };
  }

  /** A Range over view characters [start, end), or null when it holds none. */
  toRange(start: number, end: number): Range | null {
    if (start >= end || start < 0 || end > this.text.length) return null;
    const from = this.charPoint(start);
    const last = this.charPoint(end - 1);
    if (from === null || last === null) return null;
    const range = (this.root.ownerDocument ?? document).createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(last.node, Math.min(last.offset + 1, last.node.data.length));
    return range;
  }

  /**
   * The view offset of a DOM boundary point. A point inside text that is not in the view (a script, a hidden
   * element) or at an element boundary counts as the place of the next text that is.
   */
  offsetOf(container: Node, offset: number): number {
    if (!this.built) this.rebuild();
    const nodes = this.nodes;
    if (nodes.length === 0) return 0;
    const doc = this.root.ownerDocument ?? document;
    const probe = doc.createRange();
    try {
      probe.setStart(container, offset);
    } catch {
      return 0;
    }
    // First indexed node at or after the point.
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const node = nodes[mid];
      if (node !== undefined && probe.comparePoint(node, 0) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (nodes[lo] === container) return this.offsetInNode(lo, offset);
    if (lo > 0 && nodes[lo - 1] === container) return this.offsetInNode(lo - 1, offset);
    return lo < nodes.length ? (this.starts[lo] ?? this.text.length) : this.text.length;
  }

  /**
   * The view offset of `offset` within indexed node `i`. A collapsed space counts from the first character of its
   * whitespace, so that a point at the start of a word lands on the word, not on the space before it.
   */
  private offsetInNode(i: number, offset: number): number {
    const node = this.nodes[i];
    let v = this.starts[i] ?? 0;
    if (node === undefined) return v;
    const data = node.data;
    if (this.text.charCodeAt(v) === 32) v++;
    const lead = this.leads[i] ?? -1;
    if (lead >= 0) {
      const length = (this.starts[i + 1] ?? this.text.length) - v;
      return v + Math.max(0, Math.min(offset - lead, length));
    }
    let started = false;
    let inRun = false;
    const stop = Math.min(offset, data.length);
    for (let j = 0; j < stop; j++) {
      if (isWhitespace(data.charCodeAt(j))) {
        if (started) inRun = true;
        continue;
      }
      if (inRun) v++;
      v++;
      inRun = false;
      started = true;
    }
    if (inRun) {
      // Inside a run: its space is this node's only if a character follows it here; else the next node owns it.
      for (let j = stop; j < data.length; j++) {
        if (!isWhitespace(data.charCodeAt(j))) return v + 1;
      }
    }
    return v;
  }
}
