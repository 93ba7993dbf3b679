/**
 * RxDB's Dexie storage reads a batch of documents by id with one IndexedDB request per id, and a
 * pulled page is read that way three times before it is written (the local documents, the
 * replication's own bookkeeping, and the write's check for conflicts). On a first sync none of them
 * exists yet: thousands of requests that find nothing. This Dexie middleware (installed on every
 * database RxDB opens, `dexieSettings`) reads a large batch against a small table by first taking
 * the table's keys in one request, within the same transaction, then reading only the ids there.
 */
import type { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

// Dexie's types as RxDB bundles it (its own copy of Dexie).
type Dexie = Parameters<NonNullable<NonNullable<Parameters<typeof getRxStorageDexie>[0]>['onCreate']>>[0];
type Middleware = Parameters<Dexie['use']>[0];
type DBCore = Parameters<Middleware['create']>[0];
type DBCoreTable = ReturnType<DBCore['table']>;
type DBCoreKeyRange = Parameters<DBCoreTable['count']>[0]['query']['range'];

/** Below this many ids, the per-id reads are cheap enough. */
export const BULK_READ = 50;
/** Keys are listed only when the table holds at most this many per requested id. */
const KEYS_PER_ID = 20;
/** Dexie's `DBCoreRangeType.Any` (a const enum, not available at run time): the whole table. */
const WHOLE_TABLE = { type: 3 } as DBCoreKeyRange;

function readingPresentKeysOnly(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    async getMany(req) {
      const keys = req.keys;
      if (keys.length < BULK_READ || !keys.every((k) => typeof k === 'string')) return table.getMany(req);
      const query = { index: table.schema.primaryKey, range: WHOLE_TABLE };
      const count = await table.count({ trans: req.trans, query });
      if (count === 0) return keys.map(() => undefined);
      if (count > keys.length * KEYS_PER_ID) return table.getMany(req);
      const stored = new Set((await table.query({ trans: req.trans, query, values: false })).result);
      const wanted = keys.filter((k) => stored.has(k));
      const found = wanted.length ? await table.getMany({ ...req, keys: wanted }) : [];
      const byKey = new Map(wanted.map((k, i) => [k, found[i]]));
      return keys.map((k) => byKey.get(k));
    },
  };
}

export const fewerReads: Middleware = {
  stack: 'dbcore',
  name: 'fewerReads',
  create: (down: DBCore) => ({ ...down, table: (name: string) => readingPresentKeysOnly(down.table(name)) }),
};

/** Settings of RxDB's Dexie storage: every database it opens reads through `fewerReads`. */
export const dexieSettings = { onCreate: (db: Dexie) => void db.use(fewerReads) };
