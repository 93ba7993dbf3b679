/**
 * The dispatcher: follows the requests and messages change feeds (persisted checkpoints), starts
 * the search of each new request and takes its steps as its policy says (`dispatch-policies.ts`),
 * decides the assignee from the first acceptance in feed order, applies cancellations, hand-backs
 * and closures, alerts the coordinators on duty as soon as nobody more can be reached (or at the
 * time set for it) and expires what nobody took. The server's clock runs its due steps (`start.ts`);
 * the simulator drives this same class on an in-memory store with its own clock.
 */
import { ActivityLedger } from '../../src/domain/requests/activity';
import { alertCoordinatorsOfFollowUp, applyMessage, circleStepsDone, escalate, expire, hasRedispatched, recordStep, redispatch, startSearch, withNextStepAt } from '../../src/domain/requests/dispatch';
import { isBadFollowUp } from '../../src/domain/requests/follow-up';
import { radiusFor, rankingPolicy, type DispatchMember, type DispatchPolicy } from '../../src/domain/requests/dispatch-policies';
import type { RequestMessage } from '../../src/domain/requests/message-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { REQUEST_KINDS, type RequestKind, type RequestType } from '../../src/domain/requests/types';
import type { Logger } from '../log';
import { backoffMs } from '../storage/changes';
import type { Reaction } from '../reactions/reaction';
import { toDomainDoc, type StoredDoc } from '../storage/docs';

type Stored<T> = Omit<T, 'id'> & { _id: string; _deleted?: boolean };

/** Where the dispatcher reads and writes requests (CouchDB in the server, memory in the simulator). */
export interface DispatchStore {
  /**
   * Applies `change` to the current request and stores its result (null: nothing to write). `seen`:
   * the version the change feed just gave, tried first instead of reading the request again.
   */
  update(id: string, change: (request: CareRequest) => CareRequest | null | Promise<CareRequest | null>, seen?: StoredDoc): Promise<CareRequest | null>;
  /** Requests still open (sent, searching, assigned), at start. */
  open(): Promise<CareRequest[]>;
  /** After an assignment changes, the patient block and the thread follow. */
  refreshReaders(request: CareRequest): Promise<void>;
}

export interface DispatchDirectory {
  all(): Iterable<DispatchMember>;
  get(id: string): DispatchMember | undefined;
}

export interface DispatcherDeps {
  store: DispatchStore;
  directory: DispatchDirectory;
  /** Member ids of the coordinators to alert on escalation at `now`. */
  coordinators(now: number): Promise<string[]>;
  isCoordinator(memberId: string): Promise<boolean>;
  /** The territory's time zone: weekly hours and quiet hours are local times. */
  timeZone: string;
  /** Search radius per request type (the territory's overrides of the built-in ones). */
  radiusKm?: (type: string) => number;
  policy?: DispatchPolicy;
  /** The time its decisions are taken at. */
  now: () => number;
  /** How long an escalated request waits for a coordinator before it expires. */
  expiryGraceMs?: number;
  /** Each doctor's earliest free unscheduled-care slot of use from `now` to `deadline` (types with `slots`). */
  slots?: (now: number, deadline: number) => Promise<ReadonlyMap<string, number>>;
  log: Logger;
}

/** Answers that count for a member's answer rate. */
const ANSWERS = new Set(['accept', 'decline', 'advice']);

const ACTIONS = new Set(['accept', 'decline', 'advice', 'hand-back', 'resolve', 'close-unresolved', 'cancel', 'call', 'note', 'flag', 'redispatch', 'follow-up', 'reopen']);

export class Dispatcher {
  /** Open requests waiting for their next step, by due time. */
  private readonly due = new Map<string, number>();
  /** Failed attempts in a row at a request's step, which is tried again later. */
  private readonly failures = new Map<string, number>();
  private readonly now: () => number;
  readonly policy: DispatchPolicy;
  /** Alerts and answers of each member (since this process started): the ranking's load and responsiveness. */
  readonly activity = new ActivityLedger();
  private readonly radiusKm: (type: string) => number;
  /** The members it chooses from, as it sees them now. */
  readonly directory: DispatchDirectory;

