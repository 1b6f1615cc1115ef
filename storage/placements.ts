/**
 * How the last visit to each page placed its claims (issue 11), so that the lists can mark the notes to look at
 * again and the card can remember that the reader kept a quote as marked. Written only when an outcome changes:
 * a page visited as it was costs no write.
 */
import type { Placement, PlacementReport } from '../core/model';
import { explain, StorageProblem } from './claims';
import type { CounterpointDb } from './db';

/** The stored placements of the given claims; claims no visit has placed yet have none. */
export async function placementsOf(db: CounterpointDb, claimIds: readonly string[]): Promise<Placement[]> {
  return (await db.placements.bulkGet([...claimIds])).filter(
    (placement): placement is Placement => placement !== undefined,
  );
}

/**
 * Whether a report says what is already stored. A claim no visit has reported on was placed as marked when
 * the reader made it, so finding it so again writes nothing; a keep stays with the text it was made against.
 */
function sameOutcome(stored: Placement | undefined, report: PlacementReport): boolean {
  return (stored?.outcome ?? 'as-marked') === report.outcome && stored?.text === report.text;
}

/**
 * Store what a visit to `pageKey` found of its claims, where it differs from what is stored, and return how
 * many placements were written. Claims deleted meanwhile are passed over; a claim of another page refuses
 * the whole report, since a page may speak only of its own notes.
 */
export async function recordPlacements(
  db: CounterpointDb,
  pageKey: string,
  reports: readonly PlacementReport[],
  now: string,
): Promise<number> {
  const ids = reports.map((report) => report.claimId);
  try {
    return await db.transaction('rw', db.claims, db.placements, async () => {
      const [claims, stored] = await Promise.all([db.claims.bulkGet(ids), db.placements.bulkGet(ids)]);
      if (claims.some((claim) => claim && claim.pageKey !== pageKey)) {
        throw new StorageProblem('A page may only report on its own notes.');
      }
      const changed: Placement[] = reports.flatMap((report, i) =>
        claims[i] && !sameOutcome(stored[i], report) ? [{ ...report, seen: now }] : [],
      );
      await db.placements.bulkPut(changed);
      return changed.length;
    });
  } catch (error) {
    explain(error);
  }
}

/**
 * The reader keeps the claim's stored quote against `text`, the text it is placed on now: the card offers the
 * change again only once the page reads otherwise.
 */
export async function keepQuote(
  db: CounterpointDb,
  claimId: string,
  text: string,
  now: string,
): Promise<void> {
  try {
    await db.transaction('rw', db.placements, async () => {
      const stored = await db.placements.get(claimId);
      const seen = stored && sameOutcome(stored, { claimId, outcome: 'changed', text }) ? stored.seen : now;
      await db.placements.put({ claimId, outcome: 'changed', text, seen, kept: true });
    });
  } catch (error) {
    explain(error);
  }
}
