/**
 * A device in Node that replicates like the app — its collections with their conflict handlers, and
 * the store of edits lost to conflicts — and that can go offline (its replications stopped, writes
 * kept locally) and come back (replications restarted from their checkpoints), as the app does.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { CASE_COLLECTIONS } from '../../src/data/case-collections';
import { SHARED_COLLECTIONS } from '../../src/data/database';
import { recordConflict } from '../../src/data/lost-edits-store';
import { sparingPullBookkeeping } from '../../src/data/pull-bookkeeping';
import { bookkeepingName, keepingPullOrigin, replicationIdentifier } from '../../src/data/pull-origin';
import { gatewayReplication, sessionFetch } from './rxdb';

const COLLECTIONS = { ...SHARED_COLLECTIONS, ...CASE_COLLECTIONS };
export type CollectionName = keyof typeof COLLECTIONS;

addRxPlugin(RxDBLocalDocumentsPlugin);
let counter = 0;

export interface OfflineDevice {
  db: RxDatabase;
  collection(name: CollectionName): RxCollection;
  /** Conflicts the replication resolved, and errors it reported, since the device started. */
  conflicts: number;
  errors: unknown[];
  online(): void;
  /** Stops the replications; local writes wait in the database. */
  offline(): Promise<void>;
  /** Every local write sent and every pulled page stored, and every conflict recorded; rejects after `timeoutMs`. */
  inSync(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function offlineDevice(baseUrl: string, cookie: () => string, names: readonly CollectionName[]): Promise<OfflineDevice> {
  const id = ++counter;
  // Patient data is encrypted on devices (its schemas say which fields), so the storage needs a password.
  // Around it, the app's own wrappers: the pull's mark kept, and the pull's bookkeeping of documents
  // stored as pulled left unwritten (the app leaves it out for the directory and the cards only).
  const storage = sparingPullBookkeeping(keepingPullOrigin(wrappedKeyEncryptionCryptoJsStorage({ storage: getRxStorageMemory() })), bookkeepingName);
  const db = await createRxDatabase({ name: `offline-device${id}`, storage, password: 'offline-device-test-key', multiInstance: false, localDocuments: true });
  await db.addCollections(Object.fromEntries(names.map((name) => [name, COLLECTIONS[name]])));
  // Going offline drops the connections, the waiting long-polls included.
  let connections = new AbortController();
  const fetchWithSession = sessionFetch(cookie, () => connections.signal);
  let replications: RxCouchDBReplicationState<unknown>[] = [];
  const recordings = new Set<Promise<unknown>>();
  const device: OfflineDevice = {
    db,
    collection: (name) => db[name] as RxCollection,
    conflicts: 0,
    errors: [],
    online() {
      if (replications.length) return;
      replications = names.map((name) => {
        // The same identifier at every start: it resumes from the stored checkpoints, as the app.
        const identifier = replicationIdentifier(name);
        const replication = gatewayReplication<unknown>({ baseUrl, name, collection: db[name] as RxCollection, identifier, fetch: fetchWithSession, errors: device.errors, retryTime: 300, pushBatch: 50 });
        replication.conflict$.subscribe((conflict) => {
          device.conflicts++;
          const recording = recordConflict(db, name, conflict).catch((e: unknown) => device.errors.push(e));
          recordings.add(recording);
          void recording.finally(() => recordings.delete(recording));
        });
        return replication;
      });
    },
    async offline() {
      const stopping = replications;
      replications = [];
      await Promise.all(stopping.map((r) => r.cancel()));
      connections.abort();
      connections = new AbortController();
    },
    async inSync(timeoutMs = 60_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`device not in sync after ${timeoutMs} ms`)), timeoutMs)));
      try {
        await Promise.race([Promise.all(replications.map((r) => r.awaitInSync())), timeout]);
        await Promise.all([...recordings]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await device.offline();
      await db.close();
    },
  };
  return device;
}
