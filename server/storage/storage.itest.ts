import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onCouchDb } from '../testing/database';
import { Client, startTestServer, type TestServer } from '../testing/server';
import { createServer, connect as connectTcp, type Server } from 'node:net';
import nano from 'nano';
import { connect, SHARD_RANGES } from './couch';
import { prepareDatabases, REPLICATED_DATABASES, SERVER_DATABASES } from './storage';
import { testLog } from '../testing/log';

/**
 * A TCP relay to the database that drops the next `drops` requests on the floor: the connection
 * closes as the request arrives, with no answer (as a kept-alive socket closed by the other side).
 */
async function droppingRelay(target: URL): Promise<{ url: string; drop(n: number): void; requests(): number; close(): void }> {
  let drops = 0;
  let requests = 0;
  const relay: Server = createServer((socket) => {
    socket.once('data', (first) => {
      requests++;
      if (drops > 0) {
        drops--;
        socket.destroy();
        return;
      }
      const upstream = connectTcp(Number(target.port), target.hostname, () => {
        upstream.write(first);
        socket.pipe(upstream).pipe(socket);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as { port: number }).port;
  const url = new URL(target.href);
  url.host = `127.0.0.1:${port}`;
  return { url: url.href, drop: (n) => (drops = n), requests: () => requests, close: () => relay.close() };
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '0' });
});
afterAll(async () => server?.dispose());

const health = async () => (await new Client(server.url).request('GET', '/api/health')).status;

describe('storage', () => {
  // The embedded PouchDB Server's own set-up and process: nothing of it runs on Apache CouchDB.
  it.skipIf(onCouchDb)('keeps PouchDB Server on loopback with generated credentials: anonymous requests are refused', async () => {
    const url = new URL(server.parts.storage.couch.url);
    expect(url.hostname).toBe('127.0.0.1');
    const members = server.parts.storage.couch.use('members').config.db;
    const res = await fetch(`http://127.0.0.1:${url.port}/${members}/_all_docs`);
    expect(res.status).toBe(401);
  });

  it('keeps every database under COUCHDB_PREFIX', async () => {
    const { couchdbPrefix } = server.parts.config;
    expect(couchdbPrefix).toMatch(/^t[0-9a-f]{6}_[0-9a-f]{6}_$/);
    const stored = await nano(server.parts.storage.couch.url).db.list();
    expect(stored).toEqual(expect.arrayContaining([...REPLICATED_DATABASES, ...SERVER_DATABASES].map((name) => couchdbPrefix + name)));
  });

  it('prepares databases idempotently: a second run changes nothing', async () => {
    expect(await prepareDatabases(server.parts.storage.couch, testLog)).toBe(0);
  });

  // The database's own sharding: PouchDB Server has none.
  it.runIf(onCouchDb)('creates each database with one shard range (q=1)', async () => {
    for (const name of [...REPLICATED_DATABASES, ...SERVER_DATABASES]) {
      const info = (await server.parts.storage.couch.request({ db: name })) as { cluster?: { q: number } };
      expect({ name, q: info.cluster?.q }).toEqual({ name, q: SHARD_RANGES });
    }
  });

  it('sends a read again when its connection drops unanswered, never a write', async () => {
    const relay = await droppingRelay(new URL(server.parts.storage.couch.url));
    try {
      const couch = connect(relay.url, server.parts.config.couchdbPrefix);
      relay.drop(2);
      const before = relay.requests();
      // Answered, after the drops, with what the database holds.
      const direct = await server.parts.storage.couch.use('members').list({ limit: 1 });
      expect((await couch.use('members').list({ limit: 1 })).rows).toEqual(direct.rows);
      expect(relay.requests() - before).toBeGreaterThanOrEqual(3);
      relay.drop(1);
      await expect(couch.use('members').insert({ _id: 'relay-test' } as never)).rejects.toThrow();
      // The write was not sent again: the document does not exist.
      expect((await couch.use('members').list({ key: 'relay-test' })).rows).toHaveLength(0);
    } finally {
      relay.close();
    }
  });

  it('loads no demo data when DEMO=0', async () => {
    expect(server.demoLoaded).toBe(0);
    const accounts = await server.parts.storage.couch.use('accounts').list();
    expect(accounts.rows.filter((r) => !r.id.startsWith('_design/'))).toHaveLength(0);
  });

  it.skipIf(onCouchDb)('reports 503 while the embedded database process is down, restarts it and recovers', async () => {
    expect(await health()).toBe(200);
    const pid = server.parts.storage.embedded!.pid()!;
    process.kill(pid, 'SIGKILL');
    let saw503 = false;
    const end = Date.now() + 30_000;
    while (Date.now() < end) {
      const status = await health();
      if (status === 503) saw503 = true;
      if (saw503 && status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(saw503).toBe(true);
    expect(await health()).toBe(200);
    expect(server.parts.storage.embedded!.pid()).not.toBe(pid);
  });
});
