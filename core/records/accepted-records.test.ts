/**
 * The promise of one validation layer: whatever the background accepts from a page, its own export imports again
 * unchanged; and what the page wrote is normalised where it enters, never refused later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBundle } from '../bundle/decode-bundle';
import { exportBundle } from '../bundle/encode-bundle';
import type { BundleRecords } from '../bundle/bundle-format';
import {
  filled,
  rawClaimArbitrary,
  rawRebuttalArbitrary,
  timestampArbitrary,
} from '../bundle/fixtures/record-arbitraries';
import type { Claim, Rebuttal, Tombstone } from '../model';
import type { NewClaim, NewRebuttal } from '../protocol';
import { parseRequest } from '../protocol';
import { FIELD_LIMITS } from './limits';
import { normalizeLine, textProblem } from './text';

/** Property runs (some build 50,000-character quotes) take more than the default 5 s on a loaded runner. */
const PROPERTY_TIMEOUT = { timeout: 120_000 };

function accepted<T>(message: unknown): T {
  const parsed = parseRequest(message);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value.payload as T;
}

/** What the background stores and exports: bundles carry no node hint, so the comparison leaves it out. */
function withoutHint<T extends Claim | Rebuttal>(record: T): T {
  const target = { ...record.target };
  delete target.hint;
  return { ...record, target };
}

const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

const libraryArbitrary = fc
  .uniqueArray(fc.uuid(), { minLength: 8, maxLength: 8 })
  .map((uuids) => uuids.map((uuid) => `urn:uuid:${uuid}`))
  .chain((ids) =>
    fc.record({
      claims: fc
        .array(fc.nat(), { minLength: 1, maxLength: 3 })
        .chain((slots) => fc.tuple(...slots.map((_, i) => rawClaimArbitrary(ids[i] ?? '')))),
      rebuttals: fc.array(fc.nat({ max: 2 }), { maxLength: 3 }),
      tombstones: fc.array(fc.constantFrom('claim' as const, 'rebuttal' as const), { maxLength: 2 }),
      times: fc.array(timestampArbitrary, { minLength: 2, maxLength: 2 }),
      ids: fc.constant(ids),
    }),
  )
  .chain(({ claims, rebuttals, tombstones, times, ids }) =>
    fc.record({
      claims: fc.constant(claims),
      rebuttals: fc.tuple(
        ...rebuttals.map((slot, i) =>
          rawRebuttalArbitrary(ids[3 + i] ?? '', claims[slot % claims.length]?.id ?? ''),
        ),
      ),
      tombstones: fc.constant(tombstones.map((kind, i) => ({ kind, id: ids[6 + i] ?? '' }))),
      times: fc.constant(times as [string, string]),
    }),
  );

describe('what the background accepts', () => {
  it('survives export then import unchanged: any claim, rebuttal and tombstone', PROPERTY_TIMEOUT, () => {
    fc.assert(
      fc.property(libraryArbitrary, ({ claims, rebuttals, tombstones, times: [created, modified] }) => {
        const stored: BundleRecords = {
          claims: claims.map((claim) => ({
            ...accepted<{ claim: NewClaim }>({ type: 'claim.create', payload: { claim } }).claim,
            created,
            modified,
          })),
          rebuttals: rebuttals.map((rebuttal) => ({
            ...accepted<{ rebuttal: NewRebuttal }>({ type: 'rebuttal.create', payload: { rebuttal } })
              .rebuttal,
            created,
            modified,
          })),
          // The background writes a tombstone with the page key of the claim it deletes.
          tombstones: tombstones.map(({ kind, id }, i): Tombstone => ({
            id,
            kind,
            pageKey: accepted<{ claim: NewClaim }>({
              type: 'claim.create',
              payload: { claim: claims[i % claims.length] },
            }).claim.pageKey,
            deleted: modified,
          })),
        };
        const decoded = decodeBundle(exportBundle(stored));
        if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
        expect(decoded.rejected).toEqual([]);
        expect(byId(decoded.records.claims)).toEqual(byId(stored.claims.map(withoutHint)));
        expect(byId(decoded.records.rebuttals)).toEqual(byId(stored.rebuttals.map(withoutHint)));
        expect(byId(decoded.records.tombstones)).toEqual(byId(stored.tombstones));
      }),
      { numRuns: 120 },
    );
  });
});

describe('page-written text', () => {
  it('is cleaned of control characters and bidi overrides and isolates, and cut to its limit', () => {
    expect(normalizeLine('\u2066Alice\u2069 \u202egpj.exe\u001b[31m', FIELD_LIMITS.author)).toBe(
      'Alice gpj.exe[31m',
    );
    expect(normalizeLine('  two\nlines\tand\u2028more  ', FIELD_LIMITS.title)).toBe('two lines and more');
    expect(normalizeLine(filled(30_000, 'T'), FIELD_LIMITS.title)).toBe('T'.repeat(FIELD_LIMITS.title));
    // An emoji across the limit is dropped whole, never cut in half.
    expect(normalizeLine(`${'T'.repeat(FIELD_LIMITS.title - 1)}😀`, FIELD_LIMITS.title)).toBe(
      'T'.repeat(FIELD_LIMITS.title - 1),
    );
    // A control character between the halves of a broken emoji does not make a whole one of them.
    expect(normalizeLine('a\ud83d\u0007\ude00b', 100)).toBe('ab');
  });

  it(
    'always passes the rule of a one-line field, and normalising it again changes nothing',
    PROPERTY_TIMEOUT,
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat({ max: 200 }), (text, max) => {
          const line = normalizeLine(text, max);
          expect(textProblem(line, { max, oneLine: true, allowEmpty: true })).toBeUndefined();
          expect(normalizeLine(line, max)).toBe(line);
        }),
      );
    },
  );
});

describe('what a page may claim about where a note belongs', () => {
  const claim = {
    id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
    pageKey: 'https://a.example/post',
    url: 'https://a.example/post',
    title: 'Post',
    target: { quote: { type: 'TextQuoteSelector', exact: 'a claim', prefix: '', suffix: '' } },
    status: 'contested',
    note: '',
    tags: [],
  };

  it.each([
    ['another site', 'https://bank.example/account', 'names another site than payload.claim.url'],
    ['a javascript: URL', 'javascript:alert(1)', 'must be an http or https address'],
    ['no URL at all', 'my notes', 'must be an http or https address'],
  ])('refuses a page key on %s, naming the field', (_name, pageKey, error) => {
    const parsed = parseRequest({ type: 'claim.create', payload: { claim: { ...claim, pageKey } } });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(`payload.claim.pageKey: ${error}`);
  });
});
