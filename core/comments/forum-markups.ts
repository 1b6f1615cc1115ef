/**
 * Readers for forum software and link aggregators whose threads are the comment section: XenForo 1 and 2, phpBB 3,
 * vBulletin 3, 4 and 5, NodeBB, the table markup Hacker News used before 2014, and new Reddit (the 2019–2022 React
 * markup and the `shreddit-comment` elements of today).
 *
 * On a forum page every post answers the thread, so every post is a comment, the opening post included when the
 * page shows it (the forum numbers it #1 like the rest). Posts are flat; a quote of another post is part of the text
 * the poster chose to show, so it is kept.
 */

import type { CommentMarkupReader } from './comment-markup';
import {
  authorFrom,
  permalinkFrom,
  postedFrom,
  resolveHref,
  shallowerBefore,
  textOf,
} from './comment-markup';
import { parsePostedTime } from './posted-time';

/** The buttons forums print inside a post's text to unfold a long quote. */
const QUOTE_TOGGLES = '.quoteExpand, .bbCodeBlock-expandLink, .bbCodeBlock-expandContent > .js-expandLink';

function togglesIn(body: Element | null): Element[] {
  return body ? [...body.querySelectorAll(QUOTE_TOGGLES)] : [];
}

const xenforo1: CommentMarkupReader = {
  name: 'xenforo',
  roots: 'ol#messageList > li.message, ol.messageList > li.message',
  read: (root, own) => {
    const body = own('blockquote.messageText');
    return {
      id: root.id || undefined,
      author:
        root.getAttribute('data-author') ?? authorFrom(own, ['.messageUserInfo .username', '.username']),
      // Recent posts carry an epoch in `abbr.DateTime[data-time]`, older ones their date in a title.
      posted: postedFrom(own, ['.messageMeta .DateTime', '.DateTime']),
      permalink: permalinkFrom(own, ['.messageMeta a.datePermalink', '.messageMeta a.hashPermalink']),
      body,
      skip: togglesIn(body),
    };
  },
};

const xenforo2: CommentMarkupReader = {
  name: 'xenforo',
  roots: 'article.message--post',
  read: (root, own) => {
    const body = own('.message-body .bbWrapper') ?? own('.message-body');
    return {
      // `post-123` is what the page's own links point at (a span inside the article carries it).
      id: root.getAttribute('data-content') ?? (root.id || undefined),
      author:
        root.getAttribute('data-author') ?? authorFrom(own, ['.message-name .username', '.message-name']),
      posted: postedFrom(own, ['.message-attribution-main time', 'time.u-dt']),
      permalink: permalinkFrom(own, ['.message-attribution-main a[href]']),
      body,
      skip: togglesIn(body),
    };
  },
};

const phpbb: CommentMarkupReader = {
  name: 'phpbb',
  // prosilver and the styles built on it: `div.post#p123` holding `.postbody` with the byline and `.content`.
  roots: 'div.post[id^="p"]',
  accept: (root) => /^p\d+$/.test(root.id) && root.querySelector('.postbody') !== null,
  read: (root, own) => ({
    id: root.id,
    // The byline's first link is the "go to post" icon; the name is the strong link, or the profile's.
    author: authorFrom(own, [
      '.author a.username',
      '.author a.username-coloured',
      '.author strong a',
      '.author strong',
      '.postprofile dt a[href*="viewprofile"]:not(:has(img))',
    ]),
    posted: postedFrom(own, ['.author time', '.author']),
    permalink: permalinkFrom(own, ['.author a[href*="#p"]', 'h3 a[href^="#p"]']),
    body: own('.content'),
  }),
};

const vbulletin3: CommentMarkupReader = {
  name: 'vbulletin',
  // One table per post: a header row with the date and post number, a row with the poster and the message.
  roots: 'table[id^="post"]',
  accept: (root) => /^post\d+$/.test(root.id),
  read: (root, own) => ({
    id: root.id,
    author: authorFrom(own, ['a.bigusername', '[id^="postmenu_"] a']),
    posted: postedFrom(own, ['td.thead']),
    permalink: permalinkFrom(own, ['a[id^="postcount"]', 'a[id^="postlink"]']),
    body: own('[id^="post_message_"]'),
  }),
};

const vbulletin4: CommentMarkupReader = {
  name: 'vbulletin',
  roots: 'li.postcontainer, ol#posts > li.postbit',
  read: (root, own) => ({
    id: root.id || undefined,
    author: authorFrom(own, [
      '.username_container .username strong',
      '.username_container .username',
      '.username',
    ]),
    posted: postedFrom(own, ['.postdate .date', '.postdate']),
    permalink: permalinkFrom(own, ['a.postcounter']),
    body: own('.postcontent') ?? own('[id^="post_message_"]'),
  }),
};

const vbulletin5: CommentMarkupReader = {
  name: 'vbulletin',
  roots: 'li.b-post',
  read: (root, own) => {
    const node = root.getAttribute('data-node-id');
    return {
      id: node ? `post${node}` : root.id || undefined,
      author: authorFrom(own, [
        '.b-userinfo__details .author',
        '.author',
        '[itemprop="author"] [itemprop="name"]',
      ]),
      posted:
        parsePostedTime(root.getAttribute('data-node-publishdate')) ??
        postedFrom(own, ['.b-post__timestamp time', '.b-post__timestamp']),
      permalink: permalinkFrom(own, ['a.b-post__count', '.b-post__count a']),
      body: own('.js-post__content-text') ?? own('.b-post__content'),
    };
  },
};

