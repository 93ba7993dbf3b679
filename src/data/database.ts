/**
 * The local database (RxDB over Dexie/IndexedDB): its collections, opened once per page, and its
 * wiping at logout. Patient data (patient blocks, threads) lives apart, encrypted (case-database.ts,
 * its collections in case-collections.ts).
 */
import { addRxPlugin, createRxDatabase, removeCollectionStorages, removeRxDatabase, type RxCollection, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { loadRxdbDevMode, LOCAL_DATABASE_NAME } from '../config';
import { log } from '../log';
import { memberMigrations, memberSchema, type Member } from '../domain/members/schema';
import type { RequestMessage } from '../domain/requests/message-schema';
import type { PatientBlock } from '../domain/requests/patient-schema';
import { REQUEST_SERVER_FIELDS, requestMigrations, requestSchema, type CareRequest } from '../domain/requests/schema';
import { dexieSettings } from './fewer-reads';
import { bookkeepingName, keepingPullOrigin } from './pull-origin';
import { sparingPullBookkeeping } from './pull-bookkeeping';
import { readingWholeRanges } from './whole-reads';
import { latestUpdateWins, serverWinsUnlessEditable } from './conflict';

export type MemberCollection = RxCollection<Member>;
export interface Collections {
  members: MemberCollection;
  requests: RxCollection<CareRequest>;
  messages: RxCollection<RequestMessage>;
  patients: RxCollection<PatientBlock>;
}
/** The directory and the request cards: no patient identity, so usable without the device key. */
export type SharedCollections = Pick<Collections, 'members' | 'requests'>;
export type Database = RxDatabase<SharedCollections>;

let opening: Promise<Database> | null = null;
addRxPlugin(RxDBLocalDocumentsPlugin);

/**
 * A device that installed an earlier version keeps its data: each schema's migrations run when its
 * collection opens (RxDB's migration plugin). Their code loads only where there may be something to
 * carry over, on a device that already holds a database of this name; a fresh device's first visit
 * opens its collections without it. Resolves with whether the migrations run, and the plugin's
 * loading (to add before the collections, while the database is being created).
 */
export async function migrationsIfHeld(name: string): Promise<{ migrate: boolean; plugin: Promise<void> }> {
  const names = await indexedDB.databases?.().then(
    (all) => all.map((d) => d.name ?? ''),
    () => undefined,
  );
  // Where the browser cannot list its databases, they are assumed to be there.
  const migrate = !names || names.some((n) => n.startsWith(`rxdb-dexie-${name}--`));
  const plugin = migrate ? import('rxdb/plugins/migration-schema').then((m) => addRxPlugin(m.RxDBMigrationSchemaPlugin)) : Promise.resolve();
  return { migrate, plugin };
}

/** `collections` migrated when they open, or not (nothing stored to carry over, and the plugin absent). */
export function migrating<C extends Record<string, RxCollectionCreator>>(collections: C, migrate: boolean): C {
  return Object.fromEntries(Object.entries(collections).map(([name, creator]) => [name, { ...creator, autoMigrate: migrate }])) as C;
}

type Wrapper = (storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>;

/**
 * IndexedDB through Dexie, reading a whole query in one request (whole-reads.ts), under `wrap`
 * (e.g. encryption), keeping the mark of what a pull wrote (pull-origin.ts); with `spare`, leaving
 * unwritten the pull's bookkeeping of documents stored as pulled (pull-bookkeeping.ts: not for patient
 * data); under the dev server, wrapped by RxDB dev-mode's checks.
 */
export async function storage(wrap: Wrapper = (s) => s, { spare = false } = {}): Promise<RxStorage<unknown, unknown>> {
  const marked = keepingPullOrigin(wrap(readingWholeRanges(getRxStorageDexie(dexieSettings) as RxStorage<unknown, unknown>)));
  const dexie = spare ? sparingPullBookkeeping(marked, bookkeepingName) : marked;
  const devMode = await loadRxdbDevMode?.();
  return devMode ? devMode.withDevMode(dexie) : dexie;
}

async function open(): Promise<Database> {
  performance.mark('cpts:db-opening');
  // Looked at before the database exists: opening it creates its files.
  const { migrate, plugin } = await migrationsIfHeld(LOCAL_DATABASE_NAME);
  const db = await createRxDatabase<SharedCollections>({
    name: LOCAL_DATABASE_NAME,
    storage: await storage(undefined, { spare: true }),
    // Several tabs share the database; only the elected leader replicates.
    multiInstance: true,
    closeDuplicates: true,
    // Edits lost to conflicts are kept in a local document, never replicated (lost-edits-store.ts).
    localDocuments: true,
  });
  performance.mark('cpts:db-created');
  await plugin;
  await db.addCollections(migrating(SHARED_COLLECTIONS, migrate));
  performance.mark('cpts:db-opened');
  // Not awaited: no start waits for it (it read the database's list of collections twice, on a phone
  // about 100 ms). A fresh device holds nothing to drop.
  if (migrate) void dropCollectionsMovedOut(db);
  return db;
}

/**
 * Patient data was kept here, in clear, before it moved to the encrypted database: drop it (it comes
 * back there). Should this fail, it is reported, and the next opening tries again.
 */
async function dropCollectionsMovedOut(db: Database): Promise<void> {
  try {
    for (const name of ['patients', 'messages']) {
      await removeCollectionStorages(db.storage, db.internalStore, db.token, db.name, name, db.multiInstance, undefined, db.hashFunction);
    }
  } catch (err) {
    // Closed meanwhile (a logout wipes it all anyway) is not worth a report.
    if (!db.closed) log.error('clear-patient-data.drop', err);
  }
}

/** The collections of this database, exported for the Node tests that replicate like the app. */
export const SHARED_COLLECTIONS = {
  members: {
    schema: memberSchema,
    migrationStrategies: memberMigrations,
    // A member and a coordinator may both edit an entry: each side's changes are kept, and where both
    // changed a field the later `updatedAt` wins (conflict.ts). The default would drop an offline edit.
    // An address, a position and the identifiers are merged as wholes: their parts go together.
    conflictHandler: latestUpdateWins<Member>(['address', 'location', 'identifiers']),
  },
  // Written by the requester at creation, then by the server only (status, dispatch, readers): the
  // server wins, except for a draft edited here later than the server's copy.
  requests: {
    schema: requestSchema,
    migrationStrategies: requestMigrations,
    conflictHandler: serverWinsUnlessEditable<CareRequest>((m) => m.status === 'draft', REQUEST_SERVER_FIELDS.filter((f) => f !== 'status')),
  },
};

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
export function dropIndexedDbFiles(name = LOCAL_DATABASE_NAME): void {
  const prefix = `rxdb-dexie-${name}--`;
  indexedDB
    .databases?.()
    .then((all) => all.forEach(({ name }) => name?.startsWith(prefix) && indexedDB.deleteDatabase(name)))
    .catch(() => undefined);
}
