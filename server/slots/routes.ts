/**
 * A doctor's unscheduled-care slots (`GET|POST /api/slots`, `DELETE /api/slots/:id`) and the SAS
 * platform's read of them as FHIR R4 (`GET /api/fhir/Slot`, with the key `SAS_API_KEY`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Member } from '../../src/domain/members/schema';
import { operationOutcome, parseSlotSearch, slotBundle, type SlotPractitioner } from '../../src/domain/slots/fhir';
import { mayOfferSlots, parseSlotOffer, refuseAmong, type UnscheduledSlot } from '../../src/domain/slots/slot';
import type { Config } from '../config';
import { objectBody } from '../http/body';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { requireUser } from '../session/auth';
import type { Sessions } from '../session/sessions';
import type { Couch } from '../storage/couch';
import { foundDocs, getDomainDoc, toDomainDoc } from '../storage/docs';
import type { Slots } from './store';

interface Deps {
  sessions: Sessions;
  couch: Couch;
  slots: Slots;
  config: Pick<Config, 'sasApiKey' | 'publicUrl'>;
  clock: () => number;
}

/** `GET /api/slots`: mine, to come, and whether I may offer some. */
export interface MySlots {
  mayOffer: boolean;
  slots: UnscheduledSlot[];
}

const SLOT_ID = /^slot-[0-9a-f-]{36}$/;

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The doctors behind the slots, with their RPPS: active members only. */
async function practitionersOf(couch: Couch, slots: readonly UnscheduledSlot[]): Promise<Map<string, SlotPractitioner>> {
  const ids = [...new Set(slots.map((s) => s.memberId))];
  if (!ids.length) return new Map();
  const found = foundDocs(await couch.use<Record<string, unknown>>('members').fetch({ keys: ids }));
  return new Map(
    found
      .map(({ doc }) => toDomainDoc<Member>(doc))
      .filter((m) => m.status === 'active')
      .map((m) => [m.id, { memberId: m.id, displayName: m.displayName, ...(m.identifiers?.rpps ? { rpps: m.identifiers.rpps } : {}) }]),
  );
}

export function slotRoutes(app: FastifyInstance, { sessions, couch, slots, config, clock }: Deps): void {
  const memberOf = (request: FastifyRequest) => getDomainDoc<Member>(couch, 'members', request.user!.memberId);

  app.get('/api/slots', { preHandler: requireUser(sessions) }, async (request, reply): Promise<MySlots> => {
    reply.header('cache-control', 'no-store');
    const member = await memberOf(request);
    return { mayOffer: Boolean(member && mayOfferSlots(member)), slots: await slots.upcomingOf(request.user!.memberId, clock()) };
  });

  app.post('/api/slots', { preHandler: requireUser(sessions) }, async (request, reply): Promise<UnscheduledSlot> => {
    const member = await memberOf(request);
    if (!member || !mayOfferSlots(member)) throw forbidden('Seuls les médecins proposent des créneaux de soins non programmés.');
    const now = clock();
    const parsed = parseSlotOffer(objectBody(request.body), now);
    if (!parsed.ok) throw badRequest(parsed.error, [{ field: parsed.field, message: parsed.error }]);
    const refused = refuseAmong(parsed.value, await slots.upcomingOf(member.id, now), now);
    if (refused) throw conflict(refused);
    reply.code(201);
    return slots.add(member.id, parsed.value.start, parsed.value.end, now);
  });

  app.delete<{ Params: { id: string } }>('/api/slots/:id', { preHandler: requireUser(sessions) }, async (request, reply) => {
    if (!SLOT_ID.test(request.params.id) || !(await slots.remove(request.user!.memberId, request.params.id))) throw notFound('Créneau introuvable.');
    return reply.code(204).send();
  });

  app.get('/api/fhir/Slot', async (request: FastifyRequest<{ Querystring: Record<string, string | string[]> }>, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store').type('application/fhir+json; charset=utf-8');
    const key = config.sasApiKey;
    if (!key) return reply.code(404).send(operationOutcome('Les créneaux ne sont pas ouverts au SAS sur cette plateforme (SAS_API_KEY absente).', 'not-found'));
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!given || !sameKey(given, key)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(operationOutcome('Clé d’accès du SAS absente ou invalide.', 'security'));
    }
    const parsed = parseSlotSearch(request.query ?? {}, clock());
    if (!parsed.ok) return reply.code(400).send(operationOutcome(parsed.error));
    const search = parsed.value;
    const found = (await slots.startingBetween(search.from, search.to)).filter((s) => !search.statuses || search.statuses.includes(s.status));
    const doctors = await practitionersOf(couch, found);
    if (search.practitioners) {
      const wanted = new Set(search.practitioners);
      for (const [id, p] of doctors) if (!p.rpps || !wanted.has(`8${p.rpps}`)) doctors.delete(id);
    }
    const base = `${config.publicUrl?.origin ?? `${request.protocol}://${request.host}`}/api/fhir`;
    // The search as asked, on the public address.
    const self = `${base}/Slot${new URL(request.url, 'http://localhost').search}`;
    return slotBundle(found, doctors, search, base, self);
  });
}
