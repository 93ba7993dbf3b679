/** Web Push delivery of alerts: encrypts the payload for each of the members' devices, posts it to their push services, forgets dead subscriptions. */
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import webpush, { type RequestDetails, type Urgency } from 'web-push';
import type { Logger } from '../log';
import type { AlertKind } from '../../src/domain/alerts/text';
import type { DeliveryTracking } from '../alerts/channel';
import type { AlertPayload, PushSender } from '../alerts/push-channel';
import type { PushSubscriptions, StoredSubscription } from './store';
import type { VapidKeys } from './vapid';

/** Devices posted to at once: push services answer in tens of milliseconds, and an alert goes to a few dozen members. */
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

/** An alert about a new request is useless once the dispatcher has widened the circle; a message can wait for the phone to wake up. */
const DELIVERY: Record<AlertKind, { ttl: number; urgency: Urgency }> = {
  'new-request': { ttl: 3600, urgency: 'high' },
  escalation: { ttl: 3600, urgency: 'high' },
  taken: { ttl: 3600, urgency: 'normal' },
  'assigned-to-requester': { ttl: 86_400, urgency: 'high' },
  message: { ttl: 86_400, urgency: 'normal' },
  closed: { ttl: 86_400, urgency: 'low' },
  'follow-up': { ttl: 86_400, urgency: 'normal' },
  reopened: { ttl: 86_400, urgency: 'high' },
};

/** How long the push service keeps an undelivered alert of this kind; the alerts outbox drops older ones too. */
export function alertTtlSeconds(kind: AlertKind): number {
  return (DELIVERY[kind] ?? DELIVERY.message).ttl;
}

/**
 * The Web Push `Topic` of an alert (RFC 8030 §5.4: at most 32 characters of the URL-safe base64
 * alphabet): a copy sent again after a crash replaces the first at the push service if undelivered.
 */
export function topicOf(alertId: string): string {
  return createHash('sha256').update(alertId).digest('base64url').slice(0, 32);
}

/** Posts the encrypted request and resolves with the push service's status; `http` endpoints only exist outside production (see `parseEndpoint`). */
export type PushTransport = (details: RequestDetails) => Promise<number>;

export const postToPushService: PushTransport = (details) =>
  new Promise((resolve, reject) => {
    const url = new URL(details.endpoint);
    const send = url.protocol === 'http:' ? http.request : https.request;
    const req = send(url, { method: details.method, headers: details.headers, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('délai dépassé')));
    req.on('error', reject);
    req.end(details.body ?? undefined);
  });

/** Only the alert's own fields, so a wider object handed in by mistake never carries more to a device. */
function serialize(payload: AlertPayload): string {
  const { kind, requestId, title, body, url, alertId } = payload;
  return JSON.stringify({ kind, requestId, title: title.slice(0, 200), body: body.slice(0, 300), url, alertId });
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class WebPushSender implements PushSender {
  constructor(
    readonly subscriptions: PushSubscriptions,
    private readonly keys: VapidKeys,
    private readonly subject: string,
    private readonly log: Logger,
    private readonly transport: PushTransport = postToPushService,
  ) {}

  get publicKey(): string {
    return this.keys.publicKey;
  }

  /** Never throws for a device: each failure is counted; only the subscriptions lookup itself can fail. */
  async notify(memberIds: string[], payload: AlertPayload, tracking?: DeliveryTracking): Promise<{ sent: number; failed: number }> {
    const devices = (await this.subscriptions.forMembers(memberIds)).filter((d) => !tracking?.done(d._id));
    const body = serialize(payload);
    const { ttl, urgency } = DELIVERY[payload.kind] ?? DELIVERY.message;
    const topic = payload.alertId ? topicOf(payload.alertId) : undefined;
    let sent = 0;
    let failed = 0;
    let removed = 0;
    await inParallel(devices, CONCURRENCY, async (device) => {
      const outcome = await this.deliver(device, body, { TTL: ttl, urgency, topic });
      if (outcome === 'sent') {
        sent++;
        tracking?.delivered(device._id);
      } else failed++;
      if (outcome === 'gone') removed++;
    });
    if (devices.length) this.log.info({ kind: payload.kind, members: new Set(memberIds).size, devices: devices.length, sent, failed, removed }, 'alertes Web Push');
    return { sent, failed };
  }

  private async deliver(device: StoredSubscription, body: string, delivery: { TTL: number; urgency: Urgency; topic?: string }): Promise<'sent' | 'gone' | 'failed'> {
    try {
      const details = webpush.generateRequestDetails({ endpoint: device.endpoint, keys: device.keys }, body, {
        vapidDetails: { subject: this.subject, publicKey: this.keys.publicKey, privateKey: this.keys.privateKey },
        contentEncoding: 'aes128gcm',
        ...delivery,
      });
      const status = await this.transport(details);
      if (status >= 200 && status < 300) return 'sent';
      // The browser unsubscribed or the subscription expired: it will never work again.
      if (status === 404 || status === 410) {
        await this.subscriptions.delete(device);
        return 'gone';
      }
      this.log.warn({ status, host: new URL(device.endpoint).host }, 'Web Push refusé par le service de notification');
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'Web Push : envoi impossible');
    }
    return 'failed';
  }
}
