/**
 * Undo import (issue 13): an import is recorded as a batch, so that it can be undone as one step. The batch says
 * which ids the import wrote or removed and what each held after it, where the versions it replaced wait (the
 * `history` table), and whatever else it overwrote that the history does not keep. Only the last import is kept:
 * undoing an older one would have to unpick every import made after it.
 */
import type { BundleRecords, MergePlan } from '../core/bundle';
import type { Claim, Placement, Rebuttal, Tombstone } from '../core/model';
import { explain, StorageProblem } from './claims';
import type { CounterpointDb } from './db';

/** What one import did, as much as undoing it needs. */
export interface ImportBatch {
  /** A `urn:uuid:` the import's report carries, to name the import to undo. */
  id: string;
  imported: string;
  /** The page keys whose notes the import changed, whose tabs load their notes again after an undo. */
  pages: string[];
  /** Each id the import wrote or removed, with what it held just after (`storedState`). */
  after: { id: string; state: string }[];
  /** The keys in `history` of the claims and rebuttals the import replaced or deleted. */
  history: number[];
  /** What the import overwrote or removed that the history does not keep: tombstones, placements and the like. */
  before: BundleRecords & { placements: Placement[] };
}

/** The rows one id has in the note tables, found by `rowsOf`. */
interface StoredRows {
  claim?: Claim;
  rebuttal?: Rebuttal;
  tombstone?: Tombstone;
}

/**
 * What an id holds, in a word: which tables have it and the time of each version. Every change a reader or an
 * import makes gives a record a new `modified` or `deleted`, so a different word means it changed.
 */
