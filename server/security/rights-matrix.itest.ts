/**
 * The authorization matrix: each role against each endpoint and sync path and each kind of
 * document, checked over HTTP as an attacker would, with the expected allow/deny in one table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { hashPassword } from '../accounts/passwords';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, makeAvailable, message, newRequest, nurseIds, patientFor, post, storedRequest, until } from '../testing/requests';

const ROLES = ['anonymous', 'member', 'alerted', 'assignee', 'requester', 'coordinator', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Check = (c: Client) => Promise<boolean>;

let server: TestServer;
let request: CareRequest;
let thread: ReturnType<typeof message>;
const clients = {} as Record<Role, Client>;
const ids = {} as Record<Role, string>;
const uploadId = 'matrix-photo-0001';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const docOf = async (c: Client, collection: string, id: string) => (await c.request('POST', `/api/sync/${collection}/_all_docs`, { keys: [id], include_docs: true })).json?.rows?.[0]?.doc;
const inFeed = async (c: Client, collection: string, id: string) => {
  const res = await c.request('GET', `/api/sync/${collection}/_changes?since=0&limit=1000&include_docs=true`);
  return res.status === 200 && res.json.results.some((r: { id: string }) => r.id === id);
};

/** Each line: what is tried, and the roles for which it must succeed; every other role must be refused. */
const MATRIX: Array<[string, Role[], Check]> = [
  ['read the request card (_all_docs)', ['alerted', 'assignee', 'requester', 'coordinator', 'admin'], async (c) => Boolean(await docOf(c, 'requests', request.id))],
  ['read the request card (_changes)', ['alerted', 'assignee', 'requester', 'coordinator', 'admin'], (c) => inFeed(c, 'requests', request.id)],
  ['read the patient block (_all_docs)', ['assignee', 'requester', 'coordinator', 'admin'], async (c) => Boolean(await docOf(c, 'patients', patientIdOf(request.id)))],
  ['read the patient block (_changes)', ['assignee', 'requester', 'coordinator', 'admin'], (c) => inFeed(c, 'patients', patientIdOf(request.id))],
  ['read the thread', ['assignee', 'requester', 'coordinator', 'admin'], async (c) => Boolean(await docOf(c, 'messages', thread.id))],
  ['open the case photo', ['assignee', 'requester', 'coordinator', 'admin'], async (c) => (await fetch(`${server.url}/api/uploads/${uploadId}`, { headers: { cookie: c.cookie } })).status === 200],
  ['read the patient history', ['assignee', 'requester', 'coordinator', 'admin'], async (c) => (await c.request('GET', `/api/requests/${request.id}/history`)).status === 200],
  // The case is not closed yet: its two professionals reach the letter (« not yet », 409), nobody else learns it exists.
  ['reach the closing letter', ['assignee', 'requester'], async (c) => [200, 409].includes((await fetch(`${server.url}/api/requests/${request.id}/lettre-de-cloture.pdf`, { headers: { cookie: c.cookie } })).status)],
  ['read one’s own MSSanté address', ['member', 'alerted', 'assignee', 'requester', 'coordinator', 'admin'], async (c) => (await c.request('GET', '/api/account/mssante')).status === 200],
  ['list one’s own unscheduled-care slots', ['member', 'alerted', 'assignee', 'requester', 'coordinator', 'admin'], async (c) => (await c.request('GET', '/api/slots')).status === 200],
  // A session is not the SAS's key.
  ['read the slots as the SAS (FHIR)', [], async (c) => (await c.request('GET', '/api/fhir/Slot')).status === 200],
  ['list who accessed the case', ['coordinator', 'admin'], async (c) => (await c.request('GET', `/api/audit?requestId=${request.id}`)).status === 200],
  ['read the SMS and e-mail outbox', ['coordinator', 'admin'], async (c) => (await c.request('GET', '/api/outbox')).status === 200],
  ['read the duty roster', ['coordinator', 'admin'], async (c) => (await c.request('GET', '/api/roster')).status === 200],
  ['read the directory', ['member', 'alerted', 'assignee', 'requester', 'coordinator', 'admin'], async (c) => (await c.request('GET', '/api/sync/members/_changes?since=0&limit=5')).status === 200],
  ['write a server-owned field (status)', [], async (c) => (await post(c, 'requests', [{ ...request, status: 'resolved' }])).json?.[0]?.ok === true],
  ['write a server-owned field (assignee)', [], async (c) => (await post(c, 'requests', [{ ...request, assigneeId: ids.member }])).json?.[0]?.ok === true],
  ['forge another author on a message', [], async (c) => {
    const me = (await c.request('GET', '/api/session')).json?.user?.memberId;
    const victim = me === ids.requester ? ids.assignee : ids.requester;
    return (await post(c, 'messages', [message(request, victim, 'message', 'forgé')])).json?.[0]?.ok === true;
  }],
  ['raise one’s own role', [], async (c) => {
    const me = (await c.request('GET', '/api/session')).json?.user;
    return Boolean(me) && (await c.request('PUT', `/api/accounts/${me.id}/roles`, { roles: ['member', 'coordinator', 'admin'] })).status === 200;
  }],
];

