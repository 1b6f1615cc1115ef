import { type HighlightStyle, UNDERLINES } from '../core/underlines';

export interface HoverTipProps {
  /** Viewport position of the pointer. */
  x: number;
  y: number;
  /** How the note is marked on the page, and its name: its status, or the stance of an excerpt. */
  mark: HighlightStyle;
  label: string;
  /** The rest of the sentence after the name. */
  detail: string;
}

/**
 * A word on the highlight under the pointer: what it is, and that a click opens it. Its name is underlined
 * with the very line that marks it on the page, which tells the statuses apart without their colours.
 */
export function HoverTip({ x, y, mark, label, detail }: HoverTipProps) {
  return (
    <div class="tip" role="tooltip" style={{ top: `${y + 16}px`, left: `${x + 12}px` }}>
      <span class={`mark mark-${mark}`} style={{ textDecoration: UNDERLINES[mark] }}>
        {label}
      </span>
      {detail}
    </div>
  );
}
