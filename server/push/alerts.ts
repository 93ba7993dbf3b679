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
  /** e.g. « Pont-à-Mousson — dans la journée » */
  body: string;
  /** Path opened by a click on the notification, e.g. `/demandes/r-…`. */
  url: string;
  /** The alert's stable id (`dispatch/outbox.ts`): a copy sent again after a crash has the same, and the same Web Push topic. */
  alertId?: string;
}

/**
 * Which recipients of an alert were already served (a device by its subscription id, an SMS by
 * `sms:<member id>`), and the news of each new delivery as soon as it is accepted: an alert sent
 * again after a crash skips those the previous run had recorded.
 */
export interface DeliveryTracking {
  done(target: string): boolean;
  delivered(target: string): void;
}

/** Delivers an alert to members by Web Push; a member without a subscription is simply skipped. Throws only when the subscriptions cannot be read. */
export interface PushSender {
  notify(memberIds: string[], payload: AlertPayload, tracking?: DeliveryTracking): Promise<{ sent: number; failed: number }>;
}
