/** Reads and writes of rebuttals, each tied to a stored claim. */
import type { Rebuttal } from '../core/model';
import type { NewRebuttal, RebuttalChanges } from '../core/protocol';
import { explain, StorageProblem } from './claims';
import type { CounterpointDb } from './db';

/** The rebuttals of the given claims, oldest first. */
export async function rebuttalsOf(db: CounterpointDb, claimIds: readonly string[]): Promise<Rebuttal[]> {
  const rebuttals = await db.rebuttals.where('claimId').anyOf(claimIds).toArray();
  return rebuttals.sort((a, b) => a.created.localeCompare(b.created));
}

export async function getRebuttal(db: CounterpointDb, id: string): Promise<Rebuttal | undefined> {
  return db.rebuttals.get(id);
}

export async function createRebuttal(
  db: CounterpointDb,
  proposed: NewRebuttal,
  now: string,
): Promise<Rebuttal> {
  const rebuttal: Rebuttal = { ...proposed, created: now, modified: now };
  try {
    await db.transaction('rw', db.claims, db.rebuttals, async () => {
      if (!(await db.claims.get(proposed.claimId))) {
        throw new StorageProblem('The claim this rebuttal answers no longer exists.');
      }
      await db.rebuttals.add(rebuttal);
    });
  } catch (error) {
    explain(error);
  }
  return rebuttal;
}

export async function updateRebuttal(
  db: CounterpointDb,
  id: string,
  changes: RebuttalChanges,
  now: string,
): Promise<Rebuttal> {
  try {
    return await db.transaction('rw', db.rebuttals, async () => {
      const current = await db.rebuttals.get(id);
      if (!current)
        throw new StorageProblem('This rebuttal no longer exists; it may have been removed elsewhere.');
      const updated: Rebuttal = { ...current, ...changes, modified: now };
      await db.rebuttals.put(updated);
      return updated;
    });
  } catch (error) {
    explain(error);
  }
}

/** Remove a rebuttal, leaving a tombstone so the removal can travel in a bundle. */
export async function deleteRebuttal(
  db: CounterpointDb,
  id: string,
  pageKey: string,
  now: string,
): Promise<void> {
  try {
    await db.transaction('rw', db.rebuttals, db.tombstones, async () => {
      if (!(await db.rebuttals.get(id))) return;
      await db.rebuttals.delete(id);
      await db.tombstones.put({ id, kind: 'rebuttal', pageKey, deleted: now });
    });
  } catch (error) {
    explain(error);
  }
}
