/**
 * A simulated member for the soak test: the four live long-polls of a device (members, requests,
 * messages, patients), pushes made as RxDB makes them (retried until they land, one at a time per
 * collection), and a professional's habits: a GP posts requests with a patient block and follows
 * them, an alerted nurse accepts or declines after a while, the one who took the case writes on its
 * thread and closes it, anyone changes their availability now and then.
 */
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { LongPollClient } from '../testing/longpoll-client';
import { message, newRequest, patientFor, PLACE } from '../testing/requests';
import { pushLikeRxdb, type StoredDoc } from '../testing/rxdb-push';
import { Client } from '../testing/server';
import type { Collection, Ledger, Write } from './soak-ledger';

export type Role = 'gp' | 'nurse' | 'coordinator' | 'other';
type Place = typeof PLACE;
type Doc = Record<string, unknown> & { _id: string };

export interface Scenario {
  ledger: Ledger;
  base: URL;
  random: () => number;
  /** Coordinators read every patient block and message. */
  coordinators: readonly string[];
  /** A GP cancels a request nobody took after this long. */
  cancelAfterMs: number;
}

const FEEDS: Collection[] = ['members', 'requests', 'messages', 'patients'];
const toCouch = <T extends { id: string }>({ id, ...rest }: T): StoredDoc => ({ ...rest, _id: id });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SimulatedMember {
  private readonly feeds: LongPollClient[];
  private readonly client: Client;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly queues = new Map<Collection, Promise<void>>();
  private pushing = 0;
  private stopped = false;
  /** Last status seen of each card; requests answered; cases taken; my own requests. */
  private readonly cards = new Map<string, string>();
  private readonly answered = new Set<string>();
  private readonly cases = new Set<string>();
  private readonly mine = new Map<string, { replied: boolean; cancelled: boolean; dropCancel: () => void }>();

  constructor(
    readonly id: string,
    readonly role: Role,
    cookie: string,
    private readonly scenario: Scenario,
  ) {
    this.client = new Client(scenario.base.origin);
    this.client.cookie = cookie;
    const { ledger } = scenario;
    this.feeds = FEEDS.map((collection) => new LongPollClient(scenario.base, collection, cookie, (docs, at) => this.received(collection, docs as Doc[], at), (what) => ledger.error(`long-poll ${collection}`, what)));
  }

  connect(delayMs: number): void {
    this.feeds.forEach((f) => f.start(delayMs));
  }

  stop(): void {
    this.stopped = true;
    this.feeds.forEach((f) => f.stop());
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  /** Nothing planned, nothing being pushed. */
  get idle(): boolean {
    return this.timers.size === 0 && this.pushing === 0;
  }

  get polls(): number {
    return this.feeds.reduce((n, f) => n + f.polls, 0);
  }

  postRequest(place: Place, n: number): void {
    const request = newRequest(this.id, { place, question: `Pansement à domicile après chirurgie, passage ce soir (demande ${n}).` });
    const patient = patientFor(request);
    const dropCancel = this.later(this.scenario.cancelAfterMs, () => this.cancelIfUntaken(request.id));
    this.mine.set(request.id, { replied: false, cancelled: false, dropCancel });
    this.scenario.ledger.owe(`patients/${patient.id}`, this.scenario.coordinators);
    this.writeNew('requests', toCouch(request), [], () => this.scenario.ledger.posting(request.id, performance.now()));
    this.writeNew('patients', toCouch(patient), []);
  }

  /** At the end of the run: what nobody took is cancelled. */
  cancelUntaken(): void {
    for (const id of this.mine.keys()) this.cancelIfUntaken(id);
  }

  /** Declares available for a few hours, or no longer available; a GP also opens or closes their list to new patients. */
  changeAvailability(): void {
    const { random, ledger } = this.scenario;
    const hours = 1 + Math.floor(random() * 8);
    const off = random() < 0.2;
    const toggleNewPatients = this.role === 'gp' && random() < 0.5;
    let write: Write | undefined;
    this.enqueue('members', () =>
      this.pushUntilDone('members', this.id, (_id, current) => {
        if (!current) return null;
        if (write) return current.updatedAt === write.doc.updatedAt ? null : { ...write.doc, _rev: current._rev };
        const now = Date.now();
        const availability = { ...(current.availability as Record<string, unknown>) };
        if (off) delete availability.availableUntil;
        else availability.availableUntil = new Date(now + hours * 3_600_000).toISOString();
        if (toggleNewPatients) availability.acceptsNewPatients = !availability.acceptsNewPatients;
        const updatedAt = new Date(Math.max(now, Date.parse(String(current.updatedAt)) + 1)).toISOString();
        write = ledger.write('members', { ...current, availability, updatedAt }, this.id);
        ledger.updated(this.id, updatedAt);
        return write.doc;
      }).then((ok) => write && (ok === 'refused' ? (write.refused = true) : (write.acked = ok === 'ok'))),
    );
  }

  private received(collection: Collection, docs: Doc[], at: number): void {
    const { ledger } = this.scenario;
    for (const doc of docs) {
      if (collection === 'members') ledger.updateSeen(doc._id, String(doc.updatedAt), this.id);
      else if (collection === 'requests') this.onCard(doc as CareRequest & Doc, at);
      else ledger.deliver(`${collection}/${doc._id}`, this.id);
    }
  }

  private onCard(card: CareRequest & Doc, at: number): void {
    const id = card._id;
    this.cards.set(id, card.status);
    if (card.dispatch?.alerted.includes(this.id)) {
      this.scenario.ledger.cardArrived(id, this.id, at);
      if (!this.answered.has(id)) this.answer(card);
    }
    if (card.assigneeId === this.id && card.status === 'assigned' && !this.cases.has(id)) this.takeCase(card);
    const mine = this.mine.get(id);
    if (mine && card.status !== 'sent' && card.status !== 'searching') mine.dropCancel();
    if (mine && card.status === 'assigned' && card.assigneeId && !mine.replied) {
      mine.replied = true;
      const assignee = card.assigneeId;
      this.later(this.between(1_000, 4_000), () => this.say(card._id, 'message', 'Merci, le patient vous attend à partir de 17 h.', [assignee]));
    }
  }

  /** Accepts (45 %), declines (25 %) or lets it be; a device that had not synced yet may accept a request already taken. */
  private answer(card: CareRequest & Doc): void {
    this.answered.add(card._id);
    const choice = this.scenario.random();
    const unsynced = this.scenario.random() < 0.3;
    if (choice >= 0.7) return;
    this.later(this.between(1_000, 6_000), () => {
      if (choice < 0.45 && (unsynced || this.cards.get(card._id) === 'searching')) this.say(card._id, 'accept', undefined, [card.requesterId]);
      else if (choice >= 0.45) this.say(card._id, 'decline', 'Indisponible à cette heure-là.', [card.requesterId]);
    });
  }

  private takeCase(card: CareRequest & Doc): void {
    this.cases.add(card._id);
    this.scenario.ledger.owe(`patients/${patientIdOf(card._id)}`, [this.id]);
    const requester = [card.requesterId];
    this.later(this.between(2_000, 5_000), () => this.say(card._id, 'message', 'Je passe vers 18 h.', requester));
    this.later(this.between(5_000, 8_000), () => this.say(card._id, 'result', 'Pansement refait, cicatrice propre.', requester));
    this.later(this.between(9_000, 14_000), () => this.say(card._id, 'resolve', undefined, requester));
  }

  private cancelIfUntaken(id: string): void {
    const mine = this.mine.get(id);
    const status = this.cards.get(id) ?? 'sent';
    if (!mine || mine.cancelled || (status !== 'sent' && status !== 'searching')) return;
    mine.cancelled = true;
    mine.dropCancel();
    this.say(id, 'cancel', 'Solution trouvée par ailleurs.', []);
  }

  /** A message on a request, owed to the given participants and the coordinators. */
  private say(requestId: string, kind: string, text: string | undefined, to: string[]): void {
    const doc = toCouch(message({ id: requestId } as CareRequest, this.id, kind, text));
    this.writeNew('messages', doc, [...to, ...this.scenario.coordinators].filter((m) => m !== this.id));
  }

  private writeNew(collection: Collection, doc: StoredDoc, owedTo: string[], onSend?: () => void): void {
    const { ledger } = this.scenario;
    const write = ledger.write(collection, doc, this.id);
    if (owedTo.length) ledger.owe(`${collection}/${doc._id}`, owedTo);
    this.enqueue(collection, async () => {
      onSend?.();
      const outcome = await this.pushUntilDone(collection, doc._id, (_id, current) => (current ? null : doc));
      if (outcome === 'refused') write.refused = true;
      else write.acked = outcome === 'ok';
    });
  }

  /** Pushes until the server has the write or refuses it; every failed attempt is an error. */
  private async pushUntilDone(collection: Collection, id: string, build: Parameters<typeof pushLikeRxdb>[3]): Promise<'ok' | 'refused' | 'stopped'> {
    const { ledger } = this.scenario;
    while (!this.stopped) {
      try {
        const outcome = (await pushLikeRxdb(this.client, collection, [id], build)).get(id)!;
        if (outcome.ok) return 'ok';
        ledger.error(`${outcome.error} ${collection}`, outcome.reason);
        if (outcome.error !== 'conflict') return 'refused';
      } catch (err) {
        ledger.error(`push ${collection}`, (err as Error).message);
      }
      await sleep(1_000);
    }
    return 'stopped';
  }

  private enqueue(collection: Collection, task: () => Promise<unknown>): void {
    this.pushing++;
    const run = (this.queues.get(collection) ?? Promise.resolve()).then(task).finally(() => this.pushing--);
    this.queues.set(collection, run.then(() => undefined));
  }

  /** Plans an action; returns what calls it off. */
  private later(ms: number, action: () => void): () => void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) action();
    }, ms);
    this.timers.add(timer);
    return () => (clearTimeout(timer), this.timers.delete(timer));
  }

  private between(min: number, max: number): number {
    return min + this.scenario.random() * (max - min);
  }
}
