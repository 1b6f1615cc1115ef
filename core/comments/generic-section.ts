/**
 * The fallback for comment sections no platform reader knows: a block marked as comments (by its id or class, or
 * by a heading such as "12 Responses" or "留言列表") holding repeated blocks that each look like a comment.
 *
 * Lookalikes are what make this hard. A "Recent comments" widget, a related-posts list, a menu or a footer also
 * repeat blocks under a heading, so a section is refused when it sits in navigation, a footer or a widget, and an
 * item is refused when its text is mostly links (teasers and menus are; comments are not).
 */

import type { CommentFields, OwnQuery } from './comment-markup';
import {
  authorElementFrom,
  cleanAuthor,
  permalinkFrom,
  postedElementsFrom,
  postedFrom,
  resolveHref,
  scoped,
  textOf,
} from './comment-markup';
import { parsePostedTime } from './posted-time';

/**
 * Headings that name a comment section, in the languages of the pages we have met: "Comments", "12 Responses to …",
 * "One reply", "Discussion", "留言列表". A bare singular ("Response") is more often a heading in the article itself.
 */
const SECTION_HEADING =
  /\b(?:comments|responses|replies|discussion|reactions|what people are saying|commentaires|comentarios|commenti|reacties|komentarze)\b|\b(?:\d+|one|no)\s+(?:comment|response|reply)\b|^(?:comment|leave a (?:comment|reply))\b|kommentare\b|leserstimmen|lesermeinungen|留言|评论|評論|回應|コメント|댓글|комментари/i;

/** Ids and classes that name a comment section or list (not one comment: `comment-12` is an item). */
const SECTION_NAME =
  /(?:^|[\s_-])(?:comments|responses|replies|discussion|comment-?(?:list|box|text|area|wrapper|stream|section|thread|container)s?)(?:$|[\s_-])/i;

/** Elements that can hold a list of comments; form controls named `comment` cannot. */
const CONTAINER_TAGS = 'div, section, aside, article, main, ol, ul, dl, table, tbody';

/**
 * Ids and classes of comment-ish things that are not a section of comments to answer: counters, forms, buttons,
 * login prompts. A container with one of these in its own name is not a comment section.
 */
const WIDGET_NAME =
  /(?:^|[\s_-])(?:count|counter|icon|form|respond|reply-title|login|subscribe|link|button|btn|cta|policy|rules|header|meta|social|share\w*)(?:$|[\s_-])/i;

/**
 * A class or id token naming a region that is never the comment section: sidebars, widgets (a "Recent comments"
 * widget among them), related or promoted content, menus, footers. The word must start or end the token, so that a
 * layout wrapper such as `content-sidebar-wrap` does not hide the content in it.
 */
const REGION_TOKEN =
  /^(?:recent|related|recommend\w*|popular|trending|widgets?|sidebar|menu|nav|navbar|navigation|breadcrumbs?|promo\w*|teaser|newsletter|footer|taboola|outbrain)(?:[_-]|$)|[_-](?:recent|related|widgets?|sidebar|menu|nav|navigation|promo|teasers?|footer|taboola|outbrain)$/i;

const LOOKALIKE_CONTAINERS =
  'nav, menu, [role="navigation"], [role="contentinfo"], [role="banner"], [role="menu"]';

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

function nameOf(element: Element): string {
  return `${element.id} ${element.getAttribute('class') ?? ''}`;
}

/**
 * Headings of blocks that list comments made elsewhere on the site: "Recent comments", "Most discussed",
 * "Latest replies", "Top comments this week".
 */
const ELSEWHERE_HEADING =
  /^(?:recent|latest|newest|popular|trending|top|most (?:discussed|commented|popular|read|talked))\b|\b(?:recent|latest) (?:comments|replies|discussions)\b/i;

