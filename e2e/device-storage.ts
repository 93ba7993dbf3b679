/** What the browser keeps on the device, read raw: to check that patient data is never stored in clear. */
import type { Page } from '@playwright/test';

/**
 * Every record of every IndexedDB database of the page, and localStorage/sessionStorage, searched
 * for each needle (case-insensitive): the raw bytes the browser keeps, not what the app shows.
 */
export async function storedOccurrences(page: Page, needles: string[]): Promise<Record<string, string[]>> {
  return page.evaluate(async (wanted) => {
    const found: Record<string, string[]> = Object.fromEntries(wanted.map((n) => [n, []]));
    const scan = (where: string, text: string) => {
      const lower = text.toLowerCase();
      for (const n of wanted) if (lower.includes(n.toLowerCase())) found[n].push(where);
    };
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const open = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
        for (const record of records) scan(`${name}/${store}`, JSON.stringify(record));
      }
      db.close();
    }
    for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < storage.length; i++) scan(label, `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    }
    return found;
  }, needles);
}
