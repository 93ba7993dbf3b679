/** The one path to storage: `nano` against Apache CouchDB or the embedded PouchDB Server, and the idempotent set-up of databases and design documents. */
import nano, { type DocumentScope, type RequestOptions } from 'nano';
import { Agent, RetryAgent } from 'undici';
import type { Logger } from '../log';
import type { StoredDoc } from './docs';
import { FailoverAgent } from './failover';

export type Db<T = StoredDoc> = DocumentScope<T>;

/**
 * The database server, seen through the names the application gives its databases (`members`,
 * `requests`…). Each is stored as the configured prefix followed by that name: the prefix is added
 * here, and no module outside storage knows it.
 */
export interface Couch {
  /** The server's address, with the admin's credentials. */
  readonly url: string;
  use<T>(name: string): Db<T>;
  /** The server's welcome (`GET /`): it answers, and with these credentials. */
  info(): Promise<unknown>;
  /** A request to one database (`db`, its name in the application), for what `use` does not offer. */
  request(opts: RequestOptions & { db: string }): Promise<unknown>;
}

export interface DesignDoc {
  _id: string;
  validate_doc_update?: string;
  views?: Record<string, { map: string; reduce?: string }>;
}

/**
 * A read whose connection drops before its answer (a kept-alive socket the database closed at the
 * same instant, a node of a cluster restarting) is sent again, twice at most; a write is never
 * resent here, as it may have been applied: its caller sees the error.
 */
export const READ_RETRIES = { maxRetries: 2, minTimeout: 50, maxTimeout: 500, methods: ['GET', 'HEAD'], statusCodes: [] } as const;

/**
 * Idle connections to the database are closed after 30 s at most, before the database closes them
 * (the embedded one keeps them 65 s): reused just as the other side closes it, a connection would cut
 * a write with no answer, which cannot be sent again safely.
 */
const IDLE_MS = 30_000;

/** The nodes of a cluster (their origins, in order of preference) and where to say that requests moved to another. */
export interface Nodes {
  origins: string[];
  log: Logger;
}

/**
 * `prefix`: put before every database name (COUCHDB_PREFIX), so several platforms or test runs
 * share one server. `nodes`: several nodes of one cluster, used one at a time, the next one when the
 * one in use cannot be reached (`failover.ts`).
 */
export function connect(url: string, prefix = '', nodes?: Nodes): Couch {
  const agent = new Agent({ keepAliveMaxTimeout: IDLE_MS });
  const target = nodes && nodes.origins.length > 1 ? new FailoverAgent(nodes.origins, (from, to) => nodes.log.warn({ from, to }, 'nœud CouchDB injoignable : les requêtes passent par un autre / CouchDB node unreachable: requests go to another'), agent) : agent;
  const dispatcher = new RetryAgent(target, { ...READ_RETRIES, methods: [...READ_RETRIES.methods], statusCodes: [] });
  // The database is beside the server: compressed answers (PouchDB Server gzips them) would cost
  // both processes CPU for every page of every sync and save nothing. (nano's own header name, which this replaces.)
  const server = nano({ url, headers: { 'Accept-Encoding': 'identity' }, agentOptions: dispatcher as never });
  return {
    url,
    use: (name) => server.use(prefix + name),
    info: () => server.info(),
    request: (opts) => server.request({ ...opts, db: prefix + opts.db }),
  };
}

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number }).statusCode;
}

/**
 * The shard ranges (CouchDB's `q`) of a database the platform creates on a cluster: one. A
 * platform's databases are small (a region's 16,000 members, tens of thousands of requests a
 * year), and every shard range is one more file each write, each read of the change feed and
 * each view query goes through: with one instead of CouchDB's default two, a three-node cluster of
 * the bench spent a quarter less CPU per write followed by six change feeds, and the feeds heard
 * of it sooner (`docs/scale.md`). Each range still has its three copies (`n`). A database that
 * grows can be split later, in place (CouchDB's `/_reshard`). PouchDB Server ignores the parameter.
 */
export const SHARD_RANGES = 1;

export async function ensureDatabase(couch: Couch, name: string, log: Logger): Promise<boolean> {
  try {
    await couch.request({ db: name, method: 'PUT', qs: { q: SHARD_RANGES } });
    log.info({ db: name }, 'base créée');
    return true;
  } catch (err) {
    if (statusOf(err) === 412) return false;
    throw err;
  }
}

/**
 * Restricts a database to the server's admin user. CouchDB 3 does so by default; PouchDB Server
 * serves databases without a security object to anyone, so the object is always written.
 */
export async function ensureAdminOnly(couch: Couch, name: string, admin: string): Promise<boolean> {
  const wanted = { admins: { names: [admin], roles: ['_admin'] }, members: { names: [admin], roles: ['_admin'] } };
  const current = await couch.request({ db: name, path: '_security' });
  if (canonical(current) === canonical(wanted)) return false;
  await couch.request({ db: name, path: '_security', method: 'PUT', body: wanted });
  return true;
}

/** JSON with sorted keys: the database does not keep the key order it was given. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Writes the design document only when it differs from the stored one, so a restart changes nothing. */
export async function ensureDesignDoc(db: Db, doc: DesignDoc, log: Logger): Promise<boolean> {
  let current: (DesignDoc & { _rev?: string }) | undefined;
  try {
    current = (await db.get(doc._id)) as DesignDoc & { _rev: string };
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
  if (current) {
    const { _rev, ...stored } = current;
    if (canonical(stored) === canonical(doc)) return false;
    await db.insert({ ...doc, _rev } as never);
  } else {
    await db.insert(doc as never);
  }
  log.info({ db: db.config.db, ddoc: doc._id }, 'document de conception écrit');
  return true;
}

export function isNotFound(err: unknown): boolean {
  return statusOf(err) === 404;
}

export function isConflict(err: unknown): boolean {
  return statusOf(err) === 409;
}

/**
 * The database could not be reached or failed on its side (a node down, a restart, a 5xx): the same
 * operation may work later. nano reports a failed connection as a plain error with this message.
 */
export function isOutage(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return status >= 500;
  return /^error happened in your connection/.test((err as Error)?.message ?? '');
}
