import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import { ActivityLedger } from '../../src/domain/requests/activity';
import { radiusFor, rankingPolicy } from '../../src/domain/requests/dispatch-policies';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, closeAdmissions, makeAvailable, message, newRequest, patientFor, post, storedRequest, until } from '../testing/requests';
import { toDomainDoc } from '../storage/docs';

let server: TestServer;
let gp: Client;
let gpId: string;
let coordinator: Client;
let nurses: string[];

async function directory(): Promise<Member[]> {
  const res = await server.parts.storage.couch.use('members').list({ include_docs: true });
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
});
afterAll(async () => server?.dispose());

describe('dispatch of a care request', () => {
  it('alerts the few most likely to accept soon, records why each one, and shows the card to them only', async () => {
    const request = newRequest(gpId);
    // What the ranking chooses on this directory, the dispatcher having alerted nobody yet.
    const members = await directory();
    const byId = new Map(members.map((m) => [m.id, m]));
    const ledger = new ActivityLedger();
    const context = { members, byId: (id: string) => byId.get(id), activity: (id: string) => ledger.of(id, server.clock.now()), timeZone: 'Europe/Paris', radiusKm: radiusFor({}), now: server.clock.now() };
    const planned = rankingPolicy.next(request, new Set(), 0, context)!;
    expect((await post(gp, 'requests', [request])).json[0].ok).toBe(true);
    expect((await post(gp, 'patients', [patientFor(request)])).json[0].ok).toBe(true);
    const searching = await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.alerted.length ?? 0) > 0);
    const expected = planned.alert;
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(40);
    expect(searching.dispatch!.alerted).toEqual(expected);
    expect(searching.dispatch!.steps[0]).toMatchObject({ kind: 'circle', alerted: expected, why: planned.why });
    expect(searching.dispatch!.steps[0].why!.every((w) => /km, (disponible maintenant|d’astreinte|dans ses horaires)/.test(w.reason))).toBe(true);
    expect(searching.dispatch!.escalateAt).toBe(new Date(Date.parse(searching.history![0].at) + 2 * 3_600_000).toISOString());
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
    // Immediate: five at a step, a step every five minutes.
    const request = newRequest(gpId, { urgency: 'immediate' });
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.alerted.length ?? 0) >= 5);
    await server.clock.advance(5 * 60_000 + 1000);
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
    const stored = await server.parts.storage.couch.use('messages').fetch({ keys: accepts.map((a) => a.id) });
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
    // On a cluster, a view or a listing answers from one copy of each shard, which may not hold the last writes yet.
    await expect.poll(async () => (await server.parts.audit.forRequest(request.id)).map((a) => a.memberId), { timeout: 15_000 }).toEqual(expect.arrayContaining([done.assigneeId, gpId]));
  });

  it('asks the usual professional alone first, then the ranked others when the time is up', async () => {
    const usual = nurses[11];
    const request = newRequest(gpId, { usualProfessionalId: usual });
    await post(gp, 'requests', [request]);
    const first = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.steps.length ?? 0) >= 1);
    expect(first.dispatch!.steps[0]).toMatchObject({ kind: 'usual', alerted: [usual] });
    expect(first.dispatch!.alerted).toEqual([usual]);
    await server.clock.advance(31 * 60_000);
    const widened = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.steps.length ?? 0) >= 2);
    expect(widened.dispatch!.steps.map((s) => s.kind)).toEqual(['usual', 'circle']);
    expect(widened.dispatch!.steps[1].alerted).not.toContain(usual);
  });

  it('alerts the coordinators at once, with the reason, when nobody can be reached; then expires the request', async () => {
    // No hospital has declared a service open to direct admissions.
    await closeAdmissions(server);
    const request = newRequest(gpId, { type: 'entree-directe', target: { professions: ['hopital'] }, urgency: 'immediate' });
    await post(gp, 'requests', [request]);
    const escalated = await until(() => storedRequest(server, request.id), (r) => Boolean(r.dispatch?.escalated));
    expect(escalated.dispatch!.steps.map((s) => s.kind)).toEqual(['escalation']);
    expect(escalated.dispatch!.steps[0].reason).toMatch(/^aucun preneur joignable pour « entrée directe à l’hôpital » à \d\d h \d\d : \d+ coordinateur\(s\) de permanence alerté\(s\)$/);
    expect(escalated.dispatch!.escalatedTo!.length).toBeGreaterThan(0);
    await server.clock.advance(Date.parse(request.deadline) + 13 * 3_600_000 - server.clock.now());
    expect((await until(() => storedRequest(server, request.id), (r) => r.status === 'expired')).status).toBe('expired');
  });

  it('keeps what a member writes off the card every alerted member reads, and takes it off cards written before', async () => {
    const words = 'Mme Durand-Secret sort de chirurgie';
    const request = newRequest(gpId, { deadline: new Date(server.clock.now() + 12 * 3_600_000).toISOString() });
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const searching = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.alerted.length ?? 0) >= 2);
    const [decliner, other] = searching.dispatch!.alerted;
    const decline = message(searching, decliner, 'decline', words);
    expect((await post(await clientFor(server, decliner), 'messages', [decline])).json[0].ok).toBe(true);
    const declined = await until(() => storedRequest(server, request.id), (r) => Boolean(r.history?.some((h) => h.ref === decline.id)));
    expect(declined.history!.find((h) => h.ref === decline.id)).toEqual({ at: expect.any(String), event: 'decline', by: decliner, ref: decline.id });
    const seen = await (await clientFor(server, other)).request('POST', '/api/sync/requests/_all_docs', { keys: [request.id], include_docs: true });
    expect(seen.json.rows[0].doc.history.some((h: { ref?: string }) => h.ref === decline.id)).toBe(true);
    expect(JSON.stringify(seen.json)).not.toContain('Durand-Secret');
    // The words stay in the thread, for the coordination.
    const thread = await coordinator.request('POST', '/api/sync/messages/_all_docs', { keys: [decline.id], include_docs: true });
    expect(thread.json.rows[0].doc.text).toBe(words);

    // A card as the server wrote it before: the decline's words in its history.
    const db = server.parts.storage.couch.use<Record<string, unknown>>('requests');
    const stored = await db.get(request.id);
    const history = (stored.history as Array<Record<string, unknown>>).map((h) => (h.ref === decline.id ? { ...h, note: words } : h));
    await db.insert({ ...stored, history });
    const cleared = await until(() => storedRequest(server, request.id), (r) => r.history!.every((h) => h.note === undefined));
    expect(cleared.history!.find((h) => h.ref === decline.id)).toEqual({ at: expect.any(String), event: 'decline', by: decliner, ref: decline.id });
    expect(JSON.stringify((await (await clientFor(server, other)).request('POST', '/api/sync/requests/_all_docs', { keys: [request.id], include_docs: true })).json)).not.toContain('Durand-Secret');
  });

  it('neither loses nor repeats dispatch work across a restart', async () => {
    // Its deadline on this server's clock, which the test before moved a day on: handled before the
    // stop (as CouchDB's quick feed often has it), it must not be already late.
    const request = newRequest(gpId, { deadline: new Date(server.clock.now() + 12 * 3_600_000).toISOString() });
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
    expect(settled.dispatch!.steps.filter((s) => s.kind === 'circle')).toHaveLength(1);
  });
});
