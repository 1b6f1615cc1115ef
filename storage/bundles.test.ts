import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleRecords } from '../core/bundle';
import { decodeBundle, exportBundle } from '../core/bundle';
import {
  ARTICLE_KEY,
  claimMurshid,
  claimOtherPage,
  claimPivotal,
  rebuttalNotGuilty,
  seedLibrary,
} from '../core/bundle/fixtures/seed-library';
import type { Claim } from '../core/model';
import { applyImport, libraryRecords, previewImport, recordsToExport } from './bundles';
import { deleteClaim } from './claims';
import { openDb, type CounterpointDb } from './db';

const NOW = '2026-11-26T12:00:00.000Z';
let db: CounterpointDb;

beforeEach(() => {
  db = openDb(`bundles-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

/** Every table as sorted JSON, to compare the whole database before and after. */
async function snapshot(): Promise<string> {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({
    claims: byId(await db.claims.toArray()),
    rebuttals: byId(await db.rebuttals.toArray()),
    tombstones: byId(await db.tombstones.toArray()),
    history: await db.history.toArray(),
  });
}

/** The records a file holds, as the extension reads it: encoded and decoded through the core. */
function throughFile(records: BundleRecords): BundleRecords {
  const decoded = decodeBundle(exportBundle(records));
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
  return decoded.records;
}

describe('bundle import', () => {
  it('previews the counts without writing, then writes them', async () => {
    const incoming = throughFile(seedLibrary());
    const preview = await previewImport(db, incoming, 2);
    expect(preview.counts).toEqual({
      new: incoming.claims.length + incoming.rebuttals.length,
      updated: 0,
      unchanged: incoming.tombstones.length,
      deleted: 0,
      rejected: 2,
    });
    expect(await db.claims.count()).toBe(0);
    const applied = await applyImport(db, incoming, 2, NOW);
    expect(applied.counts).toEqual(preview.counts);
    expect(await db.claims.count()).toBe(incoming.claims.length);
    expect(await db.rebuttals.count()).toBe(incoming.rebuttals.length);
    expect(applied.pages.map((page) => page.pageKey)).toContain(ARTICLE_KEY);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const incoming = throughFile(seedLibrary());
    await applyImport(db, incoming, 0, NOW);
    const before = await snapshot();
    const again = await applyImport(db, incoming, 0, '2026-11-27T00:00:00.000Z');
    expect(again.counts.new + again.counts.updated + again.counts.deleted).toBe(0);
    expect(again.pages).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('keeps the version a newer import replaces in the history table', async () => {
    await applyImport(db, throughFile({ claims: [claimMurshid], rebuttals: [], tombstones: [] }), 0, NOW);
    const edited: Claim = {
      ...claimMurshid,
      note: 'Found the record.',
      modified: '2026-11-25T00:00:00.000Z',
    };
    const plan = await applyImport(db, { claims: [edited], rebuttals: [], tombstones: [] }, 0, NOW);
    expect(plan.counts.updated).toBe(1);
    expect((await db.claims.get(claimMurshid.id))?.note).toBe('Found the record.');
    const history = await db.history.where('id').equals(claimMurshid.id).toArray();
    expect(history).toEqual([
      { seq: expect.any(Number), id: claimMurshid.id, kind: 'claim', record: claimMurshid, superseded: NOW },
    ]);
  });

  it('keeps the stored version when the file holds an older one', async () => {
    const newer: Claim = { ...claimMurshid, note: 'mine, later', modified: '2026-11-25T00:00:00.000Z' };
    await applyImport(db, { claims: [newer], rebuttals: [], tombstones: [] }, 0, NOW);
    const plan = await applyImport(db, { claims: [claimMurshid], rebuttals: [], tombstones: [] }, 0, NOW);
    expect(plan.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect((await db.claims.get(claimMurshid.id))?.note).toBe('mine, later');
  });

  it('deletes by tombstone, with the claim’s rebuttals, and keeps what it deleted in history', async () => {
    await applyImport(db, throughFile(seedLibrary()), 0, NOW);
    const tombstone = {
      id: claimMurshid.id,
      kind: 'claim' as const,
      pageKey: claimMurshid.pageKey,
      deleted: '2026-11-25T00:00:00.000Z',
    };
    const preview = await previewImport(db, { claims: [], rebuttals: [], tombstones: [tombstone] }, 0);
    expect(preview.counts.deleted).toBeGreaterThanOrEqual(2);
    await applyImport(db, { claims: [], rebuttals: [], tombstones: [tombstone] }, 0, NOW);
    expect(await db.claims.get(claimMurshid.id)).toBeUndefined();
    expect(await db.rebuttals.get(rebuttalNotGuilty.id)).toBeUndefined();
    expect(await db.tombstones.get(claimMurshid.id)).toEqual(tombstone);
    expect((await db.history.toArray()).map((entry) => entry.id)).toEqual(
      expect.arrayContaining([claimMurshid.id, rebuttalNotGuilty.id]),
    );
  });

  it('writes nothing at all when the transaction fails midway', async () => {
    await applyImport(db, { claims: [claimOtherPage], rebuttals: [], tombstones: [] }, 0, NOW);
    const before = await snapshot();
    const edited: Claim = { ...claimOtherPage, note: 'changed', modified: '2026-11-25T00:00:00.000Z' };
    const incoming = throughFile({ ...seedLibrary(), claims: [claimMurshid, claimPivotal, edited] });
    // The history is written after the claims and rebuttals: failing there proves those writes roll back.
    db.history.hook('creating', () => {
      throw new Error('disk gave up');
    });
    await expect(applyImport(db, incoming, 0, NOW)).rejects.toThrow('disk gave up');
    expect(await snapshot()).toBe(before);
  });

  it('turns a full disk into words for the reader, and writes nothing', async () => {
    const before = await snapshot();
    db.rebuttals.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(applyImport(db, throughFile(seedLibrary()), 0, NOW)).rejects.toThrow(/storage .* is full/);
    expect(await snapshot()).toBe(before);
  });
});

describe('bundle export', () => {
  beforeEach(async () => {
    await applyImport(db, throughFile(seedLibrary()), 0, NOW);
  });

  it('exports the whole library, tombstones included', async () => {
    const records = await recordsToExport(db, { kind: 'library' });
    expect(records).toEqual(await libraryRecords(db));
    expect(records.tombstones.length).toBeGreaterThan(0);
  });

  it('exports one page with its rebuttals and its deletions, and nothing of other pages', async () => {
    await deleteClaim(db, claimPivotal.id, NOW);
    const records = await recordsToExport(db, { kind: 'page', pageKey: ARTICLE_KEY });
    expect(records.claims.map((claim) => claim.id)).toEqual([claimMurshid.id]);
    expect(records.rebuttals.map((rebuttal) => rebuttal.id)).toContain(rebuttalNotGuilty.id);
    expect(records.tombstones.map((tombstone) => tombstone.id)).toContain(claimPivotal.id);
    expect(records.tombstones.every((tombstone) => tombstone.pageKey === ARTICLE_KEY)).toBe(true);
  });

  it('exports the listed claims and their rebuttals, skipping ids that are gone', async () => {
    const records = await recordsToExport(db, {
      kind: 'claims',
      ids: [claimMurshid.id, 'urn:uuid:00000000-0000-4000-8000-000000000000'],
    });
    expect(records.claims.map((claim) => claim.id)).toEqual([claimMurshid.id]);
    expect(records.rebuttals.every((rebuttal) => rebuttal.claimId === claimMurshid.id)).toBe(true);
    expect(records.tombstones).toEqual([]);
  });

  it('round-trips: an export imported into an empty library exports the same bytes', async () => {
    const clock = () => new Date(NOW);
    const first = exportBundle(await libraryRecords(db), { clock });
    const other = openDb(`bundles-${crypto.randomUUID()}`);
    try {
      const decoded = decodeBundle(first);
      if (!decoded.ok) throw new Error('own export refused');
      await applyImport(other, decoded.records, 0, NOW);
      expect(exportBundle(await libraryRecords(other), { clock })).toBe(first);
    } finally {
      await other.delete();
    }
  });
});
