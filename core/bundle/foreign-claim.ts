/**
 * What foreign annotations (W3C from other clients, Hypothesis) become: claims, since only Counterpoint knows
 * rebuttals. Shared rules: ids are renamed to name-based `urn:uuid:` values so that a second import of the same
 * file finds the same ids; timestamps are normalised to UTC; a missing date becomes the epoch, so that an undated
 * import never overwrites a note the reader has edited.
 */
import type { ClaimStatus } from '../model';
import { CLAIM_STATUSES } from '../model';
import type { IssueList } from '../records/issues';
import { quoteValue } from '../records/issues';
import type { DecodeOptions } from './decoded-bundle';
import { sameSite, urlWithoutFragment } from '../page-key';
import { readAnyTimestamp } from '../records/field-readers';
import { FIELD_LIMITS } from '../records/limits';
import { isWebUrl } from '../records/text';

export const EPOCH = '1970-01-01T00:00:00.000Z';

/** Imported annotations carry no assessment of their own unless they say so; a highlight is the neutral one. */
export const DEFAULT_STATUS: ClaimStatus = 'highlight';

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return CLAIM_STATUSES.includes(value as ClaimStatus);
}

/** A foreign timestamp as UTC ISO 8601, or the epoch when absent. */
export function readForeignTime(value: unknown, path: string, issues: IssueList): string | undefined {
  if (value === undefined || value === null) return undefined;
  const time = readAnyTimestamp(value, path, issues);
  return time === undefined ? undefined : new Date(time).toISOString();
}

/** `created` and `modified` from whichever of the two a foreign record has. */
export function foreignTimes(
  created: string | undefined,
  modified: string | undefined,
): { created: string; modified: string } {
  return { created: created ?? modified ?? EPOCH, modified: modified ?? created ?? EPOCH };
}

/**
 * The page key for a foreign record's URL. The key function comes from the caller, so whatever it does with a
 * hostile URL (throw, return junk) ends as a refused record, never as an exception out of the decoder.
 */
export function foreignPageKey(
  url: string,
  path: string,
  issues: IssueList,
  options: DecodeOptions,
): string | undefined {
  const pageKeyFor = options.pageKeyFor ?? urlWithoutFragment;
  let key: unknown;
  try {
    key = pageKeyFor(url);
  } catch {
    key = undefined;
  }
  // Held to the rule of a claim's page key in a bundle: an http(s) URL on the site of the page it quotes.
  if (typeof key === 'string' && key.length <= FIELD_LIMITS.url && isWebUrl(key) && sameSite(key, url))
    return key;
  issues.add(path, `gives no page key that notes could be stored under (got ${quoteValue(url)})`);
  return undefined;
}
