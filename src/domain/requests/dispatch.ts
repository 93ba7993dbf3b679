/**
 * How the server's dispatch changes a request: start the search, record a step (who was alerted,
 * when, why), apply a message (first acceptance wins, hand back, cancel, close), escalate, expire.
 * Pure: the dispatcher reads the stored request, calls one of these, and writes the result.
 */
import { transition, type Actor, type RequestEvent } from './lifecycle';
import type { RequestMessage } from './message-schema';
import { isBadFollowUp } from './follow-up';
import type { CareRequest } from './schema';
import type { Step } from './candidates';
import { defaultDeadline } from './types';

type Dispatch = NonNullable<CareRequest['dispatch']>;
type HistoryEntry = NonNullable<CareRequest['history']>[number];

const iso = (t: number) => new Date(t).toISOString();
const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

function withHistory(request: CareRequest, entry: HistoryEntry): CareRequest['history'] {
  return [...(request.history ?? []), entry];
}

function touched(request: CareRequest, now: number): string {
  return iso(Math.max(now, Date.parse(request.updatedAt) + 1));
}

/** `escalateAt`: when the coordinators are alerted if nobody has taken it by then (the requester is told). */
export function startSearch(request: CareRequest, now: number, escalateAt?: number): CareRequest {
  const dispatch: Dispatch = request.dispatch ?? { alerted: [], steps: [] };
  return {
    ...request,
    status: 'searching',
    dispatch: escalateAt === undefined ? dispatch : { ...dispatch, escalateAt: iso(escalateAt) },
    readers: request.readers ?? [],
    history: withHistory(request, { at: iso(now), event: 'start-search', by: 'server' }),
    updatedAt: touched(request, now),
  };
}

type StepRecord = (Step | { kind: 'escalation' | 'redispatch'; alert: string[]; reason: string; radiusKm?: number }) & { why?: Array<{ memberId: string; reason: string }> };

/** Records a dispatch step (whom it alerted, why each one): the members it alerts gain read access to the card. */
export function recordStep(request: CareRequest, step: StepRecord, now: number, nextStepAt: number | undefined): CareRequest {
  const previous: Dispatch = request.dispatch ?? { alerted: [], steps: [] };
  const record = { at: iso(now), kind: step.kind, alerted: step.alert, reason: step.reason.slice(0, 300), ...(step.radiusKm !== undefined ? { radiusKm: step.radiusKm } : {}), ...(step.why?.length ? { why: step.why } : {}) };
  const dispatch: Dispatch = {
    ...previous,
    alerted: union(previous.alerted, step.alert),
    steps: [...previous.steps, record],
  };
  if (nextStepAt === undefined) delete dispatch.nextStepAt;
  else dispatch.nextStepAt = iso(nextStepAt);
  if (step.kind === 'escalation') dispatch.escalated = true;
  return { ...request, dispatch, readers: union(request.readers, step.alert), updatedAt: touched(request, now) };
}

/** Usual and circle steps since the last re-dispatch: where the widening stands. */
export function circleStepsDone(request: CareRequest): number {
  const steps = request.dispatch?.steps ?? [];
  const lastRedispatch = steps.map((s) => s.kind).lastIndexOf('redispatch');
  return steps.slice(lastRedispatch + 1).filter((s) => s.kind === 'usual' || s.kind === 'circle').length;
}

export function hasRedispatched(request: CareRequest): boolean {
  return (request.dispatch?.steps ?? []).some((s) => s.kind === 'redispatch');
}

const EVENTS: Partial<Record<RequestMessage['kind'], (m: RequestMessage) => RequestEvent>> = {
  accept: () => ({ type: 'accept' }),
  'hand-back': () => ({ type: 'hand-back' }),
  resolve: () => ({ type: 'resolve' }),
  'close-unresolved': (m) => ({ type: 'close-unresolved', reason: m.text ?? '' }),
  cancel: () => ({ type: 'cancel' }),
  reopen: () => ({ type: 'reopen' }),
};

/** Messages that change no status but belong to the request's history (answers, coordination work). */
const RECORDED = new Set(['decline', 'advice', 'call', 'note', 'flag', 'redispatch', 'follow-up']);

export type MessageOutcome =
  | { applied: true; request: CareRequest; event: RequestEvent['type'] | RequestMessage['kind'] | 'follow-up-alert' }
  | { applied: false; request: CareRequest; reason: string };

/** Who the author of a message is for this request. */
export function actorOf(request: CareRequest, authorId: string, isCoordinator: boolean): Actor {
  if (authorId === request.requesterId) return 'requester';
  if (authorId === request.assigneeId) return 'assignee';
  if (request.dispatch?.alerted.includes(authorId)) return 'member';
  return isCoordinator ? 'coordinator' : 'member';
}

/** A history entry that stands for a message (and not for a refusal the server explains itself). */
const standsForMessage = (h: HistoryEntry) => h.ref !== undefined && !h.event.endsWith('-refused');

/** Whether the card still carries a message's words, as the server wrote them before they stayed in the thread. */
export function hasMessageNotes(request: Pick<CareRequest, 'history'>): boolean {
  return (request.history ?? []).some((h) => standsForMessage(h) && h.note !== undefined);
}

