/** Merge by id: what the import preview counts and what the one transaction writes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim, Tombstone } from '../model';
import type { BundleRecords } from './bundle-format';
import { emptyRecords } from './bundle-format';
import { exportBundle } from './encode-bundle';
import { recordsArbitrary } from './fixtures/record-arbitraries';
import {
  claimMurshid,
  claimOtherPage,
  claimPivotal,
  rebuttalByCommentId,
  rebuttalNotGuilty,
  seedLibrary,
} from './fixtures/seed-library';
import type { MergePlan } from './merge-bundle';
import { mergeRecords, planMerge } from './merge-bundle';

/** Property runs take seconds; on a loaded CI runner more than the default 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 };

const clock = () => new Date('2026-11-26T09:00:00.000Z');
/** A library as bundle text: the canonical form in which two libraries can be compared. */
const asText = (records: BundleRecords): string => exportBundle(records, { clock });

const only = (records: Partial<BundleRecords>): BundleRecords => ({ ...emptyRecords(), ...records });
const nothingToWrite = (plan: MergePlan): void => {
  expect(plan.put).toEqual(emptyRecords());
  expect(plan.remove).toEqual({ claims: [], rebuttals: [], tombstones: [] });
};

describe('planMerge', () => {
  it('imports everything into an empty library as new', () => {
    const plan = planMerge(emptyRecords(), seedLibrary(), { rejected: 2 });
    expect(plan.counts).toEqual({ new: 5, updated: 0, unchanged: 1, deleted: 0, rejected: 2 });
    expect(plan.put.claims).toHaveLength(3);
    expect(plan.put.rebuttals).toHaveLength(2);
    expect(plan.put.tombstones).toHaveLength(1);
    expect(plan.pages.map((page) => page.pageKey)).toEqual([claimMurshid.pageKey, claimOtherPage.pageKey]);
  });

  it('changes nothing when the same file is imported twice', () => {
    const once = planMerge(emptyRecords(), seedLibrary());
    const twice = planMerge(once.result, seedLibrary());
    expect(twice.counts).toEqual({ new: 0, updated: 0, unchanged: 6, deleted: 0, rejected: 0 });
    nothingToWrite(twice);
    expect(twice.pages).toEqual([]);
  });

  it('lets the newer modified win and keeps the older copy in superseded', () => {
    const newer: Claim = {
      ...claimPivotal,
      note: 'Found the numbers.',
      modified: '2026-11-24T00:00:00.000Z',
    };
    const plan = planMerge(seedLibrary(), only({ claims: [newer] }));
    expect(plan.counts).toMatchObject({ new: 0, updated: 1, unchanged: 0 });
    expect(plan.put.claims).toEqual([newer]);
    expect(plan.superseded).toEqual([claimPivotal]);
    expect(plan.pages.map((page) => page.url)).toEqual([claimPivotal.url]);
  });

  describe('node hints, which count text nodes of this reader’s copy of the page and never travel in a file', () => {
    const hint = { node: 40, offset: 2, length: 9, before: 'Pivotal ', after: ' today' };
    const hinted: Claim = { ...claimPivotal, target: { ...claimPivotal.target, hint } };
    const library = (): BundleRecords => ({ ...seedLibrary(), claims: [hinted] });

    it('count the reader’s own notes coming back without them as unchanged, and keep them', () => {
      const plan = planMerge(library(), only({ claims: [claimPivotal] }));
      expect(plan.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
      nothingToWrite(plan);
      expect(plan.result.claims).toEqual([hinted]);
    });

    it('stay with a newer version of the note that quotes the same passage', () => {
      const newer: Claim = {
        ...claimPivotal,
        note: 'Found the numbers.',
        modified: '2026-11-24T00:00:00.000Z',
      };
      const plan = planMerge(library(), only({ claims: [newer] }));
      expect(plan.put.claims).toEqual([{ ...newer, target: hinted.target }]);
    });

    it('go when the newer version quotes another passage', () => {
      const moved: Claim = {
        ...claimPivotal,
        target: { quote: { ...claimPivotal.target.quote, exact: 'another passage' } },
        modified: '2026-11-24T00:00:00.000Z',
      };
      const plan = planMerge(library(), only({ claims: [moved] }));
      expect(plan.put.claims).toEqual([moved]);
    });
  });

  it('keeps the reader’s copy when the file holds an older one', () => {
    const older: Claim = { ...claimPivotal, note: 'stale', modified: '2026-11-20T11:00:00.000Z' };
    const plan = planMerge(seedLibrary(), only({ claims: [older] }));
    expect(plan.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    nothingToWrite(plan);
  });

  it('deletes a claim and its rebuttals when a newer tombstone arrives', () => {
    const tombstone: Tombstone = {
      id: claimMurshid.id,
      kind: 'claim',
      pageKey: claimMurshid.pageKey,
      deleted: '2026-11-25T00:00:00.000Z',
    };
    const plan = planMerge(seedLibrary(), only({ tombstones: [tombstone] }));
    expect(plan.counts).toMatchObject({ deleted: 3, new: 0, unchanged: 0 });
    expect(plan.remove.claims).toEqual([claimMurshid.id]);
    expect(plan.remove.rebuttals.sort()).toEqual([rebuttalByCommentId.id, rebuttalNotGuilty.id].sort());
    expect(plan.put.tombstones).toEqual([tombstone]);
    expect(plan.result.claims.map((claim) => claim.id)).not.toContain(claimMurshid.id);
    expect(plan.result.rebuttals).toEqual([]);
    expect(plan.superseded.map((record) => record.id)).toContain(claimMurshid.id);
  });

  it('keeps a record edited after the deletion arrived, and drops the tombstone', () => {
    const tombstone: Tombstone = {
      id: claimPivotal.id,
      kind: 'claim',
      pageKey: claimPivotal.pageKey,
      deleted: '2026-11-20T12:00:00.000Z',
    };
    const deleted = planMerge(emptyRecords(), only({ tombstones: [tombstone] })).result;
    const plan = planMerge(deleted, only({ claims: [claimPivotal] }));
    expect(plan.counts).toMatchObject({ new: 1 });
    expect(plan.remove.tombstones).toEqual([claimPivotal.id]);
    expect(plan.result.claims).toEqual([claimPivotal]);
  });

  it('lets a tombstone win a tie with an edit at the same moment', () => {
    const tombstone: Tombstone = {
      id: claimPivotal.id,
      kind: 'claim',
      pageKey: claimPivotal.pageKey,
      deleted: claimPivotal.modified,
    };
    expect(planMerge(seedLibrary(), only({ tombstones: [tombstone] })).counts.deleted).toBe(1);
    expect(
      planMerge(only({ tombstones: [tombstone] }), only({ claims: [claimPivotal] })).counts.unchanged,
    ).toBe(1);
  });

  it('picks the same winner between two different records with the same modified, whoever imports', () => {
    const a: Claim = { ...claimOtherPage, note: 'version A' };
    const b: Claim = { ...claimOtherPage, note: 'version B' };
    expect(planMerge(only({ claims: [a] }), only({ claims: [b] })).result.claims).toEqual(
      planMerge(only({ claims: [b] }), only({ claims: [a] })).result.claims,
    );
  });

  it('does not change the libraries it is given', () => {
    const existing = seedLibrary();
    const incoming = only({ claims: [{ ...claimPivotal, note: 'x', modified: '2027-01-01T00:00:00.000Z' }] });
    const before = JSON.stringify([existing, incoming]);
    planMerge(existing, incoming);
    expect(JSON.stringify([existing, incoming])).toBe(before);
  });
});

/** Edits a reader might make to a library: change a note later, delete a record later, or add claims. */
function editsArbitrary(library: BundleRecords, ids: string[]): fc.Arbitrary<BundleRecords> {
  const claims = library.claims.filter((claim) => ids.includes(claim.id));
  return fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom('edit', 'delete'), fc.string({ maxLength: 8 })), {
        minLength: claims.length,
        maxLength: claims.length,
      }),
      fc.integer({ min: 1, max: 10_000_000 }),
    )
    .map(([actions, later]) => {
      const edits = emptyRecords();
      claims.forEach((claim, i) => {
        const [action, note] = actions[i] ?? ['edit', ''];
        const when = new Date(Date.parse(claim.modified) + later).toISOString();
        if (action === 'edit') edits.claims.push({ ...claim, note, modified: when });
        else edits.tombstones.push({ id: claim.id, kind: 'claim', pageKey: claim.pageKey, deleted: when });
      });
      return edits;
    });
}

