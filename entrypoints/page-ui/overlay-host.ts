/**
 * The overlay's home in the page: a host element holding a closed shadow root. Closed, so a page script
 * cannot reach the note text through `host.shadowRoot`; inline `!important` styles on the host and a
 * reset inside, so the page's CSS can neither hide nor restyle it; and in the top layer as a popover,
 * so no z-index of the page covers it. Created only when the reader first needs it.
 */
import type { ColorScheme } from '../../core/color-scheme';
import overlayCss from './overlay.css?inline';

const HOST_STYLE = [
  'all: initial',
  // Text spacing the reader sets for the whole page (WCAG 1.4.12: a user style or a bookmarklet that widens
  // letter and word spacing on every element) reaches the overlay's text through the host.
  'letter-spacing: inherit',
  'word-spacing: inherit',
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
  /** Draw the overlay light or dark: its colours follow the `data-scheme` of its root (`overlay.css`). */
  setScheme(scheme: ColorScheme): void;
  /** Let go of the keyboard, should the overlay or the card's frame hold it: it goes back to the page. */
  releaseFocus(): void;
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
  // Keys pressed on the toolbar are ours: they need not bubble on to the page. (What the reader types goes to
  // the card's frame, out of the page's reach altogether.)
  for (const type of KEY_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  mount(host);
  return {
    container,
    frameParent: shadow,
    contains: (target) => target === host,
    setScheme: (scheme) => {
      if (container.dataset.scheme !== scheme) container.dataset.scheme = scheme;
    },
    releaseFocus: () => {
      if (!(shadow.activeElement instanceof HTMLElement)) return;
      shadow.activeElement.blur();
      window.focus();
    },
  };
}

/** How often to look again, for the changes no event reports (a page may also swallow the `toggle` event). */
const REPAIR_CHECK_MS = 500;

/**
 * Put the host in the top layer and keep it there: whatever a page does to it (removes or moves it, closes
 * the popover, restyles it or sets `hidden`, `inert`, a class…), it is visible again within a second.
 * Mutation observers and the `toggle` event repair at once; a slow timer catches what they cannot see.
 * A page stylesheet cannot hide the host at all: the inline `!important` declarations outrank its rules.
 */
function mount(host: HTMLElement): void {
  const repair = () => {
    if (host.parentNode !== document.documentElement) document.documentElement.append(host);
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    for (const { name } of [...host.attributes]) {
      if (name !== 'style' && name !== 'popover') host.removeAttribute(name);
    }
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (!host.matches(':popover-open')) host.showPopover();
  };
  repair();
  const watchRoot = new MutationObserver(repair);
  let root = document.documentElement;
  watchRoot.observe(root, { childList: true });
  new MutationObserver(repair).observe(host, { attributes: true });
  host.addEventListener('toggle', repair);
  setInterval(() => {
    // A page that swaps its whole root element takes our observer with the old one.
    if (root !== document.documentElement) {
      root = document.documentElement;
      watchRoot.observe(root, { childList: true });
    }
    repair();
  }, REPAIR_CHECK_MS);
}
