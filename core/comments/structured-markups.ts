/**
 * Readers for comments described by standards rather than by a platform: schema.org `Comment` in microdata and in
 * JSON-LD, and microformats2 (`h-entry` replies, `p-comment h-cite`).
 *
 * JSON-LD lives in a script, apart from the comment the reader sees, so each JSON-LD comment is matched back to
 * the element showing it (by its URL fragment, else by its text); one that no element shows is left out, because
 * a reader could neither see it nor select inside it.
 */

import type { CommentFields, CommentMarkupReader } from './comment-markup';
import {
  cleanAuthor,
  decodeFragment,
  permalinkFrom,
  postedFrom,
  resolveHref,
  textOf,
} from './comment-markup';
import { parsePostedTime } from './posted-time';

const COMMENT_TYPE = /(?:^|\s)https?:\/\/schema\.org\/(?:Comment|UserComments)(?:\s|$)/;

/** The value of a microdata property as the microdata model defines it for the common elements. */
function itemValue(element: Element): string {
  const tag = element.tagName.toLowerCase();
  if (tag === 'meta') return element.getAttribute('content') ?? '';
  if (tag === 'time') return element.getAttribute('datetime') ?? textOf(element);
  if (tag === 'a' || tag === 'link' || tag === 'area') return element.getAttribute('href') ?? '';
  return element.getAttribute('content') ?? textOf(element);
}

/** A property of this item, not of an item nested in it (a reply, or the author's Person). */
function ownProperty(item: Element, name: string): Element | null {
  for (const element of item.querySelectorAll(`[itemprop~="${name}"]`)) {
    if (element.parentElement?.closest('[itemscope]') === item) return element;
  }
  return null;
}

const schemaOrg: CommentMarkupReader = {
  name: 'schema-org',
  roots: '[itemscope][itemtype*="schema.org/Comment"], [itemscope][itemtype*="schema.org/UserComments"]',
  accept: (root) => COMMENT_TYPE.test(root.getAttribute('itemtype') ?? ''),
  read: (root) => {
    const author = ownProperty(root, 'author') ?? ownProperty(root, 'creator');
    const name = author?.hasAttribute('itemscope') ? ownProperty(author, 'name') : author;
    const url = ownProperty(root, 'url');
    const time = ['dateCreated', 'datePublished', 'commentTime', 'dateModified']
      .map((p) => ownProperty(root, p))
      .find((e) => e !== null);
    return {
      id: root.id || undefined,
      author: cleanAuthor(name ? itemValue(name) : undefined),
      posted: time ? parsePostedTime(itemValue(time)) : undefined,
      permalink: url ? resolveHref(url, itemValue(url)) : undefined,
      body: ownProperty(root, 'text') ?? ownProperty(root, 'commentText') ?? ownProperty(root, 'articleBody'),
    };
  },
};

/** Replies marked as comments of an entry, or entries nested in an entry (which mf2 reads as its responses). */
const MF_ROOTS = '.p-comment, .u-comment, .h-entry .h-entry';

const microformats: CommentMarkupReader = {
  name: 'microformats',
  roots: MF_ROOTS,
  // A p-comment or nested entry must be an entry or a citation itself to carry properties.
  accept: (root) => root.matches('.h-entry, .h-cite'),
  read: (root, own) => {
    const author =
      own('.p-author .p-name') ?? own('.u-author .p-name') ?? own('.p-author') ?? own('.u-author');
    return {
      id: root.id || undefined,
      author:
        cleanAuthor(author?.getAttribute('title') ?? textOf(author)) ??
        cleanAuthor(author?.querySelector('img')?.getAttribute('alt')),
      posted: postedFrom(own, ['.dt-published', '.dt-updated']),
      permalink: permalinkFrom(own, ['a.u-url', '.u-url']),
      body: own('.e-content') ?? own('.p-content') ?? own('.p-summary') ?? own('.p-name'),
    };
  },
};

/** Structured-data readers that work on elements. */
export const STRUCTURED_MARKUPS: readonly CommentMarkupReader[] = [schemaOrg, microformats];

/** A schema.org Comment found in a JSON-LD script. */
interface JsonLdComment {
  text: string;
  author?: string;
  posted?: string;
  url?: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return asString(value[0]);
  if (isRecord(value)) return asString(value['name']) ?? asString(value['@id']);
  return undefined;
}

function hasCommentType(value: Json | undefined): boolean {
  const types = Array.isArray(value) ? value : [value];
  return types.some((t) => typeof t === 'string' && /^(?:https?:\/\/schema\.org\/)?Comment$/.test(t));
}

