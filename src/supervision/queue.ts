/** The console's reading of the supervision queue: mine or all, time labels, and who answered what. Pure. */
import type { CareRequest } from '../domain/requests/schema';
import { supervisionQueue, type QueueItem } from '../domain/supervision/queue';
import * as fr from '../i18n/fr';

export type QueueScope = 'mine' | 'all';

/** « Les miennes » narrows escalations to those sent to me (the domain's rule); « toutes » shows every one. */
export function queueFor(requests: Iterable<CareRequest>, now: number, me: string, scope: QueueScope): QueueItem[] {
  return supervisionQueue(requests, now, scope === 'mine' ? me : undefined);
}

const MINUTE = 60_000;

/** « 12 min », « 3 h 05 », « 2 j 4 h » (rounded down: an age or a delay, never overstated). */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} j ${hours % 24} h` : `${days} j`;
}

/** « reste 3 h 05 » or « échéance dépassée de 12 min ». */
export function timeLeftLabel(timeLeftMs: number): string {
  return timeLeftMs >= 0 ? fr.supervision.left(duration(timeLeftMs)) : fr.supervision.overdue(duration(-timeLeftMs));
}

export interface Answer {
  memberId: string;
  event: string;
  at: string;
}

const ANSWERS = new Set(['accept', 'accept-refused', 'decline', 'advice']);

/** Each member's last answer, in the order they answered, from the request's history (written by the server). */
export function answersOf(request: Pick<CareRequest, 'history'>): Answer[] {
  const last = new Map<string, Answer>();
  for (const h of request.history ?? []) {
    if (!ANSWERS.has(h.event)) continue;
    last.delete(h.by);
    last.set(h.by, { memberId: h.by, event: h.event, at: h.at });
  }
  return [...last.values()];
}

/** Member ids a queue item names: the alerted, those who answered, the assignee. */
export function namedIn(request: CareRequest): string[] {
  return [...(request.dispatch?.alerted ?? []), ...answersOf(request).map((a) => a.memberId), ...(request.assigneeId ? [request.assigneeId] : [])];
}