beforeAll(async () => {
  server = await startTestServer();
  clients.anonymous = new Client(server.url);
  clients.coordinator = new Client(server.url);
  ids.coordinator = (await clients.coordinator.login(demo('coordination').email, demo('coordination').password)).json.user.memberId;
  clients.requester = new Client(server.url);
  ids.requester = (await clients.requester.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  const nurses = await nurseIds(server);
  await makeAvailable(server, nurses.slice(0, 2), 0.1);
  const pharmacist = (await server.parts.storage.couch.use('members').list({ include_docs: true })).rows.find((r) => (r.doc as { profession?: string }).profession === '21')!.id;
  ids.member = pharmacist;
  clients.member = await clientFor(server, pharmacist);
  await server.parts.accounts.create({ _id: 'acc-matrix-admin', email: 'admin@matrix.test', passwordHash: await hashPassword('Admin-matrice-2026'), roles: ['member', 'admin'], status: 'active', memberId: 'm-coordination', name: 'Admin' });
  clients.admin = new Client(server.url);
  // On a cluster the e-mail index may answer from a copy the new account has not reached yet (the
  // login then fails): asked again a few times, fewer than the failures that hold an account back.
  for (let attempt = 1; ; attempt++) {
    const login = await clients.admin.login('admin@matrix.test', 'Admin-matrice-2026');
    if (login.status === 200 || attempt === 4) {
      expect(login.status).toBe(200);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }

  request = newRequest(ids.requester);
  await post(clients.requester, 'requests', [request]);
  await post(clients.requester, 'patients', [patientFor(request)]);
  const searching = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.alerted.length ?? 0) >= 2);
  [ids.assignee, ids.alerted] = searching.dispatch!.alerted;
  clients.assignee = await clientFor(server, ids.assignee);
  clients.alerted = await clientFor(server, ids.alerted);
  await post(clients.assignee, 'messages', [message(request, ids.assignee, 'accept')]);
  request = await until(() => storedRequest(server, request.id), (r) => r.status === 'assigned');
  thread = message(request, ids.requester, 'message', 'Le pansement est à refaire ce soir.');
  expect((await post(clients.requester, 'messages', [thread])).json[0].ok).toBe(true);
  const upload = await fetch(`${server.url}/api/uploads/${uploadId}?requestId=${request.id}`, { method: 'PUT', headers: { cookie: clients.requester.cookie, 'content-type': 'image/png' }, body: PNG });
  expect(upload.status).toBeLessThan(300);
  await until(() => docOf(clients.assignee, 'messages', thread.id), Boolean);
}, 120_000);
afterAll(async () => server?.dispose());

describe('authorization matrix', () => {
  it('matches the expected allow/deny in every cell', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [what, allowed, check] of MATRIX) {
      for (const role of ROLES) {
        cells++;
        const expected = allowed.includes(role);
        const actual = await check(clients[role]).catch(() => false);
        if (actual !== expected) mismatches.push(`${role} — ${what}: expected ${expected ? 'allowed' : 'denied'}, got ${actual ? 'allowed' : 'denied'}`);
      }
    }
    console.log(`rights matrix: ${cells} cells, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
    // Nothing the denied writes tried reached the database.
    const after = await storedRequest(server, request.id);
    expect(after).toMatchObject({ status: 'assigned', assigneeId: ids.assignee });
  });

  it('refuses a pending registration at login and a logged-out cookie everywhere', async () => {
    await server.parts.accounts.create({ _id: 'acc-matrix-pending', email: 'pending@matrix.test', passwordHash: await hashPassword('Pending-matrice-2026'), roles: ['member'], status: 'pending', memberId: 'm-coordination', name: 'En attente' });
    const pending = new Client(server.url);
    const res = await pending.login('pending@matrix.test', 'Pending-matrice-2026');
    expect(res.status).toBe(401);
    expect(res.json.error).toMatch(/validation/);
    const replay = new Client(server.url);
    replay.cookie = clients.alerted.cookie;
    await clients.alerted.request('DELETE', '/api/session');
    for (const path of ['/api/session', '/api/sync/requests/_changes?since=0', `/api/uploads/${uploadId}`]) {
      expect((await replay.request('GET', path)).status, path).toBe(401);
    }
  });

  it('sends the security headers, and HSTS with Secure cookies behind HTTPS', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const https = await startTestServer({ PUBLIC_URL: 'https://cpts.example.fr', DEMO: '1' });
    try {
      expect((await fetch(`${https.url}/api/health`)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      const login = await new Client(https.url).login(demo('pharmacien').email, demo('pharmacien').password);
      expect(login.headers.get('set-cookie')).toMatch(/Secure/i);
    } finally {
      await https.dispose();
    }
  });
});
