/**
 * The dispatcher: follows the requests and messages change feeds (persisted checkpoints), starts
 * the search of each new request, widens it on timers, decides the assignee from the first
 * acceptance in feed order, applies cancellations, hand-backs and closures, escalates at the
 * deadline to the coordinators and expires what nobody took.
 */
import { circleIntervalMs, nextStep } from '../../src/domain/requests/candidates';
import { applyMessage, circleStepsDone, escalate, expire, hasRedispatched, recordStep, redispatch, startSearch } from '../../src/domain/requests/dispatch';
import type { RequestMessage } from '../../src/domain/requests/message-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { usualProfessionalWindowMs } from '../../src/domain/requests/types';
import { log } from '../log';
import type { Reaction } from '../reactions/reaction';
import type { MemberDirectory } from './directory';
import type { RequestStore } from './store';

type Stored<T> = Omit<T, 'id'> & { _id: string; _deleted?: boolean };

export interface DispatcherDeps {
  store: RequestStore;
  directory: MemberDirectory;
  /** Member ids of the coordinators to alert on escalation. */
  coordinators(): Promise<string[]>;
  isCoordinator(memberId: string): Promise<boolean>;
  now?: () => number;
  tickMs?: number;
  /** How long an escalated request waits for a coordinator before it expires. */
  expiryGraceMs?: number;
}

const ACTIONS = new Set(['accept', 'decline', 'advice', 'hand-back', 'resolve', 'close-unresolved', 'cancel', 'call', 'note', 'flag', 'redispatch']);

export class Dispatcher {
  /** Open requests waiting for their next step, by due time. */
  private readonly due = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** The dispatcher's clock; tests move it forward to reach the next step without waiting. */
  now: () => number;

  constructor(private readonly deps: DispatcherDeps) {
    this.now = deps.now ?? Date.now;
  }

  requestsReaction(): Reaction<Stored<CareRequest>> {
    return {
      name: 'dispatch-requests',
      db: 'requests',
      filter: (doc) => !doc._deleted && (doc.status === 'sent' || (doc.status === 'searching' && !this.due.has(doc._id))),
      onMatch: (doc) => this.advance(doc._id),
    };
  }

  messagesReaction(): Reaction<Stored<RequestMessage>> {
    return {
      name: 'dispatch-messages',
      db: 'messages',
      filter: (doc) => !doc._deleted && ACTIONS.has(doc.kind),
      onMatch: (doc) => this.onMessage({ ...doc, id: doc._id } as unknown as RequestMessage),
    };
  }

  /** Timers are not persisted: the due times are on the requests (`dispatch.nextStepAt`). */
  schedule(request: CareRequest): void {
    const next = request.dispatch?.nextStepAt;
    if (request.status === 'searching' && next) this.due.set(request.id, Date.parse(next));
    else this.due.delete(request.id);
  }

  /** At start: requests left open by a previous run get their timers back, or their search started. */
  async recover(open: CareRequest[]): Promise<void> {
    for (const request of open) {
      if (request.status === 'sent' || (request.status === 'searching' && !request.dispatch?.nextStepAt)) await this.advance(request.id);
      else this.schedule(request);
    }
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.tickMs ?? 1000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Takes every step that is due now (the timer calls it each second). */
  async tick(): Promise<void> {
    const now = this.now();
    for (const [id, at] of [...this.due]) {
      if (at > now) continue;
      this.due.delete(id);
      await this.advance(id).catch((err: Error) => log.error({ request: id, err: err.message }, 'étape de dispatch impossible'));
    }
  }

  /**
   * Takes the next step of a request: the next circle, the escalation at the deadline, or the expiry.
   * A sent request starts its search and takes its first step in the same write, one change fewer
   * between the post and the alert; the coordinators on duty are looked up only to escalate. The
   * alerts a step records go out through the alerts outbox (`outbox.ts`), which follows the feed.
   */
  private async advance(id: string): Promise<void> {
    const updated = await this.deps.store.update(id, async (stored) => {
      const now = this.now();
      const r = stored.status === 'sent' ? startSearch(stored, now) : stored;
      const started = r === stored ? null : r;
      if (r.status !== 'searching') return null;
      const deadline = Date.parse(r.deadline);
      if (r.dispatch?.escalated) return now >= Date.parse(r.dispatch.nextStepAt ?? r.deadline) ? expire(r, now) : started;
      if (now >= deadline) return escalate(r, now, await this.deps.coordinators(), deadline + (this.deps.expiryGraceMs ?? 12 * 3_600_000));
      const alreadyAlerted = new Set([...(r.dispatch?.alerted ?? []), ...(r.assigneeId ? [r.assigneeId] : [])]);
      const candidateRequest = hasRedispatched(r) ? { ...r, usualProfessionalId: undefined } : r;
      const step = nextStep(this.deps.directory.all(), (m) => this.deps.directory.get(m), candidateRequest, alreadyAlerted, circleStepsDone(r), now);
      if (!step) return r.dispatch?.nextStepAt === r.deadline ? started : recordStep(r, { kind: 'circle', alert: [], reason: 'cercles épuisés : attente de l’échéance' }, now, deadline);
      const wait = step.kind === 'usual' ? usualProfessionalWindowMs(r.urgency) : circleIntervalMs(r.urgency);
      return recordStep(r, step, now, step.alert.length ? Math.min(now + wait, deadline) : now);
    });
    if (updated) this.schedule(updated);
  }

  private async onMessage(message: RequestMessage): Promise<void> {
    const isCoordinator = await this.deps.isCoordinator(message.authorId);
    let event: string | undefined;
    const updated = await this.deps.store.update(message.requestId, (r) => {
      const outcome = applyMessage(r, message, isCoordinator, this.now());
      event = outcome.applied ? outcome.event : undefined;
      return outcome.request === r ? null : outcome.request;
    });
    if (!updated) return;
    this.schedule(updated);
    // The requester is told of an acceptance by the alerts outbox, from the history entry.
    if (event === 'accept') {
      await this.deps.store.refreshReaders(updated);
    } else if (event === 'hand-back' || event === 'redispatch') {
      if (event === 'hand-back') await this.deps.store.refreshReaders(updated);
      const reason = event === 'hand-back' ? 'prise en charge rendue : nouvelle recherche' : 'nouvelle recherche élargie demandée par la coordination';
      const redone = await this.deps.store.update(updated.id, (r) => (r.status === 'searching' ? redispatch(r, reason, this.now()) : null));
      if (redone) await this.advance(updated.id);
    }
  }
}
