/**
 * Readers for the comment markup of specific platforms: WordPress (classic and block themes), Blogger, Discourse,
 * Hacker News, old Reddit, Stack Exchange and Disqus lists rendered in the page.
 *
 * Each reader names the platform's own classes, so it is precise where it applies; the order in `SITE_MARKUPS`
 * puts the most specific first, because a Stack Exchange comment is also an `li.comment`.
 */

import type { CommentMarkupReader } from './comment-markup';
import { authorFrom, permalinkFrom, postedFrom, resolveHref, textOf } from './comment-markup';

/** `comment-123`, `c123`, `post-123` → the element id itself, which is what a page's own #fragment links use. */
const idOf = (root: Element): string | undefined => root.id || undefined;

const wordpress: CommentMarkupReader = {
  name: 'wordpress',
  // Classic themes and the default walker, including the hAtom lists (`ol#comment-list.hfeed`) of older themes.
  // Pingbacks and trackbacks are left out: they are links from other sites, not readers' answers.
  roots:
    'ol.commentlist li.comment, ol.comment-list li.comment, ul.commentlist li.comment, ul.comment-list li.comment, ' +
    'ol#comment-list li.comment',
  accept: (root) => !root.closest('.wp-block-comment-template'),
  read: (root, own) => ({
    id: idOf(root),
    author: authorFrom(own, [
      '.comment-author .fn',
      'cite.fn',
      '.fn',
      '.comment-author cite',
      '.comment-author',
      'cite',
    ]),
    posted: postedFrom(own, [
      'time[datetime]',
      'abbr.published',
      '.comment-metadata a',
      '.commentmetadata a',
      '.comment-meta a',
      '.comment-date',
    ]),
    permalink: permalinkFrom(own, [
      '.comment-metadata a[href*="#comment-"]',
      '.commentmetadata a[href*="#comment-"]',
      '.comment-meta a[href*="#comment-"]',
      'a[rel="bookmark"]',
    ]),
    body:
      own('.comment-content') ??
      own('.entry-content') ??
      own('.comment-text') ??
      own('.comment-body') ??
      own(':scope > div, :scope > article'),
  }),
};

const wordpressBlock: CommentMarkupReader = {
  name: 'wordpress-block',
  roots: '.wp-block-comment-template li, .wp-block-comments li.comment',
  read: (root, own) => ({
    id: idOf(root),
    author: authorFrom(own, ['.wp-block-comment-author-name']),
    posted: postedFrom(own, ['.wp-block-comment-date time', '.wp-block-comment-date']),
    permalink: permalinkFrom(own, ['.wp-block-comment-date a', '.wp-block-comment-edit-link a']),
    body: own('.wp-block-comment-content'),
  }),
};

const blogger: CommentMarkupReader = {
  name: 'blogger',
  // Threaded comments (2012 onwards) and the old definition-list layout, where the body is the comment's root.
  roots: '.comment-thread li.comment, #comments-block dd.comment-body',
  read: (root, own) => {
    if (root.matches('dd.comment-body')) {
      let head = root.previousElementSibling;
      while (head && !head.matches('dt')) head = head.previousElementSibling;
      const foot = root.nextElementSibling?.matches('dd.comment-footer') ? root.nextElementSibling : null;
      const anchor = head?.querySelector('a[name], a[id]');
      return {
        id: head?.id || anchor?.getAttribute('name') || anchor?.id || undefined,
        author: authorFrom((s) => head?.querySelector(s) ?? null, ['a:not([name])', ':scope']),
        posted: postedFrom(
          (s) => foot?.querySelector(s) ?? null,
          ['.comment-timestamp a', '.comment-timestamp'],
        ),
        permalink: resolveHref(foot?.querySelector('.comment-timestamp a')),
        body: root,
      };
    }
    return {
      id: idOf(root),
      author: authorFrom(own, ['.comment-header cite.user', 'cite.user', '.user']),
      posted: postedFrom(own, ['.comment-header .datetime a', '.datetime']),
      permalink: permalinkFrom(own, ['.comment-header .datetime a']),
      body: own('.comment-content'),
    };
  },
};

const discourse: CommentMarkupReader = {
  name: 'discourse',
  // The app's posts and the crawler view served to clients without JavaScript. Post 1 is the topic itself: the
  // article being answered, not a comment on it.
  roots: 'article[data-post-number], .topic-post article[data-post-id], div.crawler-post',
  accept: (root) => {
    const number =
      root.getAttribute('data-post-number') ?? textOf(root.querySelector('[itemprop="position"]'));
    return number !== '1' && root.id !== 'post_1';
  },
  read: (root, own) => ({
    id:
      root.id ||
      (root.getAttribute('data-post-id') ? `post-${root.getAttribute('data-post-id')}` : undefined),
    author: authorFrom(own, [
      '.names .username a',
      '.names .first',
      '.names a',
      '[itemprop="author"] [itemprop="name"]',
      '.creator',
    ]),
    posted: postedFrom(own, ['.post-date [data-time]', '[itemprop="datePublished"]', '.post-date', 'time']),
    permalink: permalinkFrom(own, ['a.post-date', '.post-info a[data-share-url]']),
    body: own('.cooked') ?? own('[itemprop="text"]') ?? own('.post'),
  }),
};

