/**
 * Paints notes with the CSS Custom Highlight API: one highlight per style (each claim status, and rebuttal
 * excerpts), so the page gains no nodes and its own re-renders cannot break our markup.
 *
 * The registry and our `Highlight` objects are shared with the page, so two things follow (issue 10):
 * - Names are random tokens drawn once per page load, never `contested` or the like. The colours therefore
 *   cannot come from fixed CSS in the manifest; they come from a constructed style sheet that this class
 *   adopts into the document. A page can read that sheet, and `getComputedStyle(el, '::highlight(name)')`
 *   gives it the same colours whatever carries them, so a page that knows our palette can still tell a
 *   highlight's status from its colour (or from its `priority`). It can also read which passages are
 *   highlighted. It never sees notes, tags or anything the reader types.
 * - A page can delete, clear or replace what it sees. Nothing announces such a change, so a cheap check runs
 *   every `REPAIR_CHECK_MS` while anything is painted (identity, size and membership of each highlight, and
 *   our style sheet) and puts back what was taken.
 */
import { type HighlightStyle, UNDERLINES } from './underlines';

export type { HighlightStyle };

type Layer = HighlightStyle | 'flash';

/**
 * Each layer's look and its priority: later layers win where two overlap, the reader's doubt over a plain
 * mark, and the flash over everything. Translucent fills with an underline stay readable on light and dark
 * pages alike, and each underline has its own line style (`UNDERLINES`). Backgrounds differ per layer: tests tell the layers apart by them, as a page could.
 */
export const HIGHLIGHT_LAYERS: Record<Layer, { priority: number; css: string }> = {
  rebuttal: {
    priority: 0,
    css: `background-color: rgb(59 130 246 / 0.14); text-decoration: ${UNDERLINES.rebuttal}`,
  },
  highlight: {
    priority: 1,
    css: `background-color: rgb(250 204 21 / 0.4); text-decoration: ${UNDERLINES.highlight}`,
  },
  supported: {
    priority: 2,
    css: `background-color: rgb(34 197 94 / 0.3); text-decoration: ${UNDERLINES.supported}`,
  },
  'needs-source': {
    priority: 3,
    css: `background-color: rgb(245 158 11 / 0.32); text-decoration: ${UNDERLINES['needs-source']}`,
  },
  contested: {
    priority: 4,
    css: `background-color: rgb(239 68 68 / 0.32); text-decoration: ${UNDERLINES.contested}`,
  },
  flash: { priority: 10, css: 'background-color: rgb(59 130 246 / 0.45)' },
};
const LAYERS = Object.keys(HIGHLIGHT_LAYERS) as Layer[];

/** How often to check that the page has left our highlights and their colours alone. */
const REPAIR_CHECK_MS = 500;

/** `document.highlightsFromPoint`, where the browser has it. */
type HitTestingDocument = Document & {
  highlightsFromPoint?(x: number, y: number): { highlight: Highlight; ranges: AbstractRange[] }[];
};

/**
 * A CSS identifier that says nothing: a letter, then 48 random bits. `crypto.getRandomValues` works on
 * plain-http pages too, unlike `crypto.randomUUID`.
 */
