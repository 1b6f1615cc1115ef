/**
 * The claim card's frame, kept inside the overlay's closed shadow root: an extension page, so that the note
 * and tags the reader types there never pass through the page's document, its events or its selection. This
 * side places the frame, hands it the keyboard, and talks to it through the background (`core/card-channel.ts`).
 */
import {
  CARD_PORT_PREFIX,
  type CardView,
  type FromCard,
  newCardToken,
  parseFromCard,
  type ToCard,
} from '../../core/card-channel';

/** The parts of a runtime port the card frame uses. */
export interface CardPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** How the content script opens a port to the background, and where the card page is. */
export interface CardLinks {
  connect(name: string): CardPort;
  /** The card page's URL, without the fragment. */
  cardPage: string;
}

/** How long to wait before opening the channel again after the background dropped it (a worker restart). */
const RECONNECT_DELAY_MS = 100;
/** Gap between the card and the window's edges, in CSS pixels; the card page draws its shadow inside it. */
const EDGE = 8;
const WIDTH = 336;

const FRAME_STYLE = [
  'position: fixed',
  `top: ${EDGE}px`,
  `right: ${EDGE}px`,
  `width: ${WIDTH}px`,
  `max-height: calc(100vh - ${2 * EDGE}px)`,
  'border: 0',
  'margin: 0',
  'padding: 0',
  'background: transparent',
  // The same scheme as the card page, so that the browser keeps the frame transparent.
  'color-scheme: light',
].join(';');

export class CardFrame {
  constructor(
    private readonly parent: Node,
    private readonly links: CardLinks,
    private readonly onAction: (action: FromCard) => void,
  ) {
    this.frame = this.createFrame();
    this.setVisible(false);
    this.open();
  }

  private readonly token = newCardToken();
  private readonly frame: HTMLIFrameElement;
  private port: CardPort | null = null;
  private last: ToCard = { type: 'hide' };
  private height = 0;
  private markReady: () => void = () => undefined;
  private markArmed: () => void = () => undefined;
  /** Settles once the card page answers; until then the keyboard cannot be handed to it. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  /**
   * The reader has text selected and may choose a status next (see `ToCard`'s `arm`); settles once the card
   * has heard it, so that a toolbar shown after it cannot be pressed before the card knows.
   */
  arm(): Promise<void> {
    const armed = new Promise<void>((resolve) => (this.markArmed = resolve));
    this.send({ type: 'arm' });
    return armed;
  }

  /** Show the card and move the keyboard into it now, within the reader's own press or click. */
  takeKeyboard(): void {
    this.setVisible(true);
    this.frame.focus();
  }

  /** Show `view`; with `focus`, move the keyboard into the card too. */
  show(view: CardView, focus: boolean): void {
    if (focus) this.takeKeyboard();
    else this.setVisible(true);
    this.send({ type: 'show', view });
  }

  hide(): void {
    if (this.last.type === 'hide') return;
    this.setVisible(false);
    this.send({ type: 'hide' });
  }

  private send(message: ToCard): void {
    if (message.type !== 'arm') this.last = message;
    this.port?.postMessage(message);
  }

  private createFrame(): HTMLIFrameElement {
    const frame = document.createElement('iframe');
    frame.src = `${this.links.cardPage}#${this.token}`;
    frame.title = 'Counterpoint claim';
    frame.setAttribute('style', FRAME_STYLE);
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
        // A card page that (re)connects learns what it should show.
        port.postMessage(this.last);
      } else if (action.type === 'armed') {
        this.markArmed();
      } else if (action.type === 'size') {
        this.height = action.height;
        this.frame.style.height = `${Math.ceil(action.height)}px`;
      } else {
        this.onAction(action);
      }
    });
    // What the card should show waits in the background for a card page that is not connected yet.
    port.postMessage(this.last);
    port.onDisconnect.addListener(() => {
      this.port = null;
      setTimeout(() => this.open(), RECONNECT_DELAY_MS);
    });
  }

  private setVisible(visible: boolean): void {
    // Hidden but laid out, so the card page can be measured and take the keyboard the moment it shows.
    this.frame.style.visibility = visible ? 'visible' : 'hidden';
    this.frame.style.pointerEvents = visible ? 'auto' : 'none';
    if (this.height) this.frame.style.height = `${Math.ceil(this.height)}px`;
  }
}
