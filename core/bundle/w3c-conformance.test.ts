/**
 * Runs the MUST assertions of the W3C Web Annotation test suite (web-platform-tests `annotation-model/`, kept in
 * `../shared/conformance/`) over real exports, with a draft-04 JSON Schema validator as the suite intends.
 * The kit is read in place; when it is absent these tests say so and stand aside, except under CI, where they fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv-draft-04';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import { encodeBundle } from './encode-bundle';
import { convertHypothesis } from './decode-bundle';
import { recordsArbitrary } from './fixtures/record-arbitraries';
import { seedLibrary } from './fixtures/seed-library';

/** Property runs take seconds; on a loaded CI runner more than the default 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 };

const KIT = sharedPath('conformance/wpt-annotation-model');
const KIT_NEEDED = 'conformance/wpt-annotation-model/annotations/annotationMusts.test';
const HYPOTHESIS_SAMPLE = 'corpus/hypothesis-baselines/wikipedia-regression-testing.json';

const MUST_TESTS = [
  'annotations/annotationMusts.test',
  'bodiesTargets/bodyMusts.test',
  'bodiesTargets/targetMusts.test',
  'specificResource/specificResourceMusts.test',
];

interface Assertion {
  test: string;
  file: string;
  errorMessage: string;
  validate: ValidateFunction;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** The suite's own file, else the same path under `upstream-fill/`, as the kit's SOURCE.md describes. */
function kitFile(relative: string): string {
  const own = join(KIT, relative);
  return existsSync(own) ? own : join(KIT, 'upstream-fill', relative);
}

// ajv-formats is not installed; these follow RFC 3986 (absolute URI) and RFC 3339 (date-time).
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(?:[Zz]|[+-]\d{2}:\d{2})$/;

function loadMusts(): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URI.test(value));
  ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  for (const file of readdirSync(join(KIT, 'definitions')))
    ajv.addSchema(readJson(join(KIT, 'definitions', file)));
  const assertions: Assertion[] = [];
  for (const test of MUST_TESTS) {
    for (const entry of readJson(join(KIT, test)).assertions as unknown[]) {
      // Every assertion the MUST lists name is a file reference whose expected result is `valid`.
      expect(typeof entry).toBe('string');
      const schema = readJson(kitFile(entry as string));
      expect(schema.expectedResult ?? 'valid').toBe('valid');
      assertions.push({
        test,
        file: entry as string,
        errorMessage: String(schema.errorMessage),
        validate: ajv.getSchema(String(schema.id)) ?? ajv.compile(schema),
      });
    }
  }
  return assertions;
}

/** Each failed MUST as `assertion file: error message`, for an annotation. */
function failedMusts(musts: Assertion[], annotation: unknown): string[] {
  return musts
    .filter((must) => !must.validate(annotation))
    .map((must) => `${must.file}: ${must.errorMessage}`);
}

describeWithShared(
  'W3C annotation-model MUST assertions',
  { needs: [KIT_NEEDED, HYPOTHESIS_SAMPLE], ...PROPERTY_TIMEOUT },
  () => {
    let musts: Assertion[] = [];
    beforeAll(() => {
      musts = loadMusts();
    });

    it('loads every assertion the four MUST lists name', () => {
      expect(musts.length).toBe(14 + 16 + 15 + 11);
    });

    /** The parseable JSON files of a samples folder, in the suite's part and in `upstream-fill/`. */
    function samples(kind: 'correct' | 'incorrect'): { file: string; value: unknown }[] {
      const found: { file: string; value: unknown }[] = [];
      for (const folder of [
        join(KIT, 'tools/samples', kind),
        join(KIT, 'upstream-fill/tools/samples', kind),
      ]) {
        if (!existsSync(folder)) continue;
        for (const file of readdirSync(folder)) {
          try {
            found.push({
              file: join(folder, file),
              value: JSON.parse(readFileSync(join(folder, file), 'utf8')),
            });
          } catch {
            // Several incorrect samples are broken JSON on purpose; a validator never sees those.
          }
        }
      }
      return found;
    }

    it('fails every incorrect sample of the suite that is JSON, so that a pass means something', () => {
      const incorrect = samples('incorrect');
      expect(incorrect.length).toBeGreaterThanOrEqual(20);
      for (const sample of incorrect) expect(failedMusts(musts, sample.value), sample.file).not.toEqual([]);
    });

    it('passes every correct single-annotation sample of the suite', () => {
      const correct = samples('correct').filter((sample) => /\/anno[^/]*\.json$/.test(sample.file));
      expect(correct.length).toBeGreaterThanOrEqual(40);
      for (const sample of correct) expect(failedMusts(musts, sample.value), sample.file).toEqual([]);
    });

    it('passes every annotation in the seed library’s export', () => {
      const bundle = encodeBundle(seedLibrary(), { clock: () => new Date('2026-11-26T09:00:00Z') });
      expect(bundle.first.items.length).toBe(5);
      for (const item of bundle.first.items) expect(failedMusts(musts, item), item.id).toEqual([]);
    });

    it('passes every annotation of 200 generated libraries', () => {
      fc.assert(
        fc.property(recordsArbitrary(), (records) => {
          for (const item of encodeBundle(records).first.items)
            expect(failedMusts(musts, item), item.id).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });

    it('passes every annotation converted from the Hypothesis sample', () => {
      const converted = convertHypothesis(readFileSync(sharedPath(HYPOTHESIS_SAMPLE)));
      expect(converted.ok && converted.records.claims.length).toBe(5);
      if (!converted.ok) return;
      for (const item of encodeBundle(converted.records).first.items)
        expect(failedMusts(musts, item)).toEqual([]);
    });
  },
);

describeWithShared('W3C annotation-model collection definitions', { needs: [KIT_NEEDED] }, () => {
  it('accept the bundle as an AnnotationCollection with an embedded AnnotationPage', () => {
    const ajv = new Ajv({ strict: false });
    ajv.addFormat('uri', (value: string) => URI.test(value));
    for (const file of readdirSync(join(KIT, 'definitions')))
      ajv.addSchema(readJson(join(KIT, 'definitions', file)));
    const check = (definition: string, value: unknown): boolean => {
      const validate = ajv.getSchema(`collections.json#/definitions/${definition}`);
      if (!validate) throw new Error(`the kit has no ${definition}`);
      return validate(value) === true;
    };
    const bundle = encodeBundle(seedLibrary());
    expect(check('contextValueInArrayFound', bundle['@context'])).toBe(true);
    expect(check('annotationCollectionTypeValueFound', bundle)).toBe(true);
    expect(check('labelFound', bundle)).toBe(true);
    expect(check('totalFound', bundle)).toBe(true);
    expect(check('firstRequiredIfTotalMoreThanZero', bundle)).toBe(true);
    expect(check('annotationPageTypeValueFound', bundle.first)).toBe(true);
    expect(check('startIndexFound', bundle.first)).toBe(true);
    expect(check('itemsFound', bundle.first)).toBe(true);
    // The same definitions refuse a collection whose type is wrong, so the checks above can fail.
    expect(check('annotationCollectionTypeValueFound', { ...bundle, type: 'AnnotationPage' })).toBe(false);
  });
});
