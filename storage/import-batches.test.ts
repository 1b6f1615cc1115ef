import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleRecords } from '../core/bundle';
import {
  ARTICLE_KEY,
  claimMurshid,
  claimOtherPage,
  claimPivotal,
  rebuttalByCommentId,
  rebuttalNotGuilty,
  tombstoneOld,
} from '../core/bundle/fixtures/seed-library';
import type { Claim, Tombstone } from '../core/model';
import { applyImport } from './bundles';
import { deleteClaim, updateClaim } from './claims';
import { openDb, type CounterpointDb } from './db';
import { undoImport } from './import-batches';
import { createRebuttal } from './rebuttals';

const BEFORE = '2026-11-24T12:00:00.000Z';
const IMPORTED = '2026-11-26T12:00:00.000Z';
const LATER = '2026-11-27T12:00:00.000Z';
let db: CounterpointDb;

/** The reader's library before the import: two claims on the article, their rebuttals, an old deletion. */
beforeEach(async () => {
  db = openDb(`import-batches-${crypto.randomUUID()}`);
  await db.claims.bulkPut([claimMurshid, claimPivotal]);
  await db.rebuttals.bulkPut([rebuttalNotGuilty, rebuttalByCommentId]);
  await db.tombstones.put(tombstoneOld);
  await db.placements.put({ claimId: claimMurshid.id, outcome: 'not-found', seen: BEFORE });
});

afterEach(async () => {
  await db.delete();
});

/** Every table the reader's notes live in, as sorted JSON, to compare the whole library before and after. */
async function snapshot(): Promise<string> {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({
    claims: byId(await db.claims.toArray()),
    rebuttals: byId(await db.rebuttals.toArray()),
    tombstones: byId(await db.tombstones.toArray()),
    history: await db.history.toArray(),
    placements: await db.placements.toArray(),
  });
}

const newer: Claim = {
  ...claimPivotal,
  status: 'supported',
  note: 'Checked.',
  modified: '2026-11-25T00:00:00.000Z',
};
const murshidDeleted: Tombstone = {
  id: claimMurshid.id,
  kind: 'claim',
  pageKey: ARTICLE_KEY,
  deleted: '2026-11-25T00:00:00.000Z',
};
/** A claim of another reader's under the id of a claim this reader deleted long ago: it replaces the tombstone. */
const revived: Claim = { ...claimPivotal, id: tombstoneOld.id, modified: '2026-11-25T00:00:00.000Z' };

/** A bundle that adds a claim, replaces one, deletes one with its rebuttals, and replaces a tombstone. */
function bundle(): BundleRecords {
  return structuredClone({
    claims: [claimOtherPage, newer, revived],
    rebuttals: [],
    tombstones: [murshidDeleted],
  });
}

async function importBundle(records = bundle(), now = IMPORTED): Promise<string> {
  const applied = await applyImport(db, records, 0, now);
  expect(applied.batch).not.toBeNull();
  return applied.batch ?? '';
}

describe('undo import', () => {
  it('puts back exactly the library before the import: added, replaced and deleted notes all restored', async () => {
    const before = await snapshot();
    const batch = await importBundle();
    expect(await db.claims.get(claimOtherPage.id)).toEqual(claimOtherPage);
    expect((await db.claims.get(claimPivotal.id))?.note).toBe('Checked.');
    expect(await db.claims.get(claimMurshid.id)).toBeUndefined();
    expect(await db.rebuttals.count()).toBe(0);
    expect(await db.tombstones.get(tombstoneOld.id)).toBeUndefined();

    const pages = await undoImport(db, batch);
    expect(await snapshot()).toBe(before);
    expect(pages).toContain(ARTICLE_KEY);
  });

  it('undoes an import only once', async () => {
    const batch = await importBundle();
    await undoImport(db, batch);
    const after = await snapshot();
    await expect(undoImport(db, batch)).rejects.toThrow(/can no longer be undone/);
    expect(await snapshot()).toBe(after);
  });

  it('refuses when the reader has changed a note the import replaced, and changes nothing', async () => {
    const batch = await importBundle();
    await updateClaim(db, claimPivotal.id, { note: 'My later thought.' }, LATER);
    const edited = await snapshot();
    await expect(undoImport(db, batch)).rejects.toThrow(
      /1 note it brought in or changed has been changed since.*nothing was changed/,
    );
    expect(await snapshot()).toBe(edited);
  });

  it('refuses when the reader has deleted a claim the import added', async () => {
    const batch = await importBundle();
    await deleteClaim(db, claimOtherPage.id, LATER);
    await expect(undoImport(db, batch)).rejects.toThrow(/changed since/);
    expect(await db.tombstones.get(claimOtherPage.id)).toMatchObject({ deleted: LATER });
  });

  it('refuses when the reader has answered a claim the import added, rather than orphan the rebuttal', async () => {
    const batch = await importBundle();
    await createRebuttal(db, { ...rebuttalNotGuilty, claimId: claimOtherPage.id }, LATER);
    const answered = await snapshot();
    await expect(undoImport(db, batch)).rejects.toThrow(/changed since/);
    expect(await snapshot()).toBe(answered);
  });

  it('undoes only the last import', async () => {
    const first = await importBundle();
    const later: Claim = { ...claimOtherPage, note: 'Another reader’s take', modified: LATER };
    await importBundle({ claims: [later], rebuttals: [], tombstones: [] }, LATER);
    await expect(undoImport(db, first)).rejects.toThrow(/Only the last import can be undone/);
    expect((await db.claims.get(claimOtherPage.id))?.note).toBe('Another reader’s take');
  });

  it('records no batch for an import that changes nothing, so the one before stays undoable', async () => {
    const batch = await importBundle();
    const again = await applyImport(db, bundle(), 0, LATER);
    expect(again.batch).toBeNull();
    await undoImport(db, batch);
    expect(await db.claims.get(claimOtherPage.id)).toBeUndefined();
  });
});
