/**
 * Comment-section extraction: finds the comments on a page and reads, for each one, what a rebuttal needs (author,
 * posted time, permalink or id, reply parent and depth, and the text as paragraphs with numbered points apart).
 *
 * Offers:
 * - {@link extractComments}: every comment within a document or a subtree, in document order;
 * - {@link findCommentSections}: the elements to watch for comments that arrive late;
 * - {@link ExtractedComment}, {@link CommentMarkupName}.
 *
 * Pure over the DOM: no `browser.*`, no clock, no writes to the page. Calling it again is cheap and gives the same
 * ids for the same comments, so a content script can re-run it from a debounced MutationObserver, either on the
 * whole document or on just the section that changed, and merge the results by `id`.
 *
 * Markups, most specific first: Stack Exchange, Hacker News, old Reddit, Discourse, Disqus (rendered in the page),
 * Blogger, WordPress block themes, WordPress classic themes, schema.org `Comment` in microdata, microformats2, and
 * schema.org `Comment` in JSON-LD; then a generic fallback for repeated blocks in a section marked as comments.
 * A comment widget inside a cross-origin iframe (Disqus's usual embed) is out of reach of the page's DOM, so it
 * yields nothing here; the same code runs inside Disqus's frame, in `entrypoints/comment-frame.content/`.
 */

import { commentParagraphs } from './comment-text';
import type { CommentFields, CommentMarkupName, CommentMarkupReader, OwnQuery } from './comment-markup';
import { ownQueryFor, scoped } from './comment-markup';
import {
  commentContainers,
  genericItems,
  genericParent,
  isLookalikeRegion,
  isSidebarRegion,
  readGenericItem,
} from './generic-section';
import { FORUM_MARKUPS } from './forum-markups';
import { SITE_MARKUPS } from './site-markups';
import { WIDGET_MARKUPS } from './widget-markups';
import { STRUCTURED_MARKUPS, jsonLdComments } from './structured-markups';

export type { CommentMarkupName } from './comment-markup';

/** One comment found on the page. */
export interface ExtractedComment {
  /** The element that holds the whole comment: what to scroll to, flash, and scope an excerpt's selectors to. */
  root: Element;
  /**
   * Stable for the same comment across runs: the page's own id for it (`comment-215101`, `t1_abc`), else one derived
   * from its author and text. Unique within one result.
   */
  id: string;
  /** The name shown with the comment; "Anonymous" when the page shows none. */
  author: string;
  /** ISO 8601 when the page states when it was posted; a local time when the page gives no zone. */
  posted?: string;
  /** The comment's permalink as the page links it (absolute when the page has an http(s) base URL). */
  permalink?: string;
  /** The `id` of the comment this one replies to. */
  parentId?: string;
  /** 0 for a top-level comment, 1 for a reply to it, and so on. */
  depth: number;
  /** The comment's own text, replies excluded: its paragraphs joined by blank lines. */
  text: string;
  /** The text's paragraphs; each numbered point ("1, …", "2) …") is a paragraph of its own. */
  paragraphs: string[];
  /** Which markup recognised it, for diagnostics and tests. */
  markup: CommentMarkupName;
}

interface Found {
  root: Element;
  markup: CommentMarkupName;
  fields: CommentFields;
  reader?: CommentMarkupReader;
  /** How to find the comment this one replies to, when nesting alone does not say. */
  parentOf?: (root: Element) => Element | null;
}

const MAX_DEPTH = 64;

/**
 * One selector for the platform readers' roots, so that the page is searched once, not once per reader. The
 * structured-data readers search on their own: their `itemtype*="schema.org/…"` selectors, joined to this list,
 * make jsdom's selector engine return nothing at all.
 */
const PLATFORM_READERS = [...SITE_MARKUPS, ...FORUM_MARKUPS, ...WIDGET_MARKUPS];
const PLATFORM_ROOTS = PLATFORM_READERS.map((reader) => reader.roots).join(', ');
const READERS = [...PLATFORM_READERS, ...STRUCTURED_MARKUPS];

/** The elements inside `scope` matching `selector`, and `scope` itself when it matches (a rescan of one reply). */
function matchesIn(scope: ParentNode, selector: string): Element[] {
  const list = [...scope.querySelectorAll(selector)];
  const self = scope as Element;
  if (self.nodeType === 1 && self.matches(selector)) list.unshift(self);
  return list;
}

