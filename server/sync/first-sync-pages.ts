/**
 * The pages of a device's first sync that go through a user's documents in id order rather than the
 * change feed: the `by_reader` view, or a collection held in memory. Their checkpoint is a cursor
 * (`i:<seq>:<last id>`); the last page hands over to the change feed from the sequence taken before
 * the first page, so what changed meanwhile comes again rather than being missed.
 */
import type { Db } from '../storage/couch';
import type { StoredDoc } from '../storage/docs';
import type { ChangeRow } from '../storage/changes';

export interface Cursor {
  snapshot: string | number;
  after: string;
}

/** `i:<sequence>:<last document id>`: where a first sync in id order stands. */
export function parseCursor(since: string | number): Cursor | undefined {
  if (typeof since !== 'string' || !since.startsWith('i:')) return undefined;
  const [, seq, after] = since.split(':');
  return { snapshot: /^[0-9]+$/.test(seq) ? Number(seq) : seq, after: after ?? '' };
}

/**
 * A collection's current documents held in memory by a change-feed follower (the dispatcher's
 * directory): everything up to `seq` is in, maybe more.
 */
export interface DocsInMemory {
  readonly seq: string | number;
  /** The stored documents (`_id`, `_rev` and fields) whose ids sort after `after`, in id order. */
  after(after: string): Iterable<Record<string, unknown>>;
}

/** A stored document in id order (a view row may come without its document). */
export interface Entry {
  id: string;
  doc?: Record<string, unknown>;
}

/**
 * A member's documents through the collection's `by_reader` view after `after`, read `batch` rows at
 * a time. Each read starts at `after` itself, left out: no key sorts just after it in a view, where
 * Apache CouchDB's collation (ICU) ignores a `\u0000` suffix.
 */
export async function* readerView(db: Db<StoredDoc>, collection: string, memberId: string, after: string, batch: number): AsyncIterable<Entry> {
  for (;;) {
    const res = await db.view(collection, 'by_reader', { startkey: [memberId, after], endkey: [memberId, {}], limit: batch + 1, include_docs: true } as never);
    const rows: Entry[] = res.rows;
    for (const row of rows) if (row.id !== after) yield row;
    if (rows.length <= batch) return;
    after = rows[rows.length - 1].id;
  }
}

/** The documents held in memory after `after`. */
export function* inMemory(memory: DocsInMemory, after: string): Iterable<Entry> {
  for (const doc of memory.after(after)) yield { id: String(doc._id), doc };
}

/**
 * One page: the entries `relayed` keeps, up to `limit`. A page is full unless the documents are
 * done (RxDB takes a short page for the end of its pull).
 */
export async function firstSyncPage(entries: AsyncIterable<Entry> | Iterable<Entry>, cursor: Cursor, limit: number, relayed: (entry: Entry) => ChangeRow | undefined): Promise<{ results: ChangeRow[]; last_seq: string | number }> {
  const results: ChangeRow[] = [];
  for await (const entry of entries) {
    const row = relayed(entry);
    if (row) results.push(row);
    if (results.length >= limit) return { results, last_seq: `i:${cursor.snapshot}:${entry.id}` };
  }
  return { results, last_seq: cursor.snapshot };
}
