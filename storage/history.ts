/**
 * The `history` table's reader-facing side (issue 13): the claims the reader deleted that can still be restored,
 * and the rule that bounds the table. A version is kept `HISTORY_DAYS` days after it was replaced; so a deleted
 * claim stays restorable, from the Recently deleted view, for as long, and not a day more.
 */
import type { Claim, Rebuttal } from '../core/model';
import { HISTORY_DAYS, type DeletedClaim } from '../core/protocol';
import type { CounterpointDb, SupersededVersion } from './db';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest replacement time still kept at `now`: versions replaced before it are pruned. */
export function historyCutoff(now: string): string {
  return new Date(Date.parse(now) - HISTORY_DAYS * DAY_MS).toISOString();
}

/**
 * The versions replaced since the cutoff, newest first. The history is written in time order, so they are its
 * last entries: reading from the end and stopping at the first older one reads no more than the rule keeps.
 */
async function keptVersions(db: CounterpointDb, cutoff: string): Promise<SupersededVersion[]> {
  return db.history
    .toCollection()
    .reverse()
    .until((version) => version.superseded < cutoff)
    .toArray();
}

/**
 * The claims the reader deleted that `restoreClaim` can bring back, newest deletion first, each with the
 * number of rebuttals that come back with it. A deletion counts while its tombstone stands, its claim is not
 * stored again (restored, or re-imported), and it is within `HISTORY_DAYS` of `now`; an import's tombstone
 * carries another reader's deletion time and no version of ours, so it is not offered.
 */
export async function recentlyDeleted(db: CounterpointDb, now: string): Promise<DeletedClaim[]> {
  return db.transaction('r', [db.history, db.tombstones, db.claims], async () => {
    const versions = await keptVersions(db, historyCutoff(now));
    const tombstones = await db.tombstones.bulkGet([...new Set(versions.map((version) => version.id))]);
    const deletedAt = new Map(
      tombstones.flatMap((tombstone) => (tombstone ? [[tombstone.id, tombstone]] : [])),
    );
    /** Whether this version is the one its record's standing tombstone was made with. */
    const deletedHere = (version: SupersededVersion) =>
      deletedAt.get(version.id)?.kind === version.kind &&
      deletedAt.get(version.id)?.deleted === version.superseded;
    const rebuttals = new Map<string, number>();
    for (const version of versions) {
      if (version.kind !== 'rebuttal' || !deletedHere(version)) continue;
      const key = `${(version.record as Rebuttal).claimId} ${version.superseded}`;
      rebuttals.set(key, (rebuttals.get(key) ?? 0) + 1);
    }
    const claims = versions.filter((version) => version.kind === 'claim' && deletedHere(version));
    const stored = await db.claims.bulkGet(claims.map((version) => version.id));
    return claims
      .filter((_, i) => stored[i] === undefined)
      .map((version) => ({
        claim: version.record as Claim,
        deleted: version.superseded,
        rebuttals: rebuttals.get(`${version.id} ${version.superseded}`) ?? 0,
      }))
      .sort((a, b) => b.deleted.localeCompare(a.deleted));
  });
}

/**
 * Drop the versions replaced more than `HISTORY_DAYS` before `now`. It reads from the oldest and stops at the
 * first version still kept, so that a run with nothing to prune costs one read. A version written out of time
 * order (the clock was set back) waits until the ones written before it are pruned. Returns how many went.
 */
export async function pruneHistory(db: CounterpointDb, now: string): Promise<number> {
  const cutoff = historyCutoff(now);
  return db.transaction('rw', db.history, async () => {
    // Read whole: `until` looks at each version's time, which a cursor over keys alone does not carry.
    const old = await db.history
      .toCollection()
      .until((version) => version.superseded >= cutoff)
      .toArray();
    await db.history.bulkDelete(old.map((version) => version.seq));
    return old.length;
  });
}
