/** The bundle's shape as a W3C consumer reads it, and export → import → export as a byte-for-byte round trip. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimAnnotationJson, RebuttalAnnotationJson } from './bundle-format';
import { ANNO_CONTEXT, COUNTERPOINT_VOCAB, emptyRecords } from './bundle-format';
import { decodeBundle } from './decode-bundle';
import { BundleEncodeError, encodeBundle, exportBundle } from './encode-bundle';
import { MAX_BUNDLE_BYTES } from './limits';
import { recordsArbitrary } from './fixtures/record-arbitraries';
import {
  claimMurshid,
  claimPivotal,
  rebuttalByCommentId,
  rebuttalNotGuilty,
  seedLibrary,
} from './fixtures/seed-library';
import { planMerge } from './merge-bundle';

/** Property runs take seconds; on a loaded CI runner more than the default 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 };

const at = (iso: string) => () => new Date(iso);
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Export, import into an empty library, export again. */
function roundTrip(text: string, clock: () => Date): string {
  const decoded = decodeBundle(text);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
  expect(decoded.rejected).toEqual([]);
  return exportBundle(planMerge(emptyRecords(), decoded.records).result, { clock });
}

const withoutTimestamp = (text: string): string => text.replace(/\n {2}"generated": "[^"]*",\n/, '\n');

describe('bundle shape', () => {
  const bundle = encodeBundle(seedLibrary(), { clock: at('2026-11-26T09:00:00.000Z') });
  const claim = bundle.first.items.find((item) => item.id === claimMurshid.id) as ClaimAnnotationJson;
  const rebuttal = bundle.first.items.find(
    (item) => item.id === rebuttalNotGuilty.id,
  ) as RebuttalAnnotationJson;

  it('is an AnnotationCollection with the W3C context first and its items in one AnnotationPage', () => {
    expect(bundle['@context'][0]).toBe(ANNO_CONTEXT);
    expect(bundle['@context'][1]).toEqual({ cp: COUNTERPOINT_VOCAB });
    expect(bundle.type).toBe('AnnotationCollection');
    expect(bundle.first.type).toBe('AnnotationPage');
    expect(bundle.total).toBe(5);
    expect(bundle.generated).toBe('2026-11-26T09:00:00.000Z');
    expect(bundle.id).toMatch(UUID_URN);
    for (const item of bundle.first.items) expect(item.id).toMatch(UUID_URN);
  });

  it('writes a claim as an assessing annotation with status, note and tags as purposed bodies', () => {
    expect(claim.motivation).toBe('assessing');
    expect(claim.body.map((body) => [body.purpose, body.value])).toEqual([
      ['assessing', 'contested'],
      ['commenting', claimMurshid.note],
      ['tagging', 'tower-hamlets'],
      ['tagging', 'missing-context'],
    ]);
    expect(claim.target.source).toBe(claimMurshid.url);
    expect(claim.target['cp:pageKey']).toBe(claimMurshid.pageKey);
    expect(claim.target.selector).toEqual([claimMurshid.target.quote, claimMurshid.target.position]);
  });

  it('leaves node hints out: they count text nodes of the exporter’s copy of the page', () => {
    const library = seedLibrary();
    const hinted = library.claims.map((claim) => ({
      ...claim,
      target: { ...claim.target, hint: { node: 12, offset: 0, length: 5, before: 'x', after: 'y' } },
    }));
    const clock = at('2026-11-26T09:00:00.000Z');
    const text = exportBundle({ ...library, claims: hinted }, { clock });
    expect(text).not.toContain('hint');
    expect(text).toBe(exportBundle(library, { clock }));
  });

  it('writes a rebuttal as a link from the comment excerpt to its claim', () => {
    expect(rebuttal.motivation).toBe('linking');
    expect(rebuttal['cp:stance']).toBe('rebuts');
    expect(rebuttal.body[0]).toEqual({
      type: 'SpecificResource',
      purpose: 'linking',
      source: claimMurshid.id,
    });
    expect(rebuttal.target.source.id).toBe(rebuttalNotGuilty.comment.permalink);
    expect(rebuttal.target.source.creator.name).toBe('Stuart Madewell');
    expect(rebuttal.target.selector[0].exact).toBe('He was found not guilty.');
  });

  it('addresses a comment without permalink as a fragment of its article, keeping its id verbatim', () => {
    const byId = bundle.first.items.find(
      (item) => item.id === rebuttalByCommentId.id,
    ) as RebuttalAnnotationJson;
    expect(byId.target.source.id).toBe(`${claimMurshid.url}#comment-7`);
    expect(byId.target.source['cp:commentId']).toBe('comment-7');
  });

  it('names the comment widget an excerpt was taken from, and refuses a frame that is no web origin', () => {
    const library = seedLibrary();
    library.rebuttals = library.rebuttals.map((rebuttal) =>
      rebuttal.id === rebuttalByCommentId.id
        ? { ...rebuttal, comment: { ...rebuttal.comment, frame: 'https://disqus.com' } }
        : rebuttal,
    );
    const text = exportBundle(library, { clock: at('2026-11-26T09:00:00.000Z') });
    const decoded = decodeBundle(text);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
    const back = decoded.records.rebuttals.find((rebuttal) => rebuttal.id === rebuttalByCommentId.id);
    expect(back?.comment.frame).toBe('https://disqus.com');
    expect(
      decoded.records.rebuttals.find((r) => r.id !== rebuttalByCommentId.id)?.comment.frame,
    ).toBeUndefined();

    // A self-hosted widget's frame is kept under the site that serves it.
    const selfHosted = decodeBundle(text.replace('"https://disqus.com"', '"https://remark.blog.example"'));
    if (!selfHosted.ok) throw new Error(JSON.stringify(selfHosted.issues));
    expect(selfHosted.rejected).toEqual([]);
    for (const frame of ['javascript:alert(1)', 'https://disqus.com/embed/comments/', 'disqus.com']) {
      const forged = decodeBundle(text.replace('"https://disqus.com"', JSON.stringify(frame)));
      if (!forged.ok) throw new Error(JSON.stringify(forged.issues));
      expect(
        forged.rejected.map((item) => item.id),
        frame,
      ).toEqual([rebuttalByCommentId.id]);
      expect(forged.rejected[0]?.issues[0]?.path).toMatch(/target\.source\.cp:commentFrame$/);
    }
  });

  it('keeps a posted time that is only a date out of W3C created, which needs a full date-time', () => {
    const library = seedLibrary();
    library.rebuttals = library.rebuttals.map((r) => ({
      ...r,
      comment: { ...r.comment, posted: '2010-11-18' },
    }));
    const items = encodeBundle(library).first.items as RebuttalAnnotationJson[];
    const source = items.find((item) => item.id === rebuttalNotGuilty.id)?.target.source;
    expect(source?.created).toBeUndefined();
    expect(source?.['cp:posted']).toBe('2010-11-18');
    const decoded = decodeBundle(exportBundle(library));
    expect(decoded.ok && decoded.records.rebuttals.map((r) => r.comment.posted)).toEqual([
      '2010-11-18',
      '2010-11-18',
    ]);
  });

  it('carries tombstones beside the annotations', () => {
    expect(bundle['cp:tombstones']).toEqual([
      expect.objectContaining({ 'cp:kind': 'claim', 'cp:deleted': '2026-11-19T12:00:00.000Z' }),
    ]);
  });

  it('lists each page’s claims in the order they were made, each followed by its rebuttals', () => {
    expect(bundle.first.items.map((item) => item.id)).toEqual([
      claimMurshid.id,
      rebuttalNotGuilty.id,
      rebuttalByCommentId.id,
      claimPivotal.id,
      seedLibrary().claims[2]?.id,
    ]);
  });

  it('names the bundle from its content: the same notes give the same id, an edit a new one', () => {
    const again = encodeBundle(seedLibrary(), { clock: at('2030-01-01T00:00:00.000Z') });
    expect(again.id).toBe(bundle.id);
    const edited = seedLibrary();
    edited.claims[0] = { ...claimMurshid, note: 'changed', modified: '2026-11-25T00:00:00.000Z' };
    expect(encodeBundle(edited).id).not.toBe(bundle.id);
  });

  it('refuses to export a rebuttal without its claim, naming both', () => {
    const library = seedLibrary();
    library.claims = library.claims.filter((c) => c.id !== claimMurshid.id);
    expect(() => encodeBundle(library)).toThrow(BundleEncodeError);
    expect(() => encodeBundle(library)).toThrow(claimMurshid.id);
  });
});

