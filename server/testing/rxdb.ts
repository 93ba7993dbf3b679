/** RxDB clients in Node (memory storage) replicating through the gateway, as the browser does: the directory, and patient data encrypted at rest. */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBCleanupPlugin } from 'rxdb/plugins/cleanup';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { memberMigrations, memberSchema, type Member } from '../../src/domain/members/schema';
import { messageMigrations, messageSchema, type RequestMessage } from '../../src/domain/requests/message-schema';
import { patientSchema, type PatientBlock } from '../../src/domain/requests/patient-schema';

let counter = 0;
// Schemas past version 0 need their migrations, as in the app.
addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * A fetch as the app's: the session cookie read at every request (a test can log out or swap it),
 * `signal()` (read at every request) aborting it, and a refusal or server error thrown, so the
 * replication reports it and retries.
 */
export function sessionFetch(cookie: () => string, signal?: () => AbortSignal): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    const own = signal?.();
    const abort = own && init?.signal ? AbortSignal.any([init.signal, own]) : (own ?? init?.signal);
    const res = await fetch(url, { ...init, signal: abort, headers: { ...(init?.headers as Record<string, string>), cookie: cookie() } });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    return res;
  }) as typeof fetch;
}

/** One collection replicating live through the gateway, as in the app; its errors go to `errors`. */
export function gatewayReplication<T>(options: {
  baseUrl: string;
  name: string;
  collection: RxCollection<T>;
  identifier: string;
  fetch: typeof fetch;
  errors: unknown[];
  retryTime: number;
  pushBatch: number;
}): RxCouchDBReplicationState<T> {
  const replication = replicateCouchDB<T>({
    replicationIdentifier: options.identifier,
    collection: options.collection,
    url: `${options.baseUrl}/api/sync/${options.name}/`,
    live: true,
    retryTime: options.retryTime,
    fetch: options.fetch,
    pull: { batchSize: 200 },
    push: { batchSize: options.pushBatch },
  });
  replication.error$.subscribe((e) => options.errors.push(e));
  return replication;
}

export interface NodeReplica {
  db: RxDatabase;
  replication: RxCouchDBReplicationState<Member>;
  errors: unknown[];
  close(): Promise<void>;
}

/** `cookie()` is read at every request so a test can log out or swap the session under a running replication. */
export async function nodeReplica(baseUrl: string, cookie: () => string): Promise<NodeReplica> {
  const db = await createRxDatabase({ name: `replica${++counter}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections({ members: { schema: memberSchema, migrationStrategies: memberMigrations } });
  const errors: unknown[] = [];
  const replication = gatewayReplication<Member>({
    baseUrl,
    name: 'members',
    collection: db.members,
    identifier: `members-${counter}`,
    fetch: sessionFetch(cookie),
    errors,
    retryTime: 500,
    pushBatch: 50,
  });
  return {
    db,
    replication,
    errors,
    async close() {
      await replication.cancel();
      await db.close();
    },
  };
}

export interface CaseReplica {
  db: RxDatabase<{ patients: RxCollection<PatientBlock>; messages: RxCollection<RequestMessage> }>;
  replications: RxCouchDBReplicationState<unknown>[];
  errors: unknown[];
  close(): Promise<void>;
}

addRxPlugin(RxDBCleanupPlugin);

/** `patients` and `messages` as a device holds them: identity and text encrypted at rest under `password`. */
export async function nodeCaseReplica(baseUrl: string, cookie: () => string, password = 'mot-de-passe-de-test-0123456789'): Promise<CaseReplica> {
  const n = ++counter;
  const db = await createRxDatabase<CaseReplica['db'] extends RxDatabase<infer C> ? C : never>({
    name: `cases${n}`,
    storage: wrappedKeyEncryptionCryptoJsStorage({ storage: getRxStorageMemory() }),
    password,
    multiInstance: false,
  });
  await db.addCollections({ patients: { schema: patientSchema }, messages: { schema: messageSchema, migrationStrategies: messageMigrations } });
  // Closing aborts the pending long-polls: the server would otherwise hold them until their timeout.
  const closing = new AbortController();
  const fetchWithSession = sessionFetch(cookie, () => closing.signal);
  const errors: unknown[] = [];
  const replications = (['patients', 'messages'] as const).map((name) =>
    gatewayReplication({ baseUrl, name, collection: db[name] as RxCollection, identifier: `${name}-${n}`, fetch: fetchWithSession, errors, retryTime: 500, pushBatch: 50 }),
  );
  return {
    db,
    replications,
    errors,
    async close() {
      await Promise.all(replications.map((r) => r.cancel()));
      closing.abort();
      await db.close();
    },
  };
}
