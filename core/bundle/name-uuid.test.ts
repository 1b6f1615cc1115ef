/** Name-based ids must be real RFC 9562 version 5 UUIDs, or another tool would name the same annotation apart. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { URL_NAMESPACE, nameUuid, sha1 } from './name-uuid';

describe('nameUuid', () => {
  it('matches the RFC 9562 example (www.example.com in the DNS namespace)', () => {
    expect(nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      'urn:uuid:2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is stable and sets version 5 and the RFC variant', () => {
    const id = nameUuid(URL_NAMESPACE, 'https://example.org/anno1');
    expect(id).toBe(nameUuid(URL_NAMESPACE, 'https://example.org/anno1'));
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid(URL_NAMESPACE, 'https://example.org/anno2')).not.toBe(id);
  });
});

describe('sha1', () => {
  it('agrees with Node’s SHA-1 on any input, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
