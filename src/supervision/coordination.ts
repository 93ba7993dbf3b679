/**
 * The coordination's messages on a request (call, note, wider search, assignment on someone's behalf,
 * closure), built and checked on the device as the server will check them: the state machine for the
 * coordinator, the message schema, the rights. Pure, so each refusal is tested without a browser.
 */
import { transition, type RequestEvent } from '../domain/requests/lifecycle';
import { messageIdOf, type CALL_OUTCOMES, type RequestMessage } from '../domain/requests/message-schema';
import { messagesPolicy } from '../domain/requests/policies';
import type { CareRequest } from '../domain/requests/schema';
import type { SessionUser } from '../domain/session/user';
import { relatedKey } from '../domain/sync/policy';
import { describeErrors } from '../domain/validation';
import * as fr from '../i18n/fr';

export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type CoordinationInput =
  | { kind: 'call'; subjectId: string; outcome: CallOutcome; text?: string }
  | { kind: 'note'; text: string }
  | { kind: 'redispatch'; text?: string }
  | { kind: 'accept'; onBehalfOf: string }
  | { kind: 'resolve' | 'close-unresolved' | 'cancel'; text?: string };

export type Built = { ok: true; message: RequestMessage } | { ok: false; error: string };

const EVENTS: Partial<Record<CoordinationInput['kind'], RequestEvent['type']>> = { accept: 'accept', resolve: 'resolve', 'close-unresolved': 'close-unresolved', cancel: 'cancel' };
const sentence = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1) + '.';

export function buildCoordinationMessage(user: SessionUser, request: CareRequest, input: CoordinationInput, now: number, unique: string): Built {
  const text = 'text' in input ? input.text?.trim() || undefined : undefined;
  if (input.kind === 'call' && !input.subjectId) return { ok: false, error: fr.supervision.callWhoRequired };
  if (input.kind === 'note' && !text) return { ok: false, error: fr.supervision.noteEmpty };
  if (input.kind === 'close-unresolved' && !text) return { ok: false, error: fr.supervision.closeReasonRequired };
  if (input.kind === 'redispatch' && request.status !== 'searching') return { ok: false, error: fr.supervision.redispatchNotSearching };
  const event = EVENTS[input.kind];
  if (event) {
    const moved = transition(request.status, event === 'close-unresolved' ? { type: event, reason: text ?? '' } : ({ type: event } as RequestEvent), 'coordinator');
    if (!moved.ok) return { ok: false, error: moved.error };
  }
  const message = {
    id: messageIdOf(request.id, user.memberId, unique),
    requestId: request.id,
    authorId: user.memberId,
    kind: input.kind,
    ...(text ? { text } : {}),
    ...(input.kind === 'call' ? { subjectId: input.subjectId, outcome: input.outcome } : {}),
    ...(input.kind === 'accept' ? { onBehalfOf: input.onBehalfOf } : {}),
    createdAt: new Date(now).toISOString(),
  } as RequestMessage;
  const valid = messagesPolicy.validate(message);
  if (!valid.ok) return { ok: false, error: describeErrors(valid.errors) };
  const refusal = messagesPolicy.refuseWrite(user, undefined, message, new Map([[relatedKey({ collection: 'requests', id: request.id }), request]]));
  return refusal ? { ok: false, error: sentence(refusal) } : { ok: true, message };
}
