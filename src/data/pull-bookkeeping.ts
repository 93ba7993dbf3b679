/**
 * RxDB writes every pulled document twice: in its collection, and in the replication's bookkeeping
 * (the state the server has: how a pull tells an unsent local edit from a copy, and what a push
 * sends as the state it started from). A first sync is thus twice the writes, and on a phone those
 * writes are most of its time.
 *
 * For a document stored as pulled and not edited since, the two are the same: the document carries
 * the pull's mark for its current revision (`_meta.o`, pull-origin.ts). This wrapper leaves such
 * bookkeeping unwritten and answers for it from the document itself. A local edit of a pulled
 * document keeps a copy of the state it was pulled in (`_meta.m`), and so do the edits after it; the
 * copy answers until the replication writes real bookkeeping again (after the push). Bookkeeping that differs from the
 * document (a conflict resolved, an edit pushed) is written as RxDB writes it.
 *
 * `_meta` is not encrypted: only for collections without patient data.
 */
import { getHeightOfRevision, META_INSTANCE_SCHEMA_TITLE, type BulkWriteRow, type RxDocumentData, type RxStorage, type RxStorageInstance, type RxStorageInstanceCreationParams } from 'rxdb';
import { pullOrigin, PULL_WRITE } from './pull-origin';

type Doc = RxDocumentData<{ id: string }>;
type Meta = { _meta: Doc['_meta'] & { o?: { _rev: number; hash: string }; m?: Record<string, unknown> } };
/** A bookkeeping row (RxDB's `RxStorageReplicationMeta`). */
type MetaRow = RxDocumentData<{ id: string; isCheckpoint: string; itemId: string; docData?: unknown; isResolvedConflict?: string; checkpointData?: unknown }>;

/** The context RxDB's pull writes its bookkeeping with. */
const PULL_META_WRITE = 'replication-down-write-meta';
/** The revision of bookkeeping answered from a document (a write after it makes revision 1). */
const ANSWERED_REV = '0-answered';

/** A collection as this wrapper follows it: its storage, the pull's mark, and the ids the pull just stored. */
interface Followed {
  instance: RxStorageInstance<Doc, unknown, unknown>;
  origin: Promise<string>;
  /** Written by the pull, their bookkeeping not yet: it is left out when it comes. */
  justPulled: Set<string>;
}

/** The state of a document as the server sent it: the document without what the device keeps of its own. */
function serverState(doc: Doc): Record<string, unknown> {
  const state: Record<string, unknown> = { ...doc };
  delete state._meta;
  delete state._rev;
  delete state._attachments;
  return state;
}

/** The document is the pull's copy, unchanged since: its mark names the pull and its current revision. */
function isPulledCopy(doc: Doc & Meta, origin: string): boolean {
  return doc._meta.o?.hash === origin && doc._meta.o._rev === getHeightOfRevision(doc._rev);
}

/** The bookkeeping the replication would have stored, read from the document. */
function answered(id: string, itemId: string, doc: Doc & Meta, origin: string): MetaRow | undefined {
  const docData = isPulledCopy(doc, origin) ? serverState(doc) : doc._meta.m;
  if (!docData) return undefined;
  return { id, isCheckpoint: '0', itemId, docData, _deleted: false, _rev: ANSWERED_REV, _attachments: {}, _meta: { lwt: doc._meta.lwt } };
}

/** RxDB's name of a collection's bookkeeping: `rx-replication-meta-` and a hash of the collection and replication. */
export type BookkeepingName = (collection: string) => Promise<string>;

