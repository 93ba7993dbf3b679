/**
 * Sends an alert through every registered channel, to the members each channel wants: what is
 * needed, where, how urgent — never who the patient is. Its words come from `alertText`, once.
 */
import { alertText, type AlertKind } from '../../src/domain/alerts/text';
import type { Member } from '../../src/domain/members/schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import type { AlertChannel, DeliveryTracking } from './channel';

export class AlertSender {
  constructor(
    private readonly directory: { get(id: string): Member | undefined },
    private readonly channels: readonly AlertChannel[],
  ) {}

  /** Sends one alert (`alertId`, from the alerts outbox); throws when a channel could not start, so the outbox tries again. */
  async send(kind: AlertKind, request: CareRequest, memberIds: string[], alertId: string, tracking?: DeliveryTracking): Promise<void> {
    if (!memberIds.length) return;
    const alert = { id: alertId, kind, request, text: alertText(kind, request) };
    const members = memberIds.flatMap((id) => this.directory.get(id) ?? []);
    for (const channel of this.channels) {
      const chosen = members.filter((m) => channel.wants(m, alert));
      if (chosen.length) await channel.send(alert, chosen, tracking);
    }
  }
}
