/** The cleaning of the change rows the gateway relays, which keeps internals from clients. */
import type { ChangeRow } from '../storage/changes';
import { cleanDoc, toDomainDoc } from '../storage/docs';

/** Design and local documents never reach clients; internal fields are dropped. */
export function isInternalId(id: string): boolean {
  return id.startsWith('_');
}


/** A collection policy's `withdrawn`: the stub devices get instead of a document, or undefined. */
type Withdrawn = (doc: never) => object | undefined;

/**
 * A change row with its document cleaned, or undefined when it must not be relayed at all. A
 * document withdrawn from devices (`withdrawn`, the collection policy's) goes as a deletion without
 * its data, which still names its readers.
 */
export function relayableRow(row: ChangeRow, withdrawn?: Withdrawn): (ChangeRow & { doc: Record<string, unknown> }) | undefined {
  if (isInternalId(row.id) || !row.doc) return undefined;
  // A bare tombstone has no body to decide who may read it (deletions here keep their body).
  if (row.deleted && Object.keys(row.doc).every((k) => k.startsWith('_'))) return undefined;
  const clean = cleanDoc(row.doc);
  const stub = row.deleted ? undefined : withdrawn?.(toDomainDoc(clean) as never);
  if (stub) {
    const { id, ...fields } = stub as Record<string, unknown>;
    return { id: row.id, seq: row.seq, changes: row.changes, deleted: true, doc: { ...fields, _id: row.id, _rev: clean._rev, _deleted: true } };
  }
  const out: ChangeRow & { doc: Record<string, unknown> } = { id: row.id, seq: row.seq, changes: row.changes, doc: clean };
  if (row.deleted) out.deleted = true;
  return out;
}

/** Whether a relayed document is a withdrawn one's stub (no patient data: not a read to audit). */
export function isWithdrawnStub(doc: Record<string, unknown> | null | undefined): boolean {
  return Boolean(doc?._deleted && doc.purgedFromDevices);
}