/** Class or id tokens of a sidebar, or of a widget listing comments made elsewhere on the site. */
const SIDEBAR_TOKEN =
  /^(?:sidebar\w*|side-bar|secondary|widget_recent\w*|recentcomments|recent-comments?|popular\w*|most-(?:discussed|commented)\w*)$|[_-](?:sidebar|recent-comments|recentcomments)$/i;

/** Whether one block (not its ancestors) is a sidebar, an aside, or a widget headed "Recent comments". */
function isSidebarBlock(a: Element): boolean {
  if (a.matches(LOOKALIKE_CONTAINERS)) return true;
  // A page footer, not the <footer> of a comment or of an article.
  if (a.matches('footer') && a.parentElement?.matches('body')) return true;
  const heading = ownHeading(a);
  // An aside holds a sidebar's widgets, unless it is itself the comment section.
  if (a.matches('aside') && !isNamedSection(a) && !(heading && SECTION_HEADING.test(textOf(heading))))
    return true;
  if (heading && ELSEWHERE_HEADING.test(textOf(heading))) return true;
  return tokensOf(a).some((token) => SIDEBAR_TOKEN.test(token));
}

/** Whether one block is a sidebar (above), navigation, a widget, related or promoted content, or a footer. */
function isLookalikeBlock(a: Element): boolean {
  return isSidebarBlock(a) || tokensOf(a).some((token) => REGION_TOKEN.test(token));
}

/** The block's own title: its first child that is a heading, without searching deeper (cheap on every ancestor). */
function ownHeading(block: Element): Element | null {
  for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
    if (child.matches('h2, h3, h4')) return child;
  }
  return null;
}

function tokensOf(element: Element): string[] {
  return nameOf(element).split(/\s+/);
}

/** Walks up from `element` until a block says yes, sharing verdicts through `memo` (see the callers). */
function regionVerdict(
  element: Element,
  isBlock: (a: Element) => boolean,
  memo?: Map<Element, boolean>,
): boolean {
  const path: Element[] = [];
  let verdict = false;
  for (let a: Element | null = element; a && !a.matches('body, html'); a = a.parentElement) {
    const known = memo?.get(a);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    path.push(a);
    if (isBlock(a)) {
      verdict = true;
      break;
    }
  }
  // Every block on the path shares the verdict of the block that decided it, or of the body when none did.
  if (memo) for (const a of path) memo.set(a, verdict);
  return verdict;
}

/**
 * True when the element, or a block around it, is navigation, a footer, a widget or promoted content: where the
 * generic reader must not look for comments. `memo` keeps verdicts on blocks met before.
 */
export function isLookalikeRegion(element: Element, memo?: Map<Element, boolean>): boolean {
  return regionVerdict(element, isLookalikeBlock, memo);
}

/**
 * True when the element sits in a sidebar, an aside or a widget listing comments made elsewhere ("Recent
 * comments", "Most discussed"): where a platform's own comment markup, repeated, is not this page's comment.
 * Narrower than {@link isLookalikeRegion}, because forums and news sites build their main column out of blocks
 * they call widgets. `memo` keeps verdicts on blocks met before, so a long thread is checked cheaply.
 */
export function isSidebarRegion(element: Element, memo?: Map<Element, boolean>): boolean {
  return regionVerdict(element, isSidebarBlock, memo);
}

/** A container whose own id or class names a comment section, and not one of its counters or forms. */
function isNamedSection(element: Element): boolean {
  const name = nameOf(element);
  return SECTION_NAME.test(name) && !WIDGET_NAME.test(name);
}

/** Share of an element's text that sits inside links: high for menus and teasers, low for what people wrote. */
function linkDensity(element: Element, total: number, byline: Element): number {
  if (total === 0) return 1;
  let linked = 0;
  for (const link of element.querySelectorAll('a')) {
    // A commenter's name linked to their site and a date linked to the comment are normal in a comment.
    if (byline.contains(link) || link.contains(byline)) continue;
    const text = textOf(link);
    if (!parsePostedTime(text)) linked += text.length;
  }
  return linked / total;
}

