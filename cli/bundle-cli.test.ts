/**
 * The `counterpoint-bundle` command line, run as a reader runs it: the real bin in a child process, with its
 * exit status, its output and the files it writes.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../test/shared-data';
import type { Claim } from '../core/model';
import { decodeBundle } from '../core/bundle/decode-bundle';
import { exportBundle } from '../core/bundle/encode-bundle';
import { claimOtherPage, claimPivotal, seedLibrary } from '../core/bundle/fixtures/seed-library';
import { exportMarkdown } from '../core/bundle/markdown-export';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repoRoot, 'cli/counterpoint-bundle.mjs');
const HYPOTHESIS = sharedPath('corpus/hypothesis-baselines');

const work = mkdtempSync(join(tmpdir(), 'counterpoint-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin as `node cli/counterpoint-bundle.mjs ARGS` from the work folder. */
function run(args: string[], command = process.execPath, prefix: string[] = [BIN]): Promise<Run> {
  return new Promise((done) => {
    execFile(command, [...prefix, ...args], { cwd: work, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function file(name: string, content: string | Uint8Array): string {
  writeFileSync(join(work, name), content);
  return name;
}

const seed = file('seed.json', exportBundle(seedLibrary()));

/** Each test starts Node and tsx at least once; under a loaded CI runner that takes more than the default 5 s. */
const slow = { timeout: 30_000 };

describe('counterpoint-bundle validate', slow, () => {
  it('exits 0 and says what a valid file holds', async () => {
    const result = await run(['validate', seed]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'seed.json: valid, a Counterpoint bundle with 3 claims, 2 rebuttals, 1 tombstone\n',
    );
  });

  it('prints FILE: path: message for every problem and exits 1', async () => {
    const broken = JSON.parse(readFileSync(join(work, seed), 'utf8')) as {
      first: { items: { target: { selector: Record<string, unknown>[] }; id: string }[] };
    };
    const [first, , , fourth] = broken.first.items;
    if (!first?.target.selector[0] || !fourth) throw new Error('the seed bundle changed');
    delete first.target.selector[0].exact;
    fourth.id = 'not-a-uri';
    const bad = file('bad.json', JSON.stringify(broken));
    const result = await run(['validate', seed, bad]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'seed.json: valid, a Counterpoint bundle with 3 claims, 2 rebuttals, 1 tombstone',
      'bad.json: first.items[0].target.selector[0].exact: missing',
      'bad.json: first.items[3].id: must be a lowercase urn:uuid: id (got "not-a-uri")',
      // The rebuttals of the refused claim cannot stand alone.
      expect.stringMatching(
        /^bad\.json: first\.items\[1\]\.body\[0\]\.source: answers claim urn:uuid:3f2b8c1e/,
      ),
      expect.stringMatching(/^bad\.json: first\.items\[2\]\.body\[0\]\.source: answers claim/),
      '',
    ]);
  });

  it('refuses files that are not JSON, missing or hostile, without echoing control characters', async () => {
    const notJson = file('notes.txt', 'these are my notes');
    // A tag is what the reader typed, so a control character in it is refused rather than removed.
    const ansi = exportBundle(seedLibrary()).replace('"missing-context"', '"\\u001b[2J\\u001b[31mroot"');
    const hostile = file('ansi.json', ansi);
    const result = await run(['validate', notJson, 'missing.json', hostile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^notes\.txt: the file is not JSON \(/m);
    expect(result.stdout).toContain('missing.json: no such file\n');
    expect(result.stdout).toContain(
      'ansi.json: first.items[0].body[3].value: holds a control character (U+001B), which text cannot contain',
    );
    expect(result.stdout).not.toContain('\u001b');
  });
});

describe('counterpoint-bundle validate: the W3C MUSTs the reader relies on', slow, () => {
  const annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example/a/1',
    type: 'Annotation',
    body: { type: 'TextualBody', value: 'A note', purpose: 'commenting' },
    target: {
      source: 'https://example.com/article',
      selector: { type: 'TextQuoteSelector', exact: 'grew by 2%' },
    },
  };

  it('calls a plain W3C annotation valid, and refuses each broken MUST with its place', async () => {
    const good = file('good.json', JSON.stringify(annotation));
    const context = file(
      'context.json',
      JSON.stringify({ ...annotation, '@context': 'https://schema.org/' }),
    );
    const both = file('both.json', JSON.stringify({ ...annotation, bodyValue: 'Another note' }));
    const script = file('script.json', JSON.stringify({ ...annotation, id: 'javascript:alert(1)' }));
    const result = await run(['validate', good, context, both, script]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'good.json: valid, W3C Web Annotations with 1 claim, 0 rebuttals, 0 tombstones',
      'context.json: @context: must be http://www.w3.org/ns/anno.jsonld, or a list that starts with it (got the text "https://schema.org/")',
      'both.json: bodyValue: an annotation has body or bodyValue, not both; the W3C model does not say which one holds the note',
      'script.json: id: must be a URI with an http, https or urn scheme, such as urn:uuid:… or https://… (got "javascript:alert(1)")',
      '',
    ]);
  });

  it('refuses a bundle annotation with both body and bodyValue, or a context of its own that is not W3C', async () => {
    const bundle = JSON.parse(exportBundle(seedLibrary())) as {
      first: { items: Record<string, unknown>[] };
    };
    const [first, second] = bundle.first.items;
    if (!first || !second) throw new Error('the seed bundle changed');
    first.bodyValue = 'Another note';
    second['@context'] = 'https://schema.org/';
    const result = await run(['validate', file('bundle-musts.json', JSON.stringify(bundle))]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'bundle-musts.json: first.items[0].bodyValue: an annotation has body or bodyValue',
    );
    expect(result.stdout).toContain(
      'bundle-musts.json: first.items[1].@context: must be http://www.w3.org/ns/anno.jsonld',
    );
  });
});

describe('counterpoint-bundle markdown', slow, () => {
  it('prints the same Markdown as the popup export', async () => {
    const result = await run(['markdown', seed]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(exportMarkdown(seedLibrary()));
  });

  it('writes it to -o OUT', async () => {
    const result = await run(['markdown', seed, '-o', 'notes.md']);
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, 'notes.md'), 'utf8')).toBe(exportMarkdown(seedLibrary()));
  });
});

describe('counterpoint-bundle merge', slow, () => {
  const newer: Claim = { ...claimPivotal, note: 'Found the numbers.', modified: '2026-11-24T00:00:00.000Z' };
  const theirs = file(
    'theirs.json',
    exportBundle({
      claims: [newer],
      rebuttals: [],
      tombstones: [
        {
          id: claimOtherPage.id,
          kind: 'claim',
          pageKey: claimOtherPage.pageKey,
          deleted: '2026-11-25T00:00:00.000Z',
        },
      ],
    }),
  );

  it('merges several readers’ bundles with the import rules and prints the counts', async () => {
    const result = await run(['merge', seed, theirs, '-o', 'merged.json']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'seed.json: 5 new, 0 updated, 1 unchanged, 0 deleted, 0 rejected',
      'theirs.json: 0 new, 1 updated, 0 unchanged, 1 deleted, 0 rejected',
      'Total: 5 new, 1 updated, 1 unchanged, 1 deleted, 0 rejected',
      'merged.json: 2 claims, 2 rebuttals, 2 tombstones',
      '',
    ]);
    const merged = decodeBundle(readFileSync(join(work, 'merged.json')));
    expect(merged.ok && merged.records.claims.find((claim) => claim.id === claimPivotal.id)?.note).toBe(
      'Found the numbers.',
    );
  });

  it('gives the same file whatever order the bundles come in', async () => {
    await run(['merge', seed, theirs, '-o', 'ab.json']);
    await run(['merge', theirs, seed, '-o', 'ba.json']);
    const withoutTime = (name: string) =>
      readFileSync(join(work, name), 'utf8').replace(/"generated": "[^"]*"/, '');
    expect(withoutTime('ab.json')).toBe(withoutTime('ba.json'));
  });

  it('writes nothing when one input is refused as a whole', async () => {
    const newerVersion = file(
      'v2.json',
      exportBundle(seedLibrary()).replace('"cp:bundleVersion": 1', '"cp:bundleVersion": 2'),
    );
    const result = await run(['merge', seed, newerVersion, '-o', 'never.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('v2.json: cp:bundleVersion: this bundle is version 2');
    expect(result.stderr).toContain('Nothing was written.');
    expect(existsSync(join(work, 'never.json'))).toBe(false);
  });
});

describeWithShared(
  'counterpoint-bundle convert',
  {
    needs: [
      'corpus/hypothesis-baselines/wikipedia-regression-testing.json',
      'corpus/hypothesis-baselines/minimal.json',
    ],
    ...slow,
  },
  () => {
    it('converts a Hypothesis export into a bundle that validates', async () => {
      const source = join(HYPOTHESIS, 'wikipedia-regression-testing.json');
      const result = await run(['convert', '--from', 'hypothesis', source, '-o', 'converted.json']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('5 claims converted, 0 rejected');
      const check = await run(['validate', 'converted.json']);
      expect(check.stdout).toBe(
        'converted.json: valid, a Counterpoint bundle with 5 claims, 0 rebuttals, 0 tombstones\n',
      );
    });

    it('gives converted notes the page key the extension would give their page', async () => {
      const row = {
        id: 'k1',
        uri: 'https://www.example.com/post?utm_source=feed&id=3#comments',
        target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'quoted' }] }],
      };
      const source = file('tracked.json', JSON.stringify({ rows: [row] }));
      expect((await run(['convert', '--from', 'hypothesis', source, '-o', 'tracked-out.json'])).code).toBe(0);
      const converted = decodeBundle(readFileSync(join(work, 'tracked-out.json')));
      expect(converted.ok && converted.records.claims.map((claim) => [claim.url, claim.pageKey])).toEqual([
        ['https://www.example.com/post?utm_source=feed&id=3', 'https://example.com/post?id=3'],
      ]);
    });

    it('exits 1 and writes nothing when no annotation can be converted', async () => {
      const result = await run([
        'convert',
        '--from',
        'hypothesis',
        join(HYPOTHESIS, 'minimal.json'),
        '-o',
        'none.json',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('rows[0].uri: missing');
      expect(result.stderr).toContain('no annotation could be converted; nothing was written.');
      expect(existsSync(join(work, 'none.json'))).toBe(false);
    });
  },
);

describe('counterpoint-bundle usage', slow, () => {
  it.each([
    [[], /no command given/],
    [['publish', seed], /unknown command "publish"/],
    [['merge', seed], /merge needs -o OUT/],
    [['convert', '--from', 'w3c', seed, '-o', 'x.json'], /convert needs --from hypothesis/],
    [['validate', seed, '--colour'], /Unknown option '--colour'/],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage:');
  });

  it('runs through npx, as the package.json bin', async () => {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const result = await run(['counterpoint-bundle', 'validate', join(work, seed)], npx, [
      '--prefix',
      repoRoot,
      '--no-install',
    ]);
    expect(result.stdout).toContain('valid, a Counterpoint bundle');
    expect(result.code).toBe(0);
  });
});
