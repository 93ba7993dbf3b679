import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBIndex, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, randomToken, type MangoQuery, type RxJsonSchema, type RxStorage, type RxStorageInstance } from 'rxdb';
import { readingWholeRanges } from './whole-reads';

/** `extra` holds keys starting with `|` (as RxDB's key compression writes them), which Dexie stores as `__`. */
type Doc = { id: string; name: string; town: string; n: number; active: boolean; extra?: Record<string, unknown> };
const schema = fillWithDefaultSettings<Doc>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string' },
    town: { type: 'string', maxLength: 40 },
    n: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 1 },
    active: { type: 'boolean' },
    extra: { type: 'object' },
  },
  required: ['id', 'name', 'town', 'n', 'active'],
  indexes: ['town', 'n', 'active'],
} as RxJsonSchema<Doc>);

async function instance(storage: RxStorage<unknown, unknown>): Promise<RxStorageInstance<Doc, unknown, unknown>> {
  return storage.createStorageInstance<Doc>({
    databaseInstanceToken: randomToken(10),
    databaseName: `whole-reads-${randomToken(6)}`,
    collectionName: 'docs',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
}

const TOWNS = ['Lyon', 'Vienne', 'Bron', 'Givors'];
const docs = Array.from({ length: 300 }, (_, i) => ({
  id: `doc-${String((i * 7919) % 300).padStart(3, '0')}`,
  name: `Nom ${(i * 31) % 97}`,
  town: TOWNS[i % TOWNS.length],
  n: (i * 13) % 50,
  active: i % 3 !== 0,
  ...(i % 4 === 0 ? { extra: { '|k': i, plain: 'x', list: [{ '|deep': [i, { '|deeper': true }] }], 'a.b': 1 } } : {}),
}));

async function filled(storage: RxStorage<unknown, unknown>) {
  const store = await instance(storage);
  const rows = docs.map((d, i) => ({ document: { ...d, _deleted: i % 10 === 0, _attachments: {}, _rev: '1-a', _meta: { lwt: 1_700_000_000_000 + i } } }));
  await store.bulkWrite(rows, 'test');
  return store;
}

const QUERIES: Array<[string, MangoQuery<Doc>]> = [
  ['every document', {}],
  // What a collection asks its storage: the documents not deleted.
  ['the documents not deleted', { selector: { _deleted: false } as MangoQuery<Doc>['selector'], sort: [{ name: 'asc' }] }],
  ['a selector the index answers', { selector: { town: 'Vienne' } }],
  ['a range and a sort on another field', { selector: { n: { $gte: 10, $lt: 30 } }, sort: [{ name: 'asc' }] }],
  ['a boolean index', { selector: { active: true }, sort: [{ n: 'desc' }] }],
  ['a selector no index answers', { selector: { name: { $regex: '^Nom 1' } } }],
  ['a limit (left to RxDB)', { selector: { town: 'Lyon' }, sort: [{ n: 'asc' }], limit: 5 }],
  ['a skip (left to RxDB)', { sort: [{ name: 'asc' }], skip: 20 }],
];

const prepared = (mango: MangoQuery<Doc>) => prepareQuery(schema, normalizeMangoQuery(schema, mango));

describe('queries read in one request (Dexie storage wrapper)', () => {
  let cursors: ReturnType<typeof vi.spyOn>;
  let getAlls: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    cursors = vi.spyOn(IDBIndex.prototype, 'openCursor');
    getAlls = vi.spyOn(IDBIndex.prototype, 'getAll');
  });
  afterEach(() => {
    cursors.mockRestore();
    getAlls.mockRestore();
  });

  it.each(QUERIES)('answers as RxDB does: %s', async (_, mango) => {
    const plain = await filled(getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>);
    const wrapped = await filled(readingWholeRanges(getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>));
    const expected = (await plain.query(prepared(mango))).documents;
    const got = (await wrapped.query(prepared(mango))).documents;
    expect(expected.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('reads a query without a limit in one getAll, without walking a cursor', async () => {
    const wrapped = await filled(readingWholeRanges(getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>));
    cursors.mockClear();
    const { documents } = await wrapped.query(prepared({ sort: [{ name: 'asc' }] }));
    expect(documents).toHaveLength(docs.length);
    expect(getAlls).toHaveBeenCalledTimes(1);
    expect(cursors).not.toHaveBeenCalled();
  });

  it('leaves a query with a limit to the cursor, which stops early', async () => {
    const wrapped = await filled(readingWholeRanges(getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as RxStorage<unknown, unknown>));
    getAlls.mockClear();
    await wrapped.query(prepared({ limit: 3 }));
    expect(cursors).toHaveBeenCalledTimes(1);
    expect(getAlls).not.toHaveBeenCalled();
  });
});
