/**
 * Devices offline for days while the others work online, then back: hundreds of changes on both
 * sides (directory entries edited by their owner offline and by a coordinator online and the other
 * way round, drafts edited on two devices, requests posted, accepted, cancelled, closed, threads),
 * then every device converges on the server's documents, each conflict is resolved by its
 * collection's documented rule, and every edit a resolution did not keep is in the lost-edit store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLostEdits } from '../../src/data/lost-edits-store';
import { valueAt, type LostEdit } from '../../src/data/lost-edits';
import type { Member } from '../../src/domain/members/schema';
import type { SessionUser } from '../../src/domain/session/user';
import { prepareMemberWrite } from '../../src/members/rules';
import { offlineDevice, type CollectionName, type OfflineDevice } from '../testing/offline-device';
import { clientFor, makeAvailable, message, newRequest, patientFor, post, storedRequest, until } from '../testing/requests';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { toDomainDoc } from '../storage/docs';

type Doc = Record<string, unknown>;
const DAYS = 3;
const STEP = 10 * 60_000;
const HOUR = 3_600_000;

let server: TestServer;
let gp: Client;
let coordinator: Client;
let nurse: Client;
let otherNurse: Client;
let tabletUser: Client;
const ids = { gp: '', nurse: '', otherNurse: '', tablet: '' };
const devices: OfflineDevice[] = [];

/** Deterministic, so a failure replays the same days. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function setPath(doc: Doc, path: string, value: unknown): Doc {
  const [top, ...rest] = path.split('.');
  if (!rest.length) return { ...doc, [top]: value };
  return { ...doc, [top]: setPath((doc[top] as Doc | undefined) ?? {}, rest.join('.'), value) };
}

const withoutBookkeeping = (doc: Doc): Doc => {
  const { _rev, _meta, _attachments, _deleted, ...rest } = doc;
  return rest;
};

/** The documents as the gateway serves them to this user, by pages of keys (it takes a bounded number at once). */
async function gatewayDocs(client: Client, collection: string, keys: string[]): Promise<Map<string, Doc>> {
  const out = new Map<string, Doc>();
  for (let i = 0; i < keys.length; i += 500) {
    const res = await client.request('POST', `/api/sync/${collection}/_all_docs`, { keys: keys.slice(i, i + 500), include_docs: true });
    if (res.status !== 200) throw new Error(`_all_docs ${collection}: ${res.status} ${JSON.stringify(res.json)}`);
    for (const row of res.json.rows as Array<{ key: string; doc?: Doc }>) if (row.doc) out.set(row.key, withoutBookkeeping(toDomainDoc(row.doc)));
  }
  return out;
}

/** JSON with keys sorted at every level, to compare documents whatever the order of their fields. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Doc)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Every document id the gateway gives this user in a collection, by pages. */
async function readableIds(client: Client, collection: string): Promise<Set<string>> {
  const out = new Set<string>();
  let since: string | number = 0;
  for (;;) {
    const res = await client.request('GET', `/api/sync/${collection}/_changes?since=${since}&limit=1000`);
    for (const row of res.json.results as Array<{ id: string; deleted?: boolean }>) if (!row.deleted) out.add(row.id);
    if (res.json.results.length < 1000) return out;
    since = res.json.last_seq;
  }
}

/** The differences between a device's documents and what the gateway serves its user (empty: converged). */
async function differences(device: OfflineDevice, client: Client, collection: CollectionName): Promise<string[]> {
  const local = new Map((await device.collection(collection).find().exec()).map((d) => [d.primary, withoutBookkeeping(d.toJSON() as Doc)]));
  const readable = await readableIds(client, collection);
  const diffs = [...readable].filter((id) => !local.has(id)).map((id) => `${collection}/${id} missing on the device`);
  const server = await gatewayDocs(client, collection, [...local.keys()]);
  for (const [id, doc] of local) {
    if (canonical(doc) !== canonical(server.get(id) ?? null)) {
      diffs.push(`${collection}/${id} differs: ${JSON.stringify(doc).slice(0, 200)} ≠ ${JSON.stringify(server.get(id) ?? null).slice(0, 200)}`);
    }
  }
  return diffs;
}

/** What each side wrote on one entry while the device was offline, to compute the expected outcome apart from the code under test. */
interface EntryLog {
  id: string;
  device: Map<string, unknown>;
  online: Map<string, unknown>;
  deviceLast: number;
  onlineLast: number;
}
const logs = new Map<string, EntryLog>();
const logOf = (id: string) => logs.get(id) ?? logs.set(id, { id, device: new Map(), online: new Map(), deviceLast: 0, onlineLast: 0 }).get(id)!;

