/** Ids made in a page must be valid version 4 UUIDs, distinct, and made without secure-context APIs. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from './ids';

const VERSION_4 = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes lowercase urn:uuid: version 4 ids with the RFC variant', () => {
    for (let i = 0; i < 1000; i++) expect(newId()).toMatch(VERSION_4);
  });

  it('never repeats an id over 20,000 draws', () => {
    const ids = new Set(Array.from({ length: 20_000 }, newId));
    expect(ids.size).toBe(20_000);
  });

  it('sets only the version and variant bits, leaving the other 122 bits to chance', () => {
    const filledWith = (byte: number) => {
      vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => array.fill(byte) });
      return newId();
    };
    expect(filledWith(0xff)).toBe('urn:uuid:ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(filledWith(0x00)).toBe('urn:uuid:00000000-0000-4000-8000-000000000000');
  });

  it('works where crypto.randomUUID is missing, as on a plain http page', () => {
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    expect(globalThis.crypto.randomUUID).toBeUndefined();
    expect(newId()).toMatch(VERSION_4);
  });
});