const nodebb: CommentMarkupReader = {
  name: 'nodebb',
  roots: 'li[component="post"], [component="post"][data-pid]',
  read: (root, own) => {
    const pid = root.getAttribute('data-pid');
    return {
      id: pid ? `post-${pid}` : undefined,
      author: root.getAttribute('data-username') ?? authorFrom(own, ['[itemprop="author"]', '.username']),
      posted:
        parsePostedTime(root.getAttribute('data-timestamp')) ??
        postedFrom(own, ['meta[itemprop="datePublished"]', '.timeago']),
      permalink: permalinkFrom(own, ['a.permalink', 'a[href*="/post/"]']),
      body: own('[component="post/content"]'),
    };
  },
};

/** The user a Hacker News or Reddit profile link names: `user?id=pg`, `/user/spez/`. */
function userInLink(link: Element | null): string | undefined {
  const href = link?.getAttribute('href') ?? '';
  const name = /(?:user\?id=|\/user\/|\/u\/)([^/?#&]+)/.exec(href)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}

/** Hacker News before 2014: each comment a `td.default` in a table of its own, indented by a spacer image. */
const hackerNewsTable: CommentMarkupReader = {
  name: 'hacker-news',
  roots: 'td.default',
  // The opening post of an Ask HN sits in a cell without this class; a cell without a byline is not a comment.
  accept: (root) => root.querySelector('.comhead') !== null && root.querySelector('.comment') !== null,
  read: (root, own) => {
    const item = own('.comhead a[href*="item?id="]');
    return {
      id: /item\?id=(\d+)/.exec(item?.getAttribute('href') ?? '')?.[1],
      author: textOf(own('.comhead a[href*="user?id="]')) || userInLink(own('a[href*="user?id="]')),
      posted: postedFrom(own, ['.comhead .age', '.comhead']),
      permalink: resolveHref(item),
      body: own('.comment'),
    };
  },
  parentOf: (root) => {
    const depth = tableIndent(root);
    if (depth === 0) return null;
    // Each comment's table sits in one row of the thread's outer table.
    const row = root.closest('table')?.closest('tr');
    for (let other = row?.previousElementSibling; other; other = other.previousElementSibling) {
      const cell = other.querySelector('td.default');
      if (cell && tableIndent(cell) < depth) return cell;
    }
    return null;
  },
};

/** Levels of indentation of an old Hacker News comment: its row's spacer image is 40 pixels wide per level. */
function tableIndent(cell: Element): number {
  const spacer = cell.parentElement?.querySelector(':scope > td > img[width]');
  return Math.round(Number(spacer?.getAttribute('width') ?? 0) / 40);
}

/** How deep new Reddit's `level N` label, printed on each comment of its flat list, puts the comment. */
function redditDepth(root: Element): number {
  for (const span of root.querySelectorAll('span')) {
    const m = /^level (\d+)$/.exec(span.textContent ?? '');
    if (m) return Math.max(0, Number(m[1]) - 1);
  }
  return 0;
}

/** New Reddit, 2019–2022: hashed class names, but `Comment t1_…` and the `data-testid` hooks are stable. */
const redditReact: CommentMarkupReader = {
  name: 'reddit',
  roots: 'div.Comment',
  accept: (root) => root.classList.value.split(/\s+/).some((c) => c.startsWith('t1_')),
  read: (root, own) => {
    const id = root.classList.value.split(/\s+/).find((c) => c.startsWith('t1_'));
    const stamp = own('[data-testid="comment_timestamp"]');
    const body = own('[data-testid="comment"]');
    return {
      id,
      // Some snapshots render only the avatar link; its address names the user. Deleted comments have neither.
      author:
        authorFrom(own, ['[data-testid="comment_author_link"]']) ??
        userInLink(own('a[data-testid="comment_author_icon"]')) ??
        '[deleted]',
      posted: postedFrom(own, ['[data-testid="comment_timestamp"]']),
      permalink: resolveHref(stamp),
      body,
      // A deleted comment keeps its place in the thread but has no text; its placeholder line is not text.
      ...(body ? {} : { paragraphs: [] }),
    };
  },
  parentOf: (root) => shallowerBefore(root, 'div.Comment', redditDepth),
};

/** Reddit since 2023: each comment a `shreddit-comment` element, its fields in attributes, replies nested in it. */
const shreddit: CommentMarkupReader = {
  name: 'reddit',
  roots: 'shreddit-comment',
  read: (root, own) => {
    const permalink = root.getAttribute('permalink');
    const author = root.getAttribute('author');
    return {
      id: root.getAttribute('thingid') ?? (root.id || undefined),
      author: author && author !== '[deleted]' ? author : '[deleted]',
      posted: postedFrom(own, ['faceplate-timeago[ts]', 'time[datetime]']),
      permalink: permalink ? resolveHref(root, permalink) : undefined,
      body: own('[slot="comment"]'),
    };
  },
};

/** Forum and aggregator readers, in the order they must run. */
export const FORUM_MARKUPS: readonly CommentMarkupReader[] = [
  xenforo1,
  xenforo2,
  phpbb,
  vbulletin3,
  vbulletin4,
  vbulletin5,
  nodebb,
  redditReact,
  shreddit,
  hackerNewsTable,
];