async function editOffline(device: OfflineDevice, user: SessionUser, id: string, path: string, value: unknown, at: number): Promise<void> {
  const doc = (await device.collection('members').findOne(id).exec())!;
  const current = doc.toMutableJSON() as Member;
  const [top] = path.split('.');
  const changes = { [top]: setPath(current as unknown as Doc, path, value)[top] } as Partial<Member>;
  const prepared = prepareMemberWrite(user, current, changes, new Date(at));
  if (!prepared.ok) throw new Error(prepared.message);
  expect(prepared.doc.updatedAt).toBe(new Date(at).toISOString());
  await doc.incrementalModify(() => prepared.doc);
  const log = logOf(id);
  log.device.set(path, value);
  log.deviceLast = at;
}

async function editOnline(client: Client, id: string, path: string, value: unknown, at: number): Promise<void> {
  const read = await client.request('POST', '/api/sync/members/_all_docs', { keys: [id], include_docs: true });
  const doc = setPath(read.json.rows[0].doc as Doc, path, value);
  const res = await client.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ ...doc, updatedAt: new Date(at).toISOString() }] });
  expect(res.json[0], JSON.stringify(res.json[0])).toMatchObject({ ok: true });
  const log = logOf(id);
  log.online.set(path, value);
  log.onlineLast = at;
}

/** The rule of `members`, stated from the log: a field written on one side keeps that value; on both, the side that wrote last. */
function expectedEntry(base: Doc, log: EntryLog): Doc {
  let doc = { ...base };
  const deviceLater = log.deviceLast > log.onlineLast;
  for (const path of new Set([...log.device.keys(), ...log.online.keys()])) {
    const fromDevice = log.device.has(path) && (!log.online.has(path) || deviceLater);
    doc = setPath(doc, path, fromDevice ? log.device.get(path) : log.online.get(path));
  }
  return { ...doc, updatedAt: new Date(Math.max(log.deviceLast, log.onlineLast, Date.parse(base.updatedAt as string))).toISOString() };
}

/** The fields of the device's edit that the rule gives to the other side: written on both, the other later. */
function expectedLost(log: EntryLog): string[] {
  if (!log.device.size || log.deviceLast > log.onlineLast) return [];
  return [...log.device.keys()].filter((path) => log.online.has(path)).sort();
}

const userOf = (memberId: string, roles: SessionUser['roles']): SessionUser => ({ id: `acc-${memberId}`, memberId, name: memberId, roles });

beforeAll(async () => {
  // No address service: entries keep their positions (a located address would be one more writer).
  server = await startTestServer({ GEOCODER_URL: 'http://127.0.0.1:9/search/' });
  gp = new Client(server.url);
  ids.gp = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  coordinator = new Client(server.url);
  await coordinator.login(demo('coordination').email, demo('coordination').password);
  nurse = new Client(server.url);
  ids.nurse = (await nurse.login(demo('infirmiere').email, demo('infirmiere').password)).json.user.memberId;
  const directory = await server.parts.storage.couch.use('members').list({ include_docs: true });
  const members = directory.rows.filter((r) => !r.id.startsWith('_')).map((r) => toDomainDoc(r.doc as unknown as Doc) as unknown as Member);
  const taken = new Set([ids.gp, ids.nurse, 'm-coordination']);
  ids.otherNurse = members.find((m) => m.profession === '60' && m.status === 'active' && !taken.has(m.id))!.id;
  ids.tablet = members.find((m) => m.profession === '10' && m.status === 'active' && !taken.has(m.id))!.id;
  otherNurse = await clientFor(server, ids.otherNurse);
  tabletUser = await clientFor(server, ids.tablet, ['coordinator']);
  await makeAvailable(server, [ids.nurse, ids.otherNurse]);
}, 180_000);

afterAll(async () => {
  await Promise.all(devices.map((d) => d.close()));
  // The devices dropped their connections mid-request; a real network would time them out, which
  // the server's shutdown would otherwise wait for (about a minute).
  server?.app.server.closeAllConnections();
  await server?.dispose();
});

