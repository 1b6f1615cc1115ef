export interface HoverTipProps {
  /** Viewport position of the pointer. */
  x: number;
  y: number;
  text: string;
}

/** A word on the highlight under the pointer: what it is, and that a click opens it. */
export function HoverTip({ x, y, text }: HoverTipProps) {
  return (
    <div class="tip" role="tooltip" style={{ top: `${y + 16}px`, left: `${x + 12}px` }}>
      {text}
    </div>
  );
}
