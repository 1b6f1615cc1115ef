/**
 * Merge by id, as a pure function. Each id holds one version: a claim, a rebuttal or a tombstone. Of two versions
 * the later one wins (`modified`, or `deleted` for a tombstone); on equal times a tombstone wins, and two
 * different records are ordered by their canonical JSON, so that every reader picks the same one. That makes the
 * merge commutative, associative and idempotent: importing twice changes nothing, and several readers' files
 * merge to the same library in any order. A rebuttal whose claim ends up deleted is deleted with it.
 *
 * `planMerge` does not write. It returns the plan (counts for the preview, the records to put and the ids to
 * delete) so that storage can show it and then apply it in one transaction.
 */
import type { Claim, Rebuttal, Tombstone } from '../model';
import type { BundleRecords } from './bundle-format';
import { emptyRecords } from './bundle-format';

type Version =
  | { kind: 'claim'; record: Claim }
  | { kind: 'rebuttal'; record: Rebuttal }
  | { kind: 'tombstone'; record: Tombstone };

/** What the preview shows. Each incoming record counts once; `deleted` counts live records removed. */
export interface MergeCounts {
  /** Claims and rebuttals the library did not have. */
  new: number;
  /** Claims and rebuttals replaced by a newer version. */
  updated: number;
  /** Records identical to, or older than, what the library holds (tombstones for unknown ids too). */
  unchanged: number;
  /** Live claims and rebuttals removed by tombstones, including rebuttals of a deleted claim. */
  deleted: number;
  /** Records of the file that failed validation, as the decoder reported them. */
  rejected: number;
}

export interface TouchedPage {
  pageKey: string;
  url: string;
  title: string;
}

export interface MergePlan {
  counts: MergeCounts;
  /** Records to write, new or replacing the stored version. */
  put: BundleRecords;
  /** Ids to delete: live records a tombstone removes, and tombstones that a newer record supersedes. */
  remove: { claims: string[]; rebuttals: string[]; tombstones: string[] };
  /**
   * The stored versions this merge replaces or deletes. Storage can keep them in a history table so that the
   * older copy is not lost; the plan itself keeps nothing.
   */
  superseded: (Claim | Rebuttal)[];
  /** The pages whose notes change, for the report's links. */
  pages: TouchedPage[];
  /** The whole library after the merge. */
  result: BundleRecords;
}

const canonicalCache = new WeakMap<object, string>();

/**
 * `canonicalJson` of a record as readers share it, computed once per record object; merge compares each record
 * several times. A node hint is left out: it counts the text nodes of one reader's copy of the page.
 */
function canonicalOf(record: Claim | Rebuttal | Tombstone): string {
  let text = canonicalCache.get(record);
  if (text === undefined) {
    const shared =
      'target' in record
        ? { ...record, target: { quote: record.target.quote, position: record.target.position } }
        : record;
    text = canonicalJson(shared);
    canonicalCache.set(record, text);
  }
  return text;
}

/** JSON with keys sorted at every level: equal records give equal text whatever order their keys were set in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function stamp(version: Version): number {
  return Date.parse(version.kind === 'tombstone' ? version.record.deleted : version.record.modified);
}

function sameVersion(a: Version, b: Version): boolean {
  return a.record === b.record || (a.kind === b.kind && canonicalOf(a.record) === canonicalOf(b.record));
}

/** The winner of two versions of one id; the same whichever is passed first. */
function later(a: Version, b: Version): Version {
  const byTime = stamp(a) - stamp(b);
  if (byTime !== 0) return byTime > 0 ? a : b;
  if ((a.kind === 'tombstone') !== (b.kind === 'tombstone')) return a.kind === 'tombstone' ? a : b;
  const byKind = a.kind.localeCompare(b.kind);
  if (byKind !== 0) return byKind > 0 ? a : b;
  return canonicalOf(a.record) >= canonicalOf(b.record) ? a : b;
}

type LiveVersion = Exclude<Version, { kind: 'tombstone' }>;

function versionsOf(records: BundleRecords): Version[] {
  return [
    ...records.claims.map((record): Version => ({ kind: 'claim', record })),
    ...records.rebuttals.map((record): Version => ({ kind: 'rebuttal', record })),
    ...records.tombstones.map((record): Version => ({ kind: 'tombstone', record })),
  ];
}

function join(into: Map<string, Version>, records: BundleRecords): void {
  for (const version of versionsOf(records)) {
    const held = into.get(version.record.id);
    into.set(version.record.id, held ? later(held, version) : version);
  }
}

/** Ids of rebuttals whose claim is deleted in this state. */
function orphanedRebuttals(state: Map<string, Version>): Set<string> {
  const orphans = new Set<string>();
  for (const version of state.values()) {
    if (version.kind === 'rebuttal' && state.get(version.record.claimId)?.kind === 'tombstone') {
      orphans.add(version.record.id);
    }
  }
  return orphans;
}

