/**
 * What a member sees of the requests on the device: the ones they posted, the alerts waiting for
 * their answer, the cases they took, and whether a request was taken by someone else (« déjà pris »).
 * Pure, derived from the synced cards and the member's own messages.
 */
import { CLOSED_STATUSES, type Actor, type RequestStatus } from '../domain/requests/lifecycle';
import type { RequestMessage } from '../domain/requests/message-schema';
import type { CareRequest } from '../domain/requests/schema';
import { isCoordinator, type SessionUser } from '../domain/session/user';

type Card = Pick<CareRequest, 'id' | 'requesterId' | 'status' | 'assigneeId' | 'dispatch' | 'createdAt' | 'deadline'> & Partial<Pick<CareRequest, 'history'>>;
type Message = Pick<RequestMessage, 'requestId' | 'authorId' | 'kind' | 'createdAt'> & Partial<Pick<RequestMessage, 'id'>>;

const ANSWERS: ReadonlySet<string> = new Set(['accept', 'decline', 'advice']);

export const isOpen = (status: string): boolean => !CLOSED_STATUSES.has(status as RequestStatus);

/** Open first, then the most recent first. */
function byOpenThenRecent<T extends Card>(a: T, b: T): number {
  return Number(isOpen(b.status)) - Number(isOpen(a.status)) || b.createdAt.localeCompare(a.createdAt);
}

/** Requests I answered (accepted, declined or advised on). */
export function answeredBy(messages: readonly Message[], me: string): Set<string> {
  return new Set(messages.filter((m) => m.authorId === me && ANSWERS.has(m.kind)).map((m) => m.requestId));
}

export function myRequests<T extends Card>(requests: readonly T[], me: string): T[] {
  return requests.filter((r) => r.requesterId === me).sort(byOpenThenRecent);
}

/** Alerts: I was alerted, it is still searching, I have not answered; the nearest deadline first. */
export function myAlerts<T extends Card>(requests: readonly T[], messages: readonly Message[], me: string): T[] {
  const answered = answeredBy(messages, me);
  return requests
    .filter((r) => r.status === 'searching' && r.requesterId !== me && (r.dispatch?.alerted.includes(me) ?? false) && !answered.has(r.id))
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
}

export function myCases<T extends Card>(requests: readonly T[], me: string): T[] {
  return requests.filter((r) => r.assigneeId === me).sort(byOpenThenRecent);
}

/**
 * Where I stand on someone else's request: mine to handle, accepted and waiting for the server's
 * decision, too late (I accepted, someone else was first: « déjà pris en charge »), taken by
 * another while I had not accepted, handed back after I took it (by me or the coordination: the
 * search goes on without me), or closed (cancelled, expired) while I held it or had accepted it.
 */
export type Standing =
  | { kind: 'assigned-to-me' }
  | { kind: 'waiting' }
  | { kind: 'too-late'; by: string }
  | { kind: 'taken'; by: string }
  | { kind: 'handed-back'; by: string }
  | { kind: 'closed'; status: 'cancelled' | 'expired' }
  | null;

export function standingOf(request: Card, messages: readonly Message[], me: string): Standing {
  if (request.requesterId === me) return null;
  const accepts = messages.filter((m) => m.requestId === request.id && m.authorId === me && m.kind === 'accept');
  const lastAccept = accepts.reduce<Message | undefined>((last, m) => (!last || m.createdAt > last.createdAt ? m : last), undefined);
  if ((request.status === 'cancelled' || request.status === 'expired') && (request.assigneeId === me || lastAccept)) return { kind: 'closed', status: request.status };
  if (request.assigneeId === me) return { kind: 'assigned-to-me' };
  if (request.assigneeId) return { kind: lastAccept ? 'too-late' : 'taken', by: request.assigneeId };
  const handBack = lastAccept && handedBackSince(request, lastAccept);
  if (handBack) return { kind: 'handed-back', by: handBack.by };
  if (lastAccept && isOpen(request.status)) return { kind: 'waiting' };
  return null;
}

/**
 * Requests I answered that are neither an alert nor my case now: what became of my answer stays in
 * view (handed back, taken by another, cancelled…), open first, then the most recent.
 */
export function myAnswers<T extends Card>(requests: readonly T[], messages: readonly Message[], me: string): T[] {
  const answered = answeredBy(messages, me);
  return requests.filter((r) => answered.has(r.id) && r.assigneeId !== me && r.requesterId !== me).sort(byOpenThenRecent);
}

export type AnswerOutcome = Exclude<NonNullable<Standing>['kind'], 'closed' | 'assigned-to-me'> | 'cancelled' | 'expired' | 'declined' | 'advised';

/** What became of my answer to a request, as a list says it; null when I did not answer. */
export function answerOutcome(request: Card, messages: readonly Message[], me: string): AnswerOutcome | null {
  const standing = standingOf(request, messages, me);
  if (standing?.kind === 'closed') return standing.status;
  if (standing && standing.kind !== 'assigned-to-me') return standing.kind;
  const last = messages
    .filter((m) => m.requestId === request.id && m.authorId === me && (m.kind === 'decline' || m.kind === 'advice'))
    .reduce<Message | undefined>((latest, m) => (!latest || m.createdAt > latest.createdAt ? m : latest), undefined);
  return last ? (last.kind === 'decline' ? 'declined' : 'advised') : null;
}

/** The hand-back that followed my acceptance once applied (the history holds it, by its message), if any. */
function handedBackSince(request: Card, accept: Message): { by: string } | undefined {
  const history = request.history ?? [];
  const applied = history.findIndex((h) => h.event === 'accept' && accept.id !== undefined && h.ref === accept.id);
  return applied >= 0 ? history.slice(applied + 1).find((h) => h.event === 'hand-back') : undefined;
}

/** My role on a request for the lifecycle's rules, or null when I only read it. */
export function actorOf(request: Card, user: SessionUser): Actor | null {
  if (request.requesterId === user.memberId) return 'requester';
  if (request.assigneeId === user.memberId) return 'assignee';
  if (isCoordinator(user)) return 'coordinator';
  if (request.dispatch?.alerted.includes(user.memberId)) return 'member';
  return null;
}

/** An alerted member may still accept, decline or advise: the search goes on and they have not answered. */
export function canAnswer(request: Card, messages: readonly Message[], user: SessionUser): boolean {
  return actorOf(request, user) === 'member' && request.status === 'searching' && !answeredBy(messages, user.memberId).has(request.id);
}

/** The requester, the assignee and the coordination share the case: patient block and thread. */
export function isParticipant(request: Card, user: SessionUser): boolean {
  return request.requesterId === user.memberId || request.assigneeId === user.memberId || isCoordinator(user);
}
