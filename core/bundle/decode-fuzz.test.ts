/**
 * Untrusted input never makes the decoder throw: 1,000 arbitrary inputs and 1,000 mutated bundles each end in
 * a clear refusal (every issue has a message) or a clean result (records that export and re-import unchanged,
 * and a merge plan that can be computed), never an exception and never half a record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRecords } from './bundle-format';
import { decodeBundle } from './decode-bundle';
import type { DecodeResult } from './decoded-bundle';
import { encodeBundle, exportBundle } from './encode-bundle';
import { recordsArbitrary } from './fixtures/record-arbitraries';
import { planMerge } from './merge-bundle';

/** Property runs take seconds; on a loaded CI runner more than the default 5 s. */
const PROPERTY_TIMEOUT = { timeout: 60_000 };

/** The outcome contract: a refusal that says why, or records good enough to export and import again. */
function expectClearOrClean(result: DecodeResult): void {
  if (!result.ok) {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(typeof issue.path).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
    }
    return;
  }
  for (const rejected of result.rejected) {
    expect(rejected.issues.length).toBeGreaterThan(0);
    for (const issue of rejected.issues) expect(issue.message.length).toBeGreaterThan(0);
  }
  const again = decodeBundle(exportBundle(result.records));
  expect(again.ok && again.rejected).toEqual([]);
  if (again.ok) {
    expect(again.records.claims.length).toBe(result.records.claims.length);
    expect(again.records.rebuttals.length).toBe(result.records.rebuttals.length);
    expect(again.records.tombstones.length).toBe(result.records.tombstones.length);
  }
  expect(() => planMerge(emptyRecords(), result.records)).not.toThrow();
}

const VOCABULARY = [
  '@context',
  'id',
  'type',
  'first',
  'items',
  'total',
  'cp:bundleVersion',
  'cp:tombstones',
  'motivation',
  'body',
  'target',
  'source',
  'selector',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'value',
  'purpose',
  'rows',
  'uri',
  'text',
  'tags',
  'created',
  'modified',
  'updated',
  'references',
  '__proto__',
  'constructor',
];
const HOSTILE_VALUES: unknown[] = [
  'http://www.w3.org/ns/anno.jsonld',
  ['http://www.w3.org/ns/anno.jsonld', { cp: 'https://counterpoint.invalid/ns#' }],
  'Annotation',
  'AnnotationCollection',
  'AnnotationPage',
  'TextQuoteSelector',
  'TextPositionSelector',
  'assessing',
  'linking',
  'contested',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\u0000',
  '\ud800',
  'NaN',
  -1,
  1e308,
  1.5,
  1,
  2,
  null,
  true,
  [],
  {},
  'urn:uuid:00000000-0000-4000-8000-000000000000',
  '2026-11-26T09:00:00.000Z',
];

/** JSON that often looks like a bundle, a Hypothesis export or an annotation, so the fuzz reaches deep code. */
const nearMiss: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...HOSTILE_VALUES),
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...VOCABULARY), tie('value'), { maxKeys: 6 }),
  ),
})).value;

const arbitraryInput: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  nearMiss.map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }),
);

type Mutation = { pick: number; kind: (typeof MUTATION_KINDS)[number]; value: unknown };
const MUTATION_KINDS = ['delete', 'replace', 'hostile', 'duplicate', 'rename', 'truncate', 'splice'] as const;

/** Every container and key of a JSON tree, so that a mutation can land anywhere. */
function slots(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const found: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        found.push({ parent: node, key: i });
        stack.push(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        found.push({ parent: node as Record<string, unknown>, key });
        stack.push(child);
      }
    }
  }
  return found;
}

function mutate(text: string, mutations: Mutation[]): string {
  let root = JSON.parse(text) as unknown;
  let output: string | undefined;
  for (const { pick, kind, value } of mutations) {
    if (kind === 'truncate') {
      output = (output ?? JSON.stringify(root)).slice(0, pick % text.length);
      continue;
    }
    if (kind === 'splice') {
      const base = output ?? JSON.stringify(root);
      const at = pick % base.length;
      output = `${base.slice(0, at)}${String(JSON.stringify(value)).slice(0, 3)}${base.slice(at)}`;
      continue;
    }
    if (output !== undefined) continue;
    const all = slots(root);
    const slot = all[pick % all.length];
    if (!slot) {
      root = value;
      continue;
    }
    const { parent, key } = slot;
    const holder = parent as Record<string | number, unknown>;
    if (kind === 'delete') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else Reflect.deleteProperty(parent, key);
    } else if (kind === 'replace') holder[key] = value;
    else if (kind === 'hostile') holder[key] = HOSTILE_VALUES[pick % HOSTILE_VALUES.length];
    else if (kind === 'duplicate' && Array.isArray(parent) && typeof key === 'number') {
      parent.splice(key, 0, structuredClone(parent[key]));
    } else if (kind === 'rename' && !Array.isArray(parent)) {
      const moved = holder[key];
      Reflect.deleteProperty(parent, key);
      Object.defineProperty(parent, ['__proto__', 'constructor', 'idd', 'Id'][pick % 4] ?? 'x', {
        value: moved,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
  }
  return output ?? JSON.stringify(root);
}

describe('decoding never throws', PROPERTY_TIMEOUT, () => {
  it('on 1,000 arbitrary inputs', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => expectClearOrClean(decodeBundle(input))),
      { numRuns: 1000 },
    );
  });

  it('on 1,000 mutated bundles', () => {
    const mutated = fc
      .record({
        library: recordsArbitrary({ maxClaims: 3 }),
        mutations: fc.array(
          fc.record({
            pick: fc.nat(),
            kind: fc.constantFrom(...MUTATION_KINDS),
            value: fc.jsonValue({ maxDepth: 2 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map(({ library, mutations }) => mutate(JSON.stringify(encodeBundle(library)), mutations));
    let refused = 0;
    let partlyRejected = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        const result = decodeBundle(text);
        expectClearOrClean(result);
        if (!result.ok) refused++;
        else if (result.rejected.length > 0) partlyRejected++;
      }),
      { numRuns: 1000 },
    );
    // The mutations must reach both kinds of refusal, or this test would prove little.
    expect(refused).toBeGreaterThan(50);
    expect(partlyRejected).toBeGreaterThan(50);
  });
});
