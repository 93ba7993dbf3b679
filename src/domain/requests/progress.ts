/**
 * Where the search for a taker stands, for the requester and the coordination: not started yet,
 * the usual professional asked alone until a time, so many alerted (and declined) with the time
 * the coordination will be told, or the coordination already told. Pure.
 */
import type { CareRequest } from './schema';

export type SearchProgress =
  | { kind: 'not-started' }
  | { kind: 'usual'; until?: string }
  | { kind: 'waiting'; alerted: number; declined: number; escalateAt?: string }
  | { kind: 'nobody-yet'; escalateAt?: string }
  | { kind: 'escalated'; reason: string };

/** Declines are counted from the history the server keeps on the card. */
export function searchProgress(request: Pick<CareRequest, 'status' | 'dispatch' | 'deadline' | 'history'>): SearchProgress | undefined {
  if (request.status === 'sent') return { kind: 'not-started' };
  if (request.status !== 'searching') return undefined;
  const d = request.dispatch;
  if (!d) return { kind: 'not-started' };
  const escalation = [...d.steps].reverse().find((s) => s.kind === 'escalation');
  if (d.escalated && escalation) return { kind: 'escalated', reason: escalation.reason };
  const escalateAt = d.escalateAt ?? request.deadline;
  const last = d.steps.at(-1);
  if (last?.kind === 'usual' && last.alerted.length && d.steps.length === 1) return { kind: 'usual', until: d.nextStepAt };
  if (!d.alerted.length) return { kind: 'nobody-yet', escalateAt };
  const declined = new Set((request.history ?? []).filter((h) => h.event === 'decline' && d.alerted.includes(h.by)).map((h) => h.by)).size;
  return { kind: 'waiting', alerted: d.alerted.length, declined, escalateAt };
}
