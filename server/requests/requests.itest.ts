import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, newRequest, patientFor, post, storedRequest, until } from '../testing/requests';

let server: TestServer;
let gp: Client;
let gpId: string;
let coordinator: Client;

beforeAll(async () => {
  server = await startTestServer();
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  coordinator = new Client(server.url);
  await coordinator.login(demo('coordination').email, demo('coordination').password);
});
afterAll(async () => server?.dispose());

describe('patient history', () => {
  it('lists the earlier requests for the same patient to the participants only, and audits it', async () => {
    const first = newRequest(gpId, { createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z' });
    const second = newRequest(gpId);
    const other = newRequest(gpId);
    await post(gp, 'requests', [first, second, other]);
    await post(gp, 'patients', [patientFor(first), patientFor(second), { ...patientFor(other), identity: { ...patientFor(other).identity, firstName: 'Paul' } }]);
    await until(() => storedRequest(server, second.id), (r) => r.status === 'searching');

    const res = await gp.request('GET', `/api/requests/${second.id}/history`);
    expect(res.status).toBe(200);
    expect(res.json.requests.map((r: { id: string }) => r.id)).toEqual([first.id]);
    expect(JSON.stringify(res.json)).not.toContain('Durand');

    const someoneElse = (await server.parts.storage.couch.use('members').list({ limit: 10 })).rows.find((r) => !r.id.startsWith('_') && r.id !== gpId)!.id;
    const outsider = await clientFor(server, someoneElse);
    expect((await outsider.request('GET', `/api/requests/${second.id}/history`)).status).toBe(404);
    expect((await coordinator.request('GET', `/api/requests/${second.id}/history`)).status).toBe(200);
    expect((await gp.request('GET', '/api/requests/..%2Fx/history')).status).toBe(404);
    const audit = await server.parts.audit.forRequest(second.id);
    expect(audit.some((a) => a.action === 'history' && a.memberId === gpId)).toBe(true);
  });

  it('is not open on a draft, which could name anyone, and leaves drafts out', async () => {
    const sent = newRequest(gpId);
    const draft = newRequest(gpId, { status: 'draft' });
    await post(gp, 'requests', [sent, draft]);
    const identity = { ...patientFor(sent).identity, lastName: 'Brouillon', firstName: 'Zoé' };
    await post(gp, 'patients', [{ ...patientFor(sent), identity }, { ...patientFor(draft), identity }]);
    await until(() => storedRequest(server, sent.id), (r) => r.status === 'searching');

    const probe = await gp.request('GET', `/api/requests/${draft.id}/history`);
    expect(probe.status).toBe(403);
    expect(probe.json.error).toMatch(/une fois la demande envoyée/);
    const history = await gp.request('GET', `/api/requests/${sent.id}/history`);
    expect(history.status).toBe(200);
    expect(history.json.requests).toEqual([]);
    expect((await storedRequest(server, draft.id)).status).toBe('draft');
  });
});

describe('audit log endpoints', () => {
  it('records openings logged on a device once, and shows a case’s accesses to coordinators only', async () => {
    const request = newRequest(gpId);
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const entry = { id: randomUUID(), at: new Date().toISOString(), action: 'open', collection: 'patients', docId: patientIdOf(request.id), requestId: request.id };
    expect((await gp.request('POST', '/api/audit', { entries: [entry] })).status).toBe(204);
    expect((await gp.request('POST', '/api/audit', { entries: [entry] })).status).toBe(204);
    const listed = await until(
      () => coordinator.request('GET', `/api/audit?requestId=${request.id}`),
      (r) => r.status === 200 && r.json.entries.some((e: { via: string }) => e.via === 'device'),
    );
    expect(listed.json.entries.filter((e: { via: string }) => e.via === 'device')).toHaveLength(1);
    expect((await gp.request('GET', `/api/audit?requestId=${request.id}`)).status).toBe(403);
    for (const bad of [{ entries: 'x' }, { entries: [{ ...entry, action: 'delete' }] }, { entries: [{ ...entry, id: '../x' }] }, { entries: Array(201).fill(entry) }]) {
      const res = await gp.request('POST', '/api/audit', bad);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatch(/journal|entries/);
    }
    expect((await new Client(server.url).request('POST', '/api/audit', { entries: [entry] })).status).toBe(401);
  });
});
