import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';

let server: TestServer;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['coordination', 'generaliste', 'infirmiere', 'pharmacien'] as const) {
    clients[name] = new Client(server.url);
    await clients[name].login(demo(name).email, demo(name).password);
  }
});
afterAll(async () => server?.dispose());

const account = async (name: 'coordination' | 'generaliste' | 'infirmiere' | 'pharmacien') => (await server.parts.accounts.findByEmail(demo(name).email))!;
const setRoles = (client: Client, id: string, roles: unknown) => client.request('PUT', `/api/accounts/${id}/roles`, { roles });

describe('rights of members on profiles and roles', () => {
  it('does not let a member edit another member’s entry', async () => {
    const other = (await account('infirmiere')).memberId;
    const stored = (await clients.generaliste.request('POST', '/api/sync/members/_all_docs', { keys: [other], include_docs: true })).json.rows[0].doc;
    const res = await clients.generaliste.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ ...stored, specialty: 'Piratage', updatedAt: new Date().toISOString() }] });
    expect(res.json[0]).toMatchObject({ error: 'forbidden', reason: expect.stringMatching(/titulaire ou un coordinateur/) });
  });

  it('does not let a member grant themselves or anyone a role', async () => {
    const me = await account('generaliste');
    const self = await setRoles(clients.generaliste, me._id, ['member', 'admin']);
    expect(self.status).toBe(403);
    expect((await setRoles(clients.generaliste, (await account('pharmacien'))._id, ['member', 'coordinator'])).status).toBe(403);
    expect((await account('generaliste')).roles).toEqual(['member']);
  });

  it('lets a coordinator make someone coordinator, at once, but neither grant admin nor change their own roles', async () => {
    const nurse = await account('infirmiere');
    expect((await setRoles(clients.coordination, nurse._id, ['member', 'admin'])).json.error).toMatch(/administrateur/);
    const own = await setRoles(clients.coordination, (await account('coordination'))._id, ['member']);
    expect(own.status).toBe(403);
    expect(own.json.error).toMatch(/propres rôles/);
    expect((await setRoles(clients.coordination, nurse._id, ['member', 'superuser'])).status).toBe(400);
    expect((await setRoles(clients.coordination, 'acc-nobody', ['member'])).status).toBe(404);

    const granted = await setRoles(clients.coordination, nurse._id, ['member', 'coordinator']);
    expect(granted.json).toEqual({ account: { id: nurse._id, roles: ['member', 'coordinator'] } });
    expect((await clients.infirmiere.request('GET', '/api/session')).json.user.roles).toEqual(['member', 'coordinator']);
    expect((await clients.infirmiere.request('GET', '/api/registrations')).status).toBe(200);
  });

  it('lets an administrator grant admin', async () => {
    const coord = await account('coordination');
    await server.parts.accounts.update({ ...coord, roles: ['member', 'coordinator', 'admin'] });
    server.parts.sessions.forget(coord._id);
    const pharmacist = await account('pharmacien');
    expect((await setRoles(clients.coordination, pharmacist._id, ['member', 'admin'])).status).toBe(200);
    expect((await account('pharmacien')).roles).toEqual(['member', 'admin']);
  });

  it('shows the outbox to coordinators only', async () => {
    expect((await clients.generaliste.request('GET', '/api/outbox')).status).toBe(403);
    expect((await new Client(server.url).request('GET', '/api/outbox')).status).toBe(401);
    const res = await clients.coordination.request('GET', '/api/outbox');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ messages: expect.any(Array), keeps: { sms: true, email: true } });
  });
});
