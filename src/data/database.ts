/** The local database (RxDB over Dexie/IndexedDB): its collections, opened once per page, and its wiping at logout. */
import { createRxDatabase, removeRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { loadRxdbDevMode, LOCAL_DATABASE_NAME } from '../config';
import { memberSchema, type Member } from '../domain/members/schema';
import { messageSchema, type RequestMessage } from '../domain/requests/message-schema';
import { PATIENT_SERVER_FIELDS, patientSchema, type PatientBlock } from '../domain/requests/patient-schema';
import { REQUEST_SERVER_FIELDS, requestSchema, type CareRequest } from '../domain/requests/schema';
import { latestUpdateWins, serverAlwaysWins, serverWinsUnlessEditable } from './conflict';

export type MemberCollection = RxCollection<Member>;
export interface Collections {
  members: MemberCollection;
  requests: RxCollection<CareRequest>;
  messages: RxCollection<RequestMessage>;
  patients: RxCollection<PatientBlock>;
}
export type Database = RxDatabase<Collections>;

let opening: Promise<Database> | null = null;

/** IndexedDB through Dexie; under the dev server, wrapped by RxDB dev-mode's checks. */
async function storage(): Promise<RxStorage<unknown, unknown>> {
  const dexie = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const devMode = await loadRxdbDevMode?.();
  return devMode ? devMode.withDevMode(dexie) : dexie;
}

async function open(): Promise<Database> {
  const db = await createRxDatabase<Collections>({
    name: LOCAL_DATABASE_NAME,
    storage: await storage(),
    // Several tabs share the database; only the elected leader replicates.
    multiInstance: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    members: {
      schema: memberSchema,
      // A member and a coordinator may both edit an entry: the later `updatedAt` wins, the server on
      // a tie (see conflict.ts). The default would drop an offline edit whenever the server changed.
      conflictHandler: latestUpdateWins<Member>(),
    },
    // Written by the requester at creation, then by the server only (status, dispatch, readers): the
    // server wins, except for a draft edited here later than the server's copy.
    requests: {
      schema: requestSchema,
      conflictHandler: serverWinsUnlessEditable<CareRequest>((m) => m.status === 'draft', REQUEST_SERVER_FIELDS.filter((f) => f !== 'status')),
    },
    // Edited on the device only while its request is a draft (the block does not know the status).
    patients: {
      schema: patientSchema,
      conflictHandler: serverWinsUnlessEditable<PatientBlock>(() => true, PATIENT_SERVER_FIELDS),
    },
    // Append-only, one writer each: the server only adds `readers`.
    messages: { schema: messageSchema, conflictHandler: serverAlwaysWins<RequestMessage>() },
  });
  return db;
}

/** The database of this page, opened on first use. */
export function getDatabase(): Promise<Database> {
  if (!opening) {
    opening = open().catch((err: unknown) => {
      opening = null;
      throw err;
    });
  }
  return opening;
}

/** Deletes every local document and replication checkpoint (logout, or another account signing in). */
export async function wipeDatabase(): Promise<void> {
  const current = opening;
  opening = null;
  const db = current ? await current.catch(() => null) : null;
  if (db) await db.remove();
  else await removeRxDatabase(LOCAL_DATABASE_NAME, getRxStorageDexie(), true);
  dropIndexedDbFiles();
}

/**
 * RxDB's Dexie storage empties its IndexedDB databases but leaves them in place; drop them too.
 * Not awaited: a deletion waits for other tabs to close their connections (they reload on logout).
 */
function dropIndexedDbFiles(): void {
  const prefix = `rxdb-dexie-${LOCAL_DATABASE_NAME}--`;
  indexedDB
    .databases?.()
    .then((all) => all.forEach(({ name }) => name?.startsWith(prefix) && indexedDB.deleteDatabase(name)))
    .catch(() => undefined);
}
