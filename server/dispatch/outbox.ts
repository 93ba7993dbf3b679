/**
 * The alerts outbox: an alert outside the app (Web Push, SMS) is recorded on the request in the
 * same write as the decision it follows from (a dispatch step, the escalation, an acceptance in the
 * history), so a crash can never lose it. A reaction on the requests feed sends each recorded alert
 * not yet marked sent in the server-only `alerts` database. Each delivery is recorded on the
 * alert's mark as soon as the push service or the SMS provider accepts it, so after a crash only
 * the recipients whose delivery was in flight or not yet recorded get it again: at least once,
 * never lost. Such a copy carries the same alert id, used as the Web Push `Topic` (the push service
 * replaces an undelivered message of the same topic) and as the SMS idempotency key, and the
 * device shows one notification per request (its tag).
 */
import type { CareRequest } from '../../src/domain/requests/schema';
import type { AlertKind } from '../../src/domain/alerts/text';
import type { DeliveryTracking } from '../alerts/channel';
import { alertTtlSeconds } from '../push/sender';
import type { Reaction } from '../reactions/reaction';
import type { Couch, Db } from '../storage/couch';
import { isConflict } from '../storage/couch';
import { toDomainDoc } from '../storage/docs';
import type { AlertSender } from '../alerts/alerts';

export interface RecordedAlert {
  /** `<requestId>.s<step index>` or `<requestId>.h<history index>`: stable, both are append-only. */
  id: string;
  kind: AlertKind;
  memberIds: string[];
  /** When the decision was recorded. */
  at: string;
}

interface AlertMark {
  _id: string;
  _rev?: string;
  requestId: string;
  kind: AlertKind;
  /** Recipients served so far: push subscription ids, and `sms:<member id>`. */
  delivered: string[];
  /** Set once every recipient was tried: nothing of this alert is left to send. */
  sentAt?: string;
}

/** How many sent alert ids this process remembers, so most changes of a request read no marks. */
const REMEMBERED = 5000;

export function alertIdOf(requestId: string, source: 'step' | 'history', index: number): string {
  return `${requestId}.${source === 'step' ? 's' : 'h'}${index}`;
}

/** Every alert a request's state records, in the order they were decided. Pure. */
export function alertsOf(request: CareRequest): RecordedAlert[] {
  const alerts: RecordedAlert[] = [];
  const steps = request.dispatch?.steps ?? [];
  // Only the last escalation's coordinators are kept on the card (`escalatedTo`).
  const lastEscalation = steps.map((s) => s.kind).lastIndexOf('escalation');
  steps.forEach((step, i) => {
    const id = alertIdOf(request.id, 'step', i);
    if ((step.kind === 'usual' || step.kind === 'circle') && step.alerted.length) alerts.push({ id, kind: 'new-request', memberIds: step.alerted, at: step.at });
    const coordinators = request.dispatch?.escalatedTo ?? [];
    if (i === lastEscalation && coordinators.length) alerts.push({ id, kind: 'escalation', memberIds: coordinators, at: step.at });
  });
  (request.history ?? []).forEach((entry, i) => {
    const id = alertIdOf(request.id, 'history', i);
    if (entry.event === 'accept') alerts.push({ id, kind: 'assigned-to-requester', memberIds: [request.requesterId], at: entry.at });
    // The follow-up went badly: its professional and the coordinators on duty then (`escalatedTo`) hear of it.
    if (entry.event === 'follow-up-alert') {
      const memberIds = [...new Set([request.assigneeId, ...(request.dispatch?.escalatedTo ?? [])].filter((m): m is string => Boolean(m)))];
      if (memberIds.length) alerts.push({ id, kind: 'follow-up', memberIds, at: entry.at });
    }
    // Reopened by the requester: back with its professional.
    if (entry.event === 'reopen' && request.assigneeId) alerts.push({ id, kind: 'reopened', memberIds: [request.assigneeId], at: entry.at });
  });
  return alerts;
}

type Stored = Record<string, unknown> & { _id: string; _deleted?: boolean };
const toRequest = (doc: Stored) => toDomainDoc<CareRequest>(doc);

export class AlertOutbox {
  private readonly marks: Db<AlertMark>;
  private readonly sent = new Set<string>();