/** Real schema.org data nests a few levels (article, comment, reply, author); a hostile page may nest thousands. */
const MAX_JSON_DEPTH = 32;

/** Collects Comment nodes anywhere in a JSON-LD value, replies included, with caps against hostile pages. */
function collectJsonLd(
  value: Json | undefined,
  out: JsonLdComment[],
  budget: { nodes: number },
  depth = 0,
): void {
  if (budget.nodes-- <= 0 || value === undefined || depth > MAX_JSON_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectJsonLd(item, out, budget, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  if (hasCommentType(value['@type'])) {
    const text = asString(value['text']) ?? asString(value['commentText']);
    if (text) {
      out.push({
        text,
        author: cleanAuthor(asString(value['author']) ?? asString(value['creator'])),
        posted: parsePostedTime(asString(value['dateCreated']) ?? asString(value['datePublished'])),
        url: asString(value['url']) ?? asString(value['@id']),
      });
    }
  }
  for (const [key, child] of Object.entries(value)) {
    if (key !== '@context' && typeof child === 'object') collectJsonLd(child, out, budget, depth + 1);
  }
}

function documentOf(scope: ParentNode): Document | null {
  const node = scope as Node;
  return node.nodeType === 9 ? (node as Document) : node.ownerDocument;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The page's visible text nodes, normalised, gathered once per run however many JSON-LD comments there are. */
function textNodesOf(scope: ParentNode): { node: Text; text: string }[] {
  const document = documentOf(scope);
  if (!document) return [];
  const out: { node: Text; text: string }[] = [];
  const walker = document.createTreeWalker(scope as Node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = normalise(node.nodeValue ?? '');
    if (text.length >= 20 && !node.parentElement?.closest('script, style, noscript, template')) {
      out.push({ node: node as Text, text });
    }
  }
  return out;
}

/** The smallest element whose text contains the start of a comment's text: the element a reader sees it in. */
function elementShowing(textNodes: readonly { node: Text; text: string }[], text: string): Element | null {
  // Long enough that a comment opening with a quotation of the article is not found in the article instead.
  const wanted = normalise(text).slice(0, 160);
  if (wanted.length < 12) return null;
  const head = wanted.slice(0, 20);
  for (const { node, text: nodeText } of textNodes) {
    if (!nodeText.includes(head)) continue;
    for (let element = node.parentElement; element; element = element.parentElement) {
      const own = normalise(element.textContent ?? '');
      if (own.includes(wanted)) return element;
      if (own.length > wanted.length * 20 + 2000) break;
    }
  }
  return null;
}

/** The block around a comment's text that also shows its author's name, when one sits just around it. */
function withByline(block: Element | null, author: string | undefined): Element | null {
  if (!block || !author) return block;
  const name = normalise(author);
  const size = normalise(block.textContent ?? '').length;
  let element: Element | null = block;
  for (let level = 0; element && level < 3; level++, element = element.parentElement) {
    const text = normalise(element.textContent ?? '');
    if (text.length > size + name.length + 120) break;
    if (text.includes(name)) return element;
  }
  return block;
}

/**
 * schema.org Comments stated in JSON-LD, each paired with the element that shows it.
 * The element is the comment's own block when the fragment of its URL names it, else the block holding its text.
 */
export function jsonLdComments(scope: ParentNode): { root: Element; fields: CommentFields }[] {
  const found: JsonLdComment[] = [];
  const budget = { nodes: 20_000 };
  for (const script of scope.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collectJsonLd(JSON.parse(script.textContent ?? '') as Json, found, budget);
    } catch {
      // A page's broken JSON-LD is the page's problem; the other markups still apply.
    }
  }
  if (found.length === 0) return [];
  const document = documentOf(scope);
  const textNodes = textNodesOf(scope);
  const out: { root: Element; fields: CommentFields }[] = [];
  for (const comment of found) {
    const fragment = comment.url?.split('#')[1];
    const byId = fragment ? document?.getElementById(decodeFragment(fragment)) : null;
    const textBlock = elementShowing(textNodes, comment.text);
    const root =
      byId && (!textBlock || byId.contains(textBlock)) ? byId : withByline(textBlock, comment.author);
    if (!root) continue;
    out.push({
      root,
      fields: {
        id: root.id || fragment || undefined,
        author: comment.author,
        posted: comment.posted,
        permalink: comment.url,
        body: textBlock,
      },
    });
  }
  return out;
}
