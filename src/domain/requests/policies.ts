/**
 * Rights on care requests, patient blocks and messages. Readers are listed on each document by the
 * server (`readers`); coordinators read everything. Clients create; the server alone changes status,
 * assignee, dispatch and readers.
 */
import { isCoordinator, type SessionUser } from '../session/user';
import { relatedKey, type Audience, type CollectionPolicy } from '../sync/policy';
import { createValidator } from '../validation';
import { messageSchemaLiteral, type RequestMessage } from './message-schema';
import { patientIdOf, patientSchemaLiteral, type PatientBlock } from './patient-schema';
import { REQUEST_SERVER_FIELDS, requestSchemaLiteral, type CareRequest } from './schema';

const COORDINATION = ['coordinator', 'admin'] as const;

function audienceOf(owner: string, readers: readonly string[] | undefined): Audience {
  return { members: [owner, ...(readers ?? [])], roles: [...COORDINATION] };
}

/** Readers listed on the document (owner and `readers`) are in the `by_reader` view; coordinators read by role. */
const indexedFor = (user: SessionUser) => !isCoordinator(user);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `doc` that are set, among `keys`. */
function pick<T extends object, K extends keyof T>(doc: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]])) as Pick<T, K>;
}

/** The identity a withdrawn patient block carries so that it still passes the schema: nobody's. */
const PURGED_IDENTITY: PatientBlock['identity'] = { lastName: '-', firstName: '-', birthDate: '1900-01-01', sex: 'X' };

export const requestsPolicy: CollectionPolicy<CareRequest> = {
  name: 'requests',
  validate: createValidator<CareRequest>(requestSchemaLiteral),
  audience: (doc) => audienceOf(doc.requesterId, doc.readers),
  indexedFor,
  refuseWrite(user, previous, next) {
    if (next.requesterId !== user.memberId && !isCoordinator(user)) return 'une demande est publiée en son nom propre';
    if (next.intakeBy !== undefined && (next.intakeBy !== user.memberId || !isCoordinator(user))) return 'seule la coordination saisit une demande reçue par téléphone, en son nom';
    if (previous && previous.requesterId !== next.requesterId) return 'le demandeur d’une demande ne change pas';
    if (!previous || previous.status === 'draft') {
      if (next.status !== 'draft' && next.status !== 'sent') return 'une nouvelle demande est un brouillon ou une demande envoyée';
      const serverField = REQUEST_SERVER_FIELDS.find((f) => f !== 'status' && next[f] !== undefined && !same(next[f], previous?.[f]));
      if (serverField) return `le champ « ${serverField} » est tenu par le serveur`;
      if (next._deleted && next.status !== 'draft') return 'seul un brouillon se supprime ; une demande envoyée s’annule';
      return null;
    }
    return 'une demande envoyée ne se modifie plus : annulez-la ou écrivez sur le fil du cas';
  },
};

const requestOf = (related: ReadonlyMap<string, unknown> | undefined, id: string) =>
  related?.get(relatedKey({ collection: 'requests', id })) as CareRequest | undefined;

/** Who, besides the author and the coordination, reads what is written on a request: its requester and its assignee. */
export function participantsOf(request: CareRequest | undefined, except: string): string[] {
  if (!request) return [];
  return [...new Set([request.requesterId, request.assigneeId].filter((m): m is string => Boolean(m) && m !== except))];
}

