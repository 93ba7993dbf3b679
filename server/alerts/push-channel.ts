/** Alerts by Web Push, to every device of the members (`push/sender.ts` encrypts and delivers). */
import type { PushSender } from '../push/alerts';
import { reachableNow, type AlertChannel } from './channel';

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
