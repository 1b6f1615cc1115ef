/**
 * The overlay's home in the page: a host element holding a closed shadow root. Closed, so a page script
 * cannot reach the note text through `host.shadowRoot`; inline `!important` styles on the host and a
 * reset inside, so the page's CSS can neither hide nor restyle it; and in the top layer as a popover,
 * so no z-index of the page covers it. Created only when the reader first needs it.
 */
import overlayCss from './overlay.css?inline';

const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'background: transparent',
  'z-index: 2147483647',
  'visibility: visible',
  'opacity: 1',
  'pointer-events: auto',
]
  .map((declaration) => `${declaration} !important`)
  .join(';');

export interface Overlay {
  /** Where the overlay's UI is rendered. */
  container: HTMLElement;
  /** Where the claim card's frame goes: beside the rendered UI, so that no render replaces it. */
  frameParent: Node;
  /** Whether an event happened inside the overlay (its events reach the page retargeted to the host). */
  contains(target: EventTarget | null): boolean;
}

const KEY_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'];

export function createOverlay(): Overlay {
  const host = document.createElement('counterpoint-overlay');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const container = document.createElement('div');
  container.className = 'root';
  shadow.append(style, container);
  // Keystrokes typed into a note would otherwise bubble out to the page's listeners.
  for (const type of KEY_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  mount(host);
  return { container, frameParent: shadow, contains: (target) => target === host };
}

function mount(host: HTMLElement): void {
  document.documentElement.append(host);
  host.popover = 'manual';
  host.showPopover();
  // A page that removes foreign nodes (or re-renders its whole document) must not take the overlay away.
  new MutationObserver(() => {
    if (!host.isConnected) mount(host);
  }).observe(document.documentElement, { childList: true });
}
