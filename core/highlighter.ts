/**
 * Paints notes with the CSS Custom Highlight API: one named highlight per style (each claim status, and
 * rebuttal excerpts), so the page gains no nodes and its own re-renders cannot break our markup. The
 * colours live in `highlights.css`, which the extension's manifest injects, as `counterpoint-<style>`.
 */
import type { ClaimStatus } from './model';

export type HighlightStyle = ClaimStatus | 'rebuttal';

/** Later styles win where two highlights overlap: the reader's doubt matters more than a plain mark. */
const PRIORITY: Record<HighlightStyle, number> = {
  rebuttal: 0,
  highlight: 1,
  supported: 2,
  'needs-source': 3,
  contested: 4,
};
const FLASH = 'counterpoint-flash';
/** How often to check that the page has not cleared our highlights from the registry. */
const REGISTRY_CHECK_MS = 1000;

/** `document.highlightsFromPoint`, where the browser has it. */
type HitTestingDocument = Document & {
  highlightsFromPoint?(x: number, y: number): { highlight: Highlight; ranges: AbstractRange[] }[];
};

export class Highlighter {
  private readonly painted = new Map<string, { range: Range; style: HighlightStyle }>();
  private readonly idOfRange = new Map<AbstractRange, string>();
  private readonly layers = new Map<string, Highlight>();
  private registryCheck: ReturnType<typeof setInterval> | undefined;

  private layer(name: string, priority: number): Highlight {
    let highlight = this.layers.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = priority;
      this.layers.set(name, highlight);
    }
    if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    return highlight;
  }

  /**
   * Register our highlights again wherever the page cleared or replaced them. The registry sends no event
   * when it changes, so this runs on a slow timer, and only while something is painted.
   */
  restore(): void {
    for (const [name, highlight] of this.layers) {
      if (highlight.size > 0 && CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  /** Paint `range` for note `id`, replacing how it was painted before. */
  paint(id: string, range: Range, style: HighlightStyle): void {
    this.erase(id);
    this.painted.set(id, { range, style });
    this.idOfRange.set(range, id);
    this.layer(`counterpoint-${style}`, PRIORITY[style]).add(range);
    this.registryCheck ??= setInterval(() => this.restore(), REGISTRY_CHECK_MS);
  }

  erase(id: string): void {
    const current = this.painted.get(id);
    if (!current) return;
    this.layers.get(`counterpoint-${current.style}`)?.delete(current.range);
    this.painted.delete(id);
    this.idOfRange.delete(current.range);
    if (this.painted.size === 0) {
      clearInterval(this.registryCheck);
      this.registryCheck = undefined;
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
    const flash = this.layer(FLASH, 10);
    flash.add(range);
    setTimeout(() => flash.delete(range), milliseconds);
  }
}
