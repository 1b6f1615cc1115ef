/**
 * The claim card's frame, kept inside the overlay's closed shadow root: an extension page, so that the note
 * and tags the reader types there never pass through the page's document, its events or its selection. This
 * side places the frame, hands it the keyboard, and talks to it through the background (`core/card-channel.ts`).
 */
import {
  CARD_PORT_PREFIX,
  type CardSide,
  type CardView,
  type FromCard,
  newCardToken,
  parseFromCard,
  type ThreadComment,
  type ToCard,
} from '../../core/card-channel';

/** The parts of a runtime port the card frame uses. */
export interface CardPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** How the content script opens a port to the background, where the card page is, and where it docks. */
export interface CardLinks {
  connect(name: string): CardPort;
  /** The card page's URL, without the fragment. */
  cardPage: string;
  /** The side the reader last docked the card to, as the extension's storage held it when this page started. */
  side: CardSide;
  /** Remember the reader's side for the next cards, on every page. */
  keepSide(side: CardSide): void;
}

/** How long to wait before opening the channel again after the background dropped it (a worker restart). */
const RECONNECT_DELAY_MS = 100;
/** How long the toolbar waits for the card to say it is armed; the answer takes milliseconds. */
const ARM_WAIT_MS = 1000;
/** Gap between the card and the window's edges, in CSS pixels; the card page draws its shadow inside it. */
const EDGE = 8;
const WIDTH = 336;

const FRAME_STYLE = [
  'position: fixed',
  `top: ${EDGE}px`,
  `width: ${WIDTH}px`,
  `max-height: calc(100vh - ${2 * EDGE}px)`,
  'border: 0',
  'margin: 0',
  'padding: 0',
  'background: transparent',
  // The same scheme as the card page (`show` keeps them together), so that the browser keeps the frame
  // transparent.
  'color-scheme: light',
].join(';');

export class CardFrame {
  constructor(
    private readonly parent: Node,
    private readonly links: CardLinks,
    private readonly onAction: (action: FromCard) => void,
  ) {
    this.side = links.side;
    this.frame = this.createFrame();
    this.setVisible(false);
    this.open();
  }

  private readonly token = newCardToken();
  private readonly frame: HTMLIFrameElement;
  private port: CardPort | null = null;
  private last: ToCard = { type: 'hide' };
  /** The page's comments as the card last heard them. */
  private lastThread: ToCard | null = null;
  /** Where the reader docked the card: where the page interface found it on starting, then as they move it. */
  private side: CardSide;
  private height = 0;
  private visible = false;
  /** A claim the hidden frame waits for the card to have drawn before it shows (see `FromCard`'s `shown`). */
  private awaitedClaim: string | null = null;
  /** The card was told to arm and has not said it is; told again should that word be lost. */
  private armPending = false;
  private armWaiters: (() => void)[] = [];
  private markReady: () => void = () => undefined;
  /** Settles once the card page answers; until then the keyboard cannot be handed to it. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  /**
   * The reader has text selected and may choose a status next (see `ToCard`'s `arm`); settles once the card
   * has heard it, so that a toolbar shown after it cannot be pressed before the card knows. Should the
   * card's answer never come, it settles anyway after a while: the reader keeps the toolbar.
   */
  arm(): Promise<void> {
    this.armPending = true;
    this.port?.postMessage({ type: 'arm' } satisfies ToCard);
    return new Promise<void>((resolve) => {
      this.armWaiters.push(resolve);
      setTimeout(resolve, ARM_WAIT_MS);
    });
  }

  /** Show the card and move the keyboard into it now, within the reader's own press or click. */
  takeKeyboard(): void {
    this.awaitedClaim = null;
    this.setVisible(true);
    this.frame.focus();
  }

  /** Show `view`; with `focus`, move the keyboard into the card too. */
  show(view: CardView, focus: boolean): void {
    if (focus) this.takeKeyboard();
    else if (!this.visible) this.awaitedClaim = view.claim.id;
    this.frame.style.colorScheme = view.scheme;
    this.send({ type: 'show', view });
  }

  /** Give the card the page's comments, whole, and the page's text, for its suggestions. */
  thread(comments: ThreadComment[], pageText: string): void {
    this.lastThread = { type: 'thread', comments, pageText };
    this.port?.postMessage(this.lastThread);
  }

  /**
   * Dock the card to the window's `side`. Only the card's own dock button leads here: the page can reach
   * neither the frame, in its closed shadow root, nor the card's channel.
   */
  setSide(side: CardSide): void {
    this.side = side;
    this.place();
    this.port?.postMessage({ type: 'side', side } satisfies ToCard);
  }

  hide(): void {
    if (this.last.type === 'hide') return;
    this.awaitedClaim = null;
    this.setVisible(false);
    this.send({ type: 'hide' });
  }

  private send(message: ToCard): void {
    // The card takes a later word as the end of any arming.
    this.armPending = false;
    this.last = message;
    this.port?.postMessage(message);
  }

  /** Tell a card that has (re)connected, or a relay that will hold it for one, everything still in force. */
  private catchUp(port: CardPort): void {
    port.postMessage({ type: 'side', side: this.side } satisfies ToCard);
    if (this.lastThread) port.postMessage(this.lastThread);
    port.postMessage(this.last);
    if (this.armPending) port.postMessage({ type: 'arm' } satisfies ToCard);
  }

  private createFrame(): HTMLIFrameElement {
    const frame = document.createElement('iframe');
    frame.src = `${this.links.cardPage}#${this.token}`;
    frame.title = 'Counterpoint claim';
    frame.setAttribute('style', FRAME_STYLE);
    this.place(frame);
    // In a closed shadow root the frame is not among the page's `window.frames`, and it has no name to target:
    // the page can neither script it nor send it elsewhere.
    this.parent.appendChild(frame);
    return frame;
  }

  private open(): void {
    const port = this.links.connect(`${CARD_PORT_PREFIX}${this.token}`);
    this.port = port;
    port.onMessage.addListener((raw) => {
      const action = parseFromCard(raw);
      if (!action) return;
      if (action.type === 'ready') {
        this.markReady();
        this.catchUp(port);
      } else if (action.type === 'armed') {
        this.armPending = false;
        for (const settle of this.armWaiters.splice(0)) settle();
      } else if (action.type === 'shown') {
        if (action.claimId === this.awaitedClaim) {
          this.awaitedClaim = null;
          this.setVisible(true);
        }
      } else if (action.type === 'size') {
        this.height = action.height;
        this.frame.style.height = `${Math.ceil(action.height)}px`;
      } else {
        this.onAction(action);
      }
    });
    // What the card should show waits in the background for a card page that is not connected yet.
    this.catchUp(port);
    port.onDisconnect.addListener(() => {
      this.port = null;
      setTimeout(() => this.open(), RECONNECT_DELAY_MS);
    });
  }

  private place(frame = this.frame): void {
    frame.style.left = this.side === 'left' ? `${EDGE}px` : 'auto';
    frame.style.right = this.side === 'right' ? `${EDGE}px` : 'auto';
  }

  private setVisible(visible: boolean): void {
    this.visible = visible;
    // Hidden but laid out, so the card page can be measured and take the keyboard the moment it shows.
    this.frame.style.visibility = visible ? 'visible' : 'hidden';
    this.frame.style.pointerEvents = visible ? 'auto' : 'none';
    if (this.height) this.frame.style.height = `${Math.ceil(this.height)}px`;
  }
}
