/**
 * Readers for comment systems embedded in articles when they render into the page's own DOM (or into a frame where
 * a content script runs): Isso, Commento, Remark42, Coral, Viafoura, Ghost, Substack, Lemmy, Mastodon threads and
 * Drupal's comment module.
 *
 * Each names the system's own classes or test hooks. Where replies are drawn beside their parent instead of inside
 * it (Remark42, Ghost's threaded layout, Coral's indent levels), the reader says which comment a reply answers.
 */

import type { CommentMarkupReader } from './comment-markup';
import { authorFrom, permalinkFrom, postedFrom, resolveHref, shallowerBefore } from './comment-markup';
import { parsePostedTime } from './posted-time';

const isso: CommentMarkupReader = {
  name: 'isso',
  roots: '.isso-comment[id^="isso-"]',
  read: (root, own) => ({
    id: root.id,
    author: authorFrom(own, ['.isso-comment-header .isso-author', '.isso-author']) ?? 'Anonymous',
    posted: postedFrom(own, ['.isso-permalink time', 'time']),
    permalink: permalinkFrom(own, ['a.isso-permalink']),
    body: own('.isso-text'),
  }),
};

const commento: CommentMarkupReader = {
  name: 'commento',
  roots: '.commento-card[id^="commento-comment-card-"]',
  read: (root, own) => ({
    id: root.id.replace(/^commento-comment-card-/, 'commento-'),
    author: authorFrom(own, ['.commento-name']),
    // The visible age is relative; its title holds the full date.
    posted: postedFrom(own, ['.commento-timeago']),
    body: own('[id^="commento-comment-text-"]') ?? own('.commento-body'),
  }),
};

const remark42: CommentMarkupReader = {
  name: 'remark42',
  roots: 'article.comment[id^="remark42__comment-"]',
  read: (root, own) => ({
    id: root.id,
    author: authorFrom(own, ['.comment__username']),
    posted: postedFrom(own, ['.comment__time']),
    permalink: permalinkFrom(own, ['a.comment__time']),
    body: own('.comment__text'),
  }),
  // A thread is a `.thread` holding its comment and then the threads of the replies to it.
  parentOf: (root) => {
    const own = root.closest('.thread');
    const outer = own?.parentElement?.closest('.thread');
    return outer?.querySelector(':scope > article.comment') ?? null;
  },
};

const coral: CommentMarkupReader = {
  name: 'coral',
  // Featured comments repeat comments of the stream in a tab of their own: they are not read twice.
  roots: '.coral-comment',
  accept: (root) => !root.closest('.coral-featuredComment, .coral-featuredComments'),
  read: (root, own) => ({
    id: root.id || root.closest('[id^="comment-"]')?.id || undefined,
    author: authorFrom(own, ['.coral-comment-username']),
    posted: postedFrom(own, ['.coral-comment-timestamp time', '.coral-comment-timestamp']),
    permalink: permalinkFrom(own, ['a.coral-comment-timestamp', '.coral-comment-timestamp a']),
    body: own('.coral-comment-content'),
  }),
  // Coral draws each reply indented (`coral-indent-2`) rather than nested in its parent's element.
  parentOf: (root) => shallowerBefore(root, '.coral-comment', indentLevel),
};

/** The level a class such as `coral-indent-2` gives, on the root or on the wrapper that indents it. */
function indentLevel(root: Element): number {
  const marked = root.closest('[class*="indent-"]') ?? root.querySelector('[class*="indent-"]');
  for (const token of marked?.classList ?? []) {
    const m = /^coral-indent-(\d+)$/.exec(token);
    if (m) return Number(m[1]);
  }
  return 0;
}

const viafoura: CommentMarkupReader = {
  name: 'viafoura',
  roots: '.vf-comment',
  read: (root, own) => ({
    id: root.id || root.getAttribute('data-comment-id') || undefined,
    author: authorFrom(own, [
      '.vf-comment-header__author',
      '.vf-comment-head__author',
      '.vf-comment__author',
      '.vf-username',
    ]),
    posted: postedFrom(own, ['time', '.vf-comment__datetime', '.vf-timestamp']),
    permalink: permalinkFrom(own, ['a.vf-comment__permalink', 'time a', 'a time']),
    body:
      own('.vf-comment__content-editor') ??
      own('.vf-content-text') ??
      own('.vf-comment__content') ??
      own('.vf-comment__body'),
  }),
};

