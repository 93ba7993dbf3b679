/**
 * What an alert says outside the app (Web Push, SMS): the need, the place, the urgency — never the
 * patient. The dispatcher builds these; the push and SMS senders deliver them.
 */

export type AlertKind = 'new-request' | 'taken' | 'assigned-to-requester' | 'escalation' | 'message' | 'closed';

export interface AlertPayload {
  kind: AlertKind;
  requestId: string;
  /** e.g. « Nouvelle demande : passage infirmier à domicile » */
  title: string;
  /** e.g. « Metz — dans la journée » */
  body: string;
  /** Path opened by a click on the notification, e.g. `/demandes/r-…`. */
  url: string;
}

/** Delivers an alert to members by Web Push; a member without a subscription is simply skipped. */
export interface PushSender {
  notify(memberIds: string[], payload: AlertPayload): Promise<{ sent: number; failed: number }>;
}
