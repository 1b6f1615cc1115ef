import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../core/model';
import { openDb, SCHEMA_VERSIONS } from './db';

const claim: Claim = {
  id: 'urn:uuid:7a1c0e9e-5d8b-4b8e-9f61-2f0b8f3f4c10',
  pageKey: 'https://www.blog.example/post',
  url: 'https://blog.example/post?utm_source=feed',
  title: 'A post',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'The claim', prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 7, end: 16 },
  },
  status: 'contested',
  note: 'Why I doubt it',
  tags: ['economy'],
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-02T00:00:00.000Z',
};

describe('schema upgrades', () => {
  it.each(SCHEMA_VERSIONS.slice(0, -1).map((version, i) => [version.version, i + 1] as const))(
    'keeps every note written by version %i',
    async (version, count) => {
      const name = `upgrade-${crypto.randomUUID()}`;
      const old = openDb(name, SCHEMA_VERSIONS.slice(0, count));
      await old.claims.add(claim);
      await old.tombstones.add({
        id: 'urn:uuid:gone',
        kind: 'claim',
        pageKey: claim.pageKey,
        deleted: claim.modified,
      });
      old.close();

      const current = openDb(name);
      // Version 3 dropped `www.` from the page keys written before it; everything else stays as written.
      const pageKey = version < 3 ? 'https://blog.example/post' : claim.pageKey;
      expect(await current.claims.toArray()).toEqual([{ ...claim, pageKey }]);
      expect((await current.tombstones.toArray())[0]?.pageKey).toBe(pageKey);
      expect(await current.tombstones.count()).toBe(1);
      expect(await current.rebuttals.count()).toBe(0);
      // The placements table (version 4) starts empty: no note is marked as changed by the upgrade.
      expect(await current.placements.count()).toBe(0);
      await current.placements.put({ claimId: claim.id, outcome: 'not-found', seen: claim.modified });
      expect(await current.placements.get(claim.id)).toMatchObject({ outcome: 'not-found' });
      // The imports table (version 5) starts empty: there is no import to undo until the reader makes one.
      expect(await current.imports.count()).toBe(0);
      expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
      await current.delete();
    },
  );
});
