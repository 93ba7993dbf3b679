/**
 * A push as RxDB's `replication-couchdb` makes it (read from its source): `POST _all_docs` with
 * the keys to read the server's state, then `POST _bulk_docs` with the server's `_rev` for the
 * documents that exist. For clients that are not RxDB (many simulated devices in one process).
 */
import type { Client } from './server';

export type StoredDoc = Record<string, unknown> & { _id: string; _rev?: string };
/** Per document: written (`ok`), found already there (`already`: a retry after an answer that was lost), or the row's error. */
export type PushOutcome = { ok: true; already?: boolean } | { ok: false; error: string; reason: string };

export class PushFailed extends Error {}

/**
 * `build(id, current)` gives the document to send knowing the server's version (undefined when
 * absent), or null when the server already holds this write. Throws `PushFailed` on a non-2xx answer.
 */
export async function pushLikeRxdb(
  client: Client,
  collection: string,
  ids: string[],
  build: (id: string, current: StoredDoc | undefined) => StoredDoc | null,
): Promise<Map<string, PushOutcome>> {
  const read = await client.request('POST', `/api/sync/${collection}/_all_docs`, { keys: ids, include_docs: true, deleted: 'ok' });
  if (read.status !== 200) throw new PushFailed(`_all_docs ${collection}: HTTP ${read.status} ${read.json?.error ?? ''}`.trim());
  const current = new Map<string, StoredDoc>();
  for (const row of read.json.rows as Array<{ key: string; doc?: StoredDoc | null }>) if (row.doc) current.set(row.key, row.doc);
  const outcomes = new Map<string, PushOutcome>();
  const docs: StoredDoc[] = [];
  for (const id of ids) {
    const doc = build(id, current.get(id));
    if (doc) docs.push(current.has(id) ? { ...doc, _rev: current.get(id)!._rev } : doc);
    else outcomes.set(id, { ok: true, already: true });
  }
  if (!docs.length) return outcomes;
  const written = await client.request('POST', `/api/sync/${collection}/_bulk_docs`, { docs });
  if (written.status !== 201) throw new PushFailed(`_bulk_docs ${collection}: HTTP ${written.status} ${written.json?.error ?? ''}`.trim());
  for (const row of written.json as Array<{ id: string; ok?: boolean; error?: string; reason?: string }>) {
    outcomes.set(row.id, row.ok ? { ok: true } : { ok: false, error: row.error ?? 'unknown', reason: row.reason ?? '' });
  }
  return outcomes;
}
