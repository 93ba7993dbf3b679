/** Shapes of the CouchDB rows the gateway relays, and the cleaning that keeps internals from clients. */

export interface ChangeRow {
  id: string;
  seq: string | number;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}

/** Design and local documents never reach clients; internal fields are dropped. */
export function isInternalId(id: string): boolean {
  return id.startsWith('_');
}

export function cleanDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { _attachments, _conflicts, _revisions, _revs_info, _deleted_conflicts, _local_seq, ...rest } = doc;
  return rest;
}

/** A change row with its document cleaned, or undefined when it must not be relayed at all. */
export function relayableRow(row: ChangeRow): (ChangeRow & { doc: Record<string, unknown> }) | undefined {
  if (isInternalId(row.id) || !row.doc) return undefined;
  // A bare tombstone has no body to decide who may read it (deletions here keep their body).
  if (row.deleted && Object.keys(row.doc).every((k) => k.startsWith('_'))) return undefined;
  const out: ChangeRow & { doc: Record<string, unknown> } = { id: row.id, seq: row.seq, changes: row.changes, doc: cleanDoc(row.doc) };
  if (row.deleted) out.deleted = true;
  return out;
}

/** The document as RxDB and the shared validator see it: primary key `id`, no `_id`/`_rev`. */
export function toDomainDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id, _rev, ...rest } = cleanDoc(doc);
  return { id: _id, ...rest };
}
