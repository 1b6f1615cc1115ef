/**
 * What the reader does on the page, as the page interface needs it: a finished selection, a click on a
 * highlight, the pointer over one, scrolling, and a single-page site moving on. Only the browser's own
 * (trusted) events count; a page can forge the others.
 */
import { onPageNavigation } from '../../core/page-navigation';

export interface ReaderInputHandlers {
  /** The reader may have finished selecting text. */
  onSelection(): void;
  /** The selection collapsed or went away. */
  onSelectionGone(): void;
  /** A plain click (no selection) at these viewport coordinates. */
  onClick(x: number, y: number): void;
  /** The pointer rests here, at most once a frame; `target` is what the page saw under it. */
  onHover(x: number, y: number, target: EventTarget | null): void;
  /** The page scrolled or the window resized, at most once a frame. */
  onViewportChange(): void;
  /** The URL changed without a load. */
  onNavigation(): void;
  /** Whether an event happened inside the overlay, which handles its own. */
  inOverlay(target: EventTarget | null): boolean;
}

export class ReaderInput {
  constructor(private readonly handlers: ReaderInputHandlers) {}

  private hoverFrame = 0;
  private viewportFrame = 0;

  start(): void {
    const { handlers } = this;
    document.addEventListener('mouseup', (event) => {
      if (!event.isTrusted || handlers.inOverlay(event.target)) return;
      // The selection is final only after the browser has handled the mouseup.
      setTimeout(() => handlers.onSelection(), 0);
    });
    document.addEventListener('keyup', (event) => {
      if (event.isTrusted && event.shiftKey) handlers.onSelection();
    });
    document.addEventListener('selectionchange', () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed) handlers.onSelectionGone();
    });
    document.addEventListener('click', (event) => {
      if (!event.isTrusted || handlers.inOverlay(event.target)) return;
      if (document.getSelection()?.isCollapsed) handlers.onClick(event.clientX, event.clientY);
    });
    onPageNavigation(() => handlers.onNavigation());
  }

  /** Follow the pointer only while there are highlights to hover. */
  followPointer(wanted: boolean): void {
    if (wanted) document.addEventListener('mousemove', this.onPointerMove, { passive: true });
    else document.removeEventListener('mousemove', this.onPointerMove);
  }

  /** Follow scrolling only while something sits beside text that scrolls. */
  followViewport(wanted: boolean): void {
    if (wanted) {
      window.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
      window.addEventListener('resize', this.onViewportChange, { passive: true });
    } else {
      window.removeEventListener('scroll', this.onViewportChange, { capture: true });
      window.removeEventListener('resize', this.onViewportChange);
    }
  }

  private readonly onPointerMove = (event: MouseEvent): void => {
    if (this.hoverFrame || !event.isTrusted) return;
    const { clientX: x, clientY: y, target } = event;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      this.handlers.onHover(x, y, target);
    });
  };

  private readonly onViewportChange = (): void => {
    if (this.viewportFrame) return;
    this.viewportFrame = requestAnimationFrame(() => {
      this.viewportFrame = 0;
      this.handlers.onViewportChange();
    });
  };
}