/** A block marked as a comment section; when a heading marked it, only what follows the heading counts. */
export interface CommentContainer {
  element: Element;
  heading?: Element;
}

/** Containers marked as comment sections, by name or by a heading, found within or around `scope`. */
export function commentContainers(scope: ParentNode): CommentContainer[] {
  const found = new Map<Element, CommentContainer>();
  const lookalikes = new Map<Element, boolean>();
  const consider = (element: Element | null | undefined, heading?: Element): void => {
    if (!element || found.has(element) || isLookalikeRegion(element, lookalikes)) return;
    found.set(element, { element, heading });
  };
  for (const element of scope.querySelectorAll(CONTAINER_TAGS)) {
    if ((element.id || element.hasAttribute('class')) && isNamedSection(element)) consider(element);
  }
  for (const heading of scope.querySelectorAll(HEADINGS)) {
    const text = textOf(heading);
    if (text.length <= 120 && SECTION_HEADING.test(text)) consider(heading.parentElement, heading);
  }
  // A rescan scoped to new nodes inside a section still needs that section.
  const start = (scope as Node).nodeType === 1 ? (scope as Element) : null;
  for (let a = start?.parentElement; a; a = a.parentElement) {
    if (a.matches(CONTAINER_TAGS) && isNamedSection(a)) {
      consider(a);
      break;
    }
  }
  return [...found.values()];
}

/** Class tokens that vary between items of one list (zebra striping, depth, state), so they do not group items. */
const VARYING_CLASS =
  /^(?:odd|even|alt|first|last|active|new|unread|highlighted?|premium|byuser|bypostauthor|clearfix|clear-block|depth-\d+|thread-\w+|comment-author-.*|comment-by-.*|.*\d.*)$/i;

function signature(element: Element): string {
  // Items of one list share an id pattern (`comment-12`, `comment-13`) and data attributes; the list around them
  // may share their tag and classes, but not those.
  const id = /\d/.test(element.id) ? element.id.replace(/\d[\s\S]*$/, '#') : '';
  const data = element
    .getAttributeNames()
    .filter((n) => n.startsWith('data-'))
    .sort()
    .join(',');
  const classes = new Set(
    (element.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !VARYING_CLASS.test(c)),
  );
  return `${element.tagName}#${id}.${[...classes].sort().slice(0, 3).join('.')}[${data}]`;
}

const AUTHOR_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '.fn',
  '[class*="author-name"]',
  '[class*="author-link"]',
  '[class*="username"]',
  '[class*="user-name"]',
  '[class*="user_name"]',
  '[class*="nickname"]',
  '.author',
  '[class*="author"] a',
  'cite',
  '.name',
  '[class*="commenter"]',
  '[class*="author"]',
  '[rel="author"]',
];

const TIME_SELECTORS = [
  'time',
  '[data-publishtime]',
  '[data-timestamp]',
  '[data-time]',
  '[itemprop="dateCreated"]',
  '[itemprop="datePublished"]',
  '[class*="date"]',
  '[class*="time"]',
  '[class*="stamp"]',
  '[class*="when"]',
  '.meta',
];

const BODY_SELECTORS = [
  '[itemprop="text"]',
  '[class*="comment-content"]',
  '[class*="comment-body"]',
  '[class*="comment-text"]',
  '[class*="message"]',
  '[class*="post-text"]',
  '[class*="content"]',
  '[class*="body"]',
  '[class*="text"]',
];