  constructor(private readonly deps: DispatcherDeps) {
    this.directory = deps.directory;
    this.now = deps.now;
    this.policy = deps.policy ?? rankingPolicy;
    this.radiusKm = deps.radiusKm ?? radiusFor({});
  }

  requestsReaction(): Reaction<Stored<CareRequest>> {
    return {
      name: 'dispatch-requests',
      db: 'requests',
      wants: (doc) => !doc._deleted && (doc.status === 'sent' || (doc.status === 'searching' && !this.due.has(doc._id))),
      run: (doc) => this.advance(doc._id, doc as StoredDoc),
    };
  }

  messagesReaction(): Reaction<Stored<RequestMessage>> {
    return {
      name: 'dispatch-messages',
      db: 'messages',
      wants: (doc) => !doc._deleted && ACTIONS.has(doc.kind),
      run: (doc) => this.onMessage(toDomainDoc<RequestMessage>(doc)),
    };
  }

  /** Timers are not persisted: the due times are on the requests (`dispatch.nextStepAt`, `escalateAt`). */
  schedule(request: CareRequest): void {
    const d = request.dispatch;
    const next = d?.nextStepAt ? Date.parse(d.nextStepAt) : undefined;
    const escalation = d?.escalateAt && !d.escalated ? Date.parse(d.escalateAt) : undefined;
    const at = Math.min(next ?? Infinity, escalation ?? Infinity);
    if (request.status === 'searching' && Number.isFinite(at)) this.due.set(request.id, at);
    else this.due.delete(request.id);
  }