describe('merge properties', PROPERTY_TIMEOUT, () => {
  it('importing the same file twice changes nothing the second time', () => {
    // The file both overlaps the library (edits and deletions of its claims) and brings records of its own.
    const scenario = recordsArbitrary().chain((library) =>
      fc.tuple(
        fc.constant(library),
        editsArbitrary(
          library,
          library.claims.map((claim) => claim.id),
        ),
        recordsArbitrary(),
      ),
    );
    fc.assert(
      fc.property(scenario, ([existing, edits, other]) => {
        const incoming = mergeRecords(edits, other);
        const first = planMerge(existing, incoming);
        if (edits.claims.length > 0) expect(first.counts.updated).toBeGreaterThan(0);
        const second = planMerge(first.result, incoming);
        expect(second.counts).toMatchObject({ new: 0, updated: 0, deleted: 0 });
        nothingToWrite(second);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same library whatever order two readers’ disjoint edits are merged in', () => {
    const scenario = recordsArbitrary({ maxClaims: 8 }).chain((base) => {
      const ids = base.claims.map((claim) => claim.id);
      return fc.tuple(fc.constant(base), fc.shuffledSubarray(ids)).chain(([library, mine]) => {
        const theirs = ids.filter((id) => !mine.includes(id));
        return fc.tuple(fc.constant(library), editsArbitrary(library, mine), editsArbitrary(library, theirs));
      });
    });
    fc.assert(
      fc.property(scenario, ([base, editsA, editsB]) => {
        const aThenB = planMerge(planMerge(base, editsA).result, editsB).result;
        const bThenA = planMerge(planMerge(base, editsB).result, editsA).result;
        expect(asText(aThenB)).toBe(asText(bThenA));
        expect(asText(mergeRecords(editsB, base, editsA))).toBe(asText(aThenB));
      }),
      { numRuns: 300 },
    );
  });

  it('is order-independent even when edits overlap, because ties have one winner', () => {
    fc.assert(
      fc.property(recordsArbitrary(), recordsArbitrary(), recordsArbitrary(), (a, b, c) => {
        expect(asText(mergeRecords(a, b, c))).toBe(asText(mergeRecords(c, a, b)));
      }),
      { numRuns: 200 },
    );
  });

  it('counts each incoming record once', () => {
    fc.assert(
      fc.property(recordsArbitrary(), recordsArbitrary(), (existing, incoming) => {
        const { counts } = planMerge(existing, incoming);
        const incomingCount = incoming.claims.length + incoming.rebuttals.length + incoming.tombstones.length;
        expect(counts.new + counts.updated + counts.unchanged).toBeLessThanOrEqual(incomingCount);
        expect(counts.new + counts.updated + counts.unchanged + counts.deleted).toBeGreaterThanOrEqual(
          incomingCount,
        );
      }),
      { numRuns: 200 },
    );
  });
});
