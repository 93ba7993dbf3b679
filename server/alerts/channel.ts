/**
 * The one interface of the ways an alert reaches members outside the app (the in-app alert arrives
 * by sync, always). A channel is one file implementing it, registered in the server's composition.
 */
import type { AlertKind, AlertText } from '../../src/domain/alerts/text';
import { alertChannels } from '../../src/domain/members/reachability';
import type { Member } from '../../src/domain/members/schema';
import type { CareRequest } from '../../src/domain/requests/schema';

export interface Alert {
  /** The alert's stable id (`dispatch/outbox.ts`): a copy sent again after a crash has the same. */
  id: string;
  kind: AlertKind;
  request: CareRequest;
  /** Its words, the same in every channel (`alertText`). */
  text: AlertText;
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

export interface AlertChannel {
  name: string;
  /** Whether this member is to be reached this way for this alert, now. */
  wants(member: Member, alert: Alert): boolean;
  /**
   * Sends the alert to these members (those it wants), recording each delivery in `tracking` and
   * skipping those it already holds. A refusal for one member is logged, not thrown; it throws only
   * when nothing went out and a later try may succeed, so the outbox tries again.
   */
  send(alert: Alert, members: Member[], tracking?: DeliveryTracking): Promise<void>;
}

/**
 * Who may be disturbed by `channel` now: a new request reaches outside their hours only those who
 * accept it there, and nobody at night, unless it is an immediate urgency (they still see it in the
 * app). Other alerts concern people already on the case.
 */
export function reachableNow(channel: 'push' | 'sms', member: Member, alert: Alert, now: number, timeZone: string): boolean {
  if (alert.kind !== 'new-request') return true;
  return alertChannels(member, now, timeZone, alert.request.urgency === 'immediate').includes(channel);
}
