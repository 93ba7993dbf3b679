/** Helpers for tests of care requests: members made available near a place, accounts for them, requests posted through the gateway. */
import { randomUUID } from 'node:crypto';
import type { Member } from '../../src/domain/members/schema';
import { messageIdOf } from '../../src/domain/requests/message-schema';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import type { Role } from '../../src/domain/session/user';
import { hashPassword } from '../accounts/passwords';
import type { RunningServer } from '../server';
import { Client } from './server';
import { foundDocs, toDomainDoc } from '../storage/docs';

export const PLACE = { commune: 'Metz', communeInsee: '57463', lat: 49.1196, lon: 6.1763 };
export const PASSWORD = 'Mot-de-passe-test-2026';
let passwordHash: string | undefined;

type StoredMember = Omit<Member, 'id'> & { _id: string; _rev: string };

/** The demo directory's nurses (profession 60), in the database's order; the first `count` when given. */
export async function nurseIds(server: RunningServer, count?: number): Promise<string[]> {
  const all = await server.parts.storage.couch.use<StoredMember>('members').list({ include_docs: true });
  const ids = all.rows.filter((r) => r.doc?.profession === '60').map((r) => r.id);
  return ids.slice(0, count);
}

/** Marks members available for a few hours with a home-visit radius, so a nurse request reaches them (and, for test loads, with room in their weekly alert budget); returns once the dispatcher sees them so. */
export async function makeAvailable(server: RunningServer, ids: string[], kmFromPlace = 1, weeklyAlertBudget = 200): Promise<void> {
  const db = server.parts.storage.couch.use<StoredMember>('members');
  const res = await db.fetch({ keys: ids });
  const docs = foundDocs(res).map(({ doc: m }, i) => {
    return {
      ...m,
      location: { lat: PLACE.lat + (kmFromPlace + i * 0.01) / 111.2, lon: PLACE.lon, approximate: false },
      availability: { ...m.availability, availableUntil: new Date(Date.now() + 4 * 3_600_000).toISOString(), homeVisitRadiusKm: 15, absences: [], weeklyAlertBudget },
      updatedAt: new Date().toISOString(),
    };
  });
  await db.bulk({ docs });
  // The dispatcher's directory follows the members feed.
  const seen = (doc: (typeof docs)[number]) => {
    const member = server.parts.dispatcher.directory.get(doc._id);
    return member?.availability.availableUntil === doc.availability.availableUntil && member.location.lat === doc.location.lat;
  };
  await until(async () => docs.every(seen), Boolean);
}

/** A logged-in client for a directory entry, creating an active account for it when needed. */
export async function clientFor(server: RunningServer, memberId: string, roles: Role[] = ['member']): Promise<Client> {
  const email = `${memberId}@test.cpts-metz.test`;
  const existing = await server.parts.accounts.findByEmail(email);
  if (!existing) {
    passwordHash ??= await hashPassword(PASSWORD);
    await server.parts.accounts.create({ _id: `acc-test-${memberId}`, email, passwordHash, roles, status: 'active', memberId, name: memberId });
  }
  const client = new Client(server.url);
  // On a cluster the new account may reach the e-mail view of the node asked a moment later.
  const res = await until(() => client.login(email, PASSWORD), (r) => r.status === 200, 10_000).catch((err: Error) => ({ status: err.message }));
  if (res.status !== 200) throw new Error(`login ${memberId}: ${res.status}`);
  return client;
}

export function newRequest(requesterId: string, over: Partial<CareRequest> = {}): CareRequest {
  const now = new Date();
  return {
    id: `r-${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    requesterId,
    type: 'passage-infirmier',
    target: { professions: ['60'] },
    urgency: 'today',
    deadline: new Date(now.getTime() + 12 * 3_600_000).toISOString(),
    place: PLACE,
    question: 'Pansement à domicile après chirurgie, ce soir.',
    photos: [],
    status: 'sent',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...over,
  };
}

const toCouch = <T extends { id: string }>({ id, ...rest }: T) => ({ ...rest, _id: id });

export async function post(client: Client, collection: string, docs: Array<{ id: string } & Record<string, unknown>>) {
  return client.request('POST', `/api/sync/${collection}/_bulk_docs`, { docs: docs.map(toCouch) });
}

export function patientFor(request: CareRequest) {
  return {
    id: patientIdOf(request.id),
    requestId: request.id,
    requesterId: request.requesterId,
    identity: { lastName: 'Durand', firstName: 'Jeanne', birthDate: '1941-05-12', sex: 'F', address: '4 rue des Lilas, 57000 Metz' },
    insStatus: 'non-qualifiee',
    consent: { informed: true, at: request.createdAt, by: request.requesterId },
    createdAt: request.createdAt,
    updatedAt: request.createdAt,
  };
}

export function message(request: CareRequest, authorId: string, kind: string, text?: string, extra: Record<string, string> = {}) {
  return {
    id: messageIdOf(request.id, authorId, randomUUID().slice(0, 8)),
    requestId: request.id,
    authorId,
    kind,
    ...(text ? { text } : {}),
    ...extra,
    createdAt: new Date().toISOString(),
  };
}

export async function storedRequest(server: RunningServer, id: string): Promise<CareRequest> {
  return toDomainDoc<CareRequest>(await server.parts.storage.couch.use<Record<string, unknown>>('requests').get(id));
}

export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms: ${JSON.stringify(value)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every hospital and HAD declares no service open: an « entrée directe » then has nobody to alert. */
export async function closeAdmissions(server: RunningServer): Promise<void> {
  const db = server.parts.storage.couch.use<StoredMember>('members');
  const all = await db.list({ include_docs: true });
  const docs = all.rows
    .flatMap((r) => (r.doc ? [r.doc] : []))
    .filter((m) => (m.profession === 'hopital' || m.profession === 'had'))
    .map((m) => ({ ...m, availability: { ...m.availability, capacity: { services: [], places: 0, declaredAt: new Date().toISOString() } }, updatedAt: new Date().toISOString() }));
  await db.bulk({ docs });
  // The dispatcher's directory follows the members feed: wait until it sees them all closed.
  await until(async () => docs.every((d) => server.parts.dispatcher.directory.get(d._id)?.availability.capacity?.places === 0), Boolean);
}
