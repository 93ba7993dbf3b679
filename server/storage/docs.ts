/** Documents as stored and as the domain sees them: the one conversion between the two, and typed reads of nano's rows. */
import type { DocumentFetchResponse } from 'nano';
import { isNotFound, type Couch, type Db } from './couch';

/** A document as read from the database: its fields with `_id` and `_rev`. */
export type StoredDoc = Record<string, unknown>;

/** Internal fields never leave the server. */
export function cleanDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { _attachments, _conflicts, _revisions, _revs_info, _deleted_conflicts, _local_seq, ...rest } = doc;
  return rest;
}

/**
 * The document as RxDB and the shared validator see it: primary key `id`, no `_id`/`_rev`. `T` is
 * what the caller knows the database holds (the validation on write keeps it so).
 */
export function toDomainDoc<T = Record<string, unknown>>(doc: Record<string, unknown>): T {
  const { _id, _rev, ...rest } = cleanDoc(doc);
  return { id: _id, ...rest } as T;
}

/** One stored document, or `undefined` when it is absent or deleted (or its database not created yet). */
export async function getOrUndefined<T>(db: Db<T>, id: string): Promise<(T & { _id: string; _rev: string }) | undefined> {
  try {
    return (await db.get(id)) as T & { _id: string; _rev: string };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** One document as the domain sees it, or `undefined` when it is absent or deleted. */
export async function getDomainDoc<T>(couch: Couch, db: string, id: string): Promise<T | undefined> {
  const doc = await getOrUndefined(couch.use<StoredDoc>(db), id);
  return doc && toDomainDoc<T>(doc);
}

/** The documents a `fetch` by keys found, with the key each was asked by; absent and deleted ones left out. */
export function foundDocs<D>(res: DocumentFetchResponse<D>): Array<{ key: string; doc: D & { _id: string; _rev: string; _deleted?: boolean } }> {
  return res.rows.flatMap((row) => ('doc' in row && row.doc && !(row.doc as { _deleted?: boolean })._deleted ? [{ key: row.key, doc: row.doc }] : []));
}
