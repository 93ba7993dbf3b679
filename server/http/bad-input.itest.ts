import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from './app';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';

let server: TestServer;
let member: Client;

beforeAll(async () => {
  server = await startTestServer();
  member = new Client(server.url);
  await member.login(demo('infirmiere').email, demo('infirmiere').password);
});
afterAll(async () => server?.dispose());

const expectClear4xx = (res: { status: number; json: any }, label: string) => {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  expect(typeof res.json?.error, label).toBe('string');
  expect(res.json.error.length, label).toBeGreaterThan(10);
};

describe('bad input on /api and /api/sync', () => {
  it('answers malformed JSON with a 400 that says so', async () => {
    for (const path of ['/api/session', '/api/sync/members/_bulk_docs', '/api/sync/members/_all_docs']) {
      const res = await member.request('POST', path, '{"docs": [');
      expectClear4xx(res, path);
      expect(res.json.error).toMatch(/JSON/);
    }
  });

  it('refuses oversized bodies', async () => {
    const huge = JSON.stringify({ docs: [{ _id: 'm-x', blob: 'x'.repeat(BODY_LIMIT) }] });
    const res = await member.request('POST', '/api/sync/members/_bulk_docs', huge);
    expect(res.status).toBe(413);
    expect(res.json.error).toMatch(/volumineux/);
  });

  it('refuses wrong content types and wrong shapes, naming what is wrong', async () => {
    const text = await member.request('POST', '/api/session', 'email=a', { 'content-type': 'text/plain' });
    expectClear4xx(text, 'text/plain');
    const cases: Array<[string, unknown, RegExp]> = [
      ['/api/sync/members/_bulk_docs', { docs: 'nope' }, /docs/],
      ['/api/sync/members/_bulk_docs', { docs: [{ no: 'id' }] }, /_id/],
      ['/api/sync/members/_bulk_docs', [1, 2], /objet JSON/],
      ['/api/sync/members/_all_docs', { keys: [1, 2] }, /keys/],
      ['/api/sync/members/_all_docs', { keys: Array(2000).fill('a') }, /keys/],
      ['/api/session', { email: ['a'], password: 'x' }, /email/],
    ];
    for (const [path, body, message] of cases) {
      const res = await member.request('POST', path, body);
      expectClear4xx(res, path);
      expect(res.json.error, path).toMatch(message);
    }
    for (const query of ['since=abc', 'limit=0', 'limit=x', 'feed=continuous', 'feed=eventsource', 'since=now', 'include_docs=false', 'doc_ids=["a"]', 'since=1&since=2']) {
      expectClear4xx(await member.request('GET', `/api/sync/members/_changes?${query}`), query);
    }
  });

  it('refuses unknown paths and methods with a message naming them', async () => {
    const cases: Array<[string, string]> = [
      ['GET', '/api/nope'],
      ['PUT', '/api/session'],
      ['PATCH', '/api/health'],
      ['DELETE', '/api/sync/members/_bulk_docs'],
      ['PUT', '/api/sync/members/m-1'],
      ['GET', '/api/sync/members/..%2F..%2F_config'],
      ['GET', '/api/sync/unknown/_changes'],
    ];
    for (const [method, path] of cases) {
      const res = await member.request(method, path);
      expectClear4xx(res, `${method} ${path}`);
    }
    const unknown = await member.request('GET', '/api/nope');
    expect(unknown.json.error).toContain('/api/nope');
  });

  it('refuses an id in a URL that would name another database’s document, and leaves that document alone', async () => {
    const coordinator = new Client(server.url);
    await coordinator.login(demo('coordination').email, demo('coordination').password);
    const members = server.parts.storage.couch.use<Record<string, unknown> & { _id: string }>('members');
    const target = (await members.list({ include_docs: true, limit: 20 })).rows.find((r) => !r.id.startsWith('_'))!.doc!;
    const elsewhere = `../../${server.parts.config.couchdbPrefix}members/${target._id}`;
    const roles = await coordinator.request('PUT', `/api/accounts/${encodeURIComponent(`acc-_local/${elsewhere}`)}/roles`, { roles: ['member', 'coordinator'] });
    expect(roles.status).toBe(404);
    expect(roles.json.error).toMatch(/Compte introuvable/);
    const retry = await coordinator.request('POST', `/api/dead-letters/${encodeURIComponent(`_local/${elsewhere}`)}/retry`);
    expect(retry.status).toBe(404);
    expect(retry.json.error).toMatch(/n’existe plus/);
    expect(await members.get(target._id)).toEqual(target);
  });

  it('keeps serving after all of that', async () => {
    expect((await member.request('GET', '/api/health')).json.status).toBe('ok');
    expect((await member.request('GET', '/api/session')).status).toBe(200);
  });
});
