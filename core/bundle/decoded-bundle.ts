/** What decoding an untrusted file gives: records ready to merge, and what was refused and why. */
import type { Claim, Rebuttal, Tombstone } from '../model';
import type { BundleRecords } from './bundle-format';
import type { BundleIssue } from '../records/issues';

/** The kinds of file that import accepts. */
export type BundleFormat = 'counterpoint' | 'w3c' | 'hypothesis';

export const FORMAT_NAMES: Record<BundleFormat, string> = {
  counterpoint: 'a Counterpoint bundle',
  w3c: 'W3C Web Annotations',
  hypothesis: 'a Hypothesis export',
};

/** One record of the file that was not accepted, where it sits, and every reason. */
export interface RejectedItem {
  path: string;
  /** The record's id as the file gives it, when it has a readable one. */
  id?: string;
  issues: BundleIssue[];
}

/**
 * `ok: false` refuses the whole file (not JSON, too large, a version this code cannot read...).
 * `ok: true` may still carry `rejected` records; the rest can be imported, and the preview counts them.
 */
export type DecodeResult =
  | { ok: true; format: BundleFormat; records: BundleRecords; rejected: RejectedItem[] }
  | { ok: false; format?: BundleFormat; issues: BundleIssue[] };

export interface DecodeOptions {
  /**
   * Page identity for foreign annotations, which carry only a URL. The extension passes `pageKeyFor` from
   * `core/page-key.ts`; the default drops the fragment.
   */
  pageKeyFor?: (url: string) => string;
}

/** Every problem in a result, whole-file and per record, in file order. */
export function allIssues(result: DecodeResult): BundleIssue[] {
  return result.ok ? result.rejected.flatMap((item) => item.issues) : result.issues;
}

/** A record a reader accepted, with its place in the file for later cross-record checks. */
export type AcceptedRecord = { path: string } & (
  | { kind: 'claim'; record: Claim }
  | { kind: 'rebuttal'; record: Rebuttal }
  | { kind: 'tombstone'; record: Tombstone }
);

/** What one format's reader gives back before the checks that span records. */
export type ReadOutcome =
  { ok: true; accepted: AcceptedRecord[]; rejected: RejectedItem[] } | { ok: false; issues: BundleIssue[] };
