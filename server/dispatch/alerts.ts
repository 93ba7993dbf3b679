/**
 * Alerts outside the app (Web Push, and SMS for members who chose it): what is needed, where, how
 * urgent — never who the patient is. In the app, alerts arrive through the sync feed by themselves.
 */
import type { CareRequest } from '../../src/domain/requests/schema';
import { REQUEST_KINDS, URGENCY_LABELS, type RequestType } from '../../src/domain/requests/types';
import { log } from '../log';
import type { Notifier } from '../notify/notifier';
import type { AlertKind, AlertPayload, PushSender } from '../push/alerts';
import type { MemberDirectory } from './directory';

const TITLES: Record<AlertKind, (label: string) => string> = {
  'new-request': (label) => `Nouvelle demande : ${label}`,
  taken: (label) => `Demande prise en charge : ${label}`,
  'assigned-to-requester': (label) => `Votre demande est prise en charge : ${label}`,
  escalation: (label) => `Demande sans preneur : ${label}`,
  message: (label) => `Nouveau message : ${label}`,
  closed: (label) => `Demande close : ${label}`,
};

export function alertPayload(kind: AlertKind, request: CareRequest): AlertPayload {
  const label = REQUEST_KINDS[request.type as RequestType]?.label.toLowerCase() ?? 'demande';
  return {
    kind,
    requestId: request.id,
    title: TITLES[kind](label),
    body: `${request.place.commune} — ${URGENCY_LABELS[request.urgency].toLowerCase()}`,
    url: `/demandes/${request.id}`,
  };
}

export class AlertSender {
  constructor(
    private readonly directory: MemberDirectory,
    private readonly notifier: Notifier | undefined,
    private readonly push: () => PushSender | undefined,
  ) {}

  /** Never throws: an alert that cannot go out is logged, the in-app alert still arrives by sync. */
  async send(kind: AlertKind, request: CareRequest, memberIds: string[], bySms = kind === 'new-request' || kind === 'escalation'): Promise<void> {
    if (!memberIds.length) return;
    const payload = alertPayload(kind, request);
    const push = this.push();
    const jobs: Array<Promise<unknown>> = [];
    if (push) jobs.push(push.notify(memberIds, payload).catch((err: Error) => log.warn({ err: err.message }, 'alerte push impossible')));
    if (bySms && this.notifier) {
      for (const id of memberIds) {
        const member = this.directory.get(id);
        if (member?.smsAlerts && member.phones?.mobile) {
          jobs.push(this.notifier.trySms(`alert-${kind}`, member.phones.mobile, `CPTS — ${payload.title} (${payload.body}). Ouvrez l’application pour répondre.`));
        }
      }
    }
    await Promise.all(jobs);
  }
}