describe('round trip', PROPERTY_TIMEOUT, () => {
  it('export → import → export is byte-identical apart from the export timestamp', () => {
    const first = exportBundle(seedLibrary(), { clock: at('2026-11-26T09:00:00.000Z') });
    const second = roundTrip(first, at('2026-12-01T18:30:00.000Z'));
    expect(second).not.toBe(first);
    expect(withoutTimestamp(second)).toBe(withoutTimestamp(first));
    expect(roundTrip(first, at('2026-11-26T09:00:00.000Z'))).toBe(first);
  });

  it('gives back the very records that were exported', () => {
    const decoded = decodeBundle(exportBundle(seedLibrary()));
    expect(decoded.ok && decoded.records).toEqual(seedLibrary());
  });

  it('holds for 300 generated libraries', () => {
    fc.assert(
      fc.property(recordsArbitrary({ maxClaims: 6 }), (records) => {
        const clock = at('2026-11-26T09:00:00.000Z');
        const first = exportBundle(records, { clock });
        expect(roundTrip(first, clock)).toBe(first);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a large library', PROPERTY_TIMEOUT, () => {
  it('exports 10,000 claims with 5,000 rebuttals under the size cap, and imports them all back', () => {
    const seed = seedLibrary();
    const library = emptyRecords();
    const id = (prefix: string, n: number) =>
      `urn:uuid:00000000-0000-4000-${prefix}-${n.toString(16).padStart(12, '0')}`;
    for (let i = 0; i < 10_000; i++) {
      const template = seed.claims[i % seed.claims.length] ?? claimMurshid;
      const claim = {
        ...template,
        id: id('8000', i),
        pageKey: `https://example.com/p${i % 500}`,
        url: `https://example.com/p${i % 500}`,
      };
      library.claims.push({
        ...claim,
        note: `${'A note of a few sentences on why this claim is contested. '.repeat(4)}${i}`,
      });
      if (i % 2 === 0) library.rebuttals.push({ ...rebuttalNotGuilty, id: id('9000', i), claimId: claim.id });
    }
    const bytes = new TextEncoder().encode(exportBundle(library));
    expect(bytes.length).toBeLessThan(MAX_BUNDLE_BYTES);
    const decoded = decodeBundle(bytes);
    expect(decoded.ok && decoded.rejected).toEqual([]);
    expect(decoded.ok && planMerge(emptyRecords(), decoded.records).counts.new).toBe(15_000);
  });
});
