/**
 * Whether Counterpoint's overlay and claim card are drawn light or dark (issue 13): dark on a dark page, and
 * dark for a reader who asks for dark pages (`prefers-color-scheme: dark`). Decided from the page's computed
 * colours alone, so the decision is a pure function the page interface feeds and the card is told.
 */
export type ColorScheme = 'light' | 'dark';

/** A colour's sRGB channels (0–255) and its alpha (0–1). */
interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * A computed colour as both browsers serialise a background: `rgb(r, g, b)` or `rgba(r, g, b, a)`, with commas
 * or spaces. Anything else (a colour kept in another space, such as `oklch(…)`) is null: unknown.
 */
export function parseComputedColor(value: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(
    value.trim(),
  );
  if (!match) return null;
  const [, r, g, b, alpha, percent] = match;
  const a = alpha === undefined ? 1 : Number(alpha) / (percent ? 100 : 1);
  return { r: Number(r), g: Number(g), b: Number(b), a: Math.min(1, Math.max(0, a)) };
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (upper: number, lower: number) => upper * top.a + lower * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG's relative luminance of an opaque colour, 0 (black) to 1 (white). */
function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Below this luminance white text contrasts more than black: the background reads as dark. It is where the two
 * contrast ratios meet, (1 + 0.05) / (L + 0.05) = (L + 0.05) / 0.05.
 */
const DARK_BELOW = Math.sqrt(1.05 * 0.05) - 0.05;

/** What the browser paints under a page that paints no background of its own. */
const CANVAS: Record<ColorScheme, Rgba> = {
  light: { r: 255, g: 255, b: 255, a: 1 },
  dark: { r: 18, g: 18, b: 18, a: 1 },
};

export interface PageColours {
  /**
   * The computed `background-color` of the element the reader looks at and of each of its ancestors, innermost
   * first, up to the root element: the first opaque one hides those after it.
   */
  backgrounds: string[];
  /** The scheme of the browser's canvas under the root: dark when the page's `color-scheme` makes it so. */
  canvas: ColorScheme;
  /** The reader's `prefers-color-scheme: dark`. */
  prefersDark: boolean;
}

/** The page's own scheme, from the colour its backgrounds show, composited over the canvas. */
export function pageScheme({ backgrounds, canvas }: Omit<PageColours, 'prefersDark'>): ColorScheme {
  const layers: Rgba[] = [];
  for (const background of backgrounds) {
    const colour = parseComputedColor(background);
    // A colour this cannot read hides what is under it, lightness unknown: the canvas stands in for it.
    if (!colour) break;
    if (colour.a === 0) continue;
    layers.push(colour);
    if (colour.a === 1) break;
  }
  const shown = layers.reduceRight((below, layer) => over(layer, below), CANVAS[canvas]);
  return luminance(shown) < DARK_BELOW ? 'dark' : 'light';
}

/** The overlay's scheme: dark on a dark page, and dark whenever the reader prefers dark. */
export function overlayScheme(colours: PageColours): ColorScheme {
  return colours.prefersDark ? 'dark' : pageScheme(colours);
}

/** The canvas scheme a root's computed `color-scheme` (`normal`, `light dark`, `only dark`…) gives. */
export function canvasScheme(rootColorScheme: string, prefersDark: boolean): ColorScheme {
  const words = rootColorScheme.split(/\s+/);
  if (!words.includes('dark')) return 'light';
  return !words.includes('light') || prefersDark ? 'dark' : 'light';
}
