/**
 * Hand-made malformed and hostile files, each with the error a reader should see: the place in the file and
 * the reason. Whole-file refusals leave nothing to import; a bad record is refused alone and the rest stay.
 */
import { describe, expect, it } from 'vitest';
import type { BundleJson } from './bundle-format';
import { formatIssue } from '../records/issues';
import { decodeBundle } from './decode-bundle';
import { allIssues } from './decoded-bundle';
import { encodeBundle } from './encode-bundle';
import { claimMurshid, seedLibrary } from './fixtures/seed-library';
import { MAX_BUNDLE_RECORDS } from './limits';
import { exportMarkdown } from './markdown-export';

const base = (): BundleJson => encodeBundle(seedLibrary(), { clock: () => new Date('2026-11-26T09:00:00Z') });
const baseText = JSON.stringify(base(), null, 2);

/** The keys the cases below edit; a mapped type over them keeps strict index checks quiet without `any`. */
type Key =
  | 'first'
  | 'items'
  | 'next'
  | 'total'
  | 'type'
  | 'id'
  | '@context'
  | 'cp:bundleVersion'
  | 'cp:tombstones'
  | 'cp:kind'
  | 'cp:stance'
  | 'cp:title'
  | 'cp:pageKey'
  | 'cp:commentId'
  | 'motivation'
  | 'created'
  | 'modified'
  | 'body'
  | 'value'
  | 'format'
  | 'target'
  | 'source'
  | 'creator'
  | 'selector'
  | 'exact'
  | 'prefix'
  | 'suffix'
  | 'start'
  | 'end'
  | 0
  | 1
  | 2
  | 3
  | 4;
/** A parsed bundle as the cases edit it. */
type Json = { [K in Key]: Json } & { push: (...values: unknown[]) => number };

/** The seed bundle with one edit, as file text. */
function edited(edit: (bundle: Json) => void): string {
  const bundle = JSON.parse(baseText) as Json;
  edit(bundle);
  return JSON.stringify(bundle);
}

const item = (bundle: Json, i: number): Json => (bundle.first.items as unknown as Json[])[i] as Json;

interface Case {
  name: string;
  input: string | Uint8Array;
  /** The whole file is refused (else only the record at `path` is). */
  fatal: boolean;
  path: string;
  message: RegExp;
}

