/**
 * Which article a page is: the key under which its claims are stored, so that the same article reached
 * through a tracking link, with a fragment, or with and without `www.` finds the same notes.
 */

/** The URL as given, without its fragment: where the reader is, before any rule of the page key. */
export function urlWithoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** Query parameters that say how the reader arrived, not what they are reading. */
const TRACKING_PARAM =
  /^(utm_|mc_|pk_|hsa_|_hs)|^(fbclid|gclid|dclid|msclkid|yclid|igshid|ref_src|ref|cmpid|mkt_tok)$/i;

/** Strip the fragment, the tracking parameters and `www.`; keep everything that can change the content. */
export function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  // The same article is served with and without `www.`; one key finds its notes either way.
  parsed.hostname = parsed.hostname.replace(/^www\./, '');
  // The query is split by hand: Firefox content scripts cannot iterate a URLSearchParams.
  const nameOf = (pair: string) => {
    const raw = (pair.split('=')[0] ?? '').replace(/\+/g, ' ');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw; // A malformed escape names no tracking parameter.
    }
  };
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !TRACKING_PARAM.test(nameOf(pair)))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  parsed.search = kept.length ? `?${kept.join('&')}` : '';
  return parsed.href;
}

/** The host without a leading `www.`, so that both spellings of a site count as one. */
function siteOf(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

/** Whether two http(s) URLs belong to the same site, as far as trusting a canonical link goes. */
export function sameSite(a: string, b: string): boolean {
  try {
    const left = new URL(a);
    const right = new URL(b);
    return (
      /^https?:$/.test(left.protocol) && /^https?:$/.test(right.protocol) && siteOf(left) === siteOf(right)
    );
  } catch {
    return false;
  }
}

/**
 * The page key: the canonical URL when the page declares one on its own site, else its `og:url` on its own
 * site, else the URL as seen; all normalized. A canonical or `og:url` on another site is ignored: a hostile
 * page could otherwise claim to be an article the reader annotated elsewhere and have those notes loaded
 * into it. Both are read because syndicated and AMP copies often declare only one of them.
 */
export function pageKeyFor(url: string, canonicalHref: string | null, ogUrl: string | null = null): string {
  for (const declared of [canonicalHref, ogUrl]) {
    if (!declared) continue;
    try {
      const resolved = new URL(declared, url).href;
      if (sameSite(resolved, url)) return normalizeUrl(resolved);
    } catch {
      // An unparsable link says nothing about the page.
    }
  }
  return normalizeUrl(url);
}

/** The page key of `doc` as it is now: a page's URL and declared links may change without a load. */
export function documentPageKey(doc: Document): string {
  return pageKeyFor(
    doc.location.href,
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null,
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null,
  );
}
