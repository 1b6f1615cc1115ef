/**
 * What import accepts besides our own bundles: Hypothesis API JSON (the real sample in `../shared/corpus/`) and
 * W3C annotations from other clients (the suite's correct samples), each turned into claims a reader can use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import type { Claim } from '../model';
import { emptyRecords } from './bundle-format';
import { formatIssue } from '../records/issues';
import { convertHypothesis, decodeBundle, detectFormat } from './decode-bundle';
import { allIssues } from './decoded-bundle';
import { exportBundle } from './encode-bundle';
import { seedLibrary } from './fixtures/seed-library';
import { planMerge } from './merge-bundle';
import { URL_NAMESPACE, nameUuid } from './name-uuid';

const HYPOTHESIS = 'corpus/hypothesis-baselines';
const SAMPLES = 'conformance/wpt-annotation-model/upstream-fill/tools/samples/correct';

const claimsOf = (input: string | Uint8Array): Claim[] => {
  const result = decodeBundle(input);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.records.claims;
};

describeWithShared(
  'Hypothesis API JSON (the corpus sample)',
  { needs: [`${HYPOTHESIS}/wikipedia-regression-testing.json`, `${HYPOTHESIS}/minimal.json`] },
  () => {
    const wikipedia = (): Buffer =>
      readFileSync(sharedPath(`${HYPOTHESIS}/wikipedia-regression-testing.json`));

    it('turns each quoted annotation into a claim with its note, page, title, quote and times', () => {
      const result = convertHypothesis(wikipedia());
      expect(result.ok && result.format).toBe('hypothesis');
      if (!result.ok) return;
      expect(result.rejected).toEqual([]);
      expect(result.records.claims).toHaveLength(5);
      const footer = result.records.claims.find((claim) => claim.note === 'Footer');
      expect(footer).toMatchObject({
        url: 'https://en.wikipedia.org/wiki/Regression_testing',
        pageKey: 'https://en.wikipedia.org/wiki/Regression_testing',
        title: 'Regression testing - Wikipedia',
        status: 'highlight',
        tags: [],
        created: '2016-12-16T11:24:14.673Z',
        modified: '2016-12-16T11:24:14.673Z',
        target: {
          quote: {
            type: 'TextQuoteSelector',
            exact: '11 November 2016',
            prefix: ' This page was last modified on ',
            suffix: ', at 05:56.\n\t\t\t\t\t\t\t\t\t\t\tText is a',
          },
          position: { type: 'TextPositionSelector', start: 11881, end: 11897 },
        },
      });
      expect(footer?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    });

    it('gives the same ids on every import, so that importing the export twice changes nothing', () => {
      const first = claimsOf(wikipedia());
      const library = planMerge(emptyRecords(), { ...emptyRecords(), claims: first }).result;
      const second = planMerge(library, { ...emptyRecords(), claims: claimsOf(wikipedia()) });
      expect(second.counts).toMatchObject({ new: 0, updated: 0, unchanged: 5 });
    });

    it('refuses the minimal sample, which does not name its page, and says so', () => {
      const result = decodeBundle(readFileSync(sharedPath(`${HYPOTHESIS}/minimal.json`)));
      expect(result.ok && result.records.claims).toEqual([]);
      expect(allIssues(result).map(formatIssue)).toEqual([
        'rows[0].uri: missing: the annotation does not name the page it belongs to',
      ]);
    });

    it('refuses a record whose page key cannot be computed instead of throwing', () => {
      const result = decodeBundle(wikipedia(), {
        pageKeyFor: () => {
          throw new URIError('URI malformed');
        },
      });
      expect(result.ok && result.records.claims).toEqual([]);
      expect(allIssues(result)[0]).toEqual({
        path: 'rows[0].uri',
        message:
          'gives no page key that notes could be stored under (got "https://en.wikipedia.org/wiki/Regression_testing")',
      });
    });

    it('uses the page key the extension computes', () => {
      const keyOf = (url: string) => `${new URL(url).origin}/key${new URL(url).pathname}`;
      const result = decodeBundle(wikipedia(), { pageKeyFor: keyOf });
      expect(result.ok && result.records.claims[0]?.pageKey).toBe(
        'https://en.wikipedia.org/key/wiki/Regression_testing',
      );
    });

    it('refuses a page key that is not a URL on the annotated site, whatever computed it', () => {
      for (const pageKeyFor of [() => 'javascript:alert(1)', () => 'https://bank.example/']) {
        const result = decodeBundle(wikipedia(), { pageKeyFor });
        expect(result.ok && result.records.claims).toEqual([]);
        expect(allIssues(result)[0]?.message).toMatch(/gives no page key that notes could be stored under/);
      }
    });
  },
);

const row = {
  id: 'h1',
  uri: 'https://example.com/post#frag',
  text: 'note',
  tags: [' a ', 'b', 'a', ''],
  target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'quoted' }] }],
};

describe('Hypothesis shapes', () => {
  it('reads a single annotation and a list of them, as well as search results', () => {
    expect(claimsOf(JSON.stringify(row))).toHaveLength(1);
    expect(claimsOf(JSON.stringify([row, { ...row, id: 'h2' }]))).toHaveLength(2);
    expect(claimsOf(JSON.stringify({ total: 1, rows: [row] }))).toHaveLength(1);
  });

  it('trims and de-duplicates tags, drops the fragment, and dates an undated note at the epoch', () => {
    const [claim] = claimsOf(JSON.stringify(row));
    expect(claim?.tags).toEqual(['a', 'b']);
    expect(claim?.url).toBe('https://example.com/post');
    expect(claim?.modified).toBe('1970-01-01T00:00:00.000Z');
  });

  it('names the place of a problem in a single annotation from its root', () => {
    const result = decodeBundle(JSON.stringify({ ...row, text: 42 }));
    expect(allIssues(result).map(formatIssue)).toEqual(['text: must be text, not number 42']);
  });

  it('refuses a Counterpoint bundle given to convert --from hypothesis', () => {
    const result = convertHypothesis(exportBundle(seedLibrary()));
    expect(result.ok).toBe(false);
    expect(allIssues(result).map(formatIssue)).toEqual([
      'this is a Counterpoint bundle, not a Hypothesis export',
    ]);
  });
});

describe('W3C annotations from other clients', () => {
  const annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example/a/1',
    type: 'Annotation',
    motivation: 'assessing',
    created: '2026-01-02T03:04:05+01:00',
    body: [
      { type: 'TextualBody', purpose: 'assessing', value: 'supported' },
      { type: 'TextualBody', purpose: 'tagging', value: 'economy' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Matches the ONS figures.' },
      'https://annotations.example/linked-resource',
    ],
    target: [
      'https://example.com/image.png',
      {
        source: { id: 'https://example.com/article', title: 'The article' },
        selector: [
          { type: 'FragmentSelector', value: 'p3' },
          { type: 'TextQuoteSelector', exact: 'grew by 2%', prefix: 'The economy ', suffix: ' last year' },
          { type: 'TextPositionSelector', start: 10, end: 20 },
        ],
      },
    ],
  };

  it('reads status, tags, note and the first placeable target', () => {
    const [claim] = claimsOf(JSON.stringify(annotation));
    expect(claim).toEqual({
      id: nameUuid(URL_NAMESPACE, 'https://annotations.example/a/1'),
      pageKey: 'https://example.com/article',
      url: 'https://example.com/article',
      title: 'The article',
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'grew by 2%',
          prefix: 'The economy ',
          suffix: ' last year',
        },
        position: { type: 'TextPositionSelector', start: 10, end: 20 },
      },
      status: 'supported',
      note: 'Matches the ONS figures.',
      tags: ['economy'],
      created: '2026-01-02T02:04:05.000Z',
      modified: '2026-01-02T02:04:05.000Z',
    });
  });

  it('keeps a urn:uuid: id as it is and detects lists and pages of annotations', () => {
    const id = 'urn:uuid:11111111-2222-4333-8444-555555555555';
    expect(claimsOf(JSON.stringify([{ ...annotation, id }]))[0]?.id).toBe(id);
    const page = { '@context': annotation['@context'], type: 'AnnotationPage', items: [annotation] };
    expect(detectFormat(page)).toBe('w3c');
    expect(claimsOf(JSON.stringify(page))).toHaveLength(1);
  });

  describeWithShared('the test suite’s correct samples', { needs: [`${SAMPLES}/anno26.json`] }, () => {
    it('imports the samples that quote text, including a quote refined inside a fragment', () => {
      const anno26 = claimsOf(readFileSync(sharedPath(`${SAMPLES}/anno26.json`)));
      expect(anno26.map((claim) => [claim.url, claim.target.quote.exact])).toEqual([
        ['http://example.org/page1', 'anotation'],
      ]);
      const anno32 = claimsOf(readFileSync(sharedPath(`${SAMPLES}/anno32.json`)));
      expect(anno32.map((claim) => claim.target.quote.exact)).toEqual(['Selected Text']);
    });

    it('refuses the rest of a collection one by one, each with its reason', () => {
      const result = decodeBundle(readFileSync(sharedPath(`${SAMPLES}/collection1.json`)));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.records.claims.map((claim) => claim.target.quote.exact)).toEqual([
        'anotation',
        'Selected Text',
      ]);
      expect(result.rejected.length).toBeGreaterThan(20);
      for (const rejected of result.rejected) {
        expect(rejected.path).toMatch(/^first\.items\[\d+\]$/);
        expect(rejected.issues.length).toBeGreaterThan(0);
      }
    });
  });
});
