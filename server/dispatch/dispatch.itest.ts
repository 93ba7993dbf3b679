import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import { rankCandidates } from '../../src/domain/requests/candidates';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, makeAvailable, message, newRequest, patientFor, post, storedRequest, until } from '../testing/requests';
import { toDomainDoc } from '../sync/rows';

let server: TestServer;
let gp: Client;
let gpId: string;
let coordinator: Client;
let nurses: string[];

async function directory(): Promise<Member[]> {
  const res = await server.services.storage.couch.use('members').list({ include_docs: true });
  return res.rows.filter((r) => !r.id.startsWith('_')).map((r) => toDomainDoc(r.doc as unknown as Record<string, unknown>) as unknown as Member);
}

beforeAll(async () => {
  server = await startTestServer();
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  coordinator = new Client(server.url);
  await coordinator.login(demo('coordination').email, demo('coordination').password);
  const all = await directory();
  nurses = all.filter((m) => m.profession === '60').slice(0, 12).map((m) => m.id);
  await makeAvailable(server, nurses);
  await new Promise((r) => setTimeout(r, 500));
});
afterAll(async () => server?.dispose());

describe('dispatch of a care request', () => {
  it('alerts exactly the qualified, available, nearest members, records why, and shows the card to them only', async () => {
    const request = newRequest(gpId);
    expect((await post(gp, 'requests', [request])).json[0].ok).toBe(true);
    expect((await post(gp, 'patients', [patientFor(request)])).json[0].ok).toBe(true);
    const searching = await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.alerted.length ?? 0) > 0);
    const expected = rankCandidates(await directory(), request, 10, Date.now()).slice(0, 10).map((c) => c.memberId);
    expect(searching.dispatch!.alerted).toEqual(expected);
    expect(searching.dispatch!.steps[0]).toMatchObject({ kind: 'circle', radiusKm: 10, alerted: expected });
    expect(searching.dispatch!.steps[0].reason).toMatch(/cercle 1/);
    expect(searching.readers).toEqual(expected);

    const alerted = await clientFor(server, expected[0]);
    const seen = await alerted.request('POST', '/api/sync/requests/_all_docs', { keys: [request.id], include_docs: true });
    expect(seen.json.rows[0].doc.question).toBe(request.question);
    expect(JSON.stringify(seen.json)).not.toContain('Durand');
    // Alerted is not enough for the patient block.
    const block = await alerted.request('POST', '/api/sync/patients/_all_docs', { keys: [patientIdOf(request.id)], include_docs: true });
    expect(block.json.rows[0].error).toBe('not_found');

    const outsider = await clientFor(server, (await directory()).find((m) => m.profession === '21')!.id);
    for (const path of ['/api/sync/requests/_changes?since=0&limit=1000', '/api/sync/patients/_changes?since=0&limit=1000']) {
      const res = await outsider.request('GET', path);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json)).not.toContain(request.id.slice(2));
    }
    expect((await outsider.request('POST', '/api/sync/requests/_all_docs', { keys: [request.id], include_docs: true })).json.rows[0].error).toBe('not_found');
    expect((await outsider.request('GET', `/api/sync/patients/_all_docs?keys=${encodeURIComponent(JSON.stringify([patientIdOf(request.id)]))}&include_docs=true`)).json.rows[0].error).toBe('not_found');
  });

  it('ten members accepting at the same moment give one assignee and nine refusals, none lost', async () => {
    const request = newRequest(gpId);
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const searching = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.alerted.length ?? 0) >= 10);
    const ten = searching.dispatch!.alerted.slice(0, 10);
    const clients = await Promise.all(ten.map((id) => clientFor(server, id)));
    const accepts = ten.map((id) => message(request, id, 'accept'));
    const results = await Promise.all(clients.map((c, i) => post(c, 'messages', [accepts[i]])));
    expect(results.every((r) => r.json[0].ok)).toBe(true);

    const done = await until(() => storedRequest(server, request.id), (r) => (r.history ?? []).filter((h) => h.event.startsWith('accept')).length === 10);
    expect(done.status).toBe('assigned');
    expect(ten).toContain(done.assigneeId);
    const refused = done.history!.filter((h) => h.event === 'accept-refused');
    expect(refused).toHaveLength(9);
    expect(new Set(done.history!.filter((h) => h.event.startsWith('accept')).map((h) => h.by))).toEqual(new Set(ten));
    const stored = await server.services.storage.couch.use('messages').fetch({ keys: accepts.map((a) => a.id) });
    expect(stored.rows.every((r) => 'doc' in r && r.doc)).toBe(true);

    // The patient block: requester, assignee, coordinators; not the nine others.
    const assignee = clients[ten.indexOf(done.assigneeId!)];
    const loser = clients[ten.indexOf(done.assigneeId!) === 0 ? 1 : 0];
    const read = (c: Client) => c.request('POST', '/api/sync/patients/_all_docs', { keys: [patientIdOf(request.id)], include_docs: true });
    await until(() => read(assignee), (r) => r.json.rows[0].doc?.identity?.lastName === 'Durand');
    expect((await read(gp)).json.rows[0].doc.identity.lastName).toBe('Durand');
    expect((await read(coordinator)).json.rows[0].doc.identity.lastName).toBe('Durand');
    expect((await read(loser)).json.rows[0].error).toBe('not_found');
    // The nine others still see the card, now taken.
    expect((await loser.request('POST', '/api/sync/requests/_all_docs', { keys: [request.id], include_docs: true })).json.rows[0].doc.status).toBe('assigned');
    // Every read of the patient block is in the audit log.
    const audit = await server.services.audit.forRequest(request.id);
    expect(audit.map((a) => a.memberId)).toEqual(expect.arrayContaining([done.assigneeId, gpId]));
  });

  it('asks the usual professional alone first, then widens the circle when the time is up', async () => {
    const usual = nurses[11];
    const request = newRequest(gpId, { usualProfessionalId: usual });
    await post(gp, 'requests', [request]);
    const first = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.steps.length ?? 0) >= 1);
    expect(first.dispatch!.steps[0]).toMatchObject({ kind: 'usual', alerted: [usual] });
    expect(first.dispatch!.alerted).toEqual([usual]);
    const realNow = server.services.dispatcher.now;
    server.services.dispatcher.now = () => Date.now() + 31 * 60_000;
    try {
      await server.services.dispatcher.tick();
      const widened = await storedRequest(server, request.id);
      expect(widened.dispatch!.steps.map((s) => s.kind)).toEqual(['usual', 'circle']);
      expect(widened.dispatch!.steps[1].alerted).not.toContain(usual);
    } finally {
      server.services.dispatcher.now = realNow;
    }
  });

  it('escalates to the coordinators at the deadline, then expires the request', async () => {
    const request = newRequest(gpId, { type: 'entree-directe', target: { professions: ['hopital'] }, urgency: 'immediate' });
    await post(gp, 'requests', [request]);
    await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.steps.length ?? 0) > 0);
    const realNow = server.services.dispatcher.now;
    try {
      server.services.dispatcher.now = () => Date.parse(request.deadline) + 1000;
      for (let i = 0; i < 5; i++) await server.services.dispatcher.tick();
      const escalated = await storedRequest(server, request.id);
      expect(escalated.dispatch!.escalated).toBe(true);
      expect(escalated.dispatch!.steps.at(-1)!.kind).toBe('escalation');
      server.services.dispatcher.now = () => Date.parse(request.deadline) + 13 * 3_600_000;
      await server.services.dispatcher.tick();
      expect((await storedRequest(server, request.id)).status).toBe('expired');
    } finally {
      server.services.dispatcher.now = realNow;
    }
  });

  it('neither loses nor repeats dispatch work across a restart', async () => {
    const request = newRequest(gpId);
    await post(gp, 'requests', [request]);
    // Stopped at once: the request may or may not have been handled yet.
    const dir = server.dataDir;
    await server.stop();
    server = await startTestServer({}, dir);
    gp = new Client(server.url);
    await gp.login(demo('generaliste').email, demo('generaliste').password);
    const after = await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.steps.length ?? 0) > 0);
    await new Promise((r) => setTimeout(r, 1500));
    const settled = await storedRequest(server, request.id);
    expect(settled.history!.filter((h) => h.event === 'start-search')).toHaveLength(1);
    expect(settled.dispatch!.steps).toHaveLength(after.dispatch!.steps.length);
    expect(settled.dispatch!.steps.filter((s) => s.kind === 'circle' && s.radiusKm === 10)).toHaveLength(1);
  });
});
