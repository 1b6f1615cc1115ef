/**
 * Finding a comment again: the one a reader's selection sits in, and the one a stored rebuttal points at.
 */

import type { CommentRef } from '../model';
import { decodeFragment } from './comment-markup';
import type { ExtractedComment } from './extract';

/**
 * The innermost comment holding `node` (a reply, not the thread around it), or undefined when the node is not in a
 * comment: where a selection inside the comment section belongs.
 */
export function commentAt(comments: readonly ExtractedComment[], node: Node): ExtractedComment | undefined {
  let best: ExtractedComment | undefined;
  for (const comment of comments) {
    if (comment.root.contains(node) && (!best || best.root.contains(comment.root))) best = comment;
  }
  return best;
}

/** The part of a link that names the comment within its page: the fragment, or Blogger's `showComment` value. */
function commentKey(link: string): string | undefined {
  const hash = link.indexOf('#');
  if (hash >= 0 && hash < link.length - 1) return decodeFragment(link.slice(hash + 1));
  return /[?&]showComment=(\d+)/.exec(link)?.[1];
}

/** Path and query of a link, without its host: `/r/town/comments/lib1/aa1/`, `/item?id=3101`. */
function pathOf(link: string): string | undefined {
  try {
    const url = new URL(link, 'https://base.invalid/');
    const path = url.pathname + url.search;
    return path === '/' ? undefined : path;
  } catch {
    return undefined;
  }
}

/**
 * The comment a stored {@link CommentRef} points at, in this copy of the page, or undefined when it is gone (the
 * rebuttal is then orphaned, never moved onto another comment).
 *
 * Tried in order: the same permalink; the same in-page name (fragment or id), which survives the article being
 * read at another URL; the same path on another host (a mirror, or http and https); then, when none of those
 * applies, the same author and posted time if exactly one comment has both.
 */
export function findCommentByRef(
  comments: readonly ExtractedComment[],
  ref: CommentRef,
): ExtractedComment | undefined {
  const exact = comments.find((c) => c.permalink !== undefined && c.permalink === ref.permalink);
  if (exact) return exact;

  const key = commentKey(ref.permalink) ?? (/^[\w.-]+$/.test(ref.permalink) ? ref.permalink : undefined);
  if (key) {
    const named = comments.find(
      (c) => c.id === key || (c.permalink !== undefined && commentKey(c.permalink) === key),
    );
    if (named) return named;
    // A named comment that is not here is gone; another with the same author and time would be a guess.
    return undefined;
  }

  const path = pathOf(ref.permalink);
  if (path) {
    const moved = comments.find((c) => c.permalink !== undefined && pathOf(c.permalink) === path);
    if (moved) return moved;
  }

  if (!ref.posted) return undefined;
  const same = comments.filter((c) => c.author === ref.author && c.posted === ref.posted);
  return same.length === 1 ? same[0] : undefined;
}
