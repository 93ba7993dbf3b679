/**
 * The server under measurement, in a process of its own (forked by `remote-server.ts`) so its CPU
 * time and memory are its own, not the clients'. Driven over IPC: start, accounts and sessions for
 * members, availability, documents, counts of what a user may read, usage.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { canRead } from '../../src/domain/sync/policy';
import { POLICIES } from '../../src/domain/sync/collections';
import type { Role, SessionUser } from '../../src/domain/session/user';
import { hashPassword } from '../accounts/passwords';
import { SESSION_COOKIE } from '../session/auth';
import { toDomainDoc, foundDocs } from '../storage/docs';
import { REPLICATED_DATABASES, SERVER_DATABASES } from '../storage/storage';
import { makeAvailable, PASSWORD } from './requests';
import type { Clock } from '../clock';
import { startRealTimeTestServer, type TestServer } from './server';
import { serveCommands } from './child-rpc';

let server: TestServer<Clock> | undefined;
let passwordHash: string | undefined;
let accountReads = 0;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

type Doc = Record<string, unknown> & { _id: string };

async function allDocs(db: string): Promise<Doc[]> {
  const res = await server!.parts.storage.couch.use<Doc>(db).list({ include_docs: true });
  return res.rows.flatMap((r) => (r.doc && !r.id.startsWith('_') ? [r.doc] : []));
}

const commands: Record<string, (...args: never[]) => Promise<unknown>> = {
  async start(env: Record<string, string>) {
    server = await startRealTimeTestServer(env);
    // Counts the session lookups that miss the sessions' cache (each reads the account).
    const accounts = server.parts.accounts;
    const get = accounts.get.bind(accounts);
    accounts.get = (id: string) => (accountReads++, get(id));
    const { couch, embedded } = server.parts.storage;
    return { url: server.url, dbUrl: couch.url, dbPrefix: server.parts.config.couchdbPrefix, dbPid: embedded?.pid(), dataDir: server.dataDir, pid: process.pid };
  },

  /** Members of the directory: id, profession, specialty, kind, status, position and commune. */
  async members() {
    return (await allDocs('members')).map((d) => {
      const address = d.address as { commune?: string; communeInsee?: string } | undefined;
      return { id: d._id, profession: d.profession, specialty: d.specialty, kind: d.kind, status: d.status, location: d.location, commune: address?.commune, communeInsee: address?.communeInsee };
    });
  },

  /** Every document of a database but design documents, as stored (`_id`, `_rev`). */
  async docs(db: string) {
    return allDocs(db);
  },

  /** Sets members' availability in place (no move): available until a time, or not available at all; resolves with their new revisions. */
  async setAvailability(entries: Array<{ id: string; availableUntil?: string; homeVisitRadiusKm?: number }>) {
    const db = server!.parts.storage.couch.use<Doc & { availability: Record<string, unknown> }>('members');
    const res = await db.fetch({ keys: entries.map((e) => e.id) });
    const docs = foundDocs(res).map(({ key, doc: m }) => {
      const { availableUntil, homeVisitRadiusKm } = entries.find((e) => e.id === key)!;
      const availability: Record<string, unknown> = { ...m.availability, onCall: [], absences: [] };
      delete availability.availableUntil;
      if (availableUntil) availability.availableUntil = availableUntil;
      if (homeVisitRadiusKm !== undefined) availability.homeVisitRadiusKm = homeVisitRadiusKm;
      return { ...m, availability, updatedAt: new Date().toISOString() };
    });
    // The revisions written, as written: on a cluster, a listing read just after may still show older ones.
    const revs: Record<string, string> = {};
    for (let i = 0; i < docs.length; i += 500) {
      const rows = await db.bulk({ docs: docs.slice(i, i + 500) });
      const failed = rows.filter((row) => row.error);
      if (failed.length) throw new Error(`availability not set for ${failed.length} members: ${failed[0].error}`);
      for (const row of rows) revs[row.id!] = row.rev!;
    }
    return revs;
  },

  /**
   * Active accounts for these members (one scrypt hash for all, as `clientFor` does) and a session
   * for each, returned as cookies: 1,600 password checks would cost minutes of CPU for nothing.
   */
  async sessions(memberIds: string[], roles: Role[] = ['member']) {
    const { accounts, sessions } = server!.parts;
    passwordHash ??= await hashPassword(PASSWORD);
    const db = server!.parts.storage.couch.use('accounts');
    const ids = memberIds.map((m) => `acc-bench-${m}`);
    const existing = new Set((await db.fetch({ keys: ids })).rows.filter((r) => 'doc' in r && r.doc).map((r) => (r as { id: string }).id));
    const now = new Date().toISOString();
    const missing = memberIds
      .filter((m) => !existing.has(`acc-bench-${m}`))
      .map((m) => ({ _id: `acc-bench-${m}`, type: 'account', email: `${m}@bench.cpts-metz.test`, passwordHash, roles, status: 'active', memberId: m, name: m, createdAt: now }));
    for (let i = 0; i < missing.length; i += 500) await db.bulk({ docs: missing.slice(i, i + 500) });
    void accounts;
    const cookies: string[] = [];
    for (let i = 0; i < ids.length; i += 50) {
      const batch = await Promise.all(ids.slice(i, i + 50).map((id) => sessions.create(id)));
      for (const { token } of batch) cookies.push(`${SESSION_COOKIE}=${encodeURIComponent(server!.app.signCookie(token))}`);
    }
    return cookies;
  },

  /**
   * A region's directory: copies of the demo's active professionals, unavailable, moved by a degree
   * or more of latitude per territory (nine more), until the directory holds `total` members.
   * Resolves with how many were added.
   */
  async regionMembers(total: number) {
    const db = server!.parts.storage.couch.use<Doc>('members');
    const all = await allDocs('members');
    const models = all.filter((m) => m.kind === 'professional' && m.status === 'active');
    const now = new Date().toISOString();
    const copies = Array.from({ length: Math.max(0, total - all.length) }, (_, i) => {
      const { _rev, ...model } = models[i % models.length] as Doc & { location: { lat: number; lon: number }; availability: Record<string, unknown> };
      const territory = 1 + (i % 9);
      const { availableUntil: _unavailable, ...availability } = model.availability;
      return { ...model, _id: `m-region-${i}`, location: { ...model.location, lat: model.location.lat - territory * 1.1 }, availability: { ...availability, onCall: [], absences: [] }, updatedAt: now };
    });
    for (let i = 0; i < copies.length; i += 500) {
      const failed = (await db.bulk({ docs: copies.slice(i, i + 500) })).filter((row) => row.error);
      if (failed.length) throw new Error(`${failed.length} members not added: ${failed[0].error}`);
    }
    return copies.length;
  },

  /** Queries every view of every database once, so that the indexes a set-up's writes made stale are built now rather than during a measure. */
  async buildViews() {
    const { couch } = server!.parts.storage;
    for (const name of [...REPLICATED_DATABASES, ...SERVER_DATABASES]) {
      const db = couch.use<Doc & { views?: Record<string, unknown> }>(name);
      const designs = await db.list({ startkey: '_design/', endkey: '_design0', include_docs: true }).catch(() => undefined);
      for (const row of designs?.rows ?? []) {
        for (const view of Object.keys(row.doc?.views ?? {})) await db.view(row.id.slice('_design/'.length), view, { limit: 0 });
      }
    }
    return true;
  },

  async makeAvailable(ids: string[], km: number, weeklyAlertBudget?: number) {
    await makeAvailable(server!, ids, km, weeklyAlertBudget);
    return true;
  },

  /** How many documents of each replicated collection this user may read (what a first sync must bring). */
  async readable(memberId: string, roles: Role[]) {
    const user: SessionUser = { id: 'bench', memberId, name: 'bench', roles };
    const counts: Record<string, number> = {};
    for (const policy of Object.values(POLICIES)) {
      counts[policy.name] = (await allDocs(policy.name)).filter((d) => !d._deleted && canRead(policy, user, toDomainDoc(d) as never)).length;
    }
    return counts;
  },

  /** The ids of the documents of a collection this user may read (the peer's filtered replication). */
  async readableIds(collection: string, memberId: string, roles: Role[]) {
    const user: SessionUser = { id: 'bench', memberId, name: 'bench', roles };
    return (await allDocs(collection)).filter((d) => canRead(POLICIES[collection], user, toDomainDoc(d) as never)).map((d) => d._id);
  },

  /** The active member of this profession who reads the most requests (requester or reader). */
  async busiestReader(profession: string) {
    const members = new Map((await allDocs('members')).map((m) => [m._id, m]));
    const counts = new Map<string, number>();
    for (const r of await allDocs('requests')) {
      for (const id of new Set([r.requesterId as string, ...((r.readers as string[]) ?? [])])) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const [best] = [...counts].filter(([id]) => members.get(id)?.profession === profession && members.get(id)?.status === 'active').sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!best) throw new Error(`no member of profession ${profession} reads any request`);
    return best;
  },

  async request(id: string) {
    return server!.parts.storage.couch.use('requests').get(id);
  },

  /** CPU, memory, waiting long-polls, and the event loop's delay since the last call (ms). */
  async usage(collectGarbage = false) {
    if (collectGarbage) (globalThis as { gc?: () => void }).gc?.();
    const delay = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    loopDelay.reset();
    return {
      loopDelayMs: delay,
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      accountReads,
      waiting: Object.fromEntries(server!.parts.hubs.map((h, i) => [Object.keys(POLICIES)[i], h.waiting])),
      dbPid: server!.parts.storage.embedded?.pid(),
    };
  },

  async stop() {
    await server?.dispose();
    server = undefined;
    return true;
  },
};

serveCommands(commands);
process.on('disconnect', () => void (server?.dispose() ?? Promise.resolve()).finally(() => process.exit(0)));
