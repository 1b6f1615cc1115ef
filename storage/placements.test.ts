import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlacementReport } from '../core/model';
import type { NewClaim } from '../core/protocol';
import { createClaim, deleteClaim, updateClaim } from './claims';
import { openDb, type CounterpointDb } from './db';
import { keepQuote, placementsOf, recordPlacements } from './placements';

const PAGE = 'https://blog.example/post';
const FIRST_VISIT = '2026-03-01T12:00:00.000Z';
const NEXT_VISIT = '2026-03-08T09:30:00.000Z';

function proposal(id: string, pageKey = PAGE): NewClaim {
  return {
    id,
    pageKey,
    url: pageKey,
    title: 'A post',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'Footfall rose by a third', prefix: '', suffix: '' },
    },
    status: 'contested',
    note: '',
    tags: [],
  };
}

const A = 'urn:uuid:00000000-0000-4000-8000-00000000000a';
const B = 'urn:uuid:00000000-0000-4000-8000-00000000000b';
const ELSEWHERE = 'urn:uuid:00000000-0000-4000-8000-00000000000c';

const revisedVisit: PlacementReport[] = [
  { claimId: A, outcome: 'changed', text: 'Footfall rose by a quarter' },
  { claimId: B, outcome: 'not-found' },
];

let db: CounterpointDb;
/** How many placements were created or updated since the test began: the writes a visit cost. */
let writes: number;

beforeEach(async () => {
  db = openDb(`placements-${crypto.randomUUID()}`);
  for (const id of [A, B]) await createClaim(db, proposal(id), FIRST_VISIT);
  await createClaim(db, proposal(ELSEWHERE, 'https://blog.example/other'), FIRST_VISIT);
  writes = 0;
  db.placements.hook('creating', () => void (writes += 1));
  db.placements.hook('updating', () => void (writes += 1));
});

afterEach(() => db.delete());

describe('placements of the last visit', () => {
  it('stores what a visit found, with when, and writes nothing when the next visit finds the same', async () => {
    // A claim found as the reader marked it, with nothing stored yet, costs no write either.
    const unchanged: PlacementReport = { claimId: A, outcome: 'as-marked' };
    expect(await recordPlacements(db, PAGE, [unchanged], FIRST_VISIT)).toBe(0);
    expect(await recordPlacements(db, PAGE, revisedVisit, FIRST_VISIT)).toBe(2);
    expect(await recordPlacements(db, PAGE, revisedVisit, NEXT_VISIT)).toBe(0);
    expect(writes).toBe(2);
    expect(await placementsOf(db, [A, B, ELSEWHERE])).toEqual([
      { claimId: A, outcome: 'changed', text: 'Footfall rose by a quarter', seen: FIRST_VISIT },
      { claimId: B, outcome: 'not-found', seen: FIRST_VISIT },
    ]);
  });

  it('writes only the claims whose outcome changed, a new text counting as a change', async () => {
    await recordPlacements(db, PAGE, revisedVisit, FIRST_VISIT);
    const later: PlacementReport[] = [
      { claimId: A, outcome: 'changed', text: 'Footfall rose by a fifth' },
      { claimId: B, outcome: 'not-found' },
    ];
    expect(await recordPlacements(db, PAGE, later, NEXT_VISIT)).toBe(1);
    expect(await placementsOf(db, [A, B])).toMatchObject([
      { claimId: A, text: 'Footfall rose by a fifth', seen: NEXT_VISIT },
      { claimId: B, seen: FIRST_VISIT },
    ]);
  });

  it('refuses a report that speaks of another page’s claim, and writes none of it', async () => {
    const report: PlacementReport[] = [
      { claimId: A, outcome: 'as-marked' },
      { claimId: ELSEWHERE, outcome: 'not-found' },
    ];
    await expect(recordPlacements(db, PAGE, report, FIRST_VISIT)).rejects.toThrow(
      'A page may only report on its own notes.',
    );
    expect(await db.placements.count()).toBe(0);
  });

  it('passes over a claim deleted since the page loaded', async () => {
    await deleteClaim(db, B, FIRST_VISIT);
    expect(await recordPlacements(db, PAGE, revisedVisit, NEXT_VISIT)).toBe(1);
    expect((await db.placements.toArray()).map((placement) => placement.claimId)).toEqual([A]);
  });

  it('keeps the quote against the text the reader saw until the page reads otherwise', async () => {
    await recordPlacements(db, PAGE, revisedVisit, FIRST_VISIT);
    await keepQuote(db, A, 'Footfall rose by a quarter', NEXT_VISIT);
    expect(await db.placements.get(A)).toEqual({
      claimId: A,
      outcome: 'changed',
      text: 'Footfall rose by a quarter',
      seen: FIRST_VISIT,
      kept: true,
    });
    // The same text on the next visit: still kept, and nothing written.
    writes = 0;
    await recordPlacements(db, PAGE, revisedVisit, NEXT_VISIT);
    expect(writes).toBe(0);
    expect((await db.placements.get(A))?.kept).toBe(true);
    // Changed anew: the reader is asked again.
    const anew: PlacementReport = { claimId: A, outcome: 'changed', text: 'Footfall rose by a fifth' };
    await recordPlacements(db, PAGE, [anew], NEXT_VISIT);
    expect((await db.placements.get(A))?.kept).toBeUndefined();
  });

  it('forgets a kept quote when the reader takes the new text, and the placement when the claim goes', async () => {
    await recordPlacements(db, PAGE, revisedVisit, FIRST_VISIT);
    await keepQuote(db, A, 'Footfall rose by a quarter', FIRST_VISIT);
    const taken = {
      quote: {
        type: 'TextQuoteSelector' as const,
        exact: 'Footfall rose by a quarter',
        prefix: '',
        suffix: '',
      },
    };
    await updateClaim(db, A, { target: taken }, NEXT_VISIT);
    expect(await db.placements.get(A)).toEqual({ claimId: A, outcome: 'as-marked', seen: NEXT_VISIT });
    // A note only edited keeps what the last visit found.
    await updateClaim(db, B, { note: 'Where did it go?' }, NEXT_VISIT);
    expect((await db.placements.get(B))?.outcome).toBe('not-found');
    await deleteClaim(db, B, NEXT_VISIT);
    expect(await db.placements.get(B)).toBeUndefined();
  });
});