function storedState({ claim, rebuttal, tombstone }: StoredRows): string {
  return [
    claim && `claim ${claim.modified}`,
    rebuttal && `rebuttal ${rebuttal.modified}`,
    tombstone && `tombstone ${tombstone.deleted}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The ids an import plan writes or removes. */
function touchedIds(plan: MergePlan): string[] {
  const { put, remove } = plan;
  return [
    ...new Set([
      ...put.claims.map((claim) => claim.id),
      ...put.rebuttals.map((rebuttal) => rebuttal.id),
      ...put.tombstones.map((tombstone) => tombstone.id),
      ...remove.claims,
      ...remove.rebuttals,
      ...remove.tombstones,
    ]),
  ];
}

/**
 * The batch of an import about to apply `plan` to `existing` (the library as the plan read it), or null when it
 * changes nothing. `history` holds the keys the plan's superseded versions were given, in the plan's order;
 * `placements`, those of the claims the plan removes.
 */
export function batchOf(
  plan: MergePlan,
  existing: BundleRecords,
  history: number[],
  placements: Placement[],
  imported: string,
): ImportBatch | null {
  const ids = touchedIds(plan);
  if (ids.length === 0) return null;
  const touched = new Set(ids);
  const inHistory = new Set<object>(plan.superseded);
  const rows = new Map<string, StoredRows>();
  const rowsOfId = (id: string): StoredRows => {
    const found = rows.get(id) ?? {};
    rows.set(id, found);
    return found;
  };
  const before: ImportBatch['before'] = { claims: [], rebuttals: [], tombstones: [], placements };
  for (const claim of existing.claims) {
    if (!touched.has(claim.id)) continue;
    rowsOfId(claim.id).claim = claim;
    if (!inHistory.has(claim)) before.claims.push(claim);
  }
  for (const rebuttal of existing.rebuttals) {
    if (!touched.has(rebuttal.id)) continue;
    rowsOfId(rebuttal.id).rebuttal = rebuttal;
    if (!inHistory.has(rebuttal)) before.rebuttals.push(rebuttal);
  }
  for (const tombstone of existing.tombstones) {
    if (!touched.has(tombstone.id)) continue;
    rowsOfId(tombstone.id).tombstone = tombstone;
    before.tombstones.push(tombstone);
  }
  // The rows after the import: as `applyImport` writes them, removals first, then the records it puts.
  for (const id of plan.remove.claims) delete rowsOfId(id).claim;
  for (const id of plan.remove.rebuttals) delete rowsOfId(id).rebuttal;
  for (const id of plan.remove.tombstones) delete rowsOfId(id).tombstone;
  for (const claim of plan.put.claims) rowsOfId(claim.id).claim = claim;
  for (const rebuttal of plan.put.rebuttals) rowsOfId(rebuttal.id).rebuttal = rebuttal;
  for (const tombstone of plan.put.tombstones) rowsOfId(tombstone.id).tombstone = tombstone;
  return {
    id: `urn:uuid:${crypto.randomUUID()}`,
    imported,
    pages: plan.pages.map((page) => page.pageKey),
    after: ids.map((id) => ({ id, state: storedState(rowsOfId(id)) })),
    history,
    before,
  };
}

/** The rows each of `ids` has now, in the order of `ids`. */
async function rowsOf(db: CounterpointDb, ids: string[]): Promise<StoredRows[]> {
  const [claims, rebuttals, tombstones] = await Promise.all([
    db.claims.bulkGet(ids),
    db.rebuttals.bulkGet(ids),
    db.tombstones.bulkGet(ids),
  ]);
  return ids.map((_, i) => ({ claim: claims[i], rebuttal: rebuttals[i], tombstone: tombstones[i] }));
}

function notes(count: number): string {
  return count === 1 ? '1 note' : `${count} notes`;
}

/**
 * Undo the import recorded as batch `id`, in one transaction: the claims and rebuttals it added go, the versions
 * it replaced or deleted come back, and so do the tombstones it replaced, so that the library is as it was before
 * it. It is refused, and nothing changes, when the batch is not the last import's, or when a note the import
 * touched has changed since: undoing would overwrite the reader's later work. Returns the page keys whose notes
 * changed.
 */
export async function undoImport(db: CounterpointDb, id: string): Promise<string[]> {
  try {
    const tables = [db.claims, db.rebuttals, db.tombstones, db.history, db.placements, db.imports];
    return await db.transaction('rw', tables, async () => {
      const batch = await db.imports.get(id);
      if (!batch) {
        throw new StorageProblem(
          'This import can no longer be undone: it was undone already, or another import was made since. ' +
            'Only the last import can be undone.',
        );
      }
      const ids = batch.after.map((entry) => entry.id);
      const now = await rowsOf(db, ids);
      const changed = batch.after.filter((entry, i) => storedState(now[i] ?? {}) !== entry.state).length;
      const versions = await db.history.bulkGet(batch.history);
      const restored = {
        claims: [...batch.before.claims],
        rebuttals: [...batch.before.rebuttals],
      };
      for (const version of versions) {
        if (!version) {
          throw new StorageProblem(
            'This import can no longer be undone: the notes it replaced are no longer kept in the history.',
          );
        }
        if (version.kind === 'claim') restored.claims.push(version.record as Claim);
        else restored.rebuttals.push(version.record as Rebuttal);
      }
      // A claim the import added may have been given rebuttals since; undoing would orphan them.
      const wasClaim = new Set(restored.claims.map((claim) => claim.id));
      const added = now.flatMap((rows) =>
        rows.claim && !wasClaim.has(rows.claim.id) ? [rows.claim.id] : [],
      );
      const touched = new Set(ids);
      const answered = (await db.rebuttals.where('claimId').anyOf(added).toArray()).filter(
        (rebuttal) => !touched.has(rebuttal.id),
      ).length;
      if (changed + answered > 0) {
        throw new StorageProblem(
          `This import cannot be undone: ${notes(changed + answered)} it brought in or changed ` +
            `${changed + answered === 1 ? 'has' : 'have'} been changed since, by you or by another import. ` +
            'Undoing it would overwrite that later work, so nothing was changed.',
        );
      }
      await db.claims.bulkDelete(ids);
      await db.rebuttals.bulkDelete(ids);
      await db.tombstones.bulkDelete(ids);
      await db.placements.bulkDelete(added);
      await db.claims.bulkPut(restored.claims);
      await db.rebuttals.bulkPut(restored.rebuttals);
      await db.tombstones.bulkPut(batch.before.tombstones);
      await db.placements.bulkPut(batch.before.placements);
      // Back in the library, the replaced versions are no longer history: Recently deleted must not list them.
      await db.history.bulkDelete(batch.history);
      await db.imports.delete(id);
      return batch.pages;
    });
  } catch (error) {
    return explain(error);
  }
}
