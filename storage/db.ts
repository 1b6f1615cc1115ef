/**
 * The reader's database. It is opened only in the background, in the extension's origin: a content
 * script's IndexedDB would belong to the page. Every schema change is a new version with an upgrade that
 * keeps every note, and `storage/db.test.ts` opens a database written by each older version.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Claim, Tombstone } from '../core/model';

export type CounterpointDb = Dexie & {
  claims: EntityTable<Claim, 'id'>;
  tombstones: EntityTable<Tombstone, 'id'>;
};

export const DB_NAME = 'counterpoint';

/** Open (creating or upgrading as needed) the database called `name`. */
export function openDb(name = DB_NAME): CounterpointDb {
  const db = new Dexie(name) as CounterpointDb;
  db.version(1).stores({
    claims: 'id, pageKey, modified',
    tombstones: 'id, pageKey',
  });
  return db;
}