function insideAny(element: Element, roots: ReadonlySet<Element>): boolean {
  for (let a: Element | null = element; a; a = a.parentElement) if (roots.has(a)) return true;
  return false;
}

/** A short, stable hash (FNV-1a) so a comment without an id in the page still keeps the same id between runs. */
function hashId(author: string | undefined, paragraphs: readonly string[]): string {
  const text = `${author ?? ''}\n${paragraphs.join('\n').slice(0, 500)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `comment-${(hash >>> 0).toString(36)}`;
}

/** The element whose reply this root is, by the reader's own rule or by nesting. */
function parentRoot(found: Found, known: ReadonlyMap<Element, Found>): Element | null {
  const parentOf = found.parentOf ?? found.reader?.parentOf;
  if (parentOf) return parentOf(found.root);
  const selector = found.reader?.roots;
  for (let a = found.root.parentElement; a; a = a.parentElement) {
    const other = known.get(a);
    if (other) return a;
    // A parent outside the rescanned subtree is still the parent.
    if (selector && a.matches(selector) && (!found.reader?.accept || found.reader.accept(a))) return a;
  }
  return null;
}

/**
 * Finds the comments within `scope` (a Document, or an Element such as a comment section or a newly loaded batch).
 * Lookalikes are refused: sidebars' "Recent comments", related-post lists, menus and footers yield nothing.
 * A subtree scan reports the comments inside it with the same ids, parents and depths as a whole-page scan.
 */
export function extractComments(scope: ParentNode): ExtractedComment[] {
  const claimed = new Set<Element>();
  const found: Found[] = [];
  const take = (entry: Found): void => {
    claimed.add(entry.root);
    found.push(entry);
  };

  const sidebars = new Map<Element, boolean>();
  const platformCandidates = matchesIn(scope, PLATFORM_ROOTS);
  // Every reader, the most specific first; forum posts and widgets may also carry schema.org microdata.
  for (const reader of READERS) {
    const pool = PLATFORM_READERS.includes(reader) ? platformCandidates : matchesIn(scope, reader.roots);
    // A later reader's candidate inside a claimed comment is a second description of it (themes add microdata to
    // WordPress comments), not another comment. The same markup repeated in a sidebar's "Recent comments" or a
    // "Most discussed" widget lists comments made elsewhere.
    const mine = pool.filter(
      (root) =>
        root.matches(reader.roots) &&
        !insideAny(root, claimed) &&
        (!reader.accept || reader.accept(root)) &&
        !isSidebarRegion(root, sidebars),
    );
    for (const root of mine)
      take({ root, markup: reader.name, fields: reader.read(root, ownQueryFor(root, reader.roots)), reader });
  }
  for (const { root, fields } of jsonLdComments(scope)) {
    if (!insideAny(root, claimed) && !isLookalikeRegion(root)) take({ root, markup: 'json-ld', fields });
  }
  const verdicts = new Map<Element, boolean>();
  for (const container of commentContainers(scope)) {
    if (insideAny(container.element, claimed)) continue;
    const items = genericItems(container, verdicts).filter(
      (item) => !insideAny(item, claimed) && ![...claimed].some((c) => item.contains(c)),
    );
    const itemSet = new Set(items);
    for (const item of items) {
      // A field belongs to the item, not to a reply nested inside it.
      const own: OwnQuery = (selector, accept) => {
        for (const match of item.querySelectorAll(scoped(selector))) {
          if (accept && !accept(match)) continue;
          if (!itemSet.has(match) && nearestOf(match, itemSet) === item) return match;
        }
        return null;
      };
      take({
        root: item,
        markup: 'generic',
        fields: readGenericItem(item, own),
        parentOf: (root: Element) => genericParent(root, itemSet),
      });
    }
  }

  // Comments found outside a rescanned subtree (a generic section's earlier items) still serve as parents, but only
  // those inside the scope are reported.
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  found.sort((a, b) => (a.root === b.root ? 0 : a.root.compareDocumentPosition(b.root) & FOLLOWING ? -1 : 1));
  const byRoot = new Map(found.map((f) => [f.root, f] as const));
  const scopeNode = scope as Node;
  const inScope = (f: Found): boolean => scopeNode.nodeType === 9 || scopeNode.contains(f.root);

  const paragraphsMemo = new Map<Found, string[]>();
  const paragraphsOf = (f: Found): string[] => {
    let paragraphs = paragraphsMemo.get(f);
    if (!paragraphs) {
      paragraphs = f.fields.paragraphs ?? textOf(f, (e) => claimed.has(e));
      paragraphsMemo.set(f, paragraphs);
    }
    return paragraphs;
  };
  // Ids are handed out in document order, so a repeated id gets the same suffix on every run.
  const ids = new Map<Found, string>();
  const used = new Set<string>();
  for (const f of found) {
    let id = f.fields.id ?? hashId(f.fields.author, paragraphsOf(f));
    for (let n = 2; used.has(id); n++) id = `${f.fields.id ?? 'comment'}~${n}`;
    used.add(id);
    ids.set(f, id);
  }

  const results: ExtractedComment[] = [];
  for (const f of found) {
    if (!inScope(f)) continue;
    const paragraphs = paragraphsOf(f);
    if (paragraphs.length === 0 && !f.fields.author) continue;

    let depth = 0;
    let parentId: string | undefined;
    let current: Found | undefined = f;
    while (current && depth < MAX_DEPTH) {
      const parent = parentRoot(current, byRoot);
      if (!parent) break;
      const known = byRoot.get(parent);
      if (depth === 0) parentId = known ? ids.get(known) : idOutside(parent, current);
      current = known ?? { ...current, root: parent, fields: {} };
      depth += 1;
    }
    results.push({
      root: f.root,
      id: ids.get(f) ?? '',
      author: f.fields.author ?? 'Anonymous',
      posted: f.fields.posted,
      permalink: f.fields.permalink,
      parentId,
      depth,
      text: paragraphs.join('\n\n'),
      paragraphs,
      markup: f.markup,
    });
  }
  return results;
}

/** A comment's own paragraphs: its body, less its byline and the comments nested in it. */
function textOf(f: Found, isComment: (element: Element) => boolean): string[] {
  const skip = f.fields.skip;
  return commentParagraphs(f.fields.body ?? f.root, {
    isOtherComment: (e) => e !== f.root && isComment(e),
    skip: skip?.length ? (e) => skip.includes(e) : undefined,
  });
}

/**
 * The id of a parent comment outside the rescanned subtree, worked out the way a whole-page scan works it out, so
 * that the reply's `parentId` matches.
 */
function idOutside(parent: Element, child: Found): string | undefined {
  const reader = child.reader;
  if (!reader) return parent.id || undefined;
  const fields = reader.read(parent, ownQueryFor(parent, reader.roots));
  if (fields.id) return fields.id;
  const entry: Found = { root: parent, markup: child.markup, fields, reader };
  return hashId(
    fields.author,
    textOf(entry, (e) => e.matches(reader.roots)),
  );
}

function nearestOf(element: Element, set: ReadonlySet<Element>): Element | null {
  for (let a = element.parentElement; a; a = a.parentElement) if (set.has(a)) return a;
  return null;
}

/**
 * Containers that third-party comment widgets fill in after the page has loaded. Where the widget renders into a
 * cross-origin iframe (Disqus, Facebook), the comments stay out of reach of this page's DOM.
 */
const WIDGET_SHELLS =
  '#disqus_thread, .livefyre, [id^="livefyre"], .fyre, .fb-comments, #coral_thread, [data-spotim-module], ' +
  '#spot-im-root, .viafoura, #vf-conversations, .echo-stream, .commento, #remark42, .giscus, .utterances';

/**
 * The elements that hold, or will hold, this page's comments: sections named or headed as comments (also when
 * still empty, as a widget waiting to load is) and the lists the extracted comments sit in. Outermost only, so a
 * MutationObserver on each sees every comment that arrives late.
 */
export function findCommentSections(scope: ParentNode, comments = extractComments(scope)): Element[] {
  const sections = new Set<Element>(commentContainers(scope).map((c) => c.element));
  for (const shell of scope.querySelectorAll(WIDGET_SHELLS)) sections.add(shell);
  for (const comment of comments) {
    if (comment.depth === 0 && comment.root.parentElement) sections.add(comment.root.parentElement);
  }
  return [...sections].filter((s) => ![...sections].some((other) => other !== s && other.contains(s)));
}