export function sparingPullBookkeeping<Internals, Options>(storage: RxStorage<Internals, Options>, bookkeepingName: BookkeepingName): RxStorage<Internals, Options> {
  /**
   * By database, name of the collection's bookkeeping and schema version: a schema upgrade opens a
   * collection's storage, and its bookkeeping's, at both versions.
   */
  const followed = new Map<string, Followed>();
  const key = (databaseName: string, bookkeeping: string, version: number) => `${databaseName}/${bookkeeping}@${version}`;
  return {
    ...storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const instance = await storage.createStorageInstance(params);
      const { databaseName, collectionName, schema } = params;
      if (schema.title === META_INSTANCE_SCHEMA_TITLE) {
        const collection = followed.get(key(databaseName, collectionName, schema.version));
        if (collection) spareBookkeeping(instance as unknown as RxStorageInstance<MetaRow, Internals, Options>, collection);
      } else if (!collectionName.startsWith('_')) {
        const collection: Followed = { instance: instance as unknown as Followed['instance'], origin: pullOrigin(collectionName), justPulled: new Set() };
        followed.set(key(databaseName, await bookkeepingName(collectionName), schema.version), collection);
        followWrites(collection);
      }
      return instance;
    },
  };
}

/** Notes what the pull stored; a local edit of a pulled copy keeps the state it was pulled in, and so do the edits after it. */
function followWrites(collection: Followed): void {
  const { instance, justPulled } = collection;
  const bulkWrite = instance.bulkWrite.bind(instance);
  instance.bulkWrite = async (rows, context) => {
    if (context.startsWith(PULL_WRITE)) {
      const result = await bulkWrite(rows, context);
      const failed = new Set(result.error.map((e) => e.documentId));
      for (const row of rows) if (!failed.has(row.document.id)) justPulled.add(row.document.id);
      return result;
    }
    for (const row of rows) justPulled.delete(row.document.id);
    // The stored versions, not the `previous` RxDB holds in memory: its copy of a document lacks
    // what the storage wrappers added (the pull's mark on an insert, the pulled state).
    const updated = rows.filter((row) => row.previous).map((row) => row.document.id);
    if (!updated.length) return bulkWrite(rows, context);
    const [stored, origin] = await Promise.all([instance.findDocumentsById(updated, true), collection.origin]);
    const byId = new Map(stored.map((doc) => [doc.id, doc as Doc & Meta]));
    const kept = rows.map((row) => {
      const now = row.previous && byId.get(row.document.id);
      const pulled = now && (isPulledCopy(now, origin) ? serverState(now) : now._meta.m);
      if (!pulled) return row;
      const document = row.document as Doc & Meta;
      return { ...row, document: { ...document, _meta: { ...document._meta, m: pulled } } } as typeof row;
    });
    return bulkWrite(kept, context);
  };
}

/** Leaves out the bookkeeping of what the pull just stored, and answers for it from the documents. */
function spareBookkeeping<Internals, Options>(meta: RxStorageInstance<MetaRow, Internals, Options>, collection: Followed): void {
  const find = meta.findDocumentsById.bind(meta);
  const bulkWrite = meta.bulkWrite.bind(meta);

  meta.findDocumentsById = async (ids, withDeleted) => {
    const stored = await find(ids, withDeleted);
    const have = new Set(stored.map((row) => row.id));
    // `<document id>|0`: a document's bookkeeping (`|1` are the checkpoints).
    const missing = ids.filter((id) => !have.has(id) && id.endsWith('|0'));
    if (!missing.length) return stored;
    const [docs, origin] = await Promise.all([collection.instance.findDocumentsById(missing.map((id) => id.slice(0, -2)), true), collection.origin]);
    const byId = new Map(docs.map((doc) => [doc.id, doc as Doc & Meta]));
    for (const id of missing) {
      const doc = byId.get(id.slice(0, -2));
      const row = doc && answered(id, doc.id, doc, origin);
      if (row) stored.push(row);
    }
    return stored;
  };

  meta.bulkWrite = async (rows, context) => {
    const written: Array<BulkWriteRow<MetaRow>> = [];
    for (const row of rows) {
      const itemId = row.document.itemId;
      const answeredBefore = !row.previous || row.previous._rev === ANSWERED_REV;
      const pulledCopy = context === PULL_META_WRITE && collection.justPulled.delete(itemId) && row.document.isCheckpoint === '0';
      if (pulledCopy && answeredBefore && !row.document.isResolvedConflict) continue;
      written.push(row.previous?._rev === ANSWERED_REV ? { document: row.document } : row);
    }
    if (!written.length) return { error: [] };
    return bulkWrite(written, context);
  };
}
