/**
 * The comment widgets whose cross-origin frames Counterpoint reads (issue 12). Their frames get a content script
 * of their own (`entrypoints/comment-frame.content/`), which extracts the comments there with the same pure reader
 * as the page's, and the background relays them to the article's page interface. No other frame gets a script, and
 * no permission beyond running there is asked for.
 *
 * Disqus's embed is always served from `https://disqus.com/embed/comments/`. Self-hosted widgets frame their
 * thread from each site's own address but always at the same path: Remark42's `/web/iframe.html`, Coral's
 * `/embed/stream`; their frames are matched by that path on any host. A page that puts a frame of its own at such
 * a path gains nothing by it: its comments are read as the page's own would be. Commento and Isso render into the
 * page itself and are read there.
 */

/**
 * A framed comment widget: the origin its frame is served from (null for a self-hosted widget, served from each
 * site's own), and the path its comment threads live under.
 */
export interface WidgetFrame {
  name: string;
  origin: string | null;
  path: string;
}

export const WIDGET_FRAMES: readonly WidgetFrame[] = [
  { name: 'Disqus', origin: 'https://disqus.com', path: '/embed/comments/' },
  { name: 'Remark42', origin: null, path: '/web/iframe.html' },
  { name: 'Coral', origin: null, path: '/embed/stream' },
];

/** The content script's match patterns: each widget's thread path, on any port (a pattern without one). */
export const WIDGET_FRAME_MATCHES: string[] = WIDGET_FRAMES.map(
  ({ origin, path }) => `${origin ?? '*://*'}${path}*`,
);

/**
 * The widget a frame's address belongs to, or undefined: the same test as the match patterns, so that the
 * background believes a sender is a widget's frame only where the browser would have run our script.
 */
export function widgetOfFrame(url: string): WidgetFrame | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return WIDGET_FRAMES.find(
    ({ origin, path }) =>
      (origin === null || `${parsed.protocol}//${parsed.hostname}` === origin) &&
      parsed.pathname.startsWith(path),
  );
}

/**
 * The origin a comment in a widget's frame is kept under (`CommentRef.frame`): the widget's own, whatever port
 * its frame was served on, or for a self-hosted widget the site's that serves it.
 */
export function frameOriginOf(widget: WidgetFrame, url: string): string {
  return widget.origin ?? new URL(url).origin;
}