const hackerNews: CommentMarkupReader = {
  name: 'hacker-news',
  roots: 'tr.athing.comtr',
  read: (root, own) => ({
    id: root.id || undefined,
    author: authorFrom(own, ['.hnuser']),
    posted: postedFrom(own, ['.age']),
    permalink: permalinkFrom(own, ['.age a']),
    // Pages saved by a browser may lack the `commtext` class; the text is then the comment's first span.
    body: own('.commtext') ?? own('.comment > span') ?? own('.comment'),
  }),
  // Hacker News draws a thread as one flat table and indents each row; the parent is the nearest row above that is
  // indented less.
  parentOf: (root) => {
    const depth = hackerNewsDepth(root);
    if (depth === 0) return null;
    for (let row = root.previousElementSibling; row; row = row.previousElementSibling) {
      if (row.matches('tr.athing.comtr') && hackerNewsDepth(row) < depth) return row;
    }
    return null;
  },
};

function hackerNewsDepth(row: Element): number {
  const indent = row.querySelector('td.ind');
  const attribute = indent?.getAttribute('indent');
  if (attribute) return Number(attribute) || 0;
  // Older pages state the depth as a spacer image 40 pixels wide per level.
  const width = Number(indent?.querySelector('img')?.getAttribute('width') ?? 0);
  return Math.round(width / 40);
}

const reddit: CommentMarkupReader = {
  name: 'reddit',
  roots: '.thing.comment',
  read: (root, own) => {
    const permalink = root.getAttribute('data-permalink');
    return {
      id: root.getAttribute('data-fullname') ?? (root.id || undefined),
      author:
        authorFrom(own, ['.tagline .author', '.tagline em']) ??
        root.getAttribute('data-author') ??
        '[deleted]',
      posted: postedFrom(own, ['.tagline time[datetime]', 'time']),
      permalink: permalink ? resolveHref(root, permalink) : permalinkFrom(own, ['a.bylink']),
      body: own('.usertext-body .md') ?? own('.usertext-body'),
    };
  },
};

const stackExchange: CommentMarkupReader = {
  name: 'stack-exchange',
  // Answers answer the question, which is the article; comments hang under the question (no parent) or under an
  // answer (whose root encloses them, so nesting gives the parent).
  roots: '#answers .answer, .answer[data-answerid], li.comment[data-comment-id], li.js-comment',
  // Other sites (Habr) also name their comments `li.js-comment`; Stack Exchange's hold a `.comment-copy`.
  accept: (root) =>
    !root.matches('li') ||
    root.hasAttribute('data-comment-id') ||
    root.querySelector('.comment-copy') !== null,
  read: (root, own) => {
    if (root.matches('li')) {
      return {
        id: root.id || `comment-${root.getAttribute('data-comment-id') ?? ''}`,
        author: authorFrom(own, ['.comment-user']),
        posted: postedFrom(own, ['.comment-date [title]', '.relativetime-clean', '.comment-date']),
        permalink: permalinkFrom(own, ['a.comment-link']),
        body: own('.comment-copy'),
      };
    }
    // The last signature is the author's; an earlier one belongs to whoever edited the answer.
    const signatures = [...root.querySelectorAll('.post-signature')].filter((s) => !s.closest('.comments'));
    const owner = signatures[signatures.length - 1] ?? root;
    const inOwner = (selector: string): Element | null => owner.querySelector(selector);
    return {
      id: root.id || `answer-${root.getAttribute('data-answerid') ?? ''}`,
      author: authorFrom(inOwner, ['.user-details [itemprop="name"]', '.user-details a', '.user-details']),
      posted: postedFrom(inOwner, ['.user-action-time [title]', '.relativetime']),
      permalink: permalinkFrom(own, ['a.js-share-link', 'a[itemprop="url"]']),
      body: own('.js-post-body') ?? own('.post-text') ?? own('[itemprop="text"]'),
    };
  },
};

const disqus: CommentMarkupReader = {
  name: 'disqus',
  roots:
    '#post-list li.post, ul.post-list li.post, #post-list [data-role="post"], .post-list [data-role="post"]',
  read: (root, own) => ({
    id: idOf(root),
    author: authorFrom(own, ['.post-byline .author', '.author a', '[data-username]', '.author']),
    posted: postedFrom(own, ['.post-meta a.time-ago', 'a[data-role="relative-time"]', '.post-meta time']),
    permalink: permalinkFrom(own, ['.post-meta a.time-ago', 'a[data-role="relative-time"]']),
    body: own('.post-message') ?? own('[data-role="message"]'),
  }),
};

/** Platform readers, the most specific first. */
export const SITE_MARKUPS: readonly CommentMarkupReader[] = [
  stackExchange,
  hackerNews,
  reddit,
  discourse,
  disqus,
  blogger,
  wordpressBlock,
  wordpress,
];
