import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import { TestClock } from '../testing/clock';
import { testLog } from '../testing/log';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, makeAvailable, message, newRequest, nurseIds, patientFor, post, storedRequest, until } from '../testing/requests';
import { nodeCaseReplica, type CaseReplica } from '../testing/rxdb';
import { DevicePurge } from './purge';

const DAY_MS = 86_400_000;
/** A name found nowhere else, so that its absence from what devices receive means something. */
const IDENTITY = { lastName: 'Purgeville', firstName: 'Honorine', birthDate: '1937-03-08', sex: 'F', address: '12 rue du Lavoir, 57000 Metz' };
const NOTE = 'Clef sous le pot de géraniums';

let server: TestServer;
let gp: Client;
let gpId: string;
let nurseId: string;
let nurse: Client;
const replicas: CaseReplica[] = [];

const idsOf = async (replica: CaseReplica, requestId: string) => ({
  patients: (await replica.db.patients.find().exec()).map((d) => d.id),
  messages: (await replica.db.messages.find({ selector: { requestId } }).exec()).map((d) => d.text ?? d.kind),
});

/** The documents of a case the server marked for withdrawal from devices. */
async function markedOnServer(requestId: string): Promise<{ patients: number; messages: number }> {
  const couch = server.parts.storage.couch;
  const patient = await couch.use<Record<string, unknown>>('patients').get(patientIdOf(requestId));
  const thread = await couch.use<Record<string, unknown>>('messages').view('messages', 'by_request', { startkey: [requestId], endkey: [requestId, {}], include_docs: true });
  return { patients: patient.purgedFromDevices ? 1 : 0, messages: thread.rows.filter((r) => r.doc?.purgedFromDevices).length };
}

beforeAll(async () => {
  server = await startTestServer({ DEVICE_PURGE_DAYS: '30' });
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  const nurses = await nurseIds(server, 3);
  await makeAvailable(server, nurses);
});
afterAll(async () => {
  for (const replica of replicas) await replica.close();
  // Sockets the replicas' aborted requests left open without a request would hold the close for a minute.
  server?.app.server.closeAllConnections();
  await server?.dispose();
});

