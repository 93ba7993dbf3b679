/**
 * Alerts outside the app (Web Push, and SMS for members who chose it): what is needed, where, how
 * urgent — never who the patient is. In the app, alerts arrive through the sync feed by themselves.
 */
import { alertChannels } from '../../src/domain/members/reachability';
import type { CareRequest } from '../../src/domain/requests/schema';
import { REQUEST_KINDS, URGENCY_LABELS, type RequestType } from '../../src/domain/requests/types';
import type { Notifier } from '../notify/notifier';
import type { AlertKind, AlertPayload, DeliveryTracking, PushSender } from '../push/alerts';
import type { MemberDirectory } from './directory';

const TITLES: Record<AlertKind, (label: string) => string> = {
  'new-request': (label) => `Nouvelle demande : ${label}`,
  taken: (label) => `Demande prise en charge : ${label}`,
  'assigned-to-requester': (label) => `Votre demande est prise en charge : ${label}`,
  escalation: (label) => `Demande sans preneur : ${label}`,
  message: (label) => `Nouveau message : ${label}`,
  closed: (label) => `Demande close : ${label}`,
};

export function alertPayload(kind: AlertKind, request: CareRequest, alertId?: string): AlertPayload {
  const label = REQUEST_KINDS[request.type as RequestType]?.label.toLowerCase() ?? 'demande';
  return {
    kind,
    requestId: request.id,
    title: TITLES[kind](label),
    body: `${request.place.commune} — ${URGENCY_LABELS[request.urgency].toLowerCase()}`,
    url: `/demandes/${request.id}`,
    ...(alertId ? { alertId } : {}),
  };
}

export class AlertSender {
  constructor(
    private readonly directory: MemberDirectory,
    private readonly notifier: Notifier | undefined,
    private readonly push: PushSender | undefined,
    /** The territory's short name, which opens every SMS (« CPTS du Val — … »). */
    private readonly network: string,
    /** The territory's time zone: members' hours and the night are local. */
    private readonly timeZone: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Who may be disturbed by this channel now: a new request reaches outside their hours only those
   * who accept it there, and nobody at night, unless it is an immediate urgency (they still see
   * it in the app). Other alerts concern people already on the case.
   */
  private reachable(kind: AlertKind, request: CareRequest, memberIds: string[], channel: 'push' | 'sms'): string[] {
    if (kind !== 'new-request') return memberIds;
    const now = this.now();
    return memberIds.filter((id) => {
      const member = this.directory.get(id);
      return member && alertChannels(member, now, this.timeZone, request.urgency === 'immediate').includes(channel);
    });
  }

  /**
   * Sends one alert (`alertId`, from the alerts outbox). A device or an SMS provider refusing it is
   * logged, not retried (the in-app alert still arrives by sync); throws only when the push
   * subscriptions cannot be read, before anything went out, so the outbox tries again later.
   */
  async send(kind: AlertKind, request: CareRequest, memberIds: string[], alertId: string, tracking?: DeliveryTracking): Promise<void> {
    if (!memberIds.length) return;
    const payload = alertPayload(kind, request, alertId);
    const pushed = this.reachable(kind, request, memberIds, 'push');
    if (pushed.length) await this.push?.notify(pushed, payload, tracking);
    if (!this.notifier || (kind !== 'new-request' && kind !== 'escalation')) return;
    const text = `${this.network} — ${payload.title} (${payload.body}). Ouvrez l’application pour répondre.`;
    const jobs = this.reachable(kind, request, memberIds, 'sms').map(async (id) => {
      const member = this.directory.get(id);
      if (!member?.smsAlerts || !member.phones?.mobile || tracking?.done(`sms:${id}`)) return;
      // The key makes a copy sent again after a crash recognisable by the SMS gateway.
      if (await this.notifier!.trySms(`alert-${kind}`, member.phones.mobile, text, `${alertId}/${id}`)) tracking?.delivered(`sms:${id}`);
    });
    await Promise.all(jobs);
  }
}