describe('a long time offline, then back', () => {
  it('converges, resolves each conflict by its rule, and keeps every edit it did not retain', async () => {
    const rand = random(20_261_124);
    // Six requests the nurse is alerted to before leaving; she takes the first one online.
    const requests = Array.from({ length: 6 }, () => newRequest(ids.gp));
    for (const r of requests) {
      expect((await post(gp, 'requests', [r])).json[0].ok).toBe(true);
      await post(gp, 'patients', [patientFor(r)]);
    }
    for (const r of requests) await until(() => storedRequest(server, r.id), (s) => (s.dispatch?.alerted ?? []).includes(ids.nurse) && s.dispatch!.alerted.includes(ids.otherNurse));

    const phone = await offlineDevice(server.url, () => nurse.cookie, ['members', 'requests', 'messages']);
    const tablet = await offlineDevice(server.url, () => tabletUser.cookie, ['members', 'requests', 'messages']);
    const gpPhone = await offlineDevice(server.url, () => gp.cookie, ['requests']);
    devices.push(phone, tablet, gpPhone);
    for (const d of devices) d.online();
    await until(async () => (await phone.collection('requests').find().exec()).length, (n) => n >= 6, 60_000);
    const write = (d: OfflineDevice, name: CollectionName, doc: Doc) => d.collection(name).insert(doc);
    await write(phone, 'messages', message(requests[0], ids.nurse, 'accept'));
    // Three drafts on the doctor's phone: edited there offline, and on the desktop meanwhile.
    const drafts = Array.from({ length: 3 }, (_, i) => newRequest(ids.gp, { status: 'draft', question: `Brouillon ${i} commencé sur le téléphone.` }));
    for (const d of drafts) await write(gpPhone, 'requests', d as unknown as Doc);
    await until(() => storedRequest(server, requests[0].id), (r) => r.assigneeId === ids.nurse);
    await until(async () => (await Promise.all(drafts.map((d) => storedRequest(server, d.id)))).length, (n) => n === 3);
    await until(async () => (await phone.collection('requests').findOne(requests[0].id).exec())?.assigneeId, (a) => a === ids.nurse);
    for (const d of devices) await d.inSync();

    // The entries both sides will edit: the nurse's own (she offline, a coordinator online), and
    // twenty others (a coordinator's tablet offline, their owners online).
    const entries = (await tablet.collection('members').find().exec())
      .map((d) => d.toJSON() as unknown as Member)
      .filter((m) => m.status === 'active' && m.kind === 'professional' && ![ids.gp, ids.nurse, ids.otherNurse, ids.tablet, 'm-coordination'].includes(m.id))
      .slice(0, 20)
      .map((m) => m.id);
    const owners = new Map(await Promise.all(entries.map(async (id) => [id, await clientFor(server, id)] as const)));
    const base = new Map<string, Doc>();
    for (const id of [ids.nurse, ...entries]) base.set(id, withoutBookkeeping((await tablet.collection('members').findOne(id).exec())!.toJSON() as Doc));
    for (const d of devices) await d.offline();

    const nurseUser = userOf(ids.nurse, ['member']);
    const tabletCoordinator = userOf(ids.tablet, ['coordinator']);
    const t0 = Date.now() + 60_000;
    const offlineMessages: string[] = [];
    const draftText = (where: string, i: number) => `Brouillon complété ${where} (${i}).`;
    let changes = 0;
    for (let i = 0; i < (DAYS * 24 * HOUR) / STEP; i++) {
      const at = t0 + i * STEP;
      const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
      const value = (path: string, side: string, when: number): unknown => {
        if (path === 'availability.availableUntil') return new Date(when + 2 * HOUR).toISOString();
        if (path === 'availability.onCall') return [{ start: new Date(when + 24 * HOUR).toISOString(), end: new Date(when + 36 * HOUR).toISOString() }];
        if (path.startsWith('phones.')) return `0${side === 'device' ? 6 : 7} ${String(i).padStart(8, '0')}`;
        return `Signature écrite ${side === 'device' ? 'sur l’appareil' : 'en ligne'} à l’étape ${i}`;
      };
      if (rand() < 0.3) {
        const path = pick(['availability.availableUntil', 'availability.onCall', 'phones.mobile', 'signature']);
        await editOffline(phone, nurseUser, ids.nurse, path, value(path, 'device', at), at);
        changes++;
      }
      if (rand() < 0.15) {
        const path = pick(['availability.availableUntil', 'availability.onCall', 'phones.landline', 'signature']);
        await editOnline(coordinator, ids.nurse, path, value(path, 'online', at + STEP / 2), at + STEP / 2);
        changes++;
      }
      if (rand() < 0.4) {
        const path = pick(['signature', 'phones.landline', 'availability.onCall']);
        await editOffline(tablet, tabletCoordinator, pick(entries), path, value(path, 'device', at), at);
        changes++;
      }
      if (rand() < 0.3) {
        const id = pick(entries);
        const path = pick(['signature', 'phones.mobile', 'availability.availableUntil']);
        await editOnline(owners.get(id)!, id, path, value(path, 'online', at + STEP / 2), at + STEP / 2);
        changes++;
      }

      // Care requests, in real time, at fixed steps of the days.
      if (i === 20) {
        for (const r of [requests[1], requests[2]]) {
          const accept = message(r, ids.nurse, 'accept');
          await write(phone, 'messages', accept);
          offlineMessages.push(accept.id);
        }
      }
      if (i === 21) expect((await post(otherNurse, 'messages', [message(requests[1], ids.otherNurse, 'accept')])).json[0].ok).toBe(true);
      if (i % 30 === 5) {
        const note = message(requests[0], ids.nurse, 'message', `Passage fait, jour ${Math.floor(i / 144) + 1} (${i}).`);
        await write(phone, 'messages', note);
        offlineMessages.push(note.id);
      }
      if (i % 45 === 7) expect((await post(gp, 'messages', [message(requests[0], ids.gp, 'message', `Merci, suite du traitement (${i}).`)])).json[0].ok).toBe(true);
      if (i % 50 === 9) {
        const note = message(requests[5], ids.tablet, 'note', `Rappeler le cabinet (${i}).`);
        await write(tablet, 'messages', note);
        offlineMessages.push(note.id);
      }
      if (i === 100) {
        for (let k = 0; k < 10; k++) {
          const r = newRequest(ids.gp, { question: `Demande postée pendant l’absence (${k}).` });
          requests.push(r);
          await post(gp, 'requests', [r]);
          await post(gp, 'patients', [patientFor(r)]);
        }
      }
      if (i === 150) expect((await post(gp, 'messages', [message(requests[3], ids.gp, 'cancel')])).json[0].ok).toBe(true);
      if (i === 200) expect((await post(otherNurse, 'messages', [message(requests[4], ids.otherNurse, 'accept')])).json[0].ok).toBe(true);
      if (i === 300) {
        await until(() => storedRequest(server, requests[4].id), (r) => r.assigneeId === ids.otherNurse);
        expect((await post(gp, 'messages', [message(requests[4], ids.gp, 'resolve')])).json[0].ok).toBe(true);
      }
      // Drafts: the first sent from the desktop (so the phone's later edit loses), the second edited
      // on the phone only, the third on both, the phone later (it wins, as a draft).
      if (i === 10 || i === 60) {
        const doc = (await gpPhone.collection('requests').findOne(drafts[i === 10 ? 0 : 2].id).exec())!;
        await doc.incrementalPatch({ question: draftText('sur le téléphone', i), updatedAt: new Date().toISOString() });
      }
      if (i === 30) await gpPhone.collection('requests').findOne(drafts[1].id).exec().then((d) => d!.incrementalPatch({ question: draftText('sur le téléphone', i), updatedAt: new Date().toISOString() }));
      if (i === 40 || i === 50) {
        const stored = await gp.request('POST', '/api/sync/requests/_all_docs', { keys: [drafts[i === 40 ? 0 : 2].id], include_docs: true });
        const doc = { ...stored.json.rows[0].doc, question: draftText('sur l’ordinateur', i), updatedAt: new Date().toISOString(), ...(i === 40 ? { status: 'sent' } : {}) };
        expect((await gp.request('POST', '/api/sync/requests/_bulk_docs', { docs: [doc] })).json[0].ok).toBe(true);
      }
    }
    expect(changes).toBeGreaterThan(300);

    // What the server holds just before the devices come back: the other side of each conflict.
    const before = await gatewayDocs(coordinator, 'members', [ids.nurse, ...entries]);
    const deviceFinal = new Map<string, Doc>();
    for (const id of [ids.nurse, ...entries]) {
      const d = id === ids.nurse ? phone : tablet;
      deviceFinal.set(id, withoutBookkeeping((await d.collection('members').findOne(id).exec())!.toJSON() as Doc));
    }

    for (const d of devices) d.online();
    const pairs: Array<[OfflineDevice, Client, CollectionName[]]> = [
      [phone, nurse, ['members', 'requests', 'messages']],
      [tablet, tabletUser, ['members', 'requests', 'messages']],
      [gpPhone, gp, ['requests']],
    ];
    const pending = async () => {
      for (const d of devices) await d.inSync();
      const all = await Promise.all(pairs.flatMap(([d, c, names]) => names.map((n) => differences(d, c, n))));
      return all.flat();
    };
    // The dispatcher is still working on the accepts and the sent draft: wait for the last words.
    await until(() => storedRequest(server, requests[2].id), (r) => r.assigneeId === ids.nurse, 60_000);
    await until(() => storedRequest(server, drafts[0].id), (r) => (r.dispatch?.steps.length ?? 0) > 0, 60_000);
    expect(await until(pending, (diffs) => diffs.length === 0, 90_000)).toEqual([]);

    // Directory entries: the documented rule, computed from the log, is what everyone holds.
    const after = await gatewayDocs(coordinator, 'members', [ids.nurse, ...entries]);
    let conflicted = 0;
    for (const id of [ids.nurse, ...entries]) {
      const log = logOf(id);
      if (log.device.size && log.online.size) conflicted++;
      expect(withoutBookkeeping(after.get(id)!), id).toEqual(expectedEntry(base.get(id)!, log));
    }
    expect(conflicted).toBeGreaterThan(10);

    // Every field the rule gave to the other side is recorded, with both values; nothing else is.
    const recorded = [...(await readLostEdits(phone.db)), ...(await readLostEdits(tablet.db))].filter((e) => e.collection === 'members');
    const byDoc = new Map<string, LostEdit>(recorded.map((e) => [e.docId, e]));
    expect(recorded).toHaveLength(byDoc.size);
    let lostFields = 0;
    for (const id of [ids.nurse, ...entries]) {
      const lost = expectedLost(logOf(id));
      lostFields += lost.length;
      const edit = byDoc.get(id);
      expect(edit?.fields.map((f) => f.path).sort() ?? [], id).toEqual(lost);
      for (const f of edit?.fields ?? []) {
        expect(f.mine).toEqual(valueAt(deviceFinal.get(id), f.path));
        expect(f.kept).toEqual(valueAt(before.get(id), f.path));
      }
    }
    expect(lostFields).toBeGreaterThan(0);

    // Drafts: the server wins once sent (the phone's text is kept in the store), a later draft edit wins.
    const [sent, phoneOnly, bothDraft] = await Promise.all(drafts.map((d) => storedRequest(server, d.id)));
    expect(sent.status).not.toBe('draft');
    expect(sent.question).toBe(draftText('sur l’ordinateur', 40));
    expect(phoneOnly.question).toBe(draftText('sur le téléphone', 30));
    expect(bothDraft).toMatchObject({ status: 'draft', question: draftText('sur le téléphone', 60) });
    const draftLosses = await readLostEdits(gpPhone.db);
    expect(draftLosses.map((e) => [e.docId, e.fields])).toEqual([[drafts[0].id, [{ path: 'question', mine: draftText('sur le téléphone', 10), kept: draftText('sur l’ordinateur', 40) }]]]);

    // Requests and threads: first acceptance in feed order wins; nothing written offline is missing or doubled.
    const final = await Promise.all(requests.map((r) => storedRequest(server, r.id)));
    expect(final[0].assigneeId).toBe(ids.nurse);
    expect(final[1].assigneeId).toBe(ids.otherNurse);
    expect(final[1].history!.some((h) => h.event === 'accept-refused' && h.by === ids.nurse)).toBe(true);
    expect(final[2].assigneeId).toBe(ids.nurse);
    expect(final[3].status).toBe('cancelled');
    expect(final[4].status).toBe('resolved');
    const alertedLater = final.slice(6).filter((r) => r.readers?.includes(ids.nurse)).map((r) => r.id);
    expect(alertedLater.length).toBeGreaterThan(0);
    for (const id of alertedLater) expect(await phone.collection('requests').findOne(id).exec(), id).not.toBeNull();
    const stored = await server.parts.storage.couch.use('messages').fetch({ keys: offlineMessages });
    expect(stored.rows.filter((r) => 'doc' in r && r.doc).length).toBe(offlineMessages.length);
    const byAuthor = await server.parts.storage.couch.use('messages').list({ include_docs: true });
    const written = byAuthor.rows.map((r) => r.doc as unknown as { authorId?: string; requestId?: string; kind?: string }).filter((m) => m.authorId === ids.nurse && m.requestId === requests[0].id && m.kind === 'message');
    expect(written).toHaveLength(offlineMessages.filter((id) => id.startsWith(`${requests[0].id}--${ids.nurse}--`)).length);

    // No messages or requests conflicts lost anything; the only errors were none at all.
    const otherLosses = [...(await readLostEdits(phone.db)), ...(await readLostEdits(tablet.db))].filter((e) => e.collection !== 'members');
    expect(otherLosses).toEqual([]);
    expect(devices.flatMap((d) => d.errors)).toEqual([]);
    expect(phone.conflicts + tablet.conflicts).toBeGreaterThanOrEqual(byDoc.size);
  }, 600_000);
});