describe('closed cases purged from devices', () => {
  it('leave a synced device and never reach a fresh one, while the server keeps them for the history', async () => {
    // A case taken by a nurse, with its patient block and a thread, on the nurse's device.
    const request = newRequest(gpId);
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [{ ...patientFor(request), identity: IDENTITY }]);
    const searching = await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.alerted.length ?? 0) > 0);
    nurseId = searching.dispatch!.alerted[0];
    nurse = await clientFor(server, nurseId);
    expect((await post(nurse, 'messages', [message(request, nurseId, 'accept')])).json[0].ok).toBe(true);
    await until(() => storedRequest(server, request.id), (r) => r.assigneeId === nurseId);
    await post(nurse, 'messages', [message(request, nurseId, 'message', NOTE)]);
    const device = await nodeCaseReplica(server.url, () => nurse.cookie);
    replicas.push(device);
    await until(() => idsOf(device, request.id), (ids) => ids.patients.includes(patientIdOf(request.id)) && ids.messages.includes(NOTE));

    // Closed: still on the device until the delay has passed (the server sweeps every hour of its clock).
    await post(nurse, 'messages', [message(request, nurseId, 'resolve')]);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'resolved');
    const purge = server.parts.devicePurge;
    expect(await purge.sweep()).toEqual({ patients: 0, messages: 0 });
    await server.clock.advance(29 * DAY_MS);
    expect(await markedOnServer(request.id)).toEqual({ patients: 0, messages: 0 });

    // 31 days on: the hourly sweep marks the patient block and the whole thread, once; they leave the device.
    await server.clock.advance(2 * DAY_MS);
    expect(await markedOnServer(request.id)).toEqual({ patients: 1, messages: 3 });
    expect(await purge.sweep()).toEqual({ patients: 0, messages: 0 });
    await until(() => idsOf(device, request.id), (ids) => ids.patients.length === 0 && ids.messages.length === 0);
    // What the device keeps is a deletion without data, which its cleanup then removes.
    const kept = await device.db.patients.storageInstance.findDocumentsById([patientIdOf(request.id)], true);
    expect(kept).toHaveLength(1);
    expect(kept[0]._deleted).toBe(true);
    expect(JSON.stringify(kept)).not.toContain(IDENTITY.lastName);
    await device.db.patients.cleanup(0);
    expect(await device.db.patients.storageInstance.findDocumentsById([patientIdOf(request.id)], true)).toEqual([]);
    expect(device.errors).toEqual([]);

    // The server keeps everything: the device's deletion never went back to it.
    const stored = (await server.parts.storage.couch.use<Record<string, any>>('patients').get(patientIdOf(request.id))) as Record<string, any>;
    expect(stored).toMatchObject({ identity: { lastName: IDENTITY.lastName }, purgedFromDevices: expect.any(String) });
    expect(stored._deleted).toBeUndefined();
    const thread = await server.parts.storage.couch.use<Record<string, any>>('messages').view('messages', 'by_request', { startkey: [request.id], endkey: [request.id, {}], include_docs: true });
    expect(thread.rows.map((r) => r.doc!.text).filter(Boolean)).toEqual([NOTE]);
    // The assignee still reads the case's history through the server.
    expect((await nurse.request('GET', `/api/requests/${request.id}/history`)).status).toBe(200);

    // A fresh device of the nurse receives nothing of it, and nothing of it is audited as read.
    await server.parts.audit.flush();
    const readsBefore = (await server.parts.audit.forRequest(request.id)).filter((e) => e.via === 'sync').length;
    const fresh = await nodeCaseReplica(server.url, () => nurse.cookie);
    replicas.push(fresh);
    await Promise.all(fresh.replications.map((r) => r.awaitInitialReplication()));
    expect(await idsOf(fresh, request.id)).toEqual({ patients: [], messages: [] });
    expect(await fresh.db.patients.storageInstance.findDocumentsById([patientIdOf(request.id)], true)).toEqual([]);
    for (const collection of ['patients', 'messages']) {
      const raw = await nurse.request('GET', `/api/sync/${collection}/_changes?since=0&limit=1000&include_docs=true`);
      expect(JSON.stringify(raw.json)).not.toMatch(new RegExp(`${IDENTITY.lastName}|${NOTE}`));
    }
    await server.parts.audit.flush();
    expect((await server.parts.audit.forRequest(request.id)).filter((e) => e.via === 'sync')).toHaveLength(readsBefore);

    // The coordination's first sync reads the change feed: a deletion without data, never the data.
    const coordinator = new Client(server.url);
    await coordinator.login(demo('coordination').email, demo('coordination').password);
    const feed = await coordinator.request('GET', '/api/sync/patients/_changes?since=0&limit=1000&include_docs=true');
    const row = feed.json.results.find((r: { id: string }) => r.id === patientIdOf(request.id));
    expect(row).toMatchObject({ deleted: true, doc: { _deleted: true, requestId: request.id } });
    expect(JSON.stringify(feed.json)).not.toContain(IDENTITY.lastName);
    // Asked for by id (a push reads the server's state first), it reads as deleted too.
    const read = await coordinator.request('POST', '/api/sync/patients/_all_docs', { keys: [patientIdOf(request.id)], include_docs: true });
    expect(read.json.rows[0]).toMatchObject({ value: { deleted: true }, doc: { _deleted: true } });
    expect(JSON.stringify(read.json)).not.toContain(IDENTITY.lastName);
  });

  it('keep the requester’s follow-up (two answers, no words) on devices, for the year’s indicators', async () => {
    // Its deadline on the server's clock, which the test before moved a month on.
    const request = newRequest(gpId, { deadline: new Date(server.clock.now() + 12 * 3_600_000).toISOString() });
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const searching = await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.alerted.length ?? 0) > 0);
    const taker = await clientFor(server, searching.dispatch!.alerted[0]);
    await post(taker, 'messages', [message(request, searching.dispatch!.alerted[0], 'accept')]);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'assigned');
    await post(taker, 'messages', [message(request, searching.dispatch!.alerted[0], 'resolve')]);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'resolved');
    const answer = { ...message(request, gpId, 'follow-up'), covered: true, emergency: false };
    expect((await post(gp, 'messages', [answer])).json[0].ok).toBe(true);
    await until(() => storedRequest(server, request.id), (r) => Boolean(r.history?.some((h) => h.ref === answer.id)));
    await server.clock.advance(40 * DAY_MS);
    await until(() => markedOnServer(request.id), (m) => m.patients === 1);
    expect(await markedOnServer(request.id)).toEqual({ patients: 1, messages: 2 });
    const kept = (await server.parts.storage.couch.use<Record<string, unknown>>('messages').get(answer.id)) as Record<string, unknown>;
    expect(kept.purgedFromDevices).toBeUndefined();
    const coordinator = new Client(server.url);
    await coordinator.login(demo('coordination').email, demo('coordination').password);
    const read = await coordinator.request('POST', '/api/sync/messages/_all_docs', { keys: [answer.id], include_docs: true });
    expect(read.json.rows[0].doc).toMatchObject({ kind: 'follow-up', covered: true, emergency: false });
  });

  it('leave an open case alone, however old', async () => {
    const request = newRequest(gpId, { createdAt: new Date(Date.now() - 90 * DAY_MS).toISOString(), updatedAt: new Date(Date.now() - 90 * DAY_MS).toISOString() });
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [{ ...patientFor(request), identity: IDENTITY }]);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'searching');
    // A sweep 400 days on, on a clock of its own: the server's would take the dispatcher there too, and it would close the case.
    const later = new TestClock();
    await later.advance(400 * DAY_MS);
    await new DevicePurge(server.parts.storage.couch, 30, testLog, later).sweep();
    expect(await markedOnServer(request.id)).toEqual({ patients: 0, messages: 0 });
  });
});