  /** When the queue of due requests next needs the clock (the simulator jumps there). */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const at of this.due.values()) if (min === undefined || at < min) min = at;
    return min;
  }

  /** At start: requests left open by a previous run get their timers back, or their search started. */
  async recover(open: CareRequest[]): Promise<void> {
    for (const request of open) {
      if (request.status === 'sent' || (request.status === 'searching' && !request.dispatch?.nextStepAt)) await this.advanceOrRetry(request.id);
      else this.schedule(request);
    }
  }

  /** Takes every step that is due now (the server's clock calls it each second, the simulator at `nextDue()`). */
  async tick(): Promise<void> {
    const now = this.now();
    for (const [id, at] of [...this.due]) {
      if (at > now) continue;
      this.due.delete(id);
      await this.advanceOrRetry(id);
    }
  }

  /** A step that fails (the database down, the request not readable yet) is tried again later, waiting longer each time. */
  private async advanceOrRetry(id: string): Promise<void> {
    try {
      await this.advance(id);
      if (this.failures.delete(id)) this.deps.log.info({ request: id }, 'étape de dispatch reprise / dispatch step resumed');
    } catch (err) {
      const failures = (this.failures.get(id) ?? 0) + 1;
      this.failures.set(id, failures);
      if (failures === 1) this.deps.log.error({ request: id, err: (err as Error).message }, 'étape de dispatch impossible ; nouvel essai / dispatch step failed; retrying');
      if (!this.due.has(id)) this.due.set(id, this.now() + backoffMs(failures));
    }
  }

  /**
   * Takes the next step of a request: the next circle, the escalation at the deadline, or the expiry.
   * A sent request starts its search and takes its first step in the same write, one change fewer
   * between the post and the alert; the coordinators on duty are looked up only to escalate. The
   * alerts a step records go out through the alerts outbox (`outbox.ts`), which follows the feed.
   */
  private async advance(id: string, seen?: StoredDoc): Promise<void> {
    // Counted once the step is stored: a write that conflicts runs the change again.
    let alerted: { memberIds: string[]; at: number } | undefined;
    const updated = await this.deps.store.update(id, async (stored) => {
      alerted = undefined;
      const now = this.now();
      const r = stored.status === 'sent' ? startSearch(stored, now, this.policy.escalateAt(stored, now)) : stored;
      const started = r === stored ? null : r;
      if (r.status !== 'searching') return null;
      const d = r.dispatch!;
      const deadline = Date.parse(r.deadline);
      const expireAt = deadline + (this.deps.expiryGraceMs ?? 12 * 3_600_000);
      if (d.escalated && now >= expireAt) return expire(r, now);
      if (!d.escalated && now >= deadline) return escalate(r, now, await this.deps.coordinators(now), expireAt);
      if (!d.escalated && d.escalateAt && now >= Date.parse(d.escalateAt)) {
        // The coordinators hear of it now; the search goes on until the deadline.
        const next = d.nextStepAt && Date.parse(d.nextStepAt) > now ? Date.parse(d.nextStepAt) : now;
        return withNextStepAt(escalate(r, now, await this.deps.coordinators(now), expireAt, `personne n’a accepté à ${this.clock(now)}`), next);
      }
      if (now >= deadline) {
        // Escalated, past the deadline: nothing more to try, the expiry is next.
        const waiting = withNextStepAt(r, expireAt);
        if (waiting === r) this.schedule(r);
        return waiting === r ? started : waiting;
      }
      if (d.nextStepAt && Date.parse(d.nextStepAt) > now && !started) {
        // Woken early (a restart, a write): nothing is due yet.
        this.schedule(r);
        return null;
      }
      const alreadyAlerted = new Set([...d.alerted, ...(r.assigneeId ? [r.assigneeId] : [])]);
      const candidateRequest = hasRedispatched(r) ? { ...r, usualProfessionalId: undefined } : r;
      const slots = (REQUEST_KINDS as Record<string, RequestKind>)[r.type]?.slots && this.deps.slots ? await this.deps.slots(now, deadline) : undefined;
      const context = {
        members: this.deps.directory.all(),
        byId: (m: string) => this.deps.directory.get(m),
        activity: (m: string) => this.activity.of(m, now),
        timeZone: this.deps.timeZone,
        radiusKm: this.radiusKm,
        now,
        ...(slots ? { slotAt: (m: string) => slots.get(m) } : {}),
      };
      const step = this.policy.next(candidateRequest, alreadyAlerted, circleStepsDone(r), context);
      if (!step) {
        if (d.escalated) {
          const waiting = withNextStepAt(r, expireAt);
          if (waiting === r) this.schedule(r);
          return waiting === r ? started : waiting;
        }
        if (this.policy.whenExhausted === 'escalate') return escalate(r, now, await this.deps.coordinators(now), expireAt, this.nobodyLeft(r, now));
        return d.nextStepAt === r.deadline ? started : recordStep(r, { kind: 'circle', alert: [], reason: 'cercles épuisés : attente de l’échéance' }, now, deadline);
      }
      alerted = { memberIds: step.alert, at: now };
      return recordStep(r, step, now, step.alert.length ? Math.min(now + step.waitMs, deadline) : now);
    }, seen);
    if (!updated) return;
    for (const memberId of alerted?.memberIds ?? []) this.activity.alerted(memberId, alerted!.at);
    this.schedule(updated);
  }

  /** « 14 h 30 » in the territory's time. */
  private clock(at: number): string {
    return new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: this.deps.timeZone }).format(at).replace(':', ' h ');
  }

  /** What the coordinators are told when nobody more can be reached. */
  private nobodyLeft(request: CareRequest, now: number): string {
    const label = REQUEST_KINDS[request.type as RequestType]?.label.toLowerCase() ?? request.type;
    const alerted = request.dispatch?.alerted.length ?? 0;
    return alerted
      ? `personne d’autre de joignable pour « ${label} » à ${this.clock(now)} (${alerted} alerté(s), sans acceptation)`
      : `aucun preneur joignable pour « ${label} » à ${this.clock(now)}`;
  }

  private async onMessage(message: RequestMessage): Promise<void> {
    if (ANSWERS.has(message.kind)) this.activity.answered(message.authorId);
    const isCoordinator = await this.deps.isCoordinator(message.authorId);
    // A bad follow-up alerts the coordinators on duty, recorded in the same write as the answer.
    const onDuty = message.kind === 'follow-up' && isBadFollowUp(message) ? await this.deps.coordinators(this.now()) : [];
    let event: string | undefined;
    const updated = await this.deps.store.update(message.requestId, (r) => {
      const outcome = applyMessage(r, message, isCoordinator, this.now());
      event = outcome.applied ? outcome.event : undefined;
      if (outcome.request === r) return null;
      return event === 'follow-up-alert' ? alertCoordinatorsOfFollowUp(outcome.request, onDuty) : outcome.request;
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
