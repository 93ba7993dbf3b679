/** Alerts by Web Push, to every device of the members (`push/sender.ts` encrypts and delivers). */
import type { AlertKind } from '../../src/domain/alerts/text';
import { reachableNow, type AlertChannel, type DeliveryTracking } from './channel';

/** What a Web Push carries: the alert's words and what to open — never the patient. */
export interface AlertPayload {
  kind: AlertKind;
  requestId: string;
  title: string;
  body: string;
  /** Path opened by a click on the notification, e.g. `/demandes/r-…`. */
  url: string;
  /** The alert's stable id: a copy sent again after a crash has the same, and the same Web Push topic. */
  alertId?: string;
}

/** Delivers an alert to members by Web Push; a member without a subscription is simply skipped. Throws only when the subscriptions cannot be read. */
export interface PushSender {
  notify(memberIds: string[], payload: AlertPayload, tracking?: DeliveryTracking): Promise<{ sent: number; failed: number }>;
}

export function pushChannel(push: PushSender, timeZone: string, now: () => number = Date.now): AlertChannel {
  return {
    name: 'push',
    wants: (member, alert) => reachableNow('push', member, alert, now(), timeZone),
    async send(alert, members, tracking) {
      const payload = { kind: alert.kind, requestId: alert.request.id, ...alert.text, alertId: alert.id };
      await push.notify(
        members.map((m) => m.id),
        payload,
        tracking,
      );
    },
  };
}
