/**
 * Keeps RxDB's mark on the documents a pull inserts. RxDB 17.6 marks what its pull writes locally
 * (`_meta.o`), so that a pull interrupted between writing a document and writing its replication
 * bookkeeping (the app closed while the directory loads) is completed by the next pull; without the
 * mark, the next pulls take the document for an unsent local edit and ignore every later version
 * from the server, for good. But RxDB's storage layer replaces `_meta` on an insert, so the first
 * version of every document loses the mark. This wrapper puts it back on the pull's inserts.
 */
import { defaultHashSha256, type RxStorage, type RxStorageInstance, type RxStorageInstanceCreationParams } from 'rxdb';

/** RxDB's write context of a pull (its downstream), followed by the replication's checkpoint key. */
export const PULL_WRITE = 'replication-downstream-';

/** The identifier of a collection's replication with the server (its checkpoints are stored under it). */
export function replicationIdentifier(collection: string): string {
  return `gateway-${collection}-v1`;
}

/** How RxDB names the origin of a pull's writes: the hash of its internal replication identifier. */
export function pullOrigin(collection: string): Promise<string> {
  return defaultHashSha256('rxdbreplication' + replicationIdentifier(collection));
}

/** How RxDB names the storage of a collection's replication bookkeeping. */
export async function bookkeepingName(collection: string): Promise<string> {
  return 'rx-replication-meta-' + (await defaultHashSha256([collection, replicationIdentifier(collection)].join('-')));
}

export function keepingPullOrigin<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const instance: RxStorageInstance<RxDocType, Internals, Options> = await storage.createStorageInstance(params);
      const origin = pullOrigin(params.collectionName);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if (!context.startsWith(PULL_WRITE)) return bulkWrite(rows, context);
        const hash = await origin;
        // An insert is a document's first revision: its mark says revision 1 came from the pull.
        const marked = rows.map((row) => (row.previous ? row : { ...row, document: { ...row.document, _meta: { ...row.document._meta, o: { _rev: 1, hash } } } }));
        return bulkWrite(marked, context);
      };
      return instance;
    },
  };
}
