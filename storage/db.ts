/**
 * The reader's database. It is opened only in the background, in the extension's origin: a content
 * script's IndexedDB would belong to the page. Every schema change is a new entry in `SCHEMA_VERSIONS`
 * (with an upgrade when existing rows must change), and `storage/db.test.ts` opens a database written by
 * each older version and checks that every note survives.
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { Claim, Placement, Rebuttal, Tombstone } from '../core/model';
import type { ImportBatch } from './import-batches';
import { normalizeUrl } from '../core/page-key';

/** A stored version that an import replaced, kept so that the older copy is not lost. */
export interface SupersededVersion {
  seq?: number;
  id: string;
  kind: 'claim' | 'rebuttal';
  record: Claim | Rebuttal;
  /** When it was replaced. */
  superseded: string;
}

export type CounterpointDb = Dexie & {
  claims: EntityTable<Claim, 'id'>;
  rebuttals: EntityTable<Rebuttal, 'id'>;
  tombstones: EntityTable<Tombstone, 'id'>;
  history: EntityTable<SupersededVersion, 'seq'>;
  placements: EntityTable<Placement, 'claimId'>;
  imports: EntityTable<ImportBatch, 'id'>;
};

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { claims: 'id, pageKey, modified', tombstones: 'id, pageKey' } },
  // Rebuttals (issue 4) and the history of versions that imports replaced (issue 5). New tables only.
  { version: 2, stores: { rebuttals: 'id, claimId', history: '++seq, id' } },
  // Page keys no longer hold `www.`: rewrite the stored ones so their notes are found under the new key.
  {
    version: 3,
    stores: {},
    upgrade: async (transaction) => {
      const rekey = (row: { pageKey: string }) => {
        row.pageKey = normalizeUrl(row.pageKey);
      };
      await transaction.table('claims').toCollection().modify(rekey);
      await transaction.table('tombstones').toCollection().modify(rekey);
    },
  },
  // How the last visit placed each claim (issue 11). A new table only: every note stays as it was.
  { version: 4, stores: { placements: 'claimId' } },
  // What the last import did, so that it can be undone (issue 13). A new table only: every note stays as it was.
  { version: 5, stores: { imports: 'id' } },
];

export const DB_NAME = 'counterpoint';

/** Open (creating or upgrading as needed) the database called `name`, declared up to `versions`. */
export function openDb(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): CounterpointDb {
  const db = new Dexie(name) as CounterpointDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}
