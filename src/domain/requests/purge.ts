/**
 * When a closed case's patient data (patient block, thread) leaves devices, the server keeping it:
 * `days` after the card's last change once closed — its closing, unless someone wrote on it later.
 * The server's sweeper and the device's notice read the same rule.
 */
import { CLOSED_STATUSES, type RequestStatus } from './lifecycle';
import type { CareRequest } from './schema';

const DAY_MS = 86_400_000;

/** The last closing change a purge on `now` covers (ISO date): a closed card changed before it is due. */
export function purgeCutoff(days: number, now: number): string {
  return new Date(now - days * DAY_MS).toISOString();
}

export function isPurgeDue(request: Pick<CareRequest, 'status' | 'updatedAt'>, days: number, now: number): boolean {
  return CLOSED_STATUSES.has(request.status as RequestStatus) && request.updatedAt < purgeCutoff(days, now);
}
