/**
 * The encrypted local database of patient data (patient blocks and threads): fields that name or
 * describe the patient are encrypted at rest (RxDB's crypto-js plugin) with a password derived from
 * the device key, so it opens only once the key is here; wiped at logout like the other one.
 */
import { addRxPlugin, removeRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBCleanupPlugin } from 'rxdb/plugins/cleanup';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { knownPatientMigrations, knownPatientSchema, type KnownPatient } from '../domain/requests/known-patient-schema';
import { CASE_DATABASE_NAME } from '../config';
import { databaseKey, keyState } from '../protection/device-key';
import { CASE_COLLECTIONS } from './case-collections';
import { dropIndexedDbFiles, storage, type Collections } from './database';
import { openEncryptedDatabase } from './encrypted-database';

/** The replicated patient blocks and threads, and the device's own list of its user's patients (never replicated). */
export type CaseCollections = Pick<Collections, 'patients' | 'messages'> & { knownPatients: RxCollection<KnownPatient> };
export type CaseDatabase = RxDatabase<CaseCollections>;

addRxPlugin(RxDBCleanupPlugin);
// Loaded after the route, patient data always comes with its migrations (database.ts decides for the other one).
addRxPlugin(RxDBMigrationSchemaPlugin);

const encrypted = (s: RxStorage<unknown, unknown>) => wrappedKeyEncryptionCryptoJsStorage({ storage: s });

let opening: Promise<CaseDatabase> | null = null;

/** Opened under the key's password; data left under a key since replaced is dropped and pulled again. */
async function open(): Promise<CaseDatabase> {
  const { password } = await databaseKey();
  return openEncryptedDatabase<CaseCollections>({
    name: CASE_DATABASE_NAME,
    storage: await storage(encrypted),
    password,
    collections: { ...CASE_COLLECTIONS, knownPatients: { schema: knownPatientSchema, migrationStrategies: knownPatientMigrations } },
    // A closed case purged from devices arrives as a deletion without data; its trace goes after a day.
    cleanupPolicy: { minimumDeletedTime: 24 * 3_600_000 },
  });
}

/** The patient-data database, once the device key is here (it waits for it). */
export function getCaseDatabase(): Promise<CaseDatabase> {
  if (!opening) {
    opening = open().catch((err: unknown) => {
      opening = null;
      throw err;
    });
  }
  return opening;
}

/** The patient-data database, or null at once when the device key is locked away (offline start without PIN). */
export function caseDatabaseUnlessLocked(): Promise<CaseDatabase | null> {
  return keyState().kind === 'locked' ? Promise.resolve(null) : getCaseDatabase();
}

/** Deletes the patient data of this device (logout, another account signing in), with or without the key. */
export async function wipeCaseDatabase(): Promise<void> {
  const current = opening;
  opening = null;
  const db = keyState().kind === 'ready' && current ? await current.catch(() => null) : null;
  if (db) await db.remove();
  // Without the key the files cannot be opened, but they can be removed.
  else await removeRxDatabase(CASE_DATABASE_NAME, getRxStorageDexie(), true).catch(() => undefined);
  dropIndexedDbFiles(CASE_DATABASE_NAME);
}
