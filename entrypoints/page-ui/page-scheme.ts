/**
 * Reads the page's colours for `core/color-scheme.ts`: the backgrounds under the middle of the window, where
 * the reader looks, walked up to the root element, the root's `color-scheme` and the reader's preference.
 */
import { canvasScheme, type ColorScheme, overlayScheme } from '../../core/color-scheme';

const PREFERS_DARK = '(prefers-color-scheme: dark)';

/** The scheme for the overlay and the card; `ours` tells the overlay's own element, which is not the page. */
export function readPageScheme(ours: (element: Element) => boolean): ColorScheme {
  const root = document.documentElement;
  const prefersDark = matchMedia(PREFERS_DARK).matches;
  const under = document.elementsFromPoint(innerWidth / 2, innerHeight / 2).find((element) => !ours(element));
  const backgrounds: string[] = [];
  for (
    let element: Element | null = under ?? document.body ?? root;
    element;
    element = element.parentElement
  ) {
    backgrounds.push(getComputedStyle(element).backgroundColor);
  }
  return overlayScheme({
    backgrounds,
    canvas: canvasScheme(getComputedStyle(root).colorScheme, prefersDark),
    prefersDark,
  });
}

/** Call `changed` when the reader switches between light and dark. */
export function onPreferredSchemeChange(changed: () => void): void {
  matchMedia(PREFERS_DARK).addEventListener('change', changed);
}
