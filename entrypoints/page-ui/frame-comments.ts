/**
 * The comments of the tab's comment widget frames (issue 12), as the background relays them: listed beside the
 * page's own for the card and its suggestions, attached through the frame that shows them, and their excerpts
 * painted, flashed and scrolled to in that frame. The frame's id and its widget's origin come from the
 * background, which read them from the browser's word about the sender: neither the page nor the frame can
 * claim to be another.
 */
import { commentRefOf } from '../../core/comments/comment-ref';
import type { CommentRef, Rebuttal, TextTarget } from '../../core/model';
import type { FrameComment, TabRequests } from '../../core/protocol';
import type { Ask } from '../../messaging/send';

/** A comment of a widget frame, under the id the card knows it by. */
export interface FramedComment extends FrameComment {
  /** The comment's id for the card: its frame's and its own, apart by a space, which no element id holds. */
  key: string;
  frameId: number;
  /** The widget's origin, as its rebuttals store it. */
  frame: string;
}

type FrameNews = TabRequests['tab.frame-comments']['payload'];

export class FrameComments {
  /**
   * @param onPlaced runs when a frame has placed (or lost) excerpts, for the card to say which are found.
   */
  constructor(
    private readonly ask: Ask,
    private readonly onPlaced: () => void,
  ) {}

  private readonly frames = new Map<number, { frame: string; url: string; comments: FramedComment[] }>();
  /** Which frame shows each rebuttal's excerpt. */
  private readonly placed = new Map<string, number>();
  /** Counts the changes of the frames' comments, so that the card hears them again only after one. */
  generation = 0;

  /** A frame's comments, read now; they replace what it sent before. */
  receive({ frameId, frame, url, comments }: FrameNews): void {
    this.frames.set(frameId, {
      frame,
      url,
      comments: comments.map((comment) => ({ ...comment, key: `${frameId} ${comment.id}`, frameId, frame })),
    });
    this.generation += 1;
  }

  all(): FramedComment[] {
    return [...this.frames.values()].flatMap((entry) => entry.comments);
  }

  byKey(key: string): FramedComment | undefined {
    const frameId = Number(key.slice(0, key.indexOf(' ')));
    return this.frames.get(frameId)?.comments.find((comment) => comment.key === key);
  }

  isPlaced(rebuttalId: string): boolean {
    return this.placed.has(rebuttalId);
  }

  /** What a rebuttal taken from this comment stores of it: the comment, and the widget it is shown in. */
  refOf(comment: FramedComment): CommentRef {
    return { ...commentRefOf(comment), frame: comment.frame };
  }

  /** The comment described whole by its frame, as the card attaches it; null when the frame cannot. */
  async target(comment: FramedComment): Promise<TextTarget | null> {
    const answer = await this.ask('frame.target', { frameId: comment.frameId, commentId: comment.id });
    return answer.ok ? answer.value : null;
  }

  /**
   * Show each frame the excerpts of `rebuttals` taken from its widget, and only those: the frame places them
   * in their comments and paints them, and keeps them placed as its thread changes.
   */
  async show(rebuttals: readonly Rebuttal[], only?: number): Promise<void> {
    const work = [...this.frames].map(async ([frameId, { frame }]) => {
      if (only !== undefined && frameId !== only) return;
      const mine = rebuttals
        .filter((rebuttal) => rebuttal.comment.frame === frame)
        .map(({ id, comment, target }) => ({ id, comment, target }));
      const answer = await this.ask('frame.show', { frameId, rebuttals: mine });
      for (const [id, shownBy] of this.placed) if (shownBy === frameId) this.placed.delete(id);
      if (answer.ok) for (const id of answer.value) this.placed.set(id, frameId);
    });
    await Promise.all(work);
    this.onPlaced();
  }

  /**
   * Scroll to a rebuttal's excerpt in its frame and flash it there: the frame scrolls itself, then the page
   * brings that part of the frame into view. False when no frame shows it.
   */
  async reveal(rebuttalId: string): Promise<boolean> {
    const frameId = this.placed.get(rebuttalId);
    if (frameId === undefined) return false;
    const answer = await this.ask('frame.reveal', { frameId, id: rebuttalId });
    if (!answer.ok || !answer.value) return false;
    const element = this.elementOf(frameId);
    if (!element) return true;
    const box = element.getBoundingClientRect();
    const middle = box.top + element.clientTop + (answer.value.top + answer.value.bottom) / 2;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: middle - window.innerHeight / 2, behavior: smooth ? 'smooth' : 'instant' });
    return true;
  }

  /**
   * The page's element of a frame: the one showing its address, else the one showing its widget's thread. The
   * browser gives a content script no way to tell its frames by id, and the page may move a frame on.
   */
  private elementOf(frameId: number): HTMLIFrameElement | null {
    const url = this.frames.get(frameId)?.url;
    if (!url) return null;
    const frames = [...document.querySelectorAll('iframe')];
    const widget = new URL(url);
    return (
      frames.find((frame) => frame.src === url) ??
      frames.find((frame) => {
        if (!URL.canParse(frame.src)) return false;
        const shown = new URL(frame.src);
        return shown.host === widget.host && shown.pathname === widget.pathname;
      }) ??
      null
    );
  }
}