/** Reads one generic comment item. */
export function readGenericItem(root: Element, own: OwnQuery): CommentFields {
  const anchor =
    root.getAttribute('data-comment-id') ??
    root.getAttribute('data-id') ??
    root.getAttribute('data-cid') ??
    precedingAnchor(root) ??
    own('a[name^="comment"], a[id^="comment"], [id^="comment-"]')?.getAttribute('name') ??
    own('[id^="comment-"]')?.id;
  const beside = nameBesideTime(root);
  const author = authorElementFrom(own, AUTHOR_SELECTORS) ?? beside;
  // The body is the block with the text in it, not one that also holds the name above the text.
  const isBody = (e: Element): boolean =>
    !inMetaRegion(e, root) && textOf(e).length > 0 && !(author && e.contains(author.element));
  const body = BODY_SELECTORS.map((s) => own(s, isBody)).find((e) => e !== null);
  const stamp = beside?.stamp;
  const posted =
    postedElementsFrom(own, TIME_SELECTORS) ??
    (stamp ? { posted: parsePostedTime(textOf(stamp)) ?? '', elements: [stamp] } : undefined);
  return {
    id: root.id || anchor || undefined,
    author: author?.name,
    posted: posted?.posted,
    skip: [...(author ? [bylineOf(author.element, root, body)] : []), ...(posted?.elements ?? [])],
    // A link on the comment's date or time usually leads to the comment itself (Kinja, many custom systems).
    permalink:
      resolveHref(own('a[href]', (a) => parsePostedTime(textOf(a)) !== undefined)) ??
      permalinkFrom(own, [
        'a[href*="#comment"]',
        'a[rel="bookmark"]',
        'time a[href]',
        'a[href] time',
        '[class*="publish"] a[href]',
        '[class*="date"] a[href]',
        '[class*="time"] a[href]',
      ]),
    body: body ?? null,
  };
}

/** The short block around the author's name ("gus · yesterday"), which is about the comment, not in it. */
function bylineOf(author: Element, root: Element, body: Element | undefined): Element {
  const around = author.parentElement;
  if (!around || around === root || around === body || (body && around.contains(body))) return author;
  return textOf(around).length <= textOf(author).length + 60 ? around : author;
}

/** Headers, bylines and pop-up cards around the name: their "content" is not the comment's. */
const META_REGION =
  /(?:^|[\s_-])(?:meta|author|avatar|byline|hovercard|dropdown|popover|tooltip)(?:$|[\s_-])/i;

