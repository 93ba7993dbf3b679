/** RxDB clients in Node (memory storage) replicating through the gateway, as the browser does: the directory, and patient data encrypted at rest. */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBCleanupPlugin } from 'rxdb/plugins/cleanup';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { memberSchema, type Member } from '../../src/domain/members/schema';
import { messageSchema, type RequestMessage } from '../../src/domain/requests/message-schema';
import { patientSchema, type PatientBlock } from '../../src/domain/requests/patient-schema';

let counter = 0;

export interface NodeReplica {
  db: RxDatabase;
  replication: RxCouchDBReplicationState<Member>;
  errors: unknown[];
  close(): Promise<void>;
}

/** `cookie()` is read at every request so a test can log out or swap the session under a running replication. */
export async function nodeReplica(baseUrl: string, cookie: () => string): Promise<NodeReplica> {
  const db = await createRxDatabase({ name: `replica${++counter}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections({ members: { schema: memberSchema } });
  const fetchWithSession = async (url: string | URL | Request, init?: RequestInit) => {
    const res = await fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: cookie() } });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    return res;
  };
  const replication = replicateCouchDB<Member>({
    replicationIdentifier: `members-${counter}`,
    collection: db.members,
    url: `${baseUrl}/api/sync/members/`,
    live: true,
    retryTime: 500,
    fetch: fetchWithSession as typeof fetch,
    pull: { batchSize: 200 },
    push: { batchSize: 50 },
  });
  const errors: unknown[] = [];
  replication.error$.subscribe((e) => errors.push(e));
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
  await db.addCollections({ patients: { schema: patientSchema }, messages: { schema: messageSchema } });
  // Closing aborts the pending long-polls: the server would otherwise hold them until their timeout.
  const closing = new AbortController();
  const fetchWithSession = async (url: string | URL | Request, init?: RequestInit) => {
    const signal = init?.signal ? AbortSignal.any([init.signal, closing.signal]) : closing.signal;
    const res = await fetch(url, { ...init, signal, headers: { ...(init?.headers as Record<string, string>), cookie: cookie() } });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    return res;
  };
  const errors: unknown[] = [];
  const replications = (['patients', 'messages'] as const).map((name) => {
    const replication = replicateCouchDB<unknown>({
      replicationIdentifier: `${name}-${n}`,
      collection: db[name] as unknown as RxCollection<unknown>,
      url: `${baseUrl}/api/sync/${name}/`,
      live: true,
      retryTime: 500,
      fetch: fetchWithSession as typeof fetch,
      pull: { batchSize: 200 },
      push: { batchSize: 50 },
    });
    replication.error$.subscribe((e) => errors.push(e));
    return replication;
  });
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
