import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareRequest } from '../../src/domain/requests/schema';
import type { SessionUser } from '../../src/domain/session/user';
import { onCouchDb } from '../testing/database';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, newRequest, post } from '../testing/requests';
import { toDomainDoc } from '../storage/docs';
import type { ChangesHub } from './changes-hub';

let server: TestServer;
let all: CareRequest[];
/** Sees every change of the directory, pending registrations included. */
const WATCHER: SessionUser = { id: 'watcher', memberId: 'watcher', name: 'watcher', roles: ['member', 'coordinator'] };

/** Counts the page reads (change feed but long-polls, views) made on a database handle from now on. */
function countReads(db: { changes: (...a: never[]) => unknown; view: (...a: never[]) => unknown }): () => number {
  let reads = 0;
  for (const name of ['changes', 'view'] as const) {
    const original = db[name].bind(db) as (...a: unknown[]) => unknown;
    db[name] = ((...args: unknown[]) => ((args[0] as { feed?: string } | undefined)?.feed !== 'longpoll' && reads++, original(...args))) as never;
  }
  return () => reads;
}

/** Pulls a collection from scratch the way RxDB does: pages of `limit` until an empty page. */
async function pullAll(client: Client, collection: string, limit: number): Promise<{ ids: string[]; pages: number; lastSeq: unknown }> {
  let since: unknown = 0;
  const ids: string[] = [];
  for (let pages = 1; ; pages++) {
    const res = await client.request('GET', `/api/sync/${collection}/_changes?since=${encodeURIComponent(String(since))}&limit=${limit}&include_docs=true&style=all_docs&feed=normal`);
    expect(res.status).toBe(200);
    ids.push(...res.json.results.map((r: { id: string }) => r.id));
    since = res.json.last_seq;
    if (!res.json.results.length) return { ids, pages, lastSeq: since };
  }
}

beforeAll(async () => {
  server = await startTestServer({ DEMO_ACTIVITY: '1' });
  const res = await server.parts.storage.couch.use('requests').list({ include_docs: true });
  all = res.rows.filter((r) => !r.id.startsWith('_')).map((r) => toDomainDoc(r.doc as unknown as Record<string, unknown>) as unknown as CareRequest);
});
afterAll(async () => server?.dispose());

