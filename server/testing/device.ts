/**
 * A device in Node for tests: RxDB (memory storage) with the care-request collections (`requests`,
 * `patients`, `messages`) replicating live through the gateway, as the browser app does; writes go
 * to the local database first and are pushed (and retried) by the replication.
 */
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { messageMigrations, messageSchema } from '../../src/domain/requests/message-schema';
import { patientSchema } from '../../src/domain/requests/patient-schema';
import { requestMigrations, requestSchema } from '../../src/domain/requests/schema';
import { gatewayReplication, sessionFetch } from './rxdb';

/** The app encrypts patient data at rest on the device (`encrypted` fields); what the server receives is the same without it. */
function plain<T extends object>(schema: T): T {
  const { encrypted: _onDeviceOnly, ...rest } = schema as T & { encrypted?: string[] };
  return rest as T;
}
const COLLECTIONS = { requests: plain(requestSchema), patients: plain(patientSchema), messages: plain(messageSchema) } as const;
type Name = keyof typeof COLLECTIONS;

let counter = 0;

export interface Device {
  db: RxDatabase;
  collection(name: Name): RxCollection;
  /** Errors the replications reported (a server gone away shows here, then the replication retries). */
  errors: unknown[];
  /** Resolves once every local write is on the server and the pulls have caught up; rejects after `timeoutMs`. */
  inSync(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** `names`: the collections it keeps (RxDB's open-source build allows 13 open at once in a process). */
export async function startDevice(baseUrl: string, cookie: () => string, names: Name[] = ['requests', 'patients', 'messages']): Promise<Device> {
  const id = ++counter;
  const db = await createRxDatabase({ name: `device${id}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections(Object.fromEntries(Object.entries(COLLECTIONS).filter(([name]) => names.includes(name as Name)).map(([name, schema]) => [name, { schema, ...(name === 'requests' ? { migrationStrategies: requestMigrations } : name === 'messages' ? { migrationStrategies: messageMigrations } : {}) }])));
  const fetchWithSession = sessionFetch(cookie);
  const errors: unknown[] = [];
  const replications = names.map((name) =>
    gatewayReplication<unknown>({ baseUrl, name, collection: db[name] as RxCollection, identifier: `${name}-device${id}`, fetch: fetchWithSession, errors, retryTime: 300, pushBatch: 20 }),
  );
  return {
    db,
    collection: (name) => db[name] as RxCollection,
    errors,
    async inSync(timeoutMs = 60_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`device not in sync after ${timeoutMs} ms`)), timeoutMs)));
      try {
        await Promise.race([Promise.all(replications.map((r) => r.awaitInSync())), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.all(replications.map((r) => r.cancel()));
      await db.close();
    },
  };
}
