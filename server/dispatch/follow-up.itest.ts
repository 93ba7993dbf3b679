import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import { startFakePushService, PushSubscriber, type FakePushService } from '../testing/push-service';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, makeAvailable, message, newRequest, nurseIds, patientFor, post, storedRequest, until } from '../testing/requests';

let server: TestServer;
let pushService: FakePushService;
let gp: Client;
let gpId: string;
let nurse: string;

beforeAll(async () => {
  pushService = await startFakePushService();
  server = await startTestServer();
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  [nurse] = await nurseIds(server, 1);
  await makeAvailable(server, [nurse], 0);
});
afterAll(async () => {
  await server?.dispose();
  await pushService?.close();
});

describe('the follow-up after care', () => {
  it('records the requester’s answer, alerts the assignee of a bad one, and reopens the case to them in one message', async () => {
    const nurseClient = await clientFor(server, nurse);
    const subscriber = new PushSubscriber(`${pushService.url}/push/follow-up`);
    expect((await nurseClient.request('POST', '/api/push/subscriptions', subscriber.toJSON())).status).toBe(201);
    const request = newRequest(gpId);
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const searching = await until(() => storedRequest(server, request.id), (r) => Boolean(r.dispatch?.alerted.includes(nurse)));
    expect((await post(nurseClient, 'messages', [message(searching, nurse, 'accept')])).json[0].ok).toBe(true);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'assigned');
    expect((await post(nurseClient, 'messages', [message(searching, nurse, 'resolve')])).json[0].ok).toBe(true);
    const resolved = await until(() => storedRequest(server, request.id), (r) => r.status === 'resolved');
    const pushOf = (kind: string) =>
      until(
        async () => (await pushService.waitFor(1, 10_000)).map((p) => JSON.parse(subscriber.decrypt(p.body)) as { kind: string }).find((p) => p.kind === kind),
        (p) => p !== undefined,
      );

    // Only the requester answers the follow-up.
    expect((await post(nurseClient, 'messages', [{ ...message(resolved, nurse, 'follow-up'), covered: true, emergency: false }])).json[0].ok).not.toBe(true);
    const answer = { ...message(resolved, gpId, 'follow-up'), covered: false, emergency: true };
    expect((await post(gp, 'messages', [answer])).json[0].ok).toBe(true);
    const alerted = await until(() => storedRequest(server, request.id), (r) => Boolean(r.history?.some((h) => h.ref === answer.id)));
    expect(alerted.history!.at(-1)).toEqual({ at: expect.any(String), event: 'follow-up-alert', by: gpId, ref: answer.id });
    expect(alerted.status).toBe('resolved');
    // The coordinators on duty are alerted with the assignee (the demo coordinator, with nobody on the roster).
    expect(alerted.dispatch!.escalatedTo).toContain('m-coordination');
    // The card says a follow-up needs attention, never the answers themselves.
    expect(JSON.stringify(alerted)).not.toMatch(/covered|emergency/);

    const payload = await pushOf('follow-up');
    expect(payload).toMatchObject({ kind: 'follow-up', requestId: request.id, title: 'Suivi défavorable après prise en charge : passage infirmier à domicile (retour à domicile)' });
    expect(JSON.stringify(payload)).not.toMatch(/Durand|Jeanne|1941/);

    expect((await post(gp, 'messages', [message(resolved, gpId, 'reopen')])).json[0].ok).toBe(true);
    const reopened = await until(() => storedRequest(server, request.id), (r) => r.status === 'assigned');
    expect(reopened.assigneeId).toBe(nurse);
    expect(await pushOf('reopened')).toMatchObject({ title: expect.stringMatching(/^Demande rouverte par le demandeur/) });
    // The assignee still reads the patient block of the case reopened to them.
    const block = await nurseClient.request('POST', '/api/sync/patients/_all_docs', { keys: [patientIdOf(request.id)], include_docs: true });
    expect(block.json.rows[0].doc.identity.lastName).toBe('Durand');
  });
});