const wholeFile = (name: string, input: string | Uint8Array, path: string, message: RegExp): Case => ({
  name,
  input,
  fatal: true,
  path,
  message,
});
const oneRecord = (name: string, edit: (bundle: Json) => void, path: string, message: RegExp): Case => ({
  name,
  input: edited(edit),
  fatal: false,
  path,
  message,
});

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const cases: Case[] = [
  wholeFile('empty file', '', '', /the file is empty/),
  wholeFile('whitespace only', ' \n\t ', '', /the file is empty/),
  wholeFile('not JSON', '<html><body>notes</body></html>', '', /not JSON/),
  wholeFile('truncated JSON', baseText.slice(0, 500), '', /not JSON/),
  wholeFile('NaN offset written as NaN', baseText.replace('"start": 2861', '"start": NaN'), '', /not JSON/),
  wholeFile('Infinity offset', baseText.replace('"end": 2932', '"end": Infinity'), '', /not JSON/),
  wholeFile('UTF-16 file with its BOM', new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), '', /UTF-16/),
  wholeFile(
    'bytes that are not UTF-8',
    new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    '',
    /not UTF-8/,
  ),
  wholeFile('a BOM in the middle of the JSON', baseText.replace('"total"', '\ufeff"total"'), '', /not JSON/),
  wholeFile('10,000 nested lists', nested(10_000), '', /nested more than 32 levels/),
  wholeFile(
    'deep nesting inside a title',
    baseText.replace('"cp:title": "A second story"', `"cp:title": ${nested(40)}`),
    '',
    /nested more than 32 levels/,
  ),
  wholeFile('a file over the size cap', `"${'x'.repeat(33 * 1024 * 1024)}"`, '', /limit of 32\.0 MB/),
  wholeFile(
    'JSON null',
    'null',
    '',
    /not a Counterpoint bundle, W3C Web Annotation JSON or a Hypothesis export/,
  ),
  wholeFile('a JSON string', '"hello"', '', /not a Counterpoint bundle/),
  wholeFile('a list of numbers', '[1, 2, 3]', '', /not a Counterpoint bundle/),
  wholeFile(
    'a newer bundle version',
    edited((b) => (b['cp:bundleVersion'] = 2 as never)),
    'cp:bundleVersion',
    /version 2; this Counterpoint reads version 1, so update Counterpoint/,
  ),
  wholeFile(
    'version as text',
    edited((b) => (b['cp:bundleVersion'] = '1' as never)),
    'cp:bundleVersion',
    /must be 1/,
  ),
  wholeFile(
    'version missing',
    edited((b) => Reflect.deleteProperty(b, 'cp:bundleVersion')),
    'cp:bundleVersion',
    /missing/,
  ),
  wholeFile(
    'the W3C context not first',
    edited(
      (b) =>
        (b['@context'] = [
          { cp: 'https://counterpoint.invalid/ns#' },
          'http://www.w3.org/ns/anno.jsonld',
        ] as never),
    ),
    '@context',
    /must list http:\/\/www\.w3\.org\/ns\/anno\.jsonld first/,
  ),
  wholeFile(
    'a context rewritten without our vocabulary',
    edited((b) => (b['@context'] = 'http://www.w3.org/ns/anno.jsonld' as never)),
    '@context',
    /must map cp to https:\/\/counterpoint\.invalid\/ns#/,
  ),
  wholeFile(
    'collection of the wrong type',
    edited((b) => (b.type = 'AnnotationPage' as never)),
    'type',
    /must be AnnotationCollection/,
  ),
  wholeFile(
    'items that are not a list',
    edited((b) => (b.first.items = { 0: {} } as never)),
    'first.items',
    /must be a list/,
  ),
  wholeFile(
    'a total that disagrees with the items',
    edited((b) => (b.total = 9 as never)),
    'total',
    /says number 9 but first\.items holds 5 annotations/,
  ),
  wholeFile(
    'a link to a next page',
    edited((b) => ((b.first as Json).next = 'https://evil.example/page2' as never)),
    'first.next',
    /linked pages are not fetched/,
  ),
  wholeFile(
    'more records than the count cap',
    edited((b) => {
      b.first.items = Array.from({ length: MAX_BUNDLE_RECORDS + 1 }, () => ({})) as never;
      b.total = (MAX_BUNDLE_RECORDS + 1) as never;
    }),
    '',
    new RegExp(`holds ${MAX_BUNDLE_RECORDS + 2} records; the limit is ${MAX_BUNDLE_RECORDS}`),
  ),
  wholeFile(
    '__proto__ at the top',
    baseText.replace('"label"', '"__proto__": { "polluted": true }, "label"'),
    '__proto__',
    /not allowed/,
  ),
  wholeFile(
    '__proto__ inside a target',
    baseText.replace('"cp:pageKey"', '"__proto__": { "isAdmin": true }, "cp:pageKey"'),
    'first.items[0].target.__proto__',
    /not allowed/,
  ),
  wholeFile(
    'constructor inside a body',
    baseText.replace('"purpose": "assessing"', '"constructor": { "prototype": {} }, "purpose": "assessing"'),
    'first.items[0].body[0].constructor',
    /not allowed/,
  ),
  oneRecord(
    'a repeated id',
    (b) => (item(b, 3).id = claimMurshid.id as never),
    'first.items[3].id',
    /repeats the id of first\.items\[0\]/,
  ),
  oneRecord(
    'a tombstone reusing a claim id',
    (b) => ((b['cp:tombstones'][0] as Json).id = claimMurshid.id as never),
    'cp:tombstones[0].id',
    /repeats the id of first\.items\[0\]/,
  ),
  oneRecord(
    'an id that is not a URI',
    (b) => (item(b, 3).id = 'claim 12' as never),
    'first.items[3].id',
    /must be a lowercase urn:uuid: id \(got "claim 12"\)/,
  ),
  oneRecord(
    'an upper-case uuid',
    (b) =>
      (item(b, 3).id = (item(b, 3).id as unknown as string)
        .toUpperCase()
        .replace('URN:UUID:', 'urn:uuid:') as never),
    'first.items[3].id',
    /must be a lowercase urn:uuid: id/,
  ),
  oneRecord(
    'an http id',
    (b) => (item(b, 4).id = 'https://example.com/anno/1' as never),
    'first.items[4].id',
    /urn:uuid:/,
  ),
  oneRecord(
    'an id that is a number',
    (b) => (item(b, 4).id = 12 as never),
    'first.items[4].id',
    /not number 12/,
  ),
  oneRecord(
    'a quote without exact',
    (b) => Reflect.deleteProperty(item(b, 0).target.selector[0], 'exact'),
    'first.items[0].target.selector[0].exact',
    /^missing$/,
  ),
  oneRecord(
    'a blank quote',
    (b) => ((item(b, 4).target.selector[0] as Json).exact = '   ' as never),
    'first.items[4].target.selector[0].exact',
    /is empty/,
  ),
  oneRecord(
    'a NaN offset written as text',
    (b) => ((item(b, 4).target.selector[1] as Json).start = 'NaN' as never),
    'first.items[4].target.selector[1].start',
    /must be a whole number, zero or more \(got the text "NaN"\)/,
  ),
  oneRecord(
    'a negative offset',
    (b) => ((item(b, 4).target.selector[1] as Json).start = -5 as never),
    'first.items[4].target.selector[1].start',
    /whole number, zero or more/,
  ),
  oneRecord(
    'a fractional offset',
    (b) => ((item(b, 4).target.selector[1] as Json).end = 139.5 as never),
    'first.items[4].target.selector[1].end',
    /whole number/,
  ),
  oneRecord(
    'an offset beyond safe integers',
    (b) => ((item(b, 4).target.selector[1] as Json).end = 1e300 as never),
    'first.items[4].target.selector[1].end',
    /whole number/,
  ),
  oneRecord(
    'an end before its start',
    (b) => ((item(b, 4).target.selector[1] as Json).end = 3 as never),
    'first.items[4].target.selector[1].end',
    /comes before start \(3 < 120\)/,
  ),
  oneRecord(
    'a 1 MB note',
    (b) => ((item(b, 0).body[1] as Json).value = 'x'.repeat(1024 * 1024) as never),
    'first.items[0].body[1].value',
    /is 1048576 characters long; the limit is 20000/,
  ),
  oneRecord(
    'a bell character in a note',
    (b) => ((item(b, 0).body[1] as Json).value = 'ding\u0007' as never),
    'first.items[0].body[1].value',
    /control character \(U\+0007\)/,
  ),
  oneRecord(
    'a NUL in a tag',
    (b) => ((item(b, 0).body[2] as Json).value = 'tag\u0000' as never),
    'first.items[0].body[2].value',
    /control character \(U\+0000\)/,
  ),
  oneRecord(
    'a line break in a tag',
    (b) => ((item(b, 0).body[2] as Json).value = 'two\nlines' as never),
    'first.items[0].body[2].value',
    /U\+000A, which a one-line field cannot contain/,
  ),
  oneRecord(
    'an unpaired surrogate in a note',
    (b) => ((item(b, 0).body[1] as Json).value = 'half \ud83d emoji' as never),
    'first.items[0].body[1].value',
    /unpaired UTF-16 surrogate/,
  ),
  oneRecord(
    'an unknown status',
    (b) => ((item(b, 4).body[0] as Json).value = 'refuted' as never),
    'first.items[4].body[0].value',
    /must be one of contested, supported, needs-source, highlight \(got the text "refuted"\)/,
  ),
  oneRecord(
    'two statuses',
    (b) => item(b, 4).body.push({ type: 'TextualBody', purpose: 'assessing', value: 'supported' } as never),
    'first.items[4].body',
    /exactly one assessing body.*found 2/,
  ),
  oneRecord(
    'an HTML note',
    (b) => ((item(b, 0).body[1] as Json).format = 'text/html' as never),
    'first.items[0].body[1].format',
    /must be text\/plain/,
  ),
  oneRecord(
    'a javascript: page address',
    (b) => ((item(b, 4).target as Json).source = 'javascript:alert(document.cookie)' as never),
    'first.items[4].target.source',
    /must be an http or https address/,
  ),
  oneRecord(
    'a data: permalink',
    (b) => ((item(b, 1).target.source as Json).id = 'data:text/html,<script>alert(1)</script>' as never),
    'first.items[1].target.source.id',
    /must be an http or https address/,
  ),
  oneRecord(
    'a javascript: page key',
    (b) => ((item(b, 0).target as Json)['cp:pageKey'] = 'javascript:alert(1)' as never),
    'first.items[0].target.cp:pageKey',
    /must be an http or https address/,
  ),
  oneRecord(
    'a page key that is not a URL',
    (b) => ((item(b, 0).target as Json)['cp:pageKey'] = 'my notes' as never),
    'first.items[0].target.cp:pageKey',
    /must be an http or https address/,
  ),
  oneRecord(
    'a page key on another site than the quoted page',
    (b) => ((item(b, 0).target as Json)['cp:pageKey'] = 'https://bank.example/account' as never),
    'first.items[0].target.cp:pageKey',
    /names another site than first\.items\[0\]\.target\.source/,
  ),
  oneRecord(
    'a javascript: page key in a tombstone',
    (b) => ((b['cp:tombstones'][0] as Json)['cp:pageKey'] = 'javascript:alert(1)' as never),
    'cp:tombstones[0].cp:pageKey',
    /must be an http or https address/,
  ),
  oneRecord(
    'a comment id that is a web address',
    (b) => ((item(b, 2).target.source as Json)['cp:commentId'] = 'https://evil.example/' as never),
    'first.items[2].target.source.cp:commentId',
    /is a web address/,
  ),
  oneRecord(
    'a rebuttal of a claim the file does not hold',
    (b) => ((item(b, 1).body[0] as Json).source = 'urn:uuid:00000000-0000-4000-8000-000000000000' as never),
    'first.items[1].body[0].source',
    /answers claim urn:uuid:00000000-0000-4000-8000-000000000000, which this file does not hold/,
  ),
  oneRecord(
    'an unknown stance',
    (b) => (item(b, 1)['cp:stance'] = 'destroys' as never),
    'first.items[1].cp:stance',
    /must be one of rebuts, supports, context/,
  ),
  oneRecord(
    'an unknown motivation',
    (b) => (item(b, 4).motivation = 'bookmarking' as never),
    'first.items[4].motivation',
    /must be assessing \(a claim\) or linking \(a rebuttal\)/,
  ),
  oneRecord(
    'a date that is not one',
    (b) => (item(b, 4).created = 'yesterday' as never),
    'first.items[4].created',
    /must be a UTC date and time/,
  ),
  oneRecord(
    'the 30th of February',
    (b) => (item(b, 4).modified = '2026-02-30T10:00:00.000Z' as never),
    'first.items[4].modified',
    /must be a UTC date and time/,
  ),
  oneRecord(
    'a local time with an offset',
    (b) => (item(b, 4).modified = '2026-11-22T09:00:00+02:00' as never),
    'first.items[4].modified',
    /must be a UTC date and time/,
  ),
  oneRecord(
    'a posted time that is not a time',
    (b) => (item(b, 1).target.source.created = 'last Tuesday' as never),
    'first.items[1].target.source.created',
    /must be a date and time/,
  ),
  oneRecord(
    'a partial posted time beside a full one',
    (b) => ((item(b, 1).target.source as unknown as Record<string, unknown>)['cp:posted'] = '2010-11-18'),
    'first.items[1].target.source.cp:posted',
    /one posted time/,
  ),
  oneRecord(
    'a tombstone of an unknown kind',
    (b) => ((b['cp:tombstones'][0] as Json)['cp:kind'] = 'page' as never),
    'cp:tombstones[0].cp:kind',
    /must be claim or rebuttal/,
  ),
  oneRecord(
    'a selector of another type',
    (b) => item(b, 4).target.selector.push({ type: 'FragmentSelector', value: 'p=1' } as never),
    'first.items[4].target.selector[2].type',
    /must be TextQuoteSelector or TextPositionSelector/,
  ),
  oneRecord(
    'no quote selector',
    (b) => (item(b, 4).target.selector = [{ type: 'TextPositionSelector', start: 1, end: 2 }] as never),
    'first.items[4].target.selector',
    /has no TextQuoteSelector/,
  ),
  oneRecord(
    '51 tags',
    (b) => {
      for (let i = 0; i < 50; i++)
        item(b, 4).body.push({ type: 'TextualBody', purpose: 'tagging', value: `t${i}` } as never);
    },
    'first.items[4].body',
    /holds 51 tags; the limit is 50/,
  ),
  oneRecord(
    'a tag over 100 characters',
    (b) => ((item(b, 4).body[1] as Json).value = 'x'.repeat(101) as never),
    'first.items[4].body[1].value',
    /the limit is 100/,
  ),
  oneRecord(
    'an annotation that is not an object',
    (b) => (b.first.items[4] = 'urn:uuid:0c5d9e8f-1a2b-4c3d-8e4f-5a6b7c8d9e04' as never),
    'first.items[4]',
    /must be an object/,
  ),
  wholeFile(
    'a prototype key under a key holding an escape code, which the path quotes',
    edited((b) =>
      Object.assign(item(b, 4).target, { 'odd \u001b key': JSON.parse('{"__proto__": 1}') as unknown }),
    ),
    'first.items[4].target["odd \\u001b key"].__proto__',
    /not allowed/,
  ),
  wholeFile(
    'Hypothesis rows that are not a list',
    JSON.stringify({ total: 1, rows: { id: 'x' } }),
    'rows',
    /must be a list/,
  ),
  wholeFile(
    'a W3C collection that links its first page',
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://example.org/c1',
      type: 'AnnotationCollection',
      first: 'https://example.org/c1/page1',
    }),
    'first',
    /download that page and import it instead/,
  ),
];

