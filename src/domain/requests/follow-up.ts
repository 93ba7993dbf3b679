/**
 * The follow-up after care: some time after a case closes as resolved, its requester is asked two
 * questions, « Le besoin est-il couvert ? » and « Le patient est-il allé aux urgences depuis ? »,
 * answered by a `follow-up` message (`covered`, `emergency`). A bad answer alerts the assignee and
 * the coordination, and the requester may reopen the case (`reopen`). Pure: the time is passed in.
 */
import type { RequestMessage } from './message-schema';
import type { CareRequest } from './schema';
import type { RequestType } from './types';

const HOUR = 3_600_000;

/** How long after the closing the requester is asked, by type (the time the care needs to show its effect). */
export const FOLLOW_UP_AFTER_HOURS: Partial<Record<RequestType, number>> = {
  'passage-infirmier': 48,
  'soin-non-programme': 24,
  'transport-sanitaire': 24,
  'medicament-rupture': 24,
  'livraison-medicaments': 24,
  'entree-directe': 72,
  'hebergement-temporaire': 7 * 24,
  'medecin-traitant': 7 * 24,
};
export const DEFAULT_FOLLOW_UP_AFTER_HOURS = 72;
/** Past this many days after it was due, an unanswered follow-up is no longer asked (it would tell nothing more). */
export const FOLLOW_UP_WINDOW_DAYS = 14;

export const FOLLOW_UP_QUESTIONS = {
  covered: 'Le besoin est-il couvert ?',
  emergency: 'Le patient est-il allé aux urgences depuis ?',
} as const;

type Card = Pick<CareRequest, 'id' | 'type' | 'status' | 'requesterId' | 'history'>;
type Answer = Pick<RequestMessage, 'requestId' | 'authorId' | 'kind' | 'covered' | 'emergency' | 'createdAt'>;

/** When the requester is asked: the last closing as resolved, plus the type's delay; undefined unless resolved. */
export function followUpDueAt(request: Card): number | undefined {
  if (request.status !== 'resolved') return undefined;
  const resolved = [...(request.history ?? [])].reverse().find((h) => h.event === 'resolve');
  if (!resolved) return undefined;
  return Date.parse(resolved.at) + (FOLLOW_UP_AFTER_HOURS[request.type as RequestType] ?? DEFAULT_FOLLOW_UP_AFTER_HOURS) * HOUR;
}

/** The requester's latest follow-up on this request, if any. */
export function followUpOf<M extends Answer>(request: Pick<Card, 'id' | 'requesterId'>, messages: readonly M[]): M | undefined {
  return messages
    .filter((m) => m.kind === 'follow-up' && m.requestId === request.id && m.authorId === request.requesterId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}

/** A follow-up the coordination and the assignee must hear of: the need is not covered, or the patient went to the emergency room. */
export function isBadFollowUp(answer: Pick<Answer, 'covered' | 'emergency'>): boolean {
  return answer.covered === false || answer.emergency === true;
}

/** Whether the requester is to be asked now: resolved, the delay passed (by two weeks at most), not answered since the last closing. */
export function followUpAsked(request: Card, messages: readonly Answer[], now: number): boolean {
  const due = followUpDueAt(request);
  if (due === undefined || now < due || now > due + FOLLOW_UP_WINDOW_DAYS * 24 * HOUR) return false;
  const last = followUpOf(request, messages);
  const resolvedAt = due - (FOLLOW_UP_AFTER_HOURS[request.type as RequestType] ?? DEFAULT_FOLLOW_UP_AFTER_HOURS) * HOUR;
  return !last || Date.parse(last.createdAt) < resolvedAt;
}