function neutralName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `h${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export class Highlighter {
  private readonly painted = new Map<string, { range: Range; style: HighlightStyle }>();
  private readonly idOfRange = new Map<AbstractRange, string>();
  /** The ranges each style must hold: what a repair puts back. */
  private readonly members = new Map<HighlightStyle, Set<Range>>();
  private readonly layers = new Map<Layer, Highlight>();
  private readonly names = new Map<Layer, string>(LAYERS.map((layer) => [layer, neutralName()]));
  private readonly sheetText = LAYERS.map(
    (layer) => `::highlight(${this.names.get(layer)}) { ${HIGHLIGHT_LAYERS[layer].css} }`,
  ).join('\n');
  private sheet: { sheet: CSSStyleSheet; serialized: string } | undefined;
  private repairCheck: ReturnType<typeof setInterval> | undefined;
  private sheetCheckedThisTask = false;

  private layer(layer: Layer): Highlight {
    let highlight = this.layers.get(layer);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = HIGHLIGHT_LAYERS[layer].priority;
      this.layers.set(layer, highlight);
    }
    const name = this.names.get(layer) ?? '';
    if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    return highlight;
  }

  /**
   * Adopt our colours into the document, again if the page dropped them, afresh if it edited them. Checked once
   * per task: painting a page's notes calls this for each, and no page script runs between them.
   */
  private adoptSheet(): void {
    if (this.sheetCheckedThisTask) return;
    this.sheetCheckedThisTask = true;
    queueMicrotask(() => (this.sheetCheckedThisTask = false));
    if (!this.sheet) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(this.sheetText);
      this.sheet = { sheet, serialized: serialize(sheet) };
    }
    const { sheet, serialized } = this.sheet;
    if (serialize(sheet) !== serialized) sheet.replaceSync(this.sheetText);
    adopt(sheet);
  }

  /**
   * Put back whatever the page changed: a highlight deleted from the registry or replaced there, ranges
   * removed from ours or foreign ones added, a changed priority, our style sheet dropped or edited.
   */
  repair(): void {
    this.adoptSheet();
    for (const [style, ranges] of this.members) {
      const highlight = this.layer(style);
      const intact = highlight.size === ranges.size && [...ranges].every((range) => highlight.has(range));
      if (!intact) {
        highlight.clear();
        for (const range of ranges) highlight.add(range);
      }
      const { priority } = HIGHLIGHT_LAYERS[style];
      if (highlight.priority !== priority) highlight.priority = priority;
    }
  }

  /** Paint `range` for note `id`, replacing how it was painted before. */
  paint(id: string, range: Range, style: HighlightStyle): void {
    this.erase(id);
    this.painted.set(id, { range, style });
    this.idOfRange.set(range, id);
    let ranges = this.members.get(style);
    if (!ranges) this.members.set(style, (ranges = new Set()));
    ranges.add(range);
    this.layer(style).add(range);
    this.adoptSheet();
    this.repairCheck ??= setInterval(() => this.repair(), REPAIR_CHECK_MS);
  }

  erase(id: string): void {
    const current = this.painted.get(id);
    if (!current) return;
    this.members.get(current.style)?.delete(current.range);
    this.layers.get(current.style)?.delete(current.range);
    this.painted.delete(id);
    this.idOfRange.delete(current.range);
    if (this.painted.size === 0) {
      clearInterval(this.repairCheck);
      this.repairCheck = undefined;
    }
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  /**
   * The note painted at a viewport point, the innermost one where highlights nest: asked of the browser
   * where it can hit-test highlights, else found from the caret position under the point.
   */
  noteAt(x: number, y: number): string | null {
    const hits = (document as HitTestingDocument).highlightsFromPoint?.(x, y);
    const hit = hits
      ?.flatMap(({ ranges }) => ranges.flatMap((range) => this.idOfRange.get(range) ?? []))
      .sort(
        (a, b) => (this.rangeOf(a)?.toString().length ?? 0) - (this.rangeOf(b)?.toString().length ?? 0),
      )[0];
    if (hit) return hit;
    const caret = document.caretPositionFromPoint?.(x, y);
    if (!caret) return null;
    let best: { id: string; length: number } | null = null;
    for (const [id, { range }] of this.painted) {
      if (!range.isPointInRange(caret.offsetNode, caret.offset)) continue;
      const length = range.toString().length;
      if (!best || length < best.length) best = { id, length };
    }
    return best?.id ?? null;
  }

  /** Draw the eye to a claim for a moment, for a reader who jumped to it from the list. */
  flash(id: string, milliseconds = 1600): void {
    const range = this.rangeOf(id);
    if (!range) return;
    const flash = this.layer('flash');
    flash.add(range);
    this.adoptSheet();
    setTimeout(() => flash.delete(range), milliseconds);
  }
}

/** What Firefox gives a content script to reach the page's own view of its objects. */
interface FirefoxContentScript {
  wrappedJSObject?: Window & typeof globalThis;
  cloneInto?<T>(value: T, into: object): T;
  XPCNativeWrapper?<T>(value: T): T;
}

/**
 * Add `sheet` to the document's adopted style sheets unless it is there. Firefox ESR 140 hides
 * `document.adoptedStyleSheets` from a content script (its Xray view gives a list without an array's methods), so there
 * the list is read and set through the page's view: an array made in the page's compartment without calling page
 * code, and each sheet unwrapped before comparing, as the page's view hands out other wrappers of our own sheet.
 */
function adopt(sheet: CSSStyleSheet): void {
  const own = document.adoptedStyleSheets;
  if (typeof own.includes === 'function') {
    if (!own.includes(sheet)) document.adoptedStyleSheets = [...own, sheet];
    return;
  }
  const firefox = globalThis as FirefoxContentScript;
  const page = firefox.wrappedJSObject;
  if (!page || !firefox.cloneInto || !firefox.XPCNativeWrapper) return;
  const adopted = page.document.adoptedStyleSheets;
  const next = firefox.cloneInto<CSSStyleSheet[]>([], page);
  for (let i = 0; i < adopted.length; i++) {
    const each = adopted[i];
    if (!each) continue;
    if (firefox.XPCNativeWrapper(each) === sheet) return;
    next[next.length] = each;
  }
  next[next.length] = sheet;
  page.document.adoptedStyleSheets = next;
}

/** A style sheet's rules as the browser reads them back, to notice a page's edits. */
function serialize(sheet: CSSStyleSheet): string {
  return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
}