const hypothesisRow = {
  id: 'abc123',
  uri: 'https://example.com/post',
  text: 'note',
  tags: ['t'],
  created: '2016-12-16T11:24:14.673557+00:00',
  updated: '2016-12-16T11:24:14.673557+00:00',
  target: [
    { source: 'https://example.com/post', selector: [{ type: 'TextQuoteSelector', exact: 'quoted' }] },
  ],
};

const foreignCases: Case[] = [
  {
    name: 'a Hypothesis reply',
    input: JSON.stringify({ rows: [{ ...hypothesisRow, references: ['parent1'] }] }),
    fatal: false,
    path: 'rows[0].references',
    message: /replies are not imported/,
  },
  {
    name: 'a Hypothesis page note',
    input: JSON.stringify({ rows: [{ ...hypothesisRow, target: [{ source: 'https://example.com/post' }] }] }),
    fatal: false,
    path: 'rows[0].target[0].selector',
    message: /page note with no quoted passage/,
  },
  {
    name: 'a Hypothesis annotation of a javascript: page',
    input: JSON.stringify({ rows: [{ ...hypothesisRow, uri: 'javascript:alert(1)' }] }),
    fatal: false,
    path: 'rows[0].uri',
    message: /must be an http or https address/,
  },
  {
    name: 'a Hypothesis text with a control character',
    input: JSON.stringify({ rows: [{ ...hypothesisRow, text: 'a\u0008b' }] }),
    fatal: false,
    path: 'rows[0].text',
    message: /control character \(U\+0008\)/,
  },
  {
    name: 'a Hypothesis row with __proto__',
    input: `{"rows":[{"__proto__":{"admin":true},"id":"x","target":[]}]}`,
    fatal: true,
    path: 'rows[0].__proto__',
    message: /not allowed/,
  },
  {
    name: 'a W3C annotation of a whole image',
    input: JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://example.org/anno1',
      type: 'Annotation',
      body: 'https://example.org/post1',
      target: 'https://example.com/image1',
    }),
    fatal: false,
    path: 'target',
    message: /has no passage of a web page/,
  },
  {
    name: 'a W3C annotation whose id is not a URI',
    input: JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'anno 1',
      type: 'Annotation',
      target: { source: 'https://example.com/', selector: { type: 'TextQuoteSelector', exact: 'x' } },
    }),
    fatal: false,
    path: 'id',
    message: /must be a URI/,
  },
];

