import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../core/model';
import { HISTORY_DAYS, type NewClaim } from '../core/protocol';
import { createClaim, deleteClaim, restoreClaim } from './claims';
import { openDb, type CounterpointDb } from './db';
import { pruneHistory, recentlyDeleted } from './history';
import { createRebuttal, deleteRebuttal } from './rebuttals';

let db: CounterpointDb;
let counter = 0;

function proposal(exact: string, pageKey = 'https://a.example/post'): NewClaim {
  counter += 1;
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    pageKey,
    url: pageKey,
    title: 'An article',
    target: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' } },
    status: 'contested',
    note: 'a note',
    tags: [],
  };
}

async function answer(claim: Claim, author: string, now: string) {
  counter += 1;
  return createRebuttal(
    db,
    {
      id: `urn:uuid:00000000-0000-4000-9000-${String(counter).padStart(12, '0')}`,
      claimId: claim.id,
      comment: { author, permalink: `${claim.url}#${author}` },
      target: { quote: { type: 'TextQuoteSelector', exact: `${author} says no`, prefix: '', suffix: '' } },
      stance: 'rebuts',
      note: '',
    },
    now,
  );
}

/** `days` days after 1 January 2026, as the clock reads it. */
const day = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString();

beforeEach(() => {
  db = openDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe('recently deleted claims', () => {
  it('lists each deleted claim as it was, newest deletion first, with the rebuttals that come back with it', async () => {
    const first = await createClaim(db, proposal('first'), day(0));
    const second = await createClaim(db, proposal('second', 'https://b.example/'), day(0));
    const kept = await createClaim(db, proposal('kept'), day(0));
    await answer(first, 'Ann', day(1));
    await answer(first, 'Bo', day(1));
    // Removed on its own before the claim went: it does not come back with it.
    const removed = await answer(first, 'Cy', day(1));
    await deleteRebuttal(db, removed.id, first.pageKey, day(2));
    await answer(kept, 'Di', day(1));
    await deleteClaim(db, first.id, day(3));
    await deleteClaim(db, second.id, day(4));

    expect(await recentlyDeleted(db, day(5))).toEqual([
      { claim: second, deleted: day(4), rebuttals: 0 },
      { claim: first, deleted: day(3), rebuttals: 2 },
    ]);
    // What it promises is what a restore brings back.
    expect((await restoreClaim(db, first.id, day(5))).rebuttals).toHaveLength(2);
    expect((await recentlyDeleted(db, day(5))).map((each) => each.claim.id)).toEqual([second.id]);
  });

  it('offers a claim deleted again only once, at its last deletion', async () => {
    const claim = await createClaim(db, proposal('twice'), day(0));
    await answer(claim, 'Ann', day(0));
    await deleteClaim(db, claim.id, day(1));
    await restoreClaim(db, claim.id, day(2));
    await deleteClaim(db, claim.id, day(3));
    const listed = await recentlyDeleted(db, day(4));
    expect(listed.map(({ deleted, rebuttals }) => ({ deleted, rebuttals }))).toEqual([
      { deleted: day(3), rebuttals: 1 },
    ]);
  });

  it(`offers a deletion for ${HISTORY_DAYS} days, and no longer`, async () => {
    const claim = await createClaim(db, proposal('old'), day(0));
    await deleteClaim(db, claim.id, day(1));
    expect(await recentlyDeleted(db, day(1 + HISTORY_DAYS))).toHaveLength(1);
    expect(await recentlyDeleted(db, day(1 + HISTORY_DAYS + 1))).toEqual([]);
  });
});

describe('pruning the history', () => {
  it(`drops versions replaced more than ${HISTORY_DAYS} days ago, and keeps every one still offered`, async () => {
    const old = await createClaim(db, proposal('old'), day(0));
    const recent = await createClaim(db, proposal('recent'), day(0));
    await answer(old, 'Ann', day(0));
    await answer(recent, 'Bo', day(0));
    await deleteClaim(db, old.id, day(1));
    await deleteClaim(db, recent.id, day(30));
    const now = day(1 + HISTORY_DAYS + 1);
    const offered = await recentlyDeleted(db, now);

    expect(await pruneHistory(db, now)).toBe(2);
    expect((await db.history.toArray()).map((version) => version.id)).toEqual([
      recent.id,
      expect.stringContaining('9000'),
    ]);
    expect(await recentlyDeleted(db, now)).toEqual(offered);
    expect((await restoreClaim(db, recent.id, now)).rebuttals).toHaveLength(1);
    await expect(restoreClaim(db, old.id, now)).rejects.toThrow('too long ago');
    // Its tombstone stays, so that the deletion still travels in a bundle.
    expect(await db.tombstones.get(old.id)).toMatchObject({ kind: 'claim' });
  });

  it('prunes nothing while the oldest version is still within the rule', async () => {
    const claim = await createClaim(db, proposal('kept'), day(0));
    await deleteClaim(db, claim.id, day(10));
    expect(await pruneHistory(db, day(10 + HISTORY_DAYS))).toBe(0);
    expect(await db.history.count()).toBe(1);
  });
});