describe('first sync of a device', () => {
  it('gives a member exactly the requests they may read, page by page through the reader index', async () => {
    // A year of activity, and the demo GP's case whose follow-up is due.
    expect(all.length).toBe(4001);
    const counts = new Map<string, number>();
    for (const r of all) for (const id of new Set([r.requesterId, ...(r.readers ?? [])])) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [busy] = [...counts].filter(([id]) => id.startsWith('m-1')).sort((a, b) => b[1] - a[1])[0];
    const expected = all.filter((r) => r.requesterId === busy || r.readers?.includes(busy)).map((r) => r.id).sort();
    expect(expected.length).toBeGreaterThan(20);
    const client = await clientFor(server, busy);
    const pulled = await pullAll(client, 'requests', 10);
    expect([...pulled.ids].sort()).toEqual(expected);
    expect(pulled.pages).toBeGreaterThan(2);
    // Then the change feed takes over from where the index was read: nothing between is missed.
    const fresh = newRequest(busy);
    await post(client, 'requests', [fresh]);
    const next = await client.request('GET', `/api/sync/requests/_changes?since=${encodeURIComponent(String(pulled.lastSeq))}&limit=100&include_docs=true`);
    expect(next.json.results.map((r: { id: string }) => r.id)).toContain(fresh.id);
  });

  it('gives the coordination every request, by scanning the change feed', async () => {
    const coordinator = new Client(server.url);
    await coordinator.login(demo('coordination').email, demo('coordination').password);
    const pulled = await pullAll(coordinator, 'requests', 500);
    expect(new Set(pulled.ids).size).toBeGreaterThanOrEqual(4000);
  });

  it('gives a member the whole directory from the dispatcher’s memory, at each document’s stored revision, the last page going on with what changed meanwhile', async () => {
    const db = server.parts.storage.couch.use('members');
    const stored = (await db.list({ include_docs: true })).rows.filter((r) => !r.id.startsWith('_')).map((r) => r.doc as unknown as Record<string, unknown>);
    const client = new Client(server.url);
    await client.login(demo('infirmiere').email, demo('infirmiere').password);
    // The gateway's own database handle: every read it makes of the members database.
    const reads = countReads((server.parts.gateways.get('members') as unknown as { db: Parameters<typeof countReads>[0] }).db);
    let since: unknown = 0;
    const pages: Array<Array<Record<string, unknown>>> = [];
    let edited: Record<string, unknown> | undefined;
    for (;;) {
      const res = await client.request('GET', `/api/sync/members/_changes?since=${encodeURIComponent(String(since))}&limit=700&include_docs=true&style=all_docs&feed=normal`);
      expect(res.status).toBe(200);
      pages.push(res.json.results.map((r: { doc: Record<string, unknown> }) => r.doc));
      since = res.json.last_seq;
      // RxDB ends its pull at a short page, as here.
      if (res.json.results.length < 700) break;
      if (!edited && pages.flat().length + 700 >= stored.length) {
        // Someone edits an entry already handed out, during the first sync, just after the last
        // page was read ahead: the last page, short, must not be handed out as it was read.
        const first = await db.get(String(pages[0][0]._id));
        // The change feed's follower has it before the next page is asked for (sequences are
        // opaque on CouchDB: the hub is watched for the edit itself).
        const hub = (server.parts.gateways.get('members') as unknown as { hub: ChangesHub }).hub;
        const followed = new Promise<void>((resolve) => {
          const stop = hub.subscribe(WATCHER, (rows) => rows.some((r) => r.id === first._id) && (stop(), resolve()));
        });
        await db.insert({ ...first, phones: { mobile: '06 00 00 00 01' } } as typeof first);
        edited = (await db.get(String(first._id))) as unknown as Record<string, unknown>;
        await followed;
      }
    }
    const docs = pages.flat();
    // Every member the database holds, each at its revision, bodies as stored (internals aside).
    const byId = new Map(stored.map((d) => [String(d._id), d]));
    expect(new Set(docs.map((d) => d._id)).size).toBe(stored.length);
    expect(stored.length).toBeGreaterThan(1600);
    // The last page, short, ends with the edit made meanwhile: nothing waits for a later change.
    expect(edited).toBeDefined();
    expect(pages[pages.length - 1].at(-1)).toEqual(edited);
    expect(docs.length).toBe(stored.length + 1);
    for (const doc of docs.slice(0, -1)) expect(doc).toEqual(byId.get(String(doc._id)));
    expect(String(since)).not.toMatch(/^i:/);
    // Nothing of it read from the database: the directory and the change feed's recent rows are in
    // memory. On Apache CouchDB the last page reads the feed after the directory's position: its
    // sequences are opaque, and the hub's follower got other ones for the same position.
    if (!onCouchDb) expect(reads()).toBe(0);
    // The change feed goes on from there with nothing pending.
    const next = await client.request('GET', `/api/sync/members/_changes?since=${encodeURIComponent(String(since))}&limit=100&include_docs=true`);
    expect(next.json.results).toEqual([]);
  });

  it('tells a fresh device how many documents its first sync brings, per collection, to the signed-in only', async () => {
    for (const account of ['infirmiere', 'generaliste', 'coordination'] as const) {
      const client = new Client(server.url);
      await client.login(demo(account).email, demo(account).password);
      const totals = await client.request('GET', '/api/sync/totals');
      expect(totals.status).toBe(200);
      expect(Object.keys(totals.json).sort()).toEqual(['members', 'messages', 'patients', 'requests']);
      for (const collection of Object.keys(totals.json)) {
        const pulled = await pullAll(client, collection, 1000);
        expect(totals.json[collection], `${account}, ${collection}`).toBe(new Set(pulled.ids).size);
      }
    }
    expect((await new Client(server.url).request('GET', '/api/sync/totals')).status).toBe(401);
  });

  it('refuses a forged cursor', async () => {
    const client = new Client(server.url);
    await client.login(demo('infirmiere').email, demo('infirmiere').password);
    for (const since of ['i:1:../x', 'i:abc:', 'i:1:_design']) {
      expect((await client.request('GET', `/api/sync/requests/_changes?since=${encodeURIComponent(since)}`)).status).toBe(400);
    }
  });
});
