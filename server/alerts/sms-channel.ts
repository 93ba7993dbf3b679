/** Alerts by SMS, for members who chose it and gave a mobile number: new requests and escalations only. */
import { alertSms } from '../../src/domain/alerts/text';
import type { Notifier } from '../notify/notifier';
import { reachableNow, type AlertChannel } from './channel';

const BY_SMS = new Set(['new-request', 'escalation']);

/** `network`: the territory's short name, which opens every SMS (« CPTS du Val — … »). */
export function smsChannel(notifier: Notifier, network: string, timeZone: string, now: () => number = Date.now): AlertChannel {
  return {
    name: 'sms',
    wants: (member, alert) => BY_SMS.has(alert.kind) && Boolean(member.smsAlerts && member.phones?.mobile) && reachableNow('sms', member, alert, now(), timeZone),
    async send(alert, members, tracking) {
      const text = alertSms(network, alert.text);
      const jobs = members.map(async (member) => {
        const target = `sms:${member.id}`;
        if (tracking?.done(target)) return;
        // The key makes a copy sent again after a crash recognisable by the SMS gateway.
        if (await notifier.trySms(`alert-${alert.kind}`, member.phones!.mobile!, text, `${alert.id}/${member.id}`)) tracking?.delivered(target);
      });
      await Promise.all(jobs);
    },
  };
}
