import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { fillWithDefaultSettings, now, randomToken, type RxJsonSchema, type RxStorageInstance } from 'rxdb';
import { BULK_READ, dexieSettings } from './fewer-reads';

type Doc = { id: string; n: number };
const schema = fillWithDefaultSettings<Doc>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, n: { type: 'number' } },
  required: ['id', 'n'],
} as RxJsonSchema<Doc>);

/** A storage instance of RxDB's Dexie storage over an in-memory IndexedDB, with or without the middleware. */
async function instance(withMiddleware: boolean): Promise<RxStorageInstance<Doc, unknown, unknown>> {
  const storage = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange, ...(withMiddleware ? dexieSettings : {}) });
  return storage.createStorageInstance<Doc>({
    databaseInstanceToken: randomToken(10),
    // RxDB keeps one Dexie connection per name: each instance has its own.
    databaseName: `fewer-reads-${randomToken(6)}`,
    collectionName: 'docs',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
}

const row = (id: string, n: number, deleted = false) => ({ document: { id, n, _deleted: deleted, _attachments: {}, _rev: '1-a', _meta: { lwt: now() } } });
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `doc-${String(from + i).padStart(5, '0')}`);

describe('reads of large batches by id (Dexie middleware)', () => {
  let gets: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    gets = vi.spyOn(IDBObjectStore.prototype, 'get');
  });
  afterEach(() => gets.mockRestore());

  it('writes a page into an empty table without one read per document', async () => {
    for (const withMiddleware of [false, true]) {
      const store = await instance(withMiddleware);
      gets.mockClear();
      const page = ids(0, 500);
      expect(await store.findDocumentsById(page, true)).toEqual([]);
      const written = await store.bulkWrite(page.map((id, i) => row(id, i)), 'test');
      expect(written.error).toEqual([]);
      // Without the middleware: one request per id for the lookup, and again for the write's conflict check.
      expect(gets.mock.calls.length).toBe(withMiddleware ? 0 : 1000);
      await store.remove();
    }
  });

  it('finds exactly what the per-id reads find, deleted documents included, in the order asked', async () => {
    const plain = await instance(false);
    const fewer = await instance(true);
    const rows = [...ids(0, 300).map((id, i) => row(id, i)), ...ids(300, 20).map((id, i) => row(id, i, true))];
    for (const store of [plain, fewer]) await store.bulkWrite(rows, 'test');
    // Some present, some deleted, some absent, out of order, one twice.
    const asked = [...ids(250, 100), ...ids(0, 10).reverse(), 'doc-00005', 'missing'];
    expect(asked.length).toBeGreaterThanOrEqual(BULK_READ);
    for (const withDeleted of [true, false]) {
      const expected = await plain.findDocumentsById(asked, withDeleted);
      gets.mockClear();
      const found = await fewer.findDocumentsById(asked, withDeleted);
      expect(found).toEqual(expected);
      // Only the ids that are there were read one by one (the 70 asked beyond the table were not).
      expect(gets.mock.calls.length).toBe(asked.filter((id) => id < 'doc-00320').length);
    }
    await plain.remove();
    await fewer.remove();
  });

  it('conflicts are still detected on write', async () => {
    const store = await instance(true);
    await store.bulkWrite(ids(0, 100).map((id, i) => row(id, i)), 'test');
    // Written again as new documents (no previous state): each one is a conflict.
    const again = await store.bulkWrite(ids(50, 100).map((id, i) => row(id, i)), 'test');
    expect(again.error.map((e) => e.status)).toEqual(Array(50).fill(409));
    expect(again.error.map((e) => e.documentId)).toEqual(ids(50, 50));
    await store.remove();
  });
});