export const patientsPolicy: CollectionPolicy<PatientBlock> = {
  name: 'patients',
  validate: createValidator<PatientBlock>(patientSchemaLiteral),
  audience: (doc) => audienceOf(doc.requesterId, doc.readers),
  indexedFor,
  audited: true,
  related: (doc) => [{ collection: 'requests', id: doc.requestId }],
  stamp: (doc, related) => ({ ...doc, readers: participantsOf(requestOf(related, doc.requestId), doc.requesterId) }),
  withdrawn: (doc) =>
    doc.purgedFromDevices === undefined
      ? undefined
      : {
          ...pick(doc, ['id', 'requestId', 'requesterId', 'insStatus', 'consent', 'readers', 'purgedFromDevices', 'createdAt', 'updatedAt']),
          identity: PURGED_IDENTITY,
        },
  refuseWrite(user, previous, next, related) {
    if (next.id !== patientIdOf(next.requestId)) return 'le bloc patient porte l’identifiant de sa demande';
    if (next.requesterId !== user.memberId && !isCoordinator(user)) return 'seul le demandeur saisit le bloc patient';
    if (previous && (previous.requesterId !== next.requesterId || previous.requestId !== next.requestId)) return 'le bloc patient reste attaché à sa demande';
    if (!same(previous?.readers, next.readers)) return 'le champ « readers » est tenu par le serveur';
    if (!same(previous?.purgedFromDevices, next.purgedFromDevices)) return 'le champ « purgedFromDevices » est tenu par le serveur';
    const request = requestOf(related, next.requestId);
    // A draft can be thrown away with its patient block; once sent, the block is kept with the case.
    if (next._deleted) return request && request.status !== 'draft' ? 'le bloc patient d’une demande envoyée ne se supprime pas' : null;
    if (next.consent.by !== next.requesterId) return 'le consentement est recueilli par le demandeur';
    // The card may still be on its way (offline, both are pushed): its requester must match when it is there.
    if (request && request.requesterId !== next.requesterId) return 'ce bloc patient ne correspond pas au demandeur de la demande';
    return null;
  },
};

/** Kinds each participant may write: answers by the alerted, the thread by the participants. */
const BY_ALERTED = new Set(['accept', 'decline', 'advice']);
const BY_PARTICIPANTS = new Set(['message', 'result', 'resolve', 'close-unresolved']);
const BY_REQUESTER = new Set(['cancel', 'follow-up', 'reopen']);
const BY_COORDINATION = new Set(['call', 'note', 'redispatch']);
const BY_ASSIGNEE = new Set(['hand-back']);

function refuseKind(user: SessionUser, message: RequestMessage, request: CareRequest | undefined): string | null {
  if (isCoordinator(user)) return null;
  if (BY_COORDINATION.has(message.kind)) return 'réservé à la coordination';
  if (!request) return 'demande inconnue ou pas encore reçue par le serveur';
  const me = user.memberId;
  const alerted = request.dispatch?.alerted.includes(me) ?? false;
  const participant = me === request.requesterId || me === request.assigneeId;
  if (BY_ALERTED.has(message.kind) && alerted) return null;
  if (message.kind === 'flag' && (alerted || participant)) return null;
  if (BY_PARTICIPANTS.has(message.kind) && participant) return null;
  if (BY_REQUESTER.has(message.kind) && me === request.requesterId) return null;
  if (BY_ASSIGNEE.has(message.kind) && me === request.assigneeId) return null;
  return 'vous ne participez pas à cette demande pour ce type de message';
}

export const messagesPolicy: CollectionPolicy<RequestMessage> = {
  name: 'messages',
  validate: createValidator<RequestMessage>(messageSchemaLiteral),
  audience: (doc) => audienceOf(doc.authorId, doc.readers),
  indexedFor,
  related: (doc) => [{ collection: 'requests', id: doc.requestId }],
  stamp: (doc, related) => ({ ...doc, readers: participantsOf(requestOf(related, doc.requestId), doc.authorId) }),
  withdrawn: (doc) =>
    doc.purgedFromDevices === undefined ? undefined : pick(doc, ['id', 'requestId', 'authorId', 'kind', 'readers', 'purgedFromDevices', 'createdAt']),
  refuseWrite(user, previous, next, related) {
    if (previous) return 'un message ne se modifie pas et ne se supprime pas';
    if (next._deleted) return 'un message ne se supprime pas';
    if (next.authorId !== user.memberId) return 'un message est écrit en son nom propre';
    if (!next.id.startsWith(`${next.requestId}--${next.authorId}--`)) return 'l’identifiant du message ne correspond pas à sa demande et à son auteur';
    if (next.readers !== undefined) return 'le champ « readers » est tenu par le serveur';
    if (next.purgedFromDevices !== undefined) return 'le champ « purgedFromDevices » est tenu par le serveur';
    if (next.onBehalfOf && !isCoordinator(user)) return 'seule la coordination agit pour le compte d’un autre';
    return refuseKind(user, next, requestOf(related, next.requestId));
  },
};
