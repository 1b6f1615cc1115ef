/**
 * Reads and writes of claims. Every write that touches two tables runs in one transaction, so a failure
 * (storage full, say) leaves what was stored as it was.
 */
import type { Claim, Rebuttal } from '../core/model';
import type { ClaimChanges, NewClaim } from '../core/protocol';
import type { CounterpointDb } from './db';

/** A failure the reader can understand and act on. */
export class StorageProblem extends Error {}

/** Turn a Dexie/IndexedDB failure into words for the reader; nothing was written when it is thrown. */
export function explain(error: unknown): never {
  if (error instanceof StorageProblem) throw error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || (error as { inner?: Error })?.inner?.name === 'QuotaExceededError') {
    throw new StorageProblem(
      'Your browser’s storage for Counterpoint is full, so this change was not saved. Your existing notes are safe.',
    );
  }
  if (name === 'ConstraintError') throw new StorageProblem('A note with this id already exists.');
  throw error;
}

export async function claimsForPage(db: CounterpointDb, pageKey: string): Promise<Claim[]> {
  const claims = await db.claims.where('pageKey').equals(pageKey).toArray();
  return claims.sort((a, b) => a.created.localeCompare(b.created));
}

/** Every claim, newest change first. */
export async function allClaims(db: CounterpointDb): Promise<Claim[]> {
  return (await db.claims.orderBy('modified').toArray()).reverse();
}

/**
 * `limit` claims from the `offset`th, newest change first, and how many claims there are: a large library is
 * read in slices, so that the lists show its newest claims without waiting for the rest.
 */
export async function claimsSlice(
  db: CounterpointDb,
  offset: number,
  limit: number,
): Promise<{ claims: Claim[]; total: number }> {
  return db.transaction('r', db.claims, async () => ({
    claims: await db.claims.orderBy('modified').reverse().offset(offset).limit(limit).toArray(),
    total: await db.claims.count(),
  }));
}

export async function getClaim(db: CounterpointDb, id: string): Promise<Claim | undefined> {
  return db.claims.get(id);
}

export async function createClaim(db: CounterpointDb, proposed: NewClaim, now: string): Promise<Claim> {
  const claim: Claim = { ...proposed, created: now, modified: now };
  try {
    await db.claims.add(claim);
  } catch (error) {
    explain(error);
  }
  return claim;
}

export async function updateClaim(
  db: CounterpointDb,
  id: string,
  changes: ClaimChanges,
  now: string,
): Promise<Claim> {
  try {
    return await db.transaction('rw', db.claims, db.history, db.placements, async () => {
      const current = await db.claims.get(id);
      if (!current)
        throw new StorageProblem('This note no longer exists; it may have been deleted elsewhere.');
      const updated: Claim = { ...current, ...changes, modified: now };
      await db.claims.put(updated);
      if (changes.target) {
        // A new passage replaces the quote the reader marked: that one stays in the history. The reader took
        // it where the page reads so now, which is what the last visit found of it from here on.
        await db.history.add({ id, kind: 'claim', record: current, superseded: now });
        await db.placements.put({ claimId: id, outcome: 'as-marked', seen: now });
      }
      return updated;
    });
  } catch (error) {
    explain(error);
  }
}

/**
 * Delete a claim and its rebuttals, leaving tombstones so the deletions can travel in a bundle, and keeping the
 * deleted versions in the history, so that the deletion can be undone.
 */
export async function deleteClaim(db: CounterpointDb, id: string, now: string): Promise<void> {
  try {
    const tables = [db.claims, db.rebuttals, db.tombstones, db.placements, db.history];
    await db.transaction('rw', tables, async () => {
      const current = await db.claims.get(id);
      if (!current) return;
      const rebuttals = await db.rebuttals.where('claimId').equals(id).toArray();
      await db.claims.delete(id);
      await db.placements.delete(id);
      await db.rebuttals.bulkDelete(rebuttals.map((rebuttal) => rebuttal.id));
      await db.tombstones.bulkPut([
        { id, kind: 'claim', pageKey: current.pageKey, deleted: now },
        ...rebuttals.map((rebuttal) => ({
          id: rebuttal.id,
          kind: 'rebuttal' as const,
          pageKey: current.pageKey,
          deleted: now,
        })),
      ]);
      await db.history.bulkAdd([
        { id, kind: 'claim', record: current, superseded: now },
        ...rebuttals.map((rebuttal) => ({
          id: rebuttal.id,
          kind: 'rebuttal' as const,
          record: rebuttal,
          superseded: now,
        })),
      ]);
    });
  } catch (error) {
    explain(error);
  }
}

/**
 * Undo the deletion of a claim: it comes back with the rebuttals deleted with it, as they were, changed `now`
 * (so that the restored claim is the newest version wherever it travels), and their tombstones go.
 */
export async function restoreClaim(
  db: CounterpointDb,
  id: string,
  now: string,
): Promise<{ claim: Claim; rebuttals: Rebuttal[] }> {
  try {
    const tables = [db.claims, db.rebuttals, db.tombstones, db.history];
    return await db.transaction('rw', tables, async () => {
      const tombstone = await db.tombstones.get(id);
      const versions = await db.history.where('id').equals(id).toArray();
      const last = versions.filter((version) => version.superseded === tombstone?.deleted).at(-1);
      if (!tombstone || tombstone.kind !== 'claim' || !last || (await db.claims.get(id))) {
        throw new StorageProblem(
          'This claim is not deleted, or was deleted too long ago to be restored here.',
        );
      }
      const deletedWith = (await db.tombstones.where('pageKey').equals(tombstone.pageKey).toArray()).filter(
        (other) => other.kind === 'rebuttal' && other.deleted === tombstone.deleted,
      );
      const rebuttals = (
        await db.history
          .where('id')
          .anyOf(deletedWith.map((other) => other.id))
          .toArray()
      )
        .filter((version) => version.superseded === tombstone.deleted)
        .map((version) => version.record as Rebuttal)
        .filter((rebuttal) => rebuttal.claimId === id)
        .map((rebuttal) => ({ ...rebuttal, modified: now }));
      const claim = { ...(last.record as Claim), modified: now };
      await db.claims.add(claim);
      await db.rebuttals.bulkPut(rebuttals);
      await db.tombstones.bulkDelete([id, ...rebuttals.map((rebuttal) => rebuttal.id)]);
      return { claim, rebuttals };
    });
  } catch (error) {
    return explain(error);
  }
}
