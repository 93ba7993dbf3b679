import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareRequest } from '../../src/domain/requests/schema';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import { supervisionQueue } from '../../src/domain/supervision/queue';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, makeAvailable, message, newRequest, nurseIds, patientFor, post, storedRequest, until } from '../testing/requests';
import { toDomainDoc } from '../storage/docs';

let server: TestServer;
let gp: Client;
let gpId: string;
let c1: Client;
let c1Id: string;
let c2: Client;
const c2Id = 'm-coordination-nuit';

async function readableRequests(client: Client): Promise<CareRequest[]> {
  const res = await client.request('GET', '/api/sync/requests/_changes?since=0&limit=1000&include_docs=true');
  return res.json.results.map((r: { doc: Record<string, unknown> }) => toDomainDoc(r.doc) as unknown as CareRequest);
}

beforeAll(async () => {
  server = await startTestServer();
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  c1 = new Client(server.url);
  c1Id = (await c1.login(demo('coordination').email, demo('coordination').password)).json.user.memberId;
  const coordinationEntry = await server.parts.storage.couch.use('members').get('m-coordination');
  await server.parts.storage.couch.use('members').insert({ ...coordinationEntry, _id: c2Id, _rev: undefined, displayName: 'Coordination de nuit' } as never);
  c2 = await clientFor(server, c2Id, ['member', 'coordinator']);
});
afterAll(async () => server?.dispose());

describe('supervision', () => {
  it('keeps the roster for coordinators, with checked shifts', async () => {
    const shift = { memberId: c2Id, start: new Date(Date.now() - 3_600_000).toISOString(), end: new Date(Date.now() + 8 * 3_600_000).toISOString() };
    expect((await gp.request('POST', '/api/roster', shift)).status).toBe(403);
    expect((await c1.request('POST', '/api/roster', { ...shift, end: shift.start })).json.error).toMatch(/suivre/);
    expect((await c1.request('POST', '/api/roster', { ...shift, memberId: gpId })).json.error).toMatch(/pas coordinateur/);
    expect((await c1.request('POST', '/api/roster', shift)).status).toBe(201);
    const roster = await c1.request('GET', '/api/roster');
    expect(roster.json.onDuty).toEqual([c2Id]);
  });

  it('puts an escalated request in the queue of the coordinator on duty, and only there', async () => {
    // A nurse is alerted and does not answer: at the time set for it, the coordinator on duty hears of it.
    const [nurse] = await nurseIds(server, 1);
    await makeAvailable(server, [nurse]);
    const request = newRequest(gpId, { urgency: 'immediate' });
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const searching = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.alerted ?? []).includes(nurse));
    expect(searching.dispatch!.escalated).toBeFalsy();
    await server.clock.advance(Date.parse(searching.dispatch!.escalateAt!) - server.clock.now());
    const escalated = await storedRequest(server, request.id);
    expect(escalated.dispatch).toMatchObject({ escalated: true, escalatedTo: [c2Id] });
    // The search goes on at once (its next circle was due): the escalation need not be the last step.
    expect(escalated.dispatch!.steps.find((s) => s.kind === 'escalation')).toMatchObject({ reason: expect.stringMatching(/^personne n’a accepté à /) });
    const now = server.clock.now();
    const queueOf = async (client: Client, id: string) => supervisionQueue(await readableRequests(client), now, id).map((q) => q.request.id);
    expect(await queueOf(c2, c2Id)).toContain(request.id);
    expect(await queueOf(c1, c1Id)).not.toContain(request.id);
    expect((await readableRequests(gp)).find((r) => r.id === request.id)?.dispatch?.escalated).toBe(true);
  });

  it('assigns on someone’s behalf after a phone call: it reaches the assignee like an acceptance, recorded as such', async () => {
    const [nurse] = await nurseIds(server, 1);
    await makeAvailable(server, [nurse], 50);
    const request = newRequest(gpId, { deadline: new Date(Date.now() + 3_600_000).toISOString() });
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'searching');
    const call = message(request, c2Id, 'call', 'D’accord pour passer à 18 h', { subjectId: nurse, outcome: 'agreed' });
    const assign = message(request, c2Id, 'accept', undefined, { onBehalfOf: nurse });
    expect((await post(c2, 'messages', [call, assign])).json.map((r: { ok?: boolean }) => r.ok)).toEqual([true, true]);
    // Both messages are applied, each in its turn (the feed may bring them in one batch or two).
    const assigned = await until(() => storedRequest(server, request.id), (r) => r.status === 'assigned' && (r.history ?? []).some((h) => h.event === 'call'));
    expect(assigned.assigneeId).toBe(nurse);
    expect(assigned.history!.map((h) => h.event)).toEqual(expect.arrayContaining(['call', 'accept']));
    // The history names the coordination's messages; what they say stays in the thread, off the card.
    expect(assigned.history!.find((h) => h.event === 'accept')).toEqual({ at: expect.any(String), event: 'accept', by: c2Id, ref: assign.id });
    expect(assigned.history!.find((h) => h.event === 'call')).toEqual({ at: expect.any(String), event: 'call', by: c2Id, ref: call.id });
    expect(JSON.stringify(assigned)).not.toContain('passer à 18 h');

    const nurseClient = await clientFor(server, nurse);
    const card = await nurseClient.request('POST', '/api/sync/requests/_all_docs', { keys: [request.id], include_docs: true });
    expect(card.json.rows[0].doc.assigneeId).toBe(nurse);
    await until(
      () => nurseClient.request('POST', '/api/sync/patients/_all_docs', { keys: [patientIdOf(request.id)], include_docs: true }),
      (r) => r.json.rows[0].doc?.identity?.lastName === 'Durand',
    );
  });

  it('refuses coordination messages from members and phone intake in someone else’s name', async () => {
    const request = newRequest(gpId);
    await post(gp, 'requests', [request]);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'searching');
    expect((await post(gp, 'messages', [message(request, gpId, 'note', 'note')])).json[0].reason).toMatch(/réservé à la coordination/);
    expect((await post(gp, 'requests', [newRequest(gpId, { intakeBy: gpId })])).json[0].reason).toMatch(/téléphone/);
    const intake = newRequest(gpId, { intakeBy: c2Id });
    expect((await post(c2, 'requests', [intake])).json[0].ok).toBe(true);
  });
});