/** The card without any message's words: its history keeps the event, who, when, and the message's id. */
export function withoutMessageNotes(request: CareRequest, now: number): CareRequest {
  const history = request.history?.map((h) => {
    if (!standsForMessage(h) || h.note === undefined) return h;
    const { note: _dropped, ...kept } = h;
    return kept;
  });
  return { ...request, history, updatedAt: touched(request, now) };
}

/**
 * Applies a message in change-feed order. Answers without a transition (decline, advice) and
 * refused events (a second acceptance) only go to the history, so nothing anyone wrote is lost.
 * The history names the message (`ref`) but never copies its words: the card is read by every
 * member alerted, the message only by the case's participants and the coordination, encrypted.
 */
export function applyMessage(request: CareRequest, message: RequestMessage, authorIsCoordinator: boolean, now: number): MessageOutcome {
  if (request.history?.some((h) => h.ref === message.id)) return { applied: false, request, reason: 'message déjà pris en compte' };
  // A bad follow-up is told apart (the assignee and the coordination are alerted), never its answers.
  const recordedAs = message.kind === 'follow-up' && isBadFollowUp(message) ? 'follow-up-alert' : message.kind;
  const entry = { at: iso(now), event: recordedAs, by: message.authorId, ref: message.id };
  const toEvent = EVENTS[message.kind];
  if (!toEvent) {
    const recorded = RECORDED.has(message.kind);
    return recorded
      ? { applied: true, request: { ...request, history: withHistory(request, entry), updatedAt: touched(request, now) }, event: recordedAs }
      : { applied: false, request, reason: 'message sans effet sur la demande' };
  }
  const actor = actorOf(request, message.authorId, authorIsCoordinator);
  const event = toEvent(message);
  const result = transition(request.status, event, actor);
  if (!result.ok) return { applied: false, request: { ...request, history: withHistory(request, { ...entry, event: `${message.kind}-refused`, note: result.error }), updatedAt: touched(request, now) }, reason: result.error };
  const next: CareRequest = { ...request, status: result.status, history: withHistory(request, entry), updatedAt: touched(request, now) };
  if (event.type === 'accept') {
    next.assigneeId = message.onBehalfOf ?? message.authorId;
    next.readers = union(request.readers, [next.assigneeId]);
    if (next.dispatch) next.dispatch = { ...next.dispatch, nextStepAt: undefined } as Dispatch;
  }
  if (event.type === 'hand-back') delete next.assigneeId;
  if (next.dispatch && next.dispatch.nextStepAt === undefined) delete next.dispatch.nextStepAt;
  return { applied: true, request: next, event: event.type };
}

/**
 * A new search (hand-back, or a coordinator widening it): the circles start again without those
 * already alerted; an escalation is lifted and a passed deadline is given the urgency's window again.
 */
export function redispatch(request: CareRequest, reason: string, now: number): CareRequest {
  const next = recordStep(request, { kind: 'redispatch', alert: [], reason }, now, now);
  const dispatch = { ...next.dispatch! };
  delete dispatch.escalated;
  delete dispatch.escalatedTo;
  const deadline = Date.parse(request.deadline) > now ? request.deadline : iso(defaultDeadline(request.urgency === 'date' ? '48h' : request.urgency, now));
  return { ...next, dispatch, deadline };
}

/** `why`: what the coordinators are told, e.g. « aucun preneur joignable pour « transport sanitaire » à 23 h 10 ». */
export function escalate(request: CareRequest, now: number, coordinators: string[], expireAt: number, why = 'personne n’a accepté avant l’échéance'): CareRequest {
  const escalated = recordStep(request, { kind: 'escalation', alert: [], reason: `${why} : ${coordinators.length} coordinateur(s) de permanence alerté(s)` }, now, expireAt);
  return { ...escalated, dispatch: { ...escalated.dispatch!, escalatedTo: coordinators } };
}

/**
 * A bad follow-up reaches the coordinators on duty now: they become the card's `escalatedTo` (the
 * coordinators last alerted about it; an earlier escalation's alert is long sent), in the same write.
 */
export function alertCoordinatorsOfFollowUp(request: CareRequest, coordinators: readonly string[]): CareRequest {
  if (!request.dispatch || !coordinators.length) return request;
  return { ...request, dispatch: { ...request.dispatch, escalatedTo: [...coordinators] } };
}

/** The same request, its next step due at `at`. */
export function withNextStepAt(request: CareRequest, at: number): CareRequest {
  if (request.dispatch?.nextStepAt === iso(at)) return request;
  return { ...request, dispatch: { ...request.dispatch!, nextStepAt: iso(at) } };
}

export function expire(request: CareRequest, now: number): CareRequest {
  const result = transition(request.status, { type: 'expire' }, 'server');
  if (!result.ok) return request;
  const dispatch = request.dispatch ? { ...request.dispatch } : undefined;
  if (dispatch) delete dispatch.nextStepAt;
  return { ...request, status: result.status, dispatch, history: withHistory(request, { at: iso(now), event: 'expire', by: 'server' }), updatedAt: touched(request, now) };
}
