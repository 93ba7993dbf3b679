import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import { distanceKm } from '../../src/domain/geo';
import { IDNAT_PS_SYSTEM } from '../../src/domain/slots/fhir';
import { fhirErrors } from '../testing/fhir-schema';
import { clientFor, newRequest, post, storedRequest, until } from '../testing/requests';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { toDomainDoc } from '../storage/docs';

const KEY = 'cle-du-sas-pour-les-tests-0123456789abcdef';
const HOUR = 3_600_000;

let server: TestServer;
let gp: Client;
let gpId: string;
let doctor: Member;
let doctorClient: Client;
let nurseClient: Client;

const fhir = (query: string, key: string | null = KEY) => new Client(server.url).request('GET', `/api/fhir/Slot${query}`, undefined, key ? { authorization: `Bearer ${key}` } : {});

beforeAll(async () => {
  server = await startTestServer({ SAS_API_KEY: KEY });
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  const rows = (await server.parts.storage.couch.use('members').list({ include_docs: true })).rows.filter((r) => !r.id.startsWith('_'));
  const members = rows.map((r) => toDomainDoc<Member>(r.doc as unknown as Record<string, unknown>));
  const place = newRequest(gpId).place;
  // The general practitioner nearest the patient, with an RPPS number: the one who offers a slot.
  doctor = members
    .filter((m) => m.kind === 'professional' && m.status === 'active' && m.profession === '10' && m.specialty === 'Médecine générale' && m.id !== gpId && m.identifiers?.rpps)
    .sort((a, b) => distanceKm(place, a.location) - distanceKm(place, b.location))[0];
  doctorClient = await clientFor(server, doctor.id);
  nurseClient = await clientFor(server, members.find((m) => m.profession === '60' && m.status === 'active')!.id);
});
afterAll(async () => server?.dispose());

describe('unscheduled-care slots', () => {
  it('are offered by a doctor from the app, checked, listed and withdrawn; refused in French otherwise', async () => {
    const start = new Date(server.clock.now() + 2 * HOUR).toISOString();
    const offered = await doctorClient.request('POST', '/api/slots', { start, minutes: 30 });
    expect(offered.status).toBe(201);
    expect(offered.json).toMatchObject({ memberId: doctor.id, start, status: 'free' });
    expect((await doctorClient.request('GET', '/api/slots')).json).toEqual({ mayOffer: true, slots: [offered.json] });

    const overlap = await doctorClient.request('POST', '/api/slots', { start: new Date(Date.parse(start) + 10 * 60_000).toISOString(), minutes: 30 });
    expect(overlap.status).toBe(409);
    expect(overlap.json.error).toMatch(/chevauche/);
    const past = await doctorClient.request('POST', '/api/slots', { start: new Date(server.clock.now() - 2 * HOUR).toISOString(), minutes: 30 });
    expect(past.status).toBe(400);
    expect(past.json.error).toMatch(/déjà passé/);
    const length = await doctorClient.request('POST', '/api/slots', { start, minutes: 600 });
    expect(length.status).toBe(400);
    expect(length.json.fields).toEqual([{ field: 'minutes', message: expect.stringContaining('« minutes »') }]);
    const nurse = await nurseClient.request('POST', '/api/slots', { start, minutes: 30 });
    expect(nurse.status).toBe(403);
    expect(nurse.json.error).toMatch(/médecins/);
    expect((await nurseClient.request('GET', '/api/slots')).json).toEqual({ mayOffer: false, slots: [] });
    expect((await new Client(server.url).request('GET', '/api/slots')).status).toBe(401);

    const other = await doctorClient.request('POST', '/api/slots', { start: new Date(server.clock.now() + 26 * HOUR).toISOString(), minutes: 20 });
    // Someone else's slot is not found; the doctor's own goes.
    expect((await nurseClient.request('DELETE', `/api/slots/${other.json.id}`)).status).toBe(404);
    expect((await doctorClient.request('DELETE', `/api/slots/${other.json.id}`)).status).toBe(204);
    expect((await doctorClient.request('DELETE', '/api/slots/pas-un-creneau')).status).toBe(404);
    expect((await doctorClient.request('GET', '/api/slots')).json.slots.map((s: { id: string }) => s.id)).toEqual([offered.json.id]);
  });

  it('are served to the SAS as FHIR R4 Slot and Schedule resources, with the practitioner’s national identifier', async () => {
    const mine = (await doctorClient.request('GET', '/api/slots')).json.slots[0];
    const day = new Date(server.clock.now()).toISOString().slice(0, 10);
    const idNat = `8${doctor.identifiers!.rpps}`;
    const query = `?status=free&start=ge${day}&_include=Slot:schedule&_include:iterate=Schedule:actor&schedule.actor:Practitioner.identifier=${encodeURIComponent(`${IDNAT_PS_SYSTEM}|${idNat}`)}`;
    const res = await fhir(query);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(fhirErrors(res.json)).toEqual([]);
    expect(res.json).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    // The bundle names the search it answers.
    expect(res.json.link).toEqual([{ relation: 'self', url: `${server.url}/api/fhir/Slot${query}` }]);
    const byType = Object.fromEntries(res.json.entry.map((e: { resource: { resourceType: string } }) => [e.resource.resourceType, e]));
    expect(byType.Slot).toMatchObject({ search: { mode: 'match' }, resource: { id: mine.id, status: 'free', start: mine.start, end: mine.end, schedule: { reference: `Schedule/snp-${doctor.id}` } } });
    expect(byType.Schedule).toMatchObject({ search: { mode: 'include' }, resource: { actor: [{ reference: `Practitioner/${doctor.id}`, identifier: { system: IDNAT_PS_SYSTEM, value: idNat } }] } });
    expect(byType.Practitioner.resource.identifier).toEqual([{ system: IDNAT_PS_SYSTEM, value: idNat }]);
    // Another practitioner's identifier: nothing.
    const none = await fhir(`?schedule.actor:Practitioner.identifier=${encodeURIComponent(`${IDNAT_PS_SYSTEM}|810000000000`)}`);
    expect(none.json).toMatchObject({ total: 0, entry: [] });
    expect(fhirErrors(none.json)).toEqual([]);
  });

  it('refuse the SAS without its key, and say in FHIR what is wrong with a search', async () => {
    for (const key of [null, 'une-autre-cle-de-meme-longueur-0123456789ab']) {
      const res = await fhir('', key);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'security' }] });
      expect(fhirErrors(res.json)).toEqual([]);
    }
    const bad = await fhir('?start=ge-demain');
    expect(bad.status).toBe(400);
    expect(bad.json.issue[0].diagnostics).toContain('« start »');
    expect(fhirErrors(bad.json)).toEqual([]);
  });

  it('make the doctor reachable now for a « soin non programmé » through the slot', async () => {
    const request = newRequest(gpId, { type: 'soin-non-programme', target: { professions: ['10'], specialty: 'Médecine générale' }, deadline: new Date(server.clock.now() + 12 * HOUR).toISOString() });
    expect((await post(gp, 'requests', [request])).json[0].ok).toBe(true);
    const searching = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.steps.length ?? 0) > 0);
    const why = searching.dispatch!.steps[0].why?.find((w) => w.memberId === doctor.id);
    expect(why?.reason).toMatch(/créneau de soins non programmés à \d\d h \d\d/);
    expect(searching.dispatch!.alerted).toContain(doctor.id);
  });
});
