/** An RxDB client in Node (memory storage) replicating `members` through the gateway, as the browser does. */
import { createRxDatabase, type RxDatabase } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { memberSchema, type Member } from '../../src/domain/members/schema';

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
