/**
 * The rule for each field of a claim and a rebuttal, written once: the message protocol applies them to what a
 * page proposes, and every bundle reader to what a file holds, so that whatever the background stores, its own
 * export imports again unchanged.
 *
 * - Reader-typed text (notes, tags) is checked the same way in both paths and refused with the reason.
 * - Page-written text (a title, a commenter's name, a comment's id) is normalised (`normalizeLine`) rather
 *   than refused: a page decides what it holds, and no page may make a note fail to save or to import.
 * - Addresses are http(s) URLs in the form the bundle writes them, and a claim's page key names the site of the
 *   page it quotes, so that no file can pin notes to another site.
 */
import type { ClaimStatus, RebuttalStance } from '../model';
import { CLAIM_STATUSES, REBUTTAL_STANCES } from '../model';
import { sameSite } from '../page-key';
import { describe, readText, readWebUrl } from './field-readers';
import type { IssueList } from './issues';
import { quoteValue } from './issues';
import { FIELD_LIMITS } from './limits';
import { isWebUrl, normalizeLine } from './text';

/** A note on a claim or a rebuttal: any text the reader types, line breaks included, under the cap. */
export function readNote(value: unknown, path: string, issues: IssueList): string | undefined {
  return readText(value, path, issues, { max: FIELD_LIMITS.note, allowEmpty: true });
}

/** Tags: trimmed, blanks and repeats dropped, each a one-line text under the cap. Each comes with its own path. */
export function readTags(
  entries: { value: unknown; path: string }[],
  listPath: string,
  issues: IssueList,
): string[] | undefined {
  const before = issues.issues.length;
  const tags: string[] = [];
  for (const { value, path } of entries) {
    if (typeof value === 'string' && value.trim() === '') continue;
    const tag = readText(value, path, issues, { max: FIELD_LIMITS.tag, oneLine: true });
    if (tag !== undefined && !tags.includes(tag.trim())) tags.push(tag.trim());
  }
  if (tags.length > FIELD_LIMITS.tags) {
    issues.add(listPath, `holds ${tags.length} tags; the limit is ${FIELD_LIMITS.tags}`);
  }
  return issues.issues.length > before ? undefined : tags;
}

/** Page-written one-line text, normalised to `max`; only a value that is not text at all is refused. */
function readPageLine(value: unknown, path: string, issues: IssueList, max: number): string | undefined {
  if (value === undefined) issues.add(path, 'missing');
  else if (typeof value !== 'string') issues.add(path, `must be text, not ${describe(value)}`);
  else return normalizeLine(value, max);
  return undefined;
}

/** The page's title as the page gave it, normalised. */
export function readTitle(value: unknown, path: string, issues: IssueList): string | undefined {
  return readPageLine(value, path, issues, FIELD_LIMITS.title);
}

/** The text a claim is placed on now, as the page reads it, normalised and cut to a quote's length. */
export function readPlacedText(value: unknown, path: string, issues: IssueList): string | undefined {
  return readPageLine(value, path, issues, FIELD_LIMITS.quote);
}

/** A commenter's name as the page gave it, normalised; it may be empty. */
export function readAuthor(value: unknown, path: string, issues: IssueList): string | undefined {
  return readPageLine(value, path, issues, FIELD_LIMITS.author);
}

/** True when a permalink is a web address rather than a comment's id within its page. */
export function isWebPermalink(permalink: string): boolean {
  return /^https?:\/\//i.test(permalink) && URL.canParse(permalink);
}

/** A comment's id within its page (a comment with no permalink), normalised; it may not be blank or a web address. */
export function readCommentId(value: unknown, path: string, issues: IssueList): string | undefined {
  const id = readPageLine(value, path, issues, FIELD_LIMITS.commentId);
  if (id === '') issues.add(path, 'is empty');
  else if (id !== undefined && isWebPermalink(id))
    issues.add(path, `is a web address, not a comment's id in its page (got ${quoteValue(id)})`);
  else return id;
  return undefined;
}

/**
 * An http(s) address in the form the bundle writes it (`URL.href`: punycode host, percent-encoded path), so that
 * an export carries it unchanged. For what a page sends; files are read with `readWebUrl`.
 */
export function readPageUrl(value: unknown, path: string, issues: IssueList): string | undefined {
  const text = readText(value, path, issues, { max: FIELD_LIMITS.url, oneLine: true });
  if (text === undefined) return undefined;
  const href = isWebPermalink(text) ? new URL(text).href : '';
  if (!isWebUrl(href)) {
    issues.add(path, `must be an http or https address (got ${quoteValue(text)})`);
    return undefined;
  }
  if (href.length > FIELD_LIMITS.url) {
    issues.add(path, `is ${href.length} characters long once encoded; the limit is ${FIELD_LIMITS.url}`);
    return undefined;
  }
  return href;
}

/**
 * The origin of the comment widget's frame that shows a comment (`CommentRef.frame`): an http or https origin,
 * scheme, host and port and nothing more, since self-hosted widgets are served from each site's own
 * (`core/widget-frames.ts`). A rebuttal is looked for in the frames of that origin alone.
 */
export function readCommentFrame(value: unknown, path: string, issues: IssueList): string | undefined {
  if (typeof value === 'string' && isWebOrigin(value)) return value;
  issues.add(
    path,
    `must be the origin of a comment widget's frame, such as https://disqus.com (got ${quoteValue(value)})`,
  );
  return undefined;
}

function isWebOrigin(value: string): boolean {
  return isWebUrl(value) && new URL(value).origin === value;
}

/** A comment's permalink as a page sends it: a web address (as `readPageUrl`), else the comment's id. */
export function readPermalink(value: unknown, path: string, issues: IssueList): string | undefined {
  return typeof value === 'string' && isWebPermalink(value)
    ? readPageUrl(value, path, issues)
    : readCommentId(value, path, issues);
}

/**
 * A claim's page key: an http(s) URL on the same site as the page it quotes (`source`, already read), so that
 * neither a page nor a file can pin notes to another site.
 */
export function readPageKey(
  value: unknown,
  path: string,
  issues: IssueList,
  source: { url: string | undefined; path: string },
): string | undefined {
  const pageKey = readWebUrl(value, path, issues);
  if (pageKey === undefined || source.url === undefined) return undefined;
  if (!sameSite(pageKey, source.url)) {
    issues.add(
      path,
      `names another site than ${source.path} (got ${quoteValue(pageKey)}); a note belongs to the site it quotes`,
    );
    return undefined;
  }
  return pageKey;
}

export function readStatus(value: unknown, path: string, issues: IssueList): ClaimStatus | undefined {
  if (CLAIM_STATUSES.includes(value as ClaimStatus)) return value as ClaimStatus;
  issues.add(path, `must be one of ${CLAIM_STATUSES.join(', ')} (got ${describe(value)})`);
  return undefined;
}

export function readStance(value: unknown, path: string, issues: IssueList): RebuttalStance | undefined {
  if (REBUTTAL_STANCES.includes(value as RebuttalStance)) return value as RebuttalStance;
  issues.add(path, `must be one of ${REBUTTAL_STANCES.join(', ')} (got ${describe(value)})`);
  return undefined;
}
