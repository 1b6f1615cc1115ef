/**
 * What every comment-markup reader shares: the reader interface that `extract.ts` drives, and small DOM helpers
 * for reading a comment's own fields without reading its nested replies' fields by mistake.
 */

import { parsePostedTime } from './posted-time';

/** The markups the extractor recognises, named for the platform or standard that defines them. */
export type CommentMarkupName =
  | 'wordpress'
  | 'wordpress-block'
  | 'blogger'
  | 'discourse'
  | 'hacker-news'
  | 'reddit'
  | 'stack-exchange'
  | 'disqus'
  | 'schema-org'
  | 'json-ld'
  | 'microformats'
  | 'xenforo'
  | 'phpbb'
  | 'vbulletin'
  | 'nodebb'
  | 'lemmy'
  | 'mastodon'
  | 'substack'
  | 'ghost'
  | 'commento'
  | 'isso'
  | 'remark42'
  | 'coral'
  | 'viafoura'
  | 'drupal'
  | 'generic';

/** Fields a markup reader found for one comment; the extractor fills in what is missing. */
export interface CommentFields {
  id?: string;
  author?: string;
  posted?: string;
  permalink?: string;
  /** The element holding what the commenter wrote; the root when absent. */
  body?: Element | null;
  /** Elements inside the body that say who and when rather than what (a byline printed inside the text block). */
  skip?: readonly Element[];
  /** Paragraphs when the markup stores text outside the DOM (JSON-LD). */
  paragraphs?: string[];
}

/** One way of writing comments in HTML. */
export interface CommentMarkupReader {
  name: CommentMarkupName;
  /** A selector matching every candidate comment root of this markup (and perhaps some lookalikes). */
  roots: string;
  /** Rejects candidates the selector cannot tell apart from real comments. */
  accept?: (root: Element) => boolean;
  read: (root: Element, own: OwnQuery) => CommentFields;
  /** For flat layouts (Hacker News) where nesting is drawn, not built: the comment this one replies to. */
  parentOf?: (root: Element) => Element | null;
}

/**
 * Finds the first element matching a selector (and `accept`, when given) that belongs to this comment, not to a
 * reply nested inside it.
 */
export type OwnQuery = (selector: string, accept?: (element: Element) => boolean) => Element | null;

const scopedCache = new Map<string, string>();

/**
 * A selector that matches only inside the element it is run on. Without `:scope`, `.author a` run on a comment also
 * matches a link in the comment whose *page* ancestor has an `author` class.
 */
export function scoped(selector: string): string {
  let out = scopedCache.get(selector);
  if (out === undefined) {
    out = selector
      .split(',')
      .map((part) => `:scope ${part.trim()}`)
      .join(', ');
    scopedCache.set(selector, out);
  }
  return out;
}

/** Builds an {@link OwnQuery} for comments whose roots match `rootSelector`. */
export function ownQueryFor(root: Element, rootSelector: string): OwnQuery {
  return (selector, accept) => {
    for (const match of root.querySelectorAll(scoped(selector))) {
      if (match.matches(rootSelector) || (accept && !accept(match))) continue;
      const owner = match.parentElement?.closest(rootSelector);
      if (owner === root || owner === null) return match;
    }
    return null;
  };
}

/** Visible-ish text of an element, with whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Author names are short; anything longer is a sentence that a loose selector caught. */
export function cleanAuthor(raw: string | null | undefined): string | undefined {
  const text = (raw ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*(?:says|said|wrote|writes)(?:\.\.\.|…|:)?\s*$/i, '')
    .replace(/^(?:by|from)\s+/i, '')
    .trim();
  if (!text || text.length > 80 || /^(?:reply|report|share|permalink|link)$/i.test(text)) return undefined;
  return text;
}

