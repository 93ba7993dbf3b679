/**
 * The 24/7 queue: requests that need a human — escalated (nobody accepted in time), close to their
 * deadline without an assignee, handed back, flagged by a member, or resolved with a bad follow-up
 * (need not covered, or the patient went to the emergency room) — most pressing first.
 */
import { CLOSED_STATUSES } from '../requests/lifecycle';
import type { CareRequest } from '../requests/schema';

export type QueueReason = 'escalated' | 'unreached' | 'deadline' | 'handed-back' | 'flagged' | 'follow-up';

export const QUEUE_REASON_LABELS: Record<QueueReason, string> = {
  escalated: 'escaladée : personne n’a accepté à temps ou personne n’est joignable',
  unreached: 'personne ne s’en occupe : aucun professionnel alerté ou tous ont décliné',
  deadline: 'échéance proche sans preneur',
  'handed-back': 'prise en charge rendue',
  flagged: 'signalée par un professionnel',
  'follow-up': 'suivi défavorable après la prise en charge : à rappeler',
};

export interface QueueItem {
  request: CareRequest;
  reasons: QueueReason[];
  ageMs: number;
  timeLeftMs: number;
}

const HOUR = 3_600_000;

function lastIndexOf(request: CareRequest, event: string): number {
  return (request.history ?? []).map((h) => h.event).lastIndexOf(event);
}

/** From the first minute: not started by the server, nobody alerted, or every alerted member declined. */
function nobodyOnIt(request: CareRequest, now: number): boolean {
  const alerted = request.dispatch?.alerted ?? [];
  if (!alerted.length) return request.status === 'searching' || now - Date.parse(request.createdAt) >= 60_000;
  const declined = new Set((request.history ?? []).filter((h) => h.event === 'decline').map((h) => h.by));
  return alerted.every((id) => declined.has(id));
}

/** Why a request needs a human now; empty when it does not. `coordinatorId` narrows escalations to those sent to them. */
export function queueReasons(request: CareRequest, now: number, coordinatorId?: string): QueueReason[] {
  // A bad follow-up stays in the queue until the coordination calls or writes a note, or the case is reopened.
  if (request.status === 'resolved') {
    const alerted = lastIndexOf(request, 'follow-up-alert');
    return alerted >= 0 && alerted > Math.max(lastIndexOf(request, 'call'), lastIndexOf(request, 'note')) ? ['follow-up'] : [];
  }
  if (CLOSED_STATUSES.has(request.status) || request.status === 'draft') return [];
  const reasons: QueueReason[] = [];
  const searching = request.status === 'searching' || request.status === 'sent';
  const escalatedTo = request.dispatch?.escalatedTo ?? [];
  if (searching && request.dispatch?.escalated && (!coordinatorId || !escalatedTo.length || escalatedTo.includes(coordinatorId))) reasons.push('escalated');
  if (searching && !request.dispatch?.escalated && nobodyOnIt(request, now)) reasons.push('unreached');
  const deadline = Date.parse(request.deadline);
  const total = deadline - Date.parse(request.createdAt);
  if (searching && !request.dispatch?.escalated && deadline - now <= Math.max(HOUR, total / 4)) reasons.push('deadline');
  if (searching && lastIndexOf(request, 'hand-back') > lastIndexOf(request, 'accept')) reasons.push('handed-back');
  if (lastIndexOf(request, 'flag') >= 0) reasons.push('flagged');
  return reasons;
}

export function supervisionQueue(requests: Iterable<CareRequest>, now: number, coordinatorId?: string): QueueItem[] {
  const items: QueueItem[] = [];
  for (const request of requests) {
    const reasons = queueReasons(request, now, coordinatorId);
    if (reasons.length) items.push({ request, reasons, ageMs: now - Date.parse(request.createdAt), timeLeftMs: Date.parse(request.deadline) - now });
  }
  return items.sort((a, b) => a.timeLeftMs - b.timeLeftMs);
}
