/**
 * RxDB's Dexie storage answers a query by walking an IndexedDB cursor: one event, and one turn of
 * the page's event loop, per document. Opening the directory (1,700 entries) or a coordinator's
 * queue (4,000 requests) takes as many. A query without a limit reads every document of its index
 * range anyway, so this wrapper reads them with one `getAll` on the same index and range, which
 * returns them in the same order, then filters and sorts them as RxDB does. A query with a limit or
 * a skip (the cursor stops early) goes to RxDB unchanged.
 */
import { getProperty, getQueryMatcher, getSortComparator, setProperty, type RxDocumentData, type RxStorage, type RxStorageInstance, type RxStorageInstanceCreationParams } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  DEXIE_PIPE_SUBSTITUTE,
  dexieReplaceIfStartsWithPipe,
  dexieReplaceIfStartsWithPipeRevert,
  getKeyRangeByQueryPlan,
  type RxStorageInstanceDexie,
} from 'rxdb/plugins/storage-dexie';

type DexieInstance<T> = RxStorageInstanceDexie<T>;
type Query<T> = Parameters<RxStorageInstance<T, unknown, unknown>['query']>[0];

/** Keys stored with `__` for a leading `|` (Dexie cannot index them) get their `|` back, in place. */
function revertPipeKeys(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) revertPipeKeys(item);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const field = object[key];
    if (field && typeof field === 'object') revertPipeKeys(field);
    if (!key.includes(DEXIE_PIPE_SUBSTITUTE)) continue;
    const original = dexieReplaceIfStartsWithPipeRevert(key);
    if (original === key) continue;
    delete object[key];
    object[original] = field;
  }
}

/**
 * RxDB's `fromDexieToStorage` without its deep copy, key by key, of every document (on a phone,
 * most of the time a directory's read took): the rows `getAll` returns are new objects, ours to change.
 */
function fromDexieRow<T>(booleanIndexes: readonly string[], row: Record<string, unknown>): RxDocumentData<T> {
  revertPipeKeys(row);
  for (const index of booleanIndexes) setProperty(row, index, getProperty(row, index) === '1');
  return row as unknown as RxDocumentData<T>;
}

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
  const rows = stored.map((d) => fromDexieRow<T>(state.booleanIndexes, d as Record<string, unknown>)).filter((doc) => !matches || matches(doc));
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
