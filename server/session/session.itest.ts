import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULL_BATCH } from '../../src/domain/sync/api';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.dispose());

describe('/api/session', () => {
  it('logs a demo member in with an httpOnly SameSite cookie and tells who they are', async () => {
    const client = new Client(server.url);
    const res = await client.login(demo('generaliste').email, demo('generaliste').password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.json.user).toMatchObject({ roles: ['member'] });
    expect(res.json.user.memberId).toMatch(/^m-/);
    const me = await client.request('GET', '/api/session');
    expect(me.status).toBe(200);
    expect(me.json.user.id).toBe(res.json.user.id);
    expect(JSON.stringify(res.json)).not.toContain('password');
  });

  it('refuses a wrong password with a French message and no cookie', async () => {
    const client = new Client(server.url);
    const res = await client.login(demo('pharmacien').email, 'mauvais');
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await client.request('GET', '/api/session')).status).toBe(401);
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await new Client(server.url).request('POST', '/api/session', { email: 'x@y.fr' });
    expect(res.status).toBe(400);
    expect(res.json.error).toContain('password');
  });

  it('takes `firstSync` as a boolean only, and then serves the first page it read at login', async () => {
    const { email, password } = demo('infirmiere');
    const bad = await new Client(server.url).request('POST', '/api/session', { email, password, firstSync: 'oui' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('Champ « firstSync » : vrai ou faux attendu.');
    const client = new Client(server.url);
    expect((await client.request('POST', '/api/session', { email, password, firstSync: true })).status).toBe(200);
    const page = await client.request('GET', `/api/sync/members/_changes?feed=normal&include_docs=true&since=0&limit=${PULL_BATCH}`);
    expect(page.status).toBe(200);
    expect(page.json.results.length).toBe(Math.min(PULL_BATCH, server.demoLoaded));
  });

  it('throttles repeated failures on one account, even with the right password afterwards', async () => {
    const client = new Client(server.url);
    const { email, password } = demo('specialiste');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await client.login(email, 'faux-' + i)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const blocked = await client.login(email, password);
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toMatch(/Trop de tentatives/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('logs out: the old cookie no longer opens a session anywhere', async () => {
    const client = new Client(server.url);
    await client.login(demo('infirmier').email, demo('infirmier').password);
    const stolen = client.cookie;
    expect((await client.request('DELETE', '/api/session')).status).toBe(204);
    const replay = new Client(server.url);
    replay.cookie = stolen;
    expect((await replay.request('GET', '/api/session')).status).toBe(401);
    expect((await replay.request('GET', '/api/sync/members/_changes?since=0')).status).toBe(401);
  });

  it('ignores a forged or tampered cookie', async () => {
    const client = new Client(server.url);
    await client.login(demo('infirmiere').email, demo('infirmiere').password);
    const forged = new Client(server.url);
    forged.cookie = client.cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await forged.request('GET', '/api/session')).status).toBe(401);
  });

  it('gives a new session id at each login (no fixation)', async () => {
    const client = new Client(server.url);
    await client.login(demo('infirmiere').email, demo('infirmiere').password);
    const first = client.cookie;
    await client.login(demo('infirmiere').email, demo('infirmiere').password);
    expect(client.cookie).not.toBe(first);
    const old = new Client(server.url);
    old.cookie = first;
    expect((await old.request('GET', '/api/session')).status).toBe(401);
  });
});
