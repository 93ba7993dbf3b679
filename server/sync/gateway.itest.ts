import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { nodeReplica } from '../testing/rxdb';
import { samplePatient, sampleRequest } from '../../src/domain/requests/fixtures';

let server: TestServer;
let gp: Client;
let coordinator: Client;
let gpMemberId: string;

const until = async (check: () => Promise<boolean> | boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
};

const stored = (id: string) => server.parts.storage.couch.use<Member & { _rev: string }>('members').get(id);

beforeAll(async () => {
  server = await startTestServer();
  gp = new Client(server.url);
  gpMemberId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  coordinator = new Client(server.url);
  await coordinator.login(demo('coordination').email, demo('coordination').password);
});
afterAll(async () => server?.dispose());

describe('replication gateway with RxDB in Node', () => {
  it('replicates the whole directory, then pushes the member’s own edit and pulls others’ live', async () => {
    const replica = await nodeReplica(server.url, () => gp.cookie);
    try {
      await replica.replication.awaitInitialReplication();
      expect(await replica.db.members.count().exec()).toBe(server.demoLoaded);

      const until8 = new Date(Date.now() + 3_600_000).toISOString();
      const own = await replica.db.members.findOne(gpMemberId).exec();
      await own!.incrementalPatch({ availability: { ...own!.availability, availableUntil: until8 }, updatedAt: new Date().toISOString() });
      await replica.replication.awaitInSync();
      expect((await stored(gpMemberId)).availability.availableUntil).toBe(until8);

      // A coordinator's change reaches the member's device through the live long-poll.
      const other = await stored('m-coordination');
      const res = await coordinator.request('POST', '/api/sync/members/_bulk_docs', {
        docs: [{ ...other, specialty: 'Astreinte de coordination', updatedAt: new Date().toISOString() }],
      });
      expect(res.json[0].ok).toBe(true);
      await until(async () => (await replica.db.members.findOne('m-coordination').exec())?.specialty === 'Astreinte de coordination');
    } finally {
      await replica.close();
    }
  });

  it('refuses, row by row, a member’s write to someone else’s profile, and stores nothing', async () => {
    const before = await stored('m-coordination');
    const own = await stored(gpMemberId);
    const res = await gp.request('POST', '/api/sync/members/_bulk_docs', {
      docs: [
        { ...before, displayName: 'Pirate' },
        { ...own, signature: 'Dr A. — médecine générale et urgences', updatedAt: new Date().toISOString() },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.json[0]).toMatchObject({ id: 'm-coordination', error: 'forbidden' });
    expect(res.json[0].reason).toMatch(/titulaire ou un coordinateur/);
    expect(res.json[1]).toMatchObject({ id: gpMemberId, ok: true });
    const after = await stored('m-coordination');
    expect(after._rev).toBe(before._rev);
    expect(after.displayName).toBe(before.displayName);
  });

  it('accepts, without writing, a push of exactly the stored document, from anyone who may read it', async () => {
    const before = await stored('m-coordination');
    // As RxDB sends it: the primary key as `_id`, the bookkeeping flag, keys in another order.
    const { _id, _rev, ...fields } = before;
    const copy = Object.fromEntries(Object.entries({ ...fields, _deleted: false }).reverse());
    const res = await gp.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ _id, _rev, ...copy }] });
    expect(res.json[0]).toEqual({ ok: true, id: 'm-coordination', rev: before._rev });
    expect((await stored('m-coordination'))._rev).toBe(before._rev);
    // One field different, and the same push is refused again.
    const changed = await gp.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ _id, _rev, ...copy, specialty: 'Autre' }] });
    expect(changed.json[0]).toMatchObject({ id: 'm-coordination', error: 'forbidden' });
    // A document this user may not read is refused as before, even unchanged (nothing learnt of it).
    const { id, ...card } = sampleRequest({ id: 'r-0f3c9a1b2c3d4e6a', requesterId: 'm-autre', readers: ['m-autre-infirmiere'] } as never);
    const requests = server.parts.storage.couch.use<Record<string, unknown>>('requests');
    const written = await requests.insert({ ...card, _id: id } as never);
    const hidden = await gp.request('POST', '/api/sync/requests/_bulk_docs', { docs: [{ ...card, _id: id, _rev: written.rev }] });
    expect(hidden.json[0]).toMatchObject({ id, error: 'forbidden' });
  });

  it('accepts, without writing, a copy sent back after the reader lost access, so that the device’s sync is not blocked on it', async () => {
    // A patient block the GP could read as a participant, no longer after the case changed hands.
    const { id, ...block } = samplePatient({ id: 'p-r-0f3c9a1b2c3d4e7b', requestId: 'r-0f3c9a1b2c3d4e7b', requesterId: 'm-autre', readers: [gpMemberId] });
    const patients = server.parts.storage.couch.use<Record<string, unknown>>('patients');
    const first = await patients.insert({ ...block, _id: id } as never);
    const now = await patients.insert({ ...block, readers: ['m-autre-infirmiere'], _id: id, _rev: first.rev } as never);
    // RxDB found nothing it may read under that id, so it sends its copy without a revision.
    const res = await gp.request('POST', '/api/sync/patients/_bulk_docs', { docs: [{ ...block, _id: id, _deleted: false }] });
    expect(res.json[0]).toEqual({ ok: true, id, rev: now.rev });
    const after = await patients.get(id);
    expect(after._rev).toBe(now.rev);
    expect(after.readers).toEqual(['m-autre-infirmiere']);
    // A version that never listed the GP is refused as before.
    const never = await gp.request('POST', '/api/sync/patients/_bulk_docs', { docs: [{ ...block, readers: ['m-autre-infirmiere'], _id: id }] });
    expect(never.json[0]).toMatchObject({ id, error: 'forbidden' });
  });

  it('surfaces a refused push from RxDB as a forbidden write error', async () => {
    const replica = await nodeReplica(server.url, () => gp.cookie);
    try {
      await replica.replication.awaitInitialReplication();
      const other = await replica.db.members.findOne('m-coordination').exec();
      await other!.incrementalPatch({ displayName: 'Écrit par un autre' });
      await until(() => replica.errors.length > 0);
      const err = replica.errors[0] as { code?: string; parameters?: { args?: { writeResultRow?: { error?: string } } } };
      expect(err.code).toBe('SNH');
      expect(err.parameters?.args?.writeResultRow?.error).toBe('forbidden');
      expect((await stored('m-coordination')).displayName).not.toBe('Écrit par un autre');
    } finally {
      await replica.close();
    }
  });

  it('keeps protected fields, creation and deletion for coordinators', async () => {
    const own = await stored(gpMemberId);
    const attempts = [
      { ...own, status: 'pending' },
      { ...own, identifiers: { rpps: '12345678901' } },
      { ...own, _deleted: true },
      { ...own, _id: 'm-nouveau', _rev: undefined },
    ];
    for (const doc of attempts) {
      const res = await gp.request('POST', '/api/sync/members/_bulk_docs', { docs: [doc] });
      expect(res.json[0].error).toBe('forbidden');
    }
    const byCoordinator = await coordinator.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ ...(await stored(gpMemberId)), status: 'invited' }] });
    expect(byCoordinator.json[0].ok).toBe(true);
  });

  it('refuses documents that fail the schema, naming the field', async () => {
    const own = await stored(gpMemberId);
    const res = await coordinator.request('POST', '/api/sync/members/_bulk_docs', {
      docs: [{ ...own, address: { ...own.address, postcode: '57A' } }, { ...own, _attachments: undefined, extra: 1 }],
    });
    expect(res.json[0].error).toBe('forbidden');
    expect(res.json[0].reason).toContain('address.postcode');
    expect(res.json[1].reason).toContain('extra');
  });

  it('never returns design documents, whatever the path', async () => {
    const changes = await gp.request('GET', '/api/sync/members/_changes?since=0&limit=1000&include_docs=true');
    expect(changes.status).toBe(200);
    expect(changes.json.results.length).toBeGreaterThan(0);
    expect(changes.json.results.some((r: { id: string }) => r.id.startsWith('_'))).toBe(false);
    const all = await gp.request('POST', '/api/sync/members/_all_docs', { keys: ['_design/members'], include_docs: true });
    expect(all.json.rows).toEqual([{ key: '_design/members', error: 'not_found' }]);
    const get = await gp.request('GET', `/api/sync/members/_all_docs?keys=${encodeURIComponent('["_design/members"]')}&include_docs=true`);
    expect(get.json.rows[0].error).toBe('not_found');
    for (const path of ['/api/sync/members/_design/members', '/api/sync/members/_design/members/_view/x', '/api/sync/_all_dbs', '/api/sync/_users/', '/api/sync/_config', '/api/sync/members/m-coordination/photo.jpg', '/api/sync/members/', '/api/sync/members/_all_docs']) {
      const res = await gp.request('GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(typeof res.json.error, path).toBe('string');
    }
  });

  it('refuses what is outside the replication subset without forwarding it', async () => {
    const filter = await gp.request('GET', '/api/sync/members/_changes?filter=_selector&since=0');
    expect(filter.status).toBe(400);
    expect(filter.json.error).toContain('filter');
    const post = await gp.request('POST', '/api/sync/members/_changes', { selector: { kind: 'structure' } });
    expect(post.status).toBe(404);
    const newEdits = await coordinator.request('POST', '/api/sync/members/_bulk_docs', { docs: [], new_edits: false });
    expect(newEdits.status).toBe(400);
    expect((await gp.request('GET', '/api/health')).status).toBe(200);
  });

  it('answers 401 on every gateway path without a session', async () => {
    const anonymous = new Client(server.url);
    for (const [method, path] of [
      ['GET', '/api/sync/members/_changes?since=0'],
      ['POST', '/api/sync/members/_all_docs'],
      ['POST', '/api/sync/members/_bulk_docs'],
      ['GET', '/api/sync/members/_design/members'],
      ['GET', '/api/sync/_all_dbs'],
      ['GET', '/api/sync/nope/_changes'],
    ]) {
      const res = await anonymous.request(method, path, method === 'POST' ? { keys: [] } : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe('storage survives a restart', () => {
  it('keeps the data and the accounts, loads no demo data twice and changes no design document', async () => {
    const own = await stored(gpMemberId);
    await gp.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ ...own, signature: 'Gardée après redémarrage', updatedAt: new Date().toISOString() }] });
    const dir = server.dataDir;
    await server.stop();
    server = await startTestServer({}, dir);
    expect(server.demoLoaded).toBe(0);
    expect((await stored(gpMemberId)).signature).toBe('Gardée après redémarrage');
    const again = new Client(server.url);
    expect((await again.login(demo('generaliste').email, demo('generaliste').password)).status).toBe(200);
    const ddoc = await server.parts.storage.couch.use('members').get('_design/members');
    expect(ddoc._rev).toMatch(/^1-/);
  });
});