describe('hostile and malformed bundles', () => {
  it('has at least 40 hand-made cases', () => {
    expect(cases.length + foreignCases.length).toBeGreaterThanOrEqual(40);
  });

  it.each([...cases, ...foreignCases])('$name', ({ input, fatal, path, message }) => {
    const result = decodeBundle(input);
    const issues = allIssues(result);
    const match = issues.find((issue) => issue.path === path && message.test(issue.message));
    expect(
      match,
      `expected "${path}: ${message.source}" among\n${issues.map(formatIssue).join('\n')}`,
    ).toBeDefined();
    expect(result.ok).toBe(!fatal);
    if (result.ok && result.format === 'counterpoint') {
      // Only the bad record is refused; the others of the seed bundle are still there to import.
      const kept =
        result.records.claims.length + result.records.rebuttals.length + result.records.tombstones.length;
      expect(kept).toBeGreaterThanOrEqual(6 - 3);
      expect(
        result.rejected.some(
          (rejected) =>
            rejected.path === path ||
            path.startsWith(`${rejected.path}.`) ||
            path.startsWith(`${rejected.path}[`),
        ),
      ).toBe(true);
    }
    // Error text never carries raw control characters from the file to a terminal.
    for (const issue of issues) {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point.
      expect(`${issue.path}${issue.message}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });

  it('accepts a UTF-8 BOM, which Windows editors write', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(baseText)]);
    const result = decodeBundle(withBom);
    expect(result.ok && result.records.claims.length).toBe(3);
    expect(decodeBundle(`\ufeff${baseText}`).ok).toBe(true);
  });

  it('did not pollute Object.prototype while reading __proto__ keys', () => {
    decodeBundle(baseText.replace('"label"', '"__proto__": { "polluted": true }, "label"'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('script and markup in every text field', () => {
  const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const fields: [string, (b: Json) => void, (r: ReturnType<typeof seedLibrary>) => string][] = [
    [
      'claim note',
      (b) => ((item(b, 0).body[1] as Json).value = script as never),
      (r) => r.claims[0]?.note ?? '',
    ],
    ['tag', (b) => ((item(b, 0).body[2] as Json).value = script as never), (r) => r.claims[0]?.tags[0] ?? ''],
    [
      'page title',
      (b) => ((item(b, 0).target as Json)['cp:title'] = script as never),
      (r) => r.claims[0]?.title ?? '',
    ],
    [
      'quote',
      (b) => ((item(b, 0).target.selector[0] as Json).exact = script as never),
      (r) => r.claims[0]?.target.quote.exact ?? '',
    ],
    [
      'quote prefix',
      (b) => ((item(b, 0).target.selector[0] as Json).prefix = script as never),
      (r) => r.claims[0]?.target.quote.prefix ?? '',
    ],
    [
      'quote suffix',
      (b) => ((item(b, 0).target.selector[0] as Json).suffix = script as never),
      (r) => r.claims[0]?.target.quote.suffix ?? '',
    ],
    [
      'rebuttal note',
      (b) => ((item(b, 1).body[1] as Json).value = script as never),
      (r) => r.rebuttals[0]?.note ?? '',
    ],
    [
      'comment author',
      (b) => ((item(b, 1).target.source as Json).creator = { type: 'Person', name: script } as never),
      (r) => r.rebuttals[0]?.comment.author ?? '',
    ],
    [
      'comment id',
      (b) => ((item(b, 2).target.source as Json)['cp:commentId'] = script as never),
      (r) => r.rebuttals[1]?.comment.permalink ?? '',
    ],
    [
      'excerpt',
      (b) => ((item(b, 1).target.selector[0] as Json).exact = script as never),
      (r) => r.rebuttals[0]?.target.quote.exact ?? '',
    ],
  ];

  it.each(fields)('keeps markup in the %s as inert text and escapes it in Markdown', (name, edit, read) => {
    const result = decodeBundle(edited(edit));
    if (!result.ok) throw new Error(allIssues(result).map(formatIssue).join('\n'));
    expect(result.rejected).toEqual([]);
    expect(read(result.records)).toBe(script);
    // The export's own syntax is the only place these characters stand unescaped: its links
    // `[text](<https://...>)` and the `>` that opens each quote line.
    const markdown = exportMarkdown(result.records)
      .replace(/(?<!\\)\[((?:\\.|[^\\\]])*)\]\(<[^<>\s]+>\)/g, '$1')
      .replace(/^(\s*)> /gm, '$1');
    expect(markdown).not.toMatch(/(?<!\\)[<>&[\]]/);
    // Prefix and suffix are not part of the Markdown; every other field is, escaped.
    if (!/prefix|suffix/.test(name)) expect(markdown).toContain('\\<script\\>');
  });
});

describe('text a page wrote, normalised rather than refused', () => {
  it.each([
    ['an ANSI escape in an author name', { type: 'Person', name: '\u001b[31mroot' }, '[31mroot'],
    [
      'a right-to-left override in an author name',
      { type: 'Person', name: 'Alice\u202egpj.exe' },
      'Alicegpj.exe',
    ],
    ['an author name over 200 characters', { type: 'Person', name: 'A'.repeat(250) }, 'A'.repeat(200)],
  ])('imports %s with the characters removed', (_name, creator, expected) => {
    const result = decodeBundle(
      edited((b) => ((item(b, 1).target.source as Json).creator = creator as never)),
    );
    expect(result.ok && result.rejected).toEqual([]);
    expect(result.ok && result.records.rebuttals[0]?.comment.author).toBe(expected);
  });

  it('imports a title of 30,000 characters with bidi isolates, cut to 1,000 plain characters', () => {
    const title = `\u2066${'T'.repeat(30_000)}\u2069`;
    const result = decodeBundle(edited((b) => ((item(b, 0).target as Json)['cp:title'] = title as never)));
    expect(result.ok && result.rejected).toEqual([]);
    expect(result.ok && result.records.claims[0]?.title).toBe('T'.repeat(1_000));
  });
});