  constructor(
    couch: Couch,
    private readonly sender: AlertSender,
    private readonly now: () => number,
  ) {
    this.marks = couch.use<AlertMark>('alerts');
  }

  /** Follows the requests (the shared feed's checkpoint): a change not yet handled at a crash is handled again at start. */
  reaction(): Reaction<Stored> {
    return {
      name: 'dispatch-alerts',
      db: 'requests',
      wants: (doc) => !doc._deleted && this.unsent(toRequest(doc)).length > 0,
      run: (doc) => this.drain(toRequest(doc)),
    };
  }

  /** Sends the request's recorded alerts that are not marked sent; throws (to be retried) when storage fails. */
  async drain(request: CareRequest): Promise<void> {
    const unsent = this.unsent(request);
    if (!unsent.length) return;
    const marks = await this.read(unsent.map((a) => a.id));
    for (const alert of unsent) {
      const mark = marks.get(alert.id);
      if (!mark?.sentAt) {
        const progress = new AlertProgress(this.marks, mark ?? { _id: alert.id, requestId: request.id, kind: alert.kind, delivered: [] });
        await this.sender.send(alert.kind, request, alert.memberIds, alert.id, progress);
        await progress.finish(new Date(this.now()).toISOString());
      }
      this.remember(alert.id);
    }
  }

  /** Not known to be sent, and still worth sending: past its Web Push TTL, the push service would drop it anyway. */
  private unsent(request: CareRequest): RecordedAlert[] {
    const now = this.now();
    return alertsOf(request).filter((a) => !this.sent.has(a.id) && Date.parse(a.at) + alertTtlSeconds(a.kind) * 1000 > now);
  }

  private async read(ids: string[]): Promise<Map<string, AlertMark>> {
    const res = await this.marks.fetch({ keys: ids });
    return new Map(res.rows.flatMap((r) => ('doc' in r && r.doc ? [[r.id, r.doc as AlertMark] as const] : [])));
  }

  private remember(id: string): void {
    this.sent.add(id);
    // A Set iterates in insertion order: the oldest are forgotten first (their marks stay in the database).
    for (const old of this.sent) {
      if (this.sent.size <= REMEMBERED) break;
      this.sent.delete(old);
    }
  }
}

/**
 * The mark of one alert while it goes out: each delivery is added as soon as it is accepted, the
 * writes grouped (one at a time, the next carrying every delivery accepted meanwhile), so the
 * window in which a crash makes a recipient get the alert twice is one write, not the whole send.
 */
class AlertProgress implements DeliveryTracking {
  private readonly served: Set<string>;
  private writing: Promise<void> = Promise.resolve();
  private queued = false;
  private sentAt: string | undefined;
  private failure: unknown;

  constructor(
    private readonly db: Db<AlertMark>,
    private mark: AlertMark,
  ) {
    this.served = new Set(mark.delivered);
  }

  done(target: string): boolean {
    return this.served.has(target);
  }

  delivered(target: string): void {
    this.served.add(target);
    this.schedule();
  }

  /** Records that every recipient was tried; throws when the last write of the mark failed. */
  async finish(sentAt: string): Promise<void> {
    this.sentAt = sentAt;
    this.schedule();
    await this.writing;
    if (this.failure) throw this.failure;
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    this.writing = this.writing.then(() => this.write()).catch((err: unknown) => void (this.failure ??= err));
  }

  private async write(): Promise<void> {
    this.queued = false;
    try {
      await this.put();
    } catch (err) {
      if (!isConflict(err)) throw err;
      // Written meanwhile by another run: what it recorded is kept too.
      const current = await this.db.get(this.mark._id);
      current.delivered.forEach((t) => this.served.add(t));
      this.mark = current;
      await this.put();
    }
  }

  /** Each write carries the whole state: once one succeeds, an earlier failure no longer matters. */
  private async put(): Promise<void> {
    const doc: AlertMark = { ...this.mark, delivered: [...this.served], ...(this.sentAt ? { sentAt: this.sentAt } : {}) };
    this.mark = { ...doc, _rev: (await this.db.insert(doc)).rev };
    this.failure = undefined;
  }
}
