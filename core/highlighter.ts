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

export class Highlighter {
  private readonly painted = new Map<string, { range: Range; style: HighlightStyle }>();
  private readonly layers = new Map<string, Highlight>();

  private layer(name: string, priority: number): Highlight {
    let highlight = this.layers.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = priority;
      this.layers.set(name, highlight);
    }
    // The page may have cleared or replaced the registry: registering again brings our highlights back.
    if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    return highlight;
  }

  /** Paint `range` for note `id`, replacing how it was painted before. */
  paint(id: string, range: Range, style: HighlightStyle): void {
    this.erase(id);
    this.painted.set(id, { range, style });
    this.layer(`counterpoint-${style}`, PRIORITY[style]).add(range);
  }

  erase(id: string): void {
    const current = this.painted.get(id);
    if (!current) return;
    this.layers.get(`counterpoint-${current.style}`)?.delete(current.range);
    this.painted.delete(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  /** The note painted at a viewport point, the innermost one where highlights nest. */
  noteAt(x: number, y: number): string | null {
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