const ghost: CommentMarkupReader = {
  name: 'ghost',
  roots: '[data-testid="comment-component"]',
  read: (root, own) => {
    const stamp = own('a[href*="#ghost-comments"], a[title][href]');
    return {
      id: own('[id]')?.id,
      author: authorFrom(own, ['h4']),
      // The link's text is relative ("2 hours ago"); its title states the date.
      posted: postedFrom(own, ['a[title][href]']),
      permalink: resolveHref(stamp),
      body: own('[data-testid="comment-content"]'),
    };
  },
  // In the threaded layout a reply sits beside its parent's component, in the block that follows it.
  parentOf: (root) => {
    for (let a = root.parentElement; a; a = a.parentElement) {
      if (a.matches('[data-testid="comment-component"]')) return a;
      const sibling = a.parentElement?.querySelector(':scope > [data-testid="comment-component"]');
      if (sibling && sibling !== root && !sibling.contains(root)) return sibling;
    }
    return null;
  },
};

const substack: CommentMarkupReader = {
  name: 'substack',
  roots: '.comment-list-items .comment, #discussion .comment[id^="comment-"]',
  accept: (root) => root.querySelector('.comment-body') !== null,
  read: (root, own) => ({
    id: root.id || undefined,
    author: authorFrom(own, ['.commenter-name a', '.commenter-name', '.comment-meta a[href*="/profile/"]']),
    posted: postedFrom(own, [
      '.comment-meta time',
      '.comment-meta .comment-timestamp',
      '.comment-meta a[title]',
    ]),
    permalink: permalinkFrom(own, ['.comment-meta a[href*="/comment/"]']),
    body: own('.comment-body'),
  }),
};

const lemmy: CommentMarkupReader = {
  name: 'lemmy',
  roots: 'article.comment-node[id^="comment-"]',
  read: (root, own) => ({
    id: root.id,
    author: authorFrom(own, ['.person-listing', 'a[href*="/u/"]']),
    // The visible age is relative ("3d"); the tooltip states the date.
    posted:
      parsePostedTime(own('.moment-time[data-tippy-content]')?.getAttribute('data-tippy-content')) ??
      postedFrom(own, ['time']),
    permalink: permalinkFrom(own, ['a[href*="/comment/"]']),
    body: own('.comment-content') ?? own('.md-div'),
  }),
  // Replies nest in the `li` around the parent's `article`, not in the article itself.
  parentOf: (root) => {
    const item = root.parentElement?.closest('li.comment');
    const outer = item?.parentElement?.closest('li.comment');
    return outer?.querySelector(':scope > article.comment-node') ?? null;
  },
};

const mastodon: CommentMarkupReader = {
  name: 'mastodon',
  // A thread page shows the post and the replies around it; the post itself (`.detailed-status`) is the article.
  roots: '.status[data-id]',
  accept: (root) => !root.matches('.detailed-status') && !root.closest('.detailed-status__wrapper'),
  read: (root, own) => ({
    id: `status-${root.getAttribute('data-id') ?? ''}`,
    author: authorFrom(own, ['.display-name__html', '.display-name strong', '.display-name__account']),
    posted: postedFrom(own, ['.status__relative-time time', 'time[datetime]']),
    permalink: permalinkFrom(own, ['a.status__relative-time']),
    body: own('.status__content__text') ?? own('.status__content'),
  }),
};

const drupal: CommentMarkupReader = {
  name: 'drupal',
  // Drupal 8 and later mark each comment with its author's user id; Drupal 7's are found by the generic reader.
  roots: 'article[data-comment-user-id], .js-comment[data-comment-user-id]',
  read: (root, own) => {
    // The theme prints `<a id="comment-12">` just before the comment, which is what the page's links point at.
    const anchor = root.previousElementSibling?.matches('a[id^="comment-"]')
      ? root.previousElementSibling
      : null;
    const body = own('.comment__content') ?? own('.content') ?? own('.field--name-comment-body');
    return {
      id: root.id || anchor?.id || undefined,
      author: authorFrom(own, ['.comment__author a', '.comment__author', '.username', '[rel="author"]']),
      posted: postedFrom(own, ['.comment__time time', 'time[datetime]', '.comment__time', '.submitted']),
      permalink: permalinkFrom(own, ['.comment__permalink a', 'a.permalink', 'a[rel="bookmark"]']),
      body,
      // The Reply, Edit and Delete links are printed inside the content block.
      skip: body ? [...body.querySelectorAll('ul.links')] : [],
    };
  },
  // Replies follow their parent in a `div.indented`.
  parentOf: (root) => {
    const wrapper = root.parentElement?.closest('.indented');
    for (let b = wrapper?.previousElementSibling; b; b = b.previousElementSibling) {
      if (b.matches('[data-comment-user-id]')) return b;
    }
    return null;
  },
};

/** Embedded comment-system readers. */
export const WIDGET_MARKUPS: readonly CommentMarkupReader[] = [
  isso,
  commento,
  remark42,
  coral,
  viafoura,
  ghost,
  substack,
  lemmy,
  mastodon,
  drupal,
];