/** The text directly inside an element, without its children's: "Ammon" in `<div><img>Ammon <a>May 1</a></div>`. */
function directText(element: Element): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += ` ${child.nodeValue ?? ''}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** A name, unless it is really a date that a loose selector caught. */
function nameOnly(raw: string | null | undefined): string | undefined {
  const name = cleanAuthor(raw);
  return name && !parsePostedTime(name) && !/\bago$/i.test(name) ? name : undefined;
}

/** The first selector, in order, that yields a plausible author name, with the element it came from. */
export function authorElementFrom(
  own: OwnQuery,
  selectors: readonly string[],
): { name: string; element: Element } | undefined {
  for (const selector of selectors) {
    const element = own(selector);
    if (!element) continue;
    const name =
      nameOnly(element.getAttribute('content')) ??
      nameOnly(textOf(element)) ??
      nameOnly(directText(element)) ??
      nameOnly(element.querySelector('img[alt]')?.getAttribute('alt'));
    if (name) return { name, element };
  }
  return undefined;
}

/** The first selector, in order, that yields a plausible author name. */
export function authorFrom(own: OwnQuery, selectors: readonly string[]): string | undefined {
  return authorElementFrom(own, selectors)?.name;
}

/** Attributes that carry a machine-readable time, in the order pages tend to be right about them. */
const TIME_ATTRIBUTES = [
  'datetime',
  'content',
  'data-time',
  'data-timestamp',
  'data-publishtime',
  'title',
] as const;

function timeIn(element: Element): string | undefined {
  for (const name of TIME_ATTRIBUTES) {
    const parsed = parsePostedTime(element.getAttribute(name));
    if (parsed) return parsed;
  }
  return parsePostedTime(element.textContent);
}

/**
 * The first selector, in order, whose element states a parseable time, in an attribute or in its text, with the
 * elements it came from. When that gives a date alone, a later selector that gives the same date with a time of day
 * wins (pages that print the date and the time in separate elements).
 */
export function postedElementsFrom(
  own: OwnQuery,
  selectors: readonly string[],
): { posted: string; elements: Element[] } | undefined {
  let dateOnly: { posted: string; elements: Element[] } | undefined;
  for (const selector of selectors) {
    const element = own(selector);
    const parsed = element ? timeIn(element) : undefined;
    if (!element || !parsed) continue;
    if (parsed.length > 10 && (!dateOnly || parsed.startsWith(dateOnly.posted))) {
      return { posted: parsed, elements: [...(dateOnly?.elements ?? []), element] };
    }
    dateOnly ??= { posted: parsed, elements: [element] };
  }
  return dateOnly;
}

/** The posted time as {@link postedElementsFrom} finds it. */
export function postedFrom(own: OwnQuery, selectors: readonly string[]): string | undefined {
  return postedElementsFrom(own, selectors)?.posted;
}

/** An absolute URL for an href when the page has a real base, else the href as written. */
export function resolveHref(element: Element | null | undefined, href?: string | null): string | undefined {
  const raw = href ?? element?.getAttribute('href');
  if (!raw || /^\s*javascript:/i.test(raw)) return undefined;
  const base = element?.ownerDocument?.baseURI ?? '';
  if (!/^https?:/i.test(base)) return raw;
  try {
    return new URL(raw, base).href;
  } catch {
    return raw;
  }
}

/** The first selector's link, resolved. */
export function permalinkFrom(own: OwnQuery, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const link = resolveHref(own(selector));
    if (link) return link;
  }
  return undefined;
}

/** A URL fragment as text; a malformed escape (`%E0%A4%A`) is kept as written instead of throwing. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * For layouts that draw a thread by indenting each comment (`depthOf` reads how deep): the nearest comment
 * before `root` that sits less deep, or null for a comment at the top.
 */
export function shallowerBefore(
  root: Element,
  selector: string,
  depthOf: (comment: Element) => number,
): Element | null {
  const depth = depthOf(root);
  if (depth === 0) return null;
  for (let other = previousMatch(root, selector); other; other = previousMatch(other, selector)) {
    if (depthOf(other) < depth) return other;
  }
  return null;
}

/**
 * The element matching `selector` that comes last before `root` in document order, outside `root`: for flat
 * layouts where each comment sits in wrappers of its own and the thread is drawn by indentation.
 */
export function previousMatch(root: Element, selector: string): Element | null {
  for (let a: Element | null = root; a && !a.matches('body'); a = a.parentElement) {
    for (let before = a.previousElementSibling; before; before = before.previousElementSibling) {
      if (before.matches(selector)) return before;
      const inside = before.querySelectorAll(selector);
      const last = inside[inside.length - 1];
      if (last) return last;
    }
  }
  return null;
}
