/** Opens storage (Apache CouchDB when COUCHDB_URL is set, otherwise the embedded PouchDB Server) and prepares its databases. */
import { memberSchemaLiteral } from '../../src/domain/members/schema';
import type { Config } from '../config';
import { safeUrl, type Logger } from '../log';
import { connect, ensureAdminOnly, ensureDatabase, ensureDesignDoc, type Couch, type DesignDoc } from './couch';
import { runningEmbeddedUrl, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';
import { validateDocUpdateSource } from './validate-doc-update';
import { REQUEST_DESIGN_DOCS } from '../requests/design';
import { SLOT_DESIGN_DOCS } from '../slots/store';

/** Replicated through the gateway: one database per client collection. */
export const REPLICATED_DATABASES = ['members', 'requests', 'messages', 'patients'] as const;
/** Never replicated: accounts, sessions, the server's own state. */
export const SERVER_DATABASES = ['accounts', 'sessions', 'server', 'registrations', 'verifications', 'audit', 'roster', 'push', 'uploads', 'alerts', 'device-keys', 'slots'] as const;

const DESIGN_DOCS: Record<string, DesignDoc[]> = {
  ...REQUEST_DESIGN_DOCS,
  ...SLOT_DESIGN_DOCS,
  members: [
    {
      _id: '_design/members',
      validate_doc_update: validateDocUpdateSource(memberSchemaLiteral),
      views: {
        // "rpps:10000000017", "siret:…": finds an entry by any of its national identifiers.
        by_identifier: {
          map: 'function (doc) { if (doc.identifiers && !doc._deleted) { for (var k in doc.identifiers) { emit(k + ":" + doc.identifiers[k], null); } } }',
        },
      },
    },
  ],
  accounts: [
    {
      _id: '_design/accounts',
      views: {
        by_email: { map: 'function (doc) { if (doc.email) { emit(doc.email.toLowerCase(), null); } }' },
        by_member: { map: 'function (doc) { if (doc.memberId) { emit(doc.memberId, null); } }' },
        // Active coordinators and admins, for the dispatcher's escalations (no scan of every account).
        by_role: {
          map: 'function (doc) { if (doc.memberId && doc.status === "active" && doc.roles) { doc.roles.forEach(function (r) { if (r === "coordinator" || r === "admin") { emit(r, doc.memberId); } }); } }',
        },
      },
    },
  ],
  registrations: [
    {
      _id: '_design/registrations',
      // The coordinators' queue: registrations by status, oldest first.
      views: { by_status: { map: 'function (doc) { if (doc.type === "registration") { emit([doc.status, doc.createdAt], null); } }' } },
    },
  ],
  push: [
    {
      _id: '_design/push',
      // A member's devices: the Web Push sender looks up all the alerted members in one query.
      views: { by_member: { map: 'function (doc) { if (doc.memberId && doc.endpoint) { emit(doc.memberId, null); } }' } },
    },
  ],
  sessions: [
    {
      _id: '_design/sessions',
      views: { by_account: { map: 'function (doc) { if (doc.accountId) { emit(doc.accountId, doc.expiresAt); } }' } },
    },
  ],
};

export interface Storage {
  couch: Couch;
  kind: 'embedded' | 'couchdb';
  /** Whether the database answers now. */
  ping(): Promise<boolean>;
  embedded?: EmbeddedDatabase;
  stop(): Promise<void>;
}

/** Creates the databases, their security objects and design documents that are missing; a second run changes nothing. */
export async function prepareDatabases(couch: Couch, log: Logger): Promise<number> {
  let changes = 0;
  const admin = decodeURIComponent(new URL(couch.url).username);
  for (const name of [...REPLICATED_DATABASES, ...SERVER_DATABASES]) {
    if (await ensureDatabase(couch, name, log)) changes++;
    if (await ensureAdminOnly(couch, name, admin)) changes++;
    for (const ddoc of DESIGN_DOCS[name] ?? []) {
      if (await ensureDesignDoc(couch.use(name), ddoc, log)) changes++;
    }
  }
  return changes;
}

export async function openStorage(config: Config, log: Logger): Promise<Storage> {
  const embedded = config.couchdbUrl ? undefined : await startEmbeddedDatabase(config.dataDir, log);
  const url = config.couchdbUrl ?? embedded!.url;
  if (config.couchdbUrl) log.info({ url: safeUrl(url) }, 'connexion à CouchDB');
  const couch = connect(url, config.couchdbPrefix, { origins: config.couchdbNodes, log });
  await prepareDatabases(couch, log);
  embedded?.onRestart(() => void prepareDatabases(couch, log).catch((err) => log.error({ err: err.message }, 'préparation après redémarrage')));
  return {
    couch,
    kind: embedded ? 'embedded' : 'couchdb',
    embedded,
    async ping() {
      if (embedded && !embedded.isUp()) return false;
      try {
        await couch.info();
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      await embedded?.stop();
    },
  };
}

/**
 * Storage for a command run beside the server (backup, restore, a first administrator): CouchDB
 * when configured, else the embedded database of DATA_DIR, through the running server's own
 * PouchDB Server when there is one (it holds the files), or started for the command otherwise.
 */
export async function openStorageForCommand(config: Config, log: Logger): Promise<Storage> {
  const running = config.couchdbUrl ? undefined : runningEmbeddedUrl(config.dataDir);
  if (!running) return openStorage(config, log);
  const couch = connect(running, config.couchdbPrefix);
  await prepareDatabases(couch, log);
  return { couch, kind: 'embedded', ping: async () => true, stop: async () => {} };
}
