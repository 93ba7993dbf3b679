/**
 * Long-polls kept alive by heartbeats, over HTTP, as RxDB asks them (`heartbeat=60000`): newlines
 * while nothing comes, then the change as JSON; an ended session ends the wait. The server's
 * long-poll period is shortened to 50 ms here (25 s in production).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { testLog } from '../testing/log';

let server: TestServer;
let coordinator: Client;

beforeAll(async () => {
  server = await startTestServer({}, undefined, testLog, { periodMs: 50, maxMs: 60_000 });
  coordinator = new Client(server.url);
  await coordinator.login(demo('coordination').email, demo('coordination').password);
});
afterAll(async () => server?.dispose());

/** A long-poll of the directory from now, its chunks as they arrive. */
function longpoll(cookie: string, query = 'heartbeat=60000') {
  const chunks: string[] = [];
  let head: http.IncomingMessage | undefined;
  const done = new Promise<string>((resolve, reject) => {
    const req = http.get(`${server.url}/api/sync/members/_changes?feed=longpoll&since=now&include_docs=true&style=all_docs&limit=20&${query}`, { headers: { cookie, 'accept-encoding': 'gzip, br' } }, (res) => {
      head = res;
      res.setEncoding('utf8');
      res.on('data', (c: string) => chunks.push(c));
      res.on('end', () => resolve(chunks.join('')));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  return { chunks, head: () => head, done };
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

async function signedIn(who: 'generaliste' | 'infirmiere') {
  const client = new Client(server.url);
  await client.login(demo(who).email, demo(who).password);
  return client;
}

describe('long-polls with a heartbeat', () => {
  it('write newlines while nothing comes, then the change as JSON, with the security headers and uncompressed', async () => {
    const gp = await signedIn('generaliste');
    const poll = longpoll(gp.cookie);
    await until(() => poll.chunks.join('').length >= 3);
    expect(poll.chunks.join('')).toMatch(/^\n{3,}$/);
    expect(poll.head()?.statusCode).toBe(200);
    expect(poll.head()?.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    expect(poll.head()?.headers['content-encoding']).toBeUndefined();

    const other = await server.parts.storage.couch.use<Member & { _id: string; _rev: string }>('members').get('m-coordination');
    const res = await coordinator.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ ...other, specialty: 'Astreinte de nuit', updatedAt: new Date().toISOString() }] });
    expect(res.json[0].ok).toBe(true);

    const body = await poll.done;
    expect(body).toMatch(/^\n{3,}\{/);
    const answer = JSON.parse(body);
    expect(answer.results.map((r: { id: string }) => r.id)).toEqual(['m-coordination']);
    expect(answer.results[0].doc.specialty).toBe('Astreinte de nuit');
    expect(answer.last_seq).toBeDefined();
  });

  it('end with an empty answer once the session is closed, and the next long-poll is refused', async () => {
    const nurse = await signedIn('infirmiere');
    const cookie = nurse.cookie;
    const poll = longpoll(cookie);
    await until(() => poll.chunks.length >= 1);
    expect((await nurse.request('DELETE', '/api/session')).status).toBe(204);
    const body = await poll.done;
    // Ended by the next heartbeat's check, long before the longest wait (60 s here).
    expect(body).toMatch(/^\n+\{/);
    expect(JSON.parse(body).results).toEqual([]);
    const next = await fetch(`${server.url}/api/sync/members/_changes?feed=longpoll&since=now&heartbeat=60000`, { headers: { cookie } });
    expect(next.status).toBe(401);
  });

  it('without one, answer empty at the first timeout, as before', async () => {
    const gp = await signedIn('generaliste');
    const poll = longpoll(gp.cookie, 'timeout=1000');
    const answer = JSON.parse(await poll.done);
    expect(poll.chunks.join('').startsWith('{')).toBe(true);
    expect(answer).toMatchObject({ results: [] });
  });
});