function inMetaRegion(element: Element, root: Element): boolean {
  for (let a: Element | null = element; a && a !== root; a = a.parentElement) {
    if (a.matches('header, footer') || META_REGION.test(a.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Drupal and others print `<a id="comment-12"></a>` just before the comment instead of giving it an id. */
function precedingAnchor(root: Element): string | undefined {
  const previous = root.previousElementSibling;
  if (!previous?.matches('a[id], a[name]') || textOf(previous)) return undefined;
  return previous.id || previous.getAttribute('name') || undefined;
}

/** Pop-up cards and menus beside a name, whose dates and titles are not the comment's. */
const POPUP = /(?:^|[\s_-])(?:hovercard|dropdown|popover|tooltip|popup)(?:$|[\s_-])/i;

/** Small elements a byline is made of; only the first few of an item are looked at. */
const BYLINE_PARTS = 'span, small, time, a, b, strong, div, p, li, dt, dd';
const BYLINE_SCAN = 24;

/** A name-like label: one to five words, not a date, not a control ("Reply", "Report"). */
function looksLikeName(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 40 &&
    /\p{L}/u.test(text) &&
    text.split(/\s+/).length <= 5 &&
    !/[.!?]$/.test(text) &&
    cleanAuthor(text) !== undefined &&
    parsePostedTime(text) === undefined &&
    !/\bago$/i.test(text)
  );
}

/**
 * The commenter's name on a site whose classes say nothing ("lz-nutzer"): the short label printed right beside the
 * comment's date, in its first few elements. A news site's own comment list is recognised by this pairing.
 */
function nameBesideTime(item: Element): { name: string; element: Element; stamp: Element } | undefined {
  const parts = item.querySelectorAll(BYLINE_PARTS);
  for (let i = 0; i < parts.length && i < BYLINE_SCAN; i++) {
    const stamp = parts[i];
    // A date in a profile's pop-up card ("joined March 2014") is not the comment's.
    if (
      !stamp ||
      stamp.children.length > 1 ||
      POPUP.test(stamp.closest('[class]')?.getAttribute('class') ?? '')
    )
      continue;
    const text = textOf(stamp);
    if (text.length > 60 || parsePostedTime(text) === undefined) continue;
    for (const side of [stamp.previousElementSibling, stamp.nextElementSibling]) {
      const name = side ? textOf(side) : '';
      if (side && !side.matches(HEADINGS) && looksLikeName(name))
        return { name: cleanAuthor(name) ?? name, element: side, stamp };
    }
  }
  return undefined;
}

/** Whether one repeated block reads like something a person wrote, with a name on it. */
function readsLikeComment(item: Element): boolean {
  // The "leave a reply" form repeats the section's names but is not a comment; teasers lead with a linked headline.
  if (item.querySelector('form, textarea, input:not([type="hidden"]), h1 a, h2 a, h3 a, h4 a')) return false;
  const text = textOf(item);
  if (text.length < 2 || text.length > 50_000) return false;
  const author =
    authorElementFrom((s) => item.querySelector(scoped(s)), AUTHOR_SELECTORS) ?? nameBesideTime(item);
  return author !== undefined && linkDensity(item, text.length, author.element) <= 0.5;
}

/**
 * The comment items of one marked container. The largest group of same-shaped sibling blocks that read like
 * comments sets the shape; every block of that shape in the container is then an item, so replies nested in an
 * item or in a wrapper after it (Drupal's `div.indented`) are found too.
 */
export function genericItems(
  { element: container, heading }: CommentContainer,
  verdicts: Map<Element, boolean> = new Map(),
): Element[] {
  // Nested containers ask about the same blocks; each block is judged once per run.
  const looksLikeComment = (element: Element): boolean => {
    let verdict = verdicts.get(element);
    if (verdict === undefined) {
      verdict = readsLikeComment(element);
      verdicts.set(element, verdict);
    }
    return verdict;
  };
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  const afterHeading = (element: Element): boolean =>
    !heading || (heading.compareDocumentPosition(element) & FOLLOWING) !== 0;
  let best: Element[] = [];
  const parents = [container, ...container.querySelectorAll('div, ol, ul, section, dl, tbody')].slice(0, 400);
  for (const parent of parents) {
    const groups = new Map<string, Element[]>();
    for (const child of parent.children) {
      if (!afterHeading(child)) continue;
      const key = signature(child);
      const group = groups.get(key);
      if (group) group.push(child);
      else groups.set(key, [child]);
    }
    for (const group of groups.values()) {
      if (group.length <= best.length) continue;
      const good = group.filter(looksLikeComment);
      // Most of a real list reads like comments; a list where few do is something else with a few names in it.
      if (good.length > best.length && good.length * 2 >= group.length) best = good;
    }
  }
  const first = best[0];
  if (!first) return [];
  // One block alone is a comment only if it is dated like one; a lone paragraph with a link in it is not.
  if (best.length === 1 && !postedFrom((s) => first.querySelector(scoped(s)), TIME_SELECTORS)) return [];
  const shape = signature(first);
  return [...container.querySelectorAll(first.tagName)].filter(
    (e) => signature(e) === shape && afterHeading(e) && looksLikeComment(e),
  );
}

/** Wrappers that hold the replies to the comment just before them. */
const REPLY_WRAPPER =
  /(?:^|[\s_-])(?:indented|children|replies|child-comments|comment-replies|sub-comments)(?:$|[\s_-])/i;

/**
 * The item a generic item replies to: an item around it, or the item just before the reply wrapper it sits in.
 */
export function genericParent(item: Element, items: ReadonlySet<Element>): Element | null {
  for (let a = item.parentElement; a; a = a.parentElement) {
    if (items.has(a)) return a;
    if (REPLY_WRAPPER.test(a.getAttribute('class') ?? '')) {
      for (let b = a.previousElementSibling; b; b = b.previousElementSibling) if (items.has(b)) return b;
    }
  }
  return null;
}
