/** The coordination's server calls for the console: the duty roster and who accessed a case (online only). */
import { apiUrl } from '../config';
import { fetchOrOffline, HttpError, readErrorMessage } from '../data/http';
import { getJson, postJson } from '../data/json-api';
import type { AccessLogAnswer, AuditEntry } from '../domain/audit/api';
import type { RosterState } from '../domain/supervision/api';
import type { Shift } from '../domain/supervision/roster';
import * as fr from '../i18n/fr';

export const roster = () => getJson<RosterState>('/roster');

export const addShift = (shift: Omit<Shift, 'id'>) => postJson<Shift>('/roster', shift);

export async function removeShift(id: string): Promise<void> {
  const res = await fetchOrOffline(apiUrl(`/roster/${encodeURIComponent(id)}`), { method: 'DELETE' }).catch((err: unknown) => {
    throw err instanceof HttpError && err.status === 0 ? new HttpError(0, fr.forms.offline) : err;
  });
  if (!res.ok) throw new HttpError(res.status, await readErrorMessage(res, fr.errors.generic));
}

export async function accessLog(requestId: string): Promise<AuditEntry[]> {
  const { entries } = await getJson<AccessLogAnswer>(`/audit?requestId=${encodeURIComponent(requestId)}`);
  return [...entries].sort((a, b) => b.at.localeCompare(a.at));
}
