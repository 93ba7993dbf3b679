/**
 * The floor of a first sync (bench/first-sync.ts): what IndexedDB itself takes to store the
 * documents a sync of ours stored, written again by a bare loop of `put`s, with the indexes RxDB's
 * Dexie storage gives them and without any. The page functions run in Chromium (passed by
 * Playwright as source), so each carries what it uses.
 */
import type { Browser } from '@playwright/test';
import { PULL_BATCH } from '../../src/domain/sync/api';

/** A collection as RxDB's Dexie storage keeps it in IndexedDB: its object store's key path and indexes, and its documents. */
export interface Stored {
  collection: string;
  keyPath: string;
  indexes: Array<{ name: string; keyPath: string | string[] }>;
  docs: unknown[];
}

/** Runs in the page after a first sync: the documents of the directory's and the cards' databases, as stored. */
export async function readStored(): Promise<Stored[]> {
  const asked = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => /^rxdb-dexie-cpts--\d+--(members|requests)$/.test(n));
  const stored: Stored[] = [];
  for (const name of names) {
    const db = await asked(indexedDB.open(name));
    const store = db.transaction('docs').objectStore('docs');
    const indexes = [...store.indexNames].map((index) => ({ name: index, keyPath: store.index(index).keyPath }));
    stored.push({ collection: name.split('--').pop()!, keyPath: store.keyPath as string, indexes, docs: await asked(store.getAll()) });
    db.close();
  }
  return stored;
}

/**
 * Runs in a fresh page: writes `stored` as a bare loop of IndexedDB `put`s would (no RxDB, no Dexie,
 * the values parsed before the clock), one database per collection as RxDB's Dexie storage has, in
 * transactions of one pull page each, the collections at once as the app's replications write them.
 * Without `indexes`, the object stores have none: what the values alone take. Resolves with the ms.
 */
async function writeBare({ stored, indexes, page }: { stored: Stored[]; indexes: boolean; page: number }): Promise<number> {
  const asked = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
  const dbs = await Promise.all(
    stored.map((s) => {
      const open = indexedDB.open(`bare-${s.collection}`, 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('docs', { keyPath: s.keyPath });
        if (indexes) for (const index of s.indexes) store.createIndex(index.name, index.keyPath);
      };
      return asked(open);
    }),
  );
  const start = performance.now();
  await Promise.all(
    stored.map(async (s, k) => {
      for (let i = 0; i < s.docs.length; i += page) {
        await new Promise<void>((resolve, reject) => {
          const transaction = dbs[k].transaction('docs', 'readwrite');
          const store = transaction.objectStore('docs');
          for (const doc of s.docs.slice(i, i + page)) store.put(doc);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });
      }
    }),
  );
  return performance.now() - start;
}

/** `stored` written by `writeBare` in a fresh profile (on the app's origin). */
async function bare(browser: Browser, url: string, stored: Stored[], indexes: boolean): Promise<number> {
  const context = await browser.newContext({ baseURL: url });
  try {
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const page = await context.newPage();
    await page.goto('/favicon.svg');
    return await page.evaluate(writeBare, { stored, indexes, page: PULL_BATCH });
  } finally {
    await context.close();
  }
}

export interface BareFloor {
  withIndexes: number[];
  withoutIndexes: number[];
  /** The stored documents' size as JSON. */
  storedKb: number;
}

/** `runs` writes of `stored` with the indexes and as many without, alternated. */
export async function bareFloor(browser: Browser, url: string, stored: Stored[], runs: number): Promise<BareFloor> {
  const floor: BareFloor = { withIndexes: [], withoutIndexes: [], storedKb: Math.round(JSON.stringify(stored).length / 1024) };
  for (let run = 0; run < runs; run++) {
    for (const indexes of run % 2 === 0 ? [true, false] : [false, true]) (indexes ? floor.withIndexes : floor.withoutIndexes).push(await bare(browser, url, stored, indexes));
  }
  return floor;
}
