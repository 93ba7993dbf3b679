/** How a request reads in the interface: its kind, what it looks for, its urgency and status, in French. */
import { professionLabel } from '../domain/members/professions';
import { STATUS_LABELS, type RequestStatus } from '../domain/requests/lifecycle';
import { REQUEST_KINDS, URGENCY_LABELS, type RequestType, type Urgency } from '../domain/requests/types';
import * as fr from '../i18n/fr';

export const kindLabel = (type: string): string => REQUEST_KINDS[type as RequestType]?.label ?? type;

export const urgencyLabel = (urgency: string): string => URGENCY_LABELS[urgency as Urgency] ?? urgency;

export const statusLabel = (status: string): string => fr.requests.status(STATUS_LABELS[status as RequestStatus] ?? status);

/** « Infirmier », « Pharmacien, Pharmacie », « Médecin · Dermatologie » */
export function targetLabel(target: { professions: readonly string[]; specialty?: string }): string {
  const professions = target.professions.map(professionLabel).join(', ');
  return target.specialty ? `${professions} · ${target.specialty}` : professions;
}
