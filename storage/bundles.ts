/**
 * Export and import of note bundles against the database (issue 5). The format, the validator and the merge
 * are the bundle core's (`core/bundle/`); this module only reads the library and writes a merge plan back.
 *
 * An import is planned and written inside one read-write transaction over every table it touches, so that
 * what it merges against is what it overwrites, and a failure anywhere (storage full, a bug) leaves the
 * library exactly as it was. Versions an import replaces or deletes are kept in the `history` table, and what the
 * import did is kept as its batch (`import-batches.ts`), so that it can be undone.
 */
import type { BundleRecords, MergePlan } from '../core/bundle';
import { emptyRecords, planMerge } from '../core/bundle';
import type { Claim } from '../core/model';
import type { ExportScope } from '../core/protocol';
import { explain } from './claims';
import type { CounterpointDb, SupersededVersion } from './db';
import { batchOf } from './import-batches';

/** An import's plan as applied, and the id of its batch, which undoes it; null when it changed nothing. */
export type AppliedImport = MergePlan & { batch: string | null };

/** Everything stored: live claims and rebuttals, and the tombstones of deleted ones. */
export async function libraryRecords(db: CounterpointDb): Promise<BundleRecords> {
  return db.transaction('r', db.claims, db.rebuttals, db.tombstones, async () => ({
    claims: await db.claims.toArray(),
    rebuttals: await db.rebuttals.toArray(),
    tombstones: await db.tombstones.toArray(),
  }));
}

/**
 * The records an export of `scope` carries. A page's export carries that page's tombstones too, so that a
 * deletion travels; a filtered export carries none, since a deleted note matches no filter.
 */
export async function recordsToExport(db: CounterpointDb, scope: ExportScope): Promise<BundleRecords> {
  if (scope.kind === 'library') return libraryRecords(db);
  return db.transaction('r', db.claims, db.rebuttals, db.tombstones, async () => {
    const records = emptyRecords();
    if (scope.kind === 'page') {
      records.claims = await db.claims.where('pageKey').equals(scope.pageKey).toArray();
      records.tombstones = await db.tombstones.where('pageKey').equals(scope.pageKey).toArray();
    } else {
      records.claims = (await db.claims.bulkGet(scope.ids)).filter(
        (claim): claim is Claim => claim !== undefined,
      );
    }
    records.rebuttals = await db.rebuttals
      .where('claimId')
      .anyOf(records.claims.map((claim) => claim.id))
      .toArray();
    return records;
  });
}

/** What importing `incoming` would do to the library now, without writing anything. */
export async function previewImport(
  db: CounterpointDb,
  incoming: BundleRecords,
  rejected: number,
): Promise<MergePlan> {
  return planMerge(await libraryRecords(db), incoming, { rejected });
}

/**
 * Merge `incoming` into the library in one transaction: all of it is written, or none of it. Returns the
 * plan that was applied, for the report, with its batch. `now` stamps the history entries of replaced versions.
 */
export async function applyImport(
  db: CounterpointDb,
  incoming: BundleRecords,
  rejected: number,
  now: string,
): Promise<AppliedImport> {
  try {
    const tables = [db.claims, db.rebuttals, db.tombstones, db.history, db.placements, db.imports];
    return await db.transaction('rw', tables, async () => {
      // Planned inside the transaction: a note edited in a tab meanwhile is merged, not overwritten.
      const existing: BundleRecords = {
        claims: await db.claims.toArray(),
        rebuttals: await db.rebuttals.toArray(),
        tombstones: await db.tombstones.toArray(),
      };
      const plan = planMerge(existing, incoming, { rejected });
      const history: SupersededVersion[] = plan.superseded.map((record) => ({
        id: record.id,
        kind: 'claimId' in record ? 'rebuttal' : 'claim',
        record,
        superseded: now,
      }));
      const placements = (await db.placements.bulkGet(plan.remove.claims)).filter(
        (placement) => placement !== undefined,
      );
      // Deletions first: a hostile file may reuse an id for the other kind, which then moves tables.
      await db.claims.bulkDelete(plan.remove.claims);
      await db.placements.bulkDelete(plan.remove.claims);
      await db.rebuttals.bulkDelete(plan.remove.rebuttals);
      await db.tombstones.bulkDelete(plan.remove.tombstones);
      await db.claims.bulkPut(plan.put.claims);
      await db.rebuttals.bulkPut(plan.put.rebuttals);
      await db.tombstones.bulkPut(plan.put.tombstones);
      // `++seq` gives each added version a key: none is undefined.
      const keys = (await db.history.bulkAdd(history, { allKeys: true })) as number[];
      const batch = batchOf(plan, existing, keys, placements, now);
      // Only the last import can be undone; an import that changed nothing leaves the last one undoable.
      if (batch) {
        await db.imports.clear();
        await db.imports.add(batch);
      }
      return { ...plan, batch: batch?.id ?? null };
    });
  } catch (error) {
    explain(error);
  }
}
