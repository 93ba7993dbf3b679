import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../testing/server';
import { prepareDatabases } from './storage';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '0' });
});
afterAll(async () => server?.dispose());

const health = async () => (await new Client(server.url).request('GET', '/api/health')).status;

describe('embedded storage', () => {
  it('keeps PouchDB Server on loopback with generated credentials: anonymous requests are refused', async () => {
    const url = new URL((server.services.storage.couch as unknown as { config: { url: string } }).config.url);
    expect(url.hostname).toBe('127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${url.port}/members/_all_docs`);
    expect(res.status).toBe(401);
  });

  it('prepares databases idempotently: a second run changes nothing', async () => {
    expect(await prepareDatabases(server.services.storage.couch)).toBe(0);
  });

  it('loads no demo data when DEMO=0', async () => {
    expect(server.demoLoaded).toBe(0);
    const accounts = await server.services.storage.couch.use('accounts').list();
    expect(accounts.rows.filter((r) => !r.id.startsWith('_design/'))).toHaveLength(0);
  });

  it('reports 503 while the database process is down, restarts it and recovers', async () => {
    expect(await health()).toBe(200);
    const pid = server.services.storage.embedded!.pid()!;
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
    expect(server.services.storage.embedded!.pid()).not.toBe(pid);
  });
});
