/**
 * What an alert says, in every channel (the app's notification, Web Push, SMS): the need, the
 * place, the urgency — never who the patient is. The one place an alert becomes words.
 */
import { REQUEST_KINDS, URGENCY_LABELS, type RequestType, type Urgency } from '../requests/types';

export type AlertKind = 'new-request' | 'taken' | 'assigned-to-requester' | 'escalation' | 'message' | 'closed' | 'follow-up' | 'reopened';

export interface AlertText {
  /** e.g. « Nouvelle demande : passage infirmier à domicile » */
  title: string;
  /** e.g. « Pont-à-Mousson — dans la journée » */
  body: string;
  /** The request it opens, e.g. `/demandes/r-…`. */
  url: string;
}

/** What an alert needs of its request: nothing that names the patient. */
export interface AlertSubject {
  id: string;
  type: string;
  urgency: string;
  place: { commune: string };
}

const TITLES: Record<AlertKind, (label: string) => string> = {
  'new-request': (label) => `Nouvelle demande : ${label}`,
  taken: (label) => `Demande prise en charge : ${label}`,
  'assigned-to-requester': (label) => `Votre demande est prise en charge : ${label}`,
  escalation: (label) => `Demande sans preneur : ${label}`,
  message: (label) => `Nouveau message : ${label}`,
  closed: (label) => `Demande close : ${label}`,
  'follow-up': (label) => `Suivi défavorable après prise en charge : ${label}`,
  reopened: (label) => `Demande rouverte par le demandeur : ${label}`,
};

export function alertText(kind: AlertKind, request: AlertSubject): AlertText {
  const label = REQUEST_KINDS[request.type as RequestType]?.label.toLowerCase() ?? 'demande';
  const urgency = URGENCY_LABELS[request.urgency as Urgency]?.toLowerCase();
  return {
    title: TITLES[kind](label),
    body: urgency ? `${request.place.commune} — ${urgency}` : request.place.commune,
    url: `/demandes/${request.id}`,
  };
}

/** The same words as a text message, opened by the territory's short name (« CPTS du Val — … »). */
export function alertSms(network: string, text: AlertText): string {
  return `${network} — ${text.title} (${text.body}). Ouvrez l’application pour répondre.`;
}