function toRecords(state: Map<string, Version>): BundleRecords {
  const records = emptyRecords();
  const orphans = orphanedRebuttals(state);
  for (const version of state.values()) {
    if (version.kind === 'claim') records.claims.push(version.record);
    else if (version.kind === 'tombstone') records.tombstones.push(version.record);
    else if (!orphans.has(version.record.id)) records.rebuttals.push(version.record);
  }
  return records;
}

/** The library that merging all these sets gives, in any order. Used by `merge` on the command line. */
export function mergeRecords(...sets: BundleRecords[]): BundleRecords {
  const state = new Map<string, Version>();
  for (const records of sets) join(state, records);
  return toRecords(state);
}

/**
 * `record`, with the node hint of the version it replaces when both quote the same passage the same way: bundles
 * carry no hints, and a newer note or status from another reader should not cost this reader the fast path.
 */
function withHintOf<T extends Claim | Rebuttal>(held: Version | undefined, record: T): T {
  if (held === undefined || held.kind === 'tombstone') return record;
  const { hint, quote, position } = held.record.target;
  if (!hint || record.target.hint) return record;
  const passage = canonicalJson([record.target.quote, record.target.position]);
  return canonicalJson([quote, position]) === passage
    ? { ...record, target: { ...record.target, hint } }
    : record;
}

/** Plans the import of `incoming` into `existing` without changing either. */
export function planMerge(
  existing: BundleRecords,
  incoming: BundleRecords,
  options: { rejected?: number } = {},
): MergePlan {
  const before = new Map<string, Version>();
  join(before, existing);
  const beforeOrphans = orphanedRebuttals(before);
  const live = (state: Map<string, Version>, orphans: Set<string>, id: string): LiveVersion | undefined => {
    const version = state.get(id);
    return version && version.kind !== 'tombstone' && !orphans.has(id) ? version : undefined;
  };

  const after = new Map(before);
  join(after, incoming);
  const afterOrphans = orphanedRebuttals(after);

  const counts: MergeCounts = {
    new: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    rejected: options.rejected ?? 0,
  };
  for (const version of versionsOf(incoming)) {
    const id = version.record.id;
    const won = after.get(id);
    const wasLive = live(before, beforeOrphans, id);
    if (version.kind === 'tombstone') {
      if (won && sameVersion(won, version) && wasLive) counts.deleted++;
      else counts.unchanged++;
    } else if (
      !won ||
      !sameVersion(won, version) ||
      afterOrphans.has(id) ||
      (wasLive && sameVersion(wasLive, version))
    ) {
      counts.unchanged++;
    } else if (wasLive) counts.updated++;
    else counts.new++;
  }

  const put = emptyRecords();
  const remove: MergePlan['remove'] = { claims: [], rebuttals: [], tombstones: [] };
  const superseded: (Claim | Rebuttal)[] = [];
  const pages = new Map<string, TouchedPage>();
  const claimOf = (id: string): Claim | undefined => {
    const version = after.get(id) ?? before.get(id);
    return version?.kind === 'claim' ? version.record : undefined;
  };
  const touch = (claim: Claim | undefined): void => {
    if (claim && !pages.has(claim.pageKey))
      pages.set(claim.pageKey, { pageKey: claim.pageKey, url: claim.url, title: claim.title });
  };

  for (const [id, version] of after) {
    const held = before.get(id);
    const nowLive = live(after, afterOrphans, id);
    const wasLive = live(before, beforeOrphans, id);
    if (wasLive && (!nowLive || !sameVersion(wasLive, nowLive))) {
      superseded.push(wasLive.record);
      touch(wasLive.kind === 'claim' ? wasLive.record : claimOf(wasLive.record.claimId));
    }
    // A record that is gone, or (from a hostile file) whose id now names the other kind, leaves its table.
    if (wasLive && (!nowLive || nowLive.kind !== wasLive.kind)) {
      if (wasLive.kind === 'claim') remove.claims.push(id);
      else remove.rebuttals.push(id);
      counts.deleted += version.kind === 'rebuttal' ? 1 : 0;
    }
    if (held && sameVersion(held, version)) continue;
    if (held?.kind === 'tombstone' && version.kind !== 'tombstone') remove.tombstones.push(id);
    if (version.kind === 'claim') {
      put.claims.push(withHintOf(held, version.record));
      touch(version.record);
    } else if (version.kind === 'rebuttal' && nowLive) {
      put.rebuttals.push(withHintOf(held, version.record));
      touch(claimOf(version.record.claimId));
    } else if (version.kind === 'tombstone') put.tombstones.push(version.record);
  }
  return {
    counts,
    put,
    remove,
    superseded,
    pages: [...pages.values()].sort((a, b) => (a.pageKey < b.pageKey ? -1 : a.pageKey > b.pageKey ? 1 : 0)),
    result: toRecords(after),
  };
}
