/**
 * RxDB's Dexie storage answers a query by walking an IndexedDB cursor: one event, and one turn of
 * the page's event loop, per document. Opening the directory (1,700 entries) or a coordinator's
 * queue (4,000 requests) takes as many. A query without a limit reads every document of its index
 * range anyway, so this wrapper reads them with one `getAll` on the same index and range, which
 * returns them in the same order, then filters and sorts them as RxDB does. A query with a limit or
 * a skip (the cursor stops early) goes to RxDB unchanged.
 */
import { getQueryMatcher, getSortComparator, type RxDocumentData, type RxStorage, type RxStorageInstance, type RxStorageInstanceCreationParams } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
  type RxStorageInstanceDexie,
} from 'rxdb/plugins/storage-dexie';

type DexieInstance<T> = RxStorageInstanceDexie<T>;
type Query<T> = Parameters<RxStorageInstance<T, unknown, unknown>['query']>[0];

async function readWholeRange<T>(instance: DexieInstance<T>, prepared: Query<T>): Promise<RxDocumentData<T>[]> {
  const state = await instance.internals;
  const plan = prepared.queryPlan;
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, plan, state.dexieDb._options.IDBKeyRange);
  } catch (err) {
    // As RxDB: a range IndexedDB cannot express holds no document.
    if ((err as Error).name === 'DataError') return [];
    throw err;
  }
  const indexName = `[${plan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  const stored = await state.dexieDb.transaction('r', state.dexieTable, (tx) => {
    const request = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName).getAll(range);
    return new Promise<unknown[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  });
  const matches = plan.selectorSatisfiedByIndex ? undefined : getQueryMatcher(instance.schema, prepared.query);
  const rows = stored.map((d) => fromDexieToStorage<T>(state.booleanIndexes, d as never)).filter((doc) => !matches || matches(doc));
  return plan.sortSatisfiedByIndex ? rows : rows.sort(getSortComparator(instance.schema, prepared.query));
}

export function readingWholeRanges<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance<T>(params: RxStorageInstanceCreationParams<T, Options>) {
      const instance = await storage.createStorageInstance(params);
      const query = instance.query.bind(instance);
      instance.query = async (prepared) => {
        if (typeof prepared.query.limit === 'number' || prepared.query.skip) return query(prepared);
        return { documents: await readWholeRange(instance as unknown as DexieInstance<T>, prepared) };
      };
      return instance;
    },
  };
}
