/**
 * Where the integration tests keep their data: each server's embedded PouchDB Server, or, when
 * COUCHDB_URL is set (`npm run test:couchdb`, `test:cluster`), that Apache CouchDB. Either way a
 * test server's databases carry a prefix of its own under the run's, so that test files and runs
 * can share one CouchDB, and every run goes through COUCHDB_PREFIX.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nano from 'nano';
import { connect, type Couch } from '../storage/couch';
import { startEmbeddedDatabase } from '../storage/embedded';
import { prepareDatabases } from '../storage/storage';
import { testLog } from './log';

const COUCHDB_URL = process.env.COUCHDB_URL || undefined;

/** Whether the tests run on Apache CouchDB: the tests of the embedded database itself are then skipped. */
export const onCouchDb = COUCHDB_URL !== undefined;

/** The run's prefix, drawn once by the global set-up (`couchdb-run.ts`); a process started without it draws its own. */
export const runPrefix = (): string => (process.env.TEST_COUCHDB_RUN ??= `t${randomBytes(3).toString('hex')}_`);

const PREFIX_FILE = 'test-couchdb-prefix';

/**
 * What a server or a command on `dataDir` needs to find its databases: a prefix drawn at the first
 * start and kept in `dataDir`, so that a restart (or a command) on the same directory finds the same
 * databases, and on CouchDB its URL (without it, the embedded database of `dataDir`).
 */
export function storageEnv(dataDir: string): { COUCHDB_PREFIX: string; COUCHDB_URL?: string } {
  const file = path.join(dataDir, PREFIX_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${runPrefix()}${randomBytes(3).toString('hex')}_`);
  }
  const prefix = readFileSync(file, 'utf8');
  return COUCHDB_URL ? { COUCHDB_URL, COUCHDB_PREFIX: prefix } : { COUCHDB_PREFIX: prefix };
}

/** Deletes the tests' CouchDB databases whose names start with `prefix`, so that runs leave nothing behind. */
export async function dropDatabases(prefix: string): Promise<void> {
  if (!COUCHDB_URL || !prefix) return;
  const couch = nano(COUCHDB_URL);
  for (const name of await couch.db.list()) if (name.startsWith(prefix)) await couch.db.destroy(name);
}

export interface TestDatabase {
  /** The configuration that points at it. */
  env: { COUCHDB_URL: string; COUCHDB_PREFIX: string };
  /** Stops the embedded database, or deletes the databases from CouchDB. */
  stop(): Promise<void>;
}

/** A database server for a test that starts no server: the embedded PouchDB Server in `dir`, or the tests' CouchDB. */
export async function startTestDatabase(dir: string): Promise<TestDatabase> {
  const { COUCHDB_PREFIX } = storageEnv(dir);
  if (COUCHDB_URL) return { env: { COUCHDB_URL, COUCHDB_PREFIX }, stop: () => dropDatabases(COUCHDB_PREFIX) };
  const embedded = await startEmbeddedDatabase(dir, testLog);
  return { env: { COUCHDB_URL: embedded.url, COUCHDB_PREFIX }, stop: () => embedded.stop() };
}

/** `startTestDatabase` with the application's databases prepared, and a connection to them. */
export type PreparedDatabase = TestDatabase & { couch: Couch };

export async function startPreparedDatabase(dir: string): Promise<PreparedDatabase> {
  const database = await startTestDatabase(dir);
  const couch = connect(database.env.COUCHDB_URL, database.env.COUCHDB_PREFIX);
  await prepareDatabases(couch, testLog);
  return { ...database, couch };
}
