import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewClaim } from '../core/protocol';
import { allClaims, claimsForPage, createClaim, deleteClaim, restoreClaim, updateClaim } from './claims';
import { createRebuttal } from './rebuttals';
import { openDb, type CounterpointDb } from './db';

let db: CounterpointDb;
let counter = 0;

function proposal(pageKey: string, exact: string): NewClaim {
  counter += 1;
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    pageKey,
    url: pageKey,
    title: 'An article',
    target: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' } },
    status: 'contested',
    note: '',
    tags: [],
  };
}

beforeEach(() => {
  db = openDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe('claims storage', () => {
  it('lists a page’s claims in the order the reader made them, and no other page’s', async () => {
    await createClaim(db, proposal('https://a.example/post', 'first claim'), '2026-01-01T00:00:00.000Z');
    await createClaim(db, proposal('https://b.example/other', 'elsewhere'), '2026-01-01T00:00:01.000Z');
    await createClaim(db, proposal('https://a.example/post', 'second claim'), '2026-01-01T00:00:02.000Z');
    const claims = await claimsForPage(db, 'https://a.example/post');
    expect(claims.map((c) => c.target.quote.exact)).toEqual(['first claim', 'second claim']);
  });

  it('stamps changes with the time and keeps what was not changed', async () => {
    const claim = await createClaim(db, proposal('https://a.example/post', 'q'), '2026-01-01T00:00:00.000Z');
    const updated = await updateClaim(
      db,
      claim.id,
      { note: 'Source?', tags: ['economy'] },
      '2026-02-01T00:00:00.000Z',
    );
    expect(updated).toMatchObject({ note: 'Source?', tags: ['economy'], status: 'contested' });
    expect(updated.created).toBe('2026-01-01T00:00:00.000Z');
    expect(updated.modified).toBe('2026-02-01T00:00:00.000Z');
    expect((await allClaims(db))[0]).toEqual(updated);
  });

  it('keeps the quote the reader marked in the history when the claim takes a copy-edited passage', async () => {
    const marked = await createClaim(
      db,
      proposal('https://a.example/post', 'The New World'),
      '2026-01-01T00:00:00.000Z',
    );
    const target = {
      quote: { type: 'TextQuoteSelector' as const, exact: 'the New World', prefix: '', suffix: '' },
    };
    const updated = await updateClaim(db, marked.id, { target }, '2026-01-02T00:00:00.000Z');
    expect(updated.target.quote.exact).toBe('the New World');
    expect((await allClaims(db)).map((claim) => claim.target.quote.exact)).toEqual(['the New World']);
    const history = await db.history.where('id').equals(marked.id).toArray();
    expect(
      history.map((entry) => [entry.superseded, (entry.record as typeof marked).target.quote.exact]),
    ).toEqual([['2026-01-02T00:00:00.000Z', 'The New World']]);
    // A change of note alone is not a new passage: nothing more in the history.
    await updateClaim(db, marked.id, { note: 'why' }, '2026-01-03T00:00:00.000Z');
    expect(await db.history.count()).toBe(1);
  });

  it('refuses a second claim with the same id and keeps the first', async () => {
    const first = proposal('https://a.example/post', 'kept');
    await createClaim(db, first, '2026-01-01T00:00:00.000Z');
    await expect(createClaim(db, { ...first, note: 'other' }, '2026-01-02T00:00:00.000Z')).rejects.toThrow(
      'already exists',
    );
    expect((await allClaims(db))[0]?.note).toBe('');
  });

  it('explains an update of a claim that was deleted elsewhere', async () => {
    await expect(updateClaim(db, 'urn:uuid:missing', { note: 'x' }, 'now')).rejects.toThrow(
      'no longer exists',
    );
  });

  it('leaves a tombstone when a claim is deleted, so the deletion can be shared', async () => {
    const claim = await createClaim(
      db,
      proposal('https://a.example/post', 'gone'),
      '2026-01-01T00:00:00.000Z',
    );
    await deleteClaim(db, claim.id, '2026-01-03T00:00:00.000Z');
    expect(await claimsForPage(db, 'https://a.example/post')).toEqual([]);
    expect(await db.tombstones.get(claim.id)).toEqual({
      id: claim.id,
      kind: 'claim',
      pageKey: 'https://a.example/post',
      deleted: '2026-01-03T00:00:00.000Z',
    });
  });

  it('undoes a deletion: the claim comes back with its rebuttals, newer than its tombstone, which goes', async () => {
    const claim = await createClaim(
      db,
      { ...proposal('https://a.example/post', 'back again'), note: 'why' },
      '2026-01-01T00:00:00.000Z',
    );
    const rebuttal = await createRebuttal(
      db,
      {
        id: 'urn:uuid:00000000-0000-4000-9000-000000000001',
        claimId: claim.id,
        comment: { author: 'Ann', permalink: 'https://a.example/post#c1', posted: '' },
        target: { quote: { type: 'TextQuoteSelector', exact: 'not so', prefix: '', suffix: '' } },
        stance: 'rebuts',
        note: '',
      },
      '2026-01-02T00:00:00.000Z',
    );
    await deleteClaim(db, claim.id, '2026-01-03T00:00:00.000Z');
    expect(await db.rebuttals.count()).toBe(0);

    const restored = await restoreClaim(db, claim.id, '2026-01-04T00:00:00.000Z');
    expect(restored.claim).toEqual({ ...claim, modified: '2026-01-04T00:00:00.000Z' });
    expect(await claimsForPage(db, 'https://a.example/post')).toEqual([restored.claim]);
    expect(await db.rebuttals.toArray()).toEqual([{ ...rebuttal, modified: '2026-01-04T00:00:00.000Z' }]);
    expect(await db.tombstones.count()).toBe(0);
    await expect(restoreClaim(db, claim.id, '2026-01-05T00:00:00.000Z')).rejects.toThrow('not deleted');
  });

  it('tells the reader when storage is full and loses nothing already stored', async () => {
    const kept = await createClaim(
      db,
      proposal('https://a.example/post', 'kept'),
      '2026-01-01T00:00:00.000Z',
    );
    const quotaError = new DOMException('quota', 'QuotaExceededError');
    db.claims.hook('creating', () => {
      throw quotaError;
    });
    await expect(createClaim(db, proposal('https://a.example/post', 'new'), 'later')).rejects.toThrow(
      'storage for Counterpoint is full',
    );
    expect(await allClaims(db)).toEqual([kept]);
  });
});
