/**
 * The comment widgets whose cross-origin frames Counterpoint reads (issue 12). Their frames get a content script
 * of their own (`entrypoints/comment-frame.content/`), which extracts the comments there with the same pure reader
 * as the page's, and the background relays them to the article's page interface. No other frame gets a script, and
 * no permission beyond running there is asked for.
 *
 * A widget is listed only when it has one fixed address on every site that embeds it: Disqus's embed is always
 * served from `https://disqus.com/embed/comments/`. Self-hosted widgets (Remark42, Coral, Commento, Isso) sit at
 * each site's own address, so a match for them would have to cover every frame of every site, and they are read
 * only where they render into the page itself.
 */

/** A framed comment widget: the origin its frame is served from, and the path its comment threads live under. */
export interface WidgetFrame {
  name: string;
  origin: string;
  path: string;
}

export const WIDGET_FRAMES: readonly WidgetFrame[] = [
  { name: 'Disqus', origin: 'https://disqus.com', path: '/embed/comments/' },
];

/** The content script's match patterns: each widget's thread path, on any port (a pattern without one). */
export const WIDGET_FRAME_MATCHES: string[] = WIDGET_FRAMES.map(({ origin, path }) => `${origin}${path}*`);

/**
 * The widget a frame's address belongs to, or undefined: the same test as the match patterns, so that the
 * background believes a sender is a widget's frame only where the browser would have run our script.
 */
export function widgetOfFrame(url: string): WidgetFrame | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return WIDGET_FRAMES.find(
    ({ origin, path }) =>
      `${parsed.protocol}//${parsed.hostname}` === origin && parsed.pathname.startsWith(path),
  );
}
