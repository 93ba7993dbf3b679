import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DEVICE_PURGE_DAYS: '12' });
});
afterAll(async () => server?.dispose());

const signedIn = async (name: 'generaliste' | 'infirmiere') => {
  const client = new Client(server.url);
  await client.login(demo(name).email, demo(name).password);
  return client;
};

describe('GET /api/session/device-key', () => {
  it('releases one stable, random key per account to its sessions only, never cached', async () => {
    expect((await new Client(server.url).request('GET', '/api/session/device-key')).status).toBe(401);
    const first = await (await signedIn('generaliste')).request('GET', '/api/session/device-key');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.json).toEqual({ key: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), version: 1, accountId: expect.any(String), purgeAfterDays: 12 });
    // Another session of the same account (another device) gets the same key; another account its own.
    const second = await (await signedIn('generaliste')).request('GET', '/api/session/device-key');
    expect(second.json.key).toBe(first.json.key);
    const other = await (await signedIn('infirmiere')).request('GET', '/api/session/device-key');
    expect(other.json.key).not.toBe(first.json.key);
  });

  it('stops releasing it when the session ends, and a rotation gives the next version', async () => {
    const client = await signedIn('infirmiere');
    const before = (await client.request('GET', '/api/session/device-key')).json;
    const me = (await client.request('GET', '/api/session')).json.user;
    await server.parts.deviceKeys.rotate(me.id);
    const after = (await client.request('GET', '/api/session/device-key')).json;
    expect(after).toMatchObject({ version: before.version + 1 });
    expect(after.key).not.toBe(before.key);
    await client.request('DELETE', '/api/session');
    expect((await client.request('GET', '/api/session/device-key')).status).toBe(401);
  });
});
