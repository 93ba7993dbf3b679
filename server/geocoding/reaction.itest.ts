import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import { startFakeBan, type FakeBan } from '../testing/fake-ban';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';

let ban: FakeBan;
let server: TestServer;

beforeAll(async () => {
  ban = await startFakeBan();
  server = await startTestServer({ GEOCODER_URL: ban.url });
});
afterAll(async () => {
  await server?.dispose();
  await ban?.close();
});

const stored = (id: string) => server.parts.storage.couch.use<Member & { _rev: string }>('members').get(id);

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a member who moves their practice address', () => {
  it('is placed at the commune centroid by the device, then located precisely by the server', async () => {
    ban.answer = (q) => (q.startsWith('3 rue des Roses') ? { lon: 6.2012, lat: 49.1011, score: 0.91, citycode: '57463', label: '3 Rue des Roses 57000 Metz' } : undefined);
    const client = new Client(server.url);
    const { memberId } = (await client.login(demo('infirmier').email, demo('infirmier').password)).json.user;
    const before = await stored(memberId);
    const moved = {
      ...before,
      address: { street: '3 rue des Roses', postcode: '57000', communeInsee: '57463', commune: 'Metz' },
      location: { lat: 49.1, lon: 6.17, approximate: true },
      updatedAt: new Date().toISOString(),
    };
    expect((await client.request('POST', '/api/sync/members/_bulk_docs', { docs: [moved] })).json[0].ok).toBe(true);
    const after = await until(() => stored(memberId), (m) => !m.location.approximate);
    expect(after.location).toEqual({ lon: 6.2012, lat: 49.1011, approximate: false });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(moved.updatedAt) - 1);
  });

  it('stays approximate, without retrying in a loop, when the address cannot be found', async () => {
    ban.answer = () => undefined;
    const client = new Client(server.url);
    const { memberId } = (await client.login(demo('pharmacien').email, demo('pharmacien').password)).json.user;
    const before = await stored(memberId);
    const asked = ban.queries.length;
    await client.request('POST', '/api/sync/members/_bulk_docs', {
      docs: [{ ...before, address: { ...before.address, street: '999 chemin introuvable' }, location: { ...before.location, approximate: true }, updatedAt: new Date().toISOString() }],
    });
    await until(async () => ban.queries.length, (n) => n > asked);
    await new Promise((r) => setTimeout(r, 500));
    expect(ban.queries.length).toBe(asked + 1);
    expect((await stored(memberId)).location.approximate).toBe(true);
  });
});
