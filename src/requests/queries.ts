/** Reactive reads of the local requests, messages and patient blocks (components never touch RxDB). */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { RxDocument } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { CaseDatabase } from '../data/case-database';
import { getDatabase, type Database } from '../data/database';
import { firstSyncOver } from '../data/first-sync-progress';
import type { RequestMessage } from '../domain/requests/message-schema';
import { patientIdOf, type PatientBlock } from '../domain/requests/patient-schema';
import type { CareRequest } from '../domain/requests/schema';
import { answerOutcome, myAlerts, myAnswers, myCases, myRequests, type AnswerOutcome } from './lists';

/** Plain copies of the documents: read-only by convention (writes go through commands.ts). */
export type RequestEntry = CareRequest;
export type MessageEntry = RequestMessage;
export type PatientEntry = PatientBlock;

const plain = <T,>(doc: RxDocument<T> | null): T | undefined => (doc ? (doc.toJSON() as T) : undefined);

/** Runs `subscribe` once the database `open` gives is open, and again when `key` changes; unsubscribes on cleanup. */
function liveOn<D>(open: () => Promise<D>, key: Accessor<unknown>, subscribe: (db: D) => Subscription | undefined): void {
  let subscription: Subscription | undefined;
  let disposed = false;
  let generation = 0;
  createEffect(() => {
    key();
    // A key that changes again before the database answers must not leave two subscriptions.
    const mine = ++generation;
    subscription?.unsubscribe();
    subscription = undefined;
    void open().then((db) => {
      if (!disposed && mine === generation) subscription = subscribe(db);
    });
  });
  onCleanup(() => {
    disposed = true;
    subscription?.unsubscribe();
  });
}

const live = (key: Accessor<unknown>, subscribe: (db: Database) => Subscription | undefined) => liveOn(getDatabase, key, subscribe);
/**
 * Patient blocks and threads: read once the encrypted database opens (at once online, after the PIN
 * offline); on a fresh device, once its first sync is over or held up, as patient data comes after the
 * directory and the cards (local-data.ts). Its code, the encryption among it, loads then, not with the route.
 */
const openCases = () =>
  firstSyncOver()
    .then(() => import('../data/case-database'))
    .then((m) => m.getCaseDatabase());
const liveCases = (key: Accessor<unknown>, subscribe: (db: CaseDatabase) => Subscription | undefined) => liveOn(openCases, key, subscribe);

export interface RequestLists {
  mine: Accessor<RequestEntry[]>;
  alerts: Accessor<RequestEntry[]>;
  cases: Accessor<RequestEntry[]>;
  /** Requests I answered that are no longer an alert nor my case, with what became of my answer. */
  answers: Accessor<Array<{ request: RequestEntry; outcome: AnswerOutcome | null }>>;
  /** The messages I wrote (my answers, my follow-ups). */
  messages: Accessor<MessageEntry[]>;
  loaded: Accessor<boolean>;
}

/** Every card on the device and my own messages, split into my requests, my alerts and my cases. */
export function createRequestLists(me: Accessor<string | undefined>): RequestLists {
  const [requests, setRequests] = createSignal<RequestEntry[]>([]);
  const [messages, setMessages] = createSignal<MessageEntry[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  live(me, (db) => {
    const id = me();
    if (!id) return undefined;
    return db.requests.find().$.subscribe((docs) => {
      setRequests(docs.map((d) => d.toJSON() as RequestEntry));
      setLoaded(true);
    });
  });
  liveCases(me, myMessages(me, setMessages));
  const id = () => me() ?? '';
  return {
    mine: createMemo(() => myRequests(requests(), id())),
    alerts: createMemo(() => myAlerts(requests(), messages(), id())),
    cases: createMemo(() => myCases(requests(), id())),
    answers: createMemo(() => myAnswers(requests(), messages(), id()).map((request) => ({ request, outcome: answerOutcome(request, messages(), id()) }))),
    messages,
    loaded,
  };
}

/**
 * Reads every card once, ahead of the requests page (the route's preload, after the landing page):
 * RxDB keeps a query's result while nothing changed, so the page then finds its list read.
 */
export async function readRequestsAhead(): Promise<void> {
  const db = await getDatabase();
  await db.requests.find().exec();
}

/** The messages `me` wrote (my answers), from the encrypted database. */
function myMessages(me: Accessor<string | undefined>, set: (messages: MessageEntry[]) => void) {
  return (db: CaseDatabase) => {
    const id = me();
    return id ? db.messages.find({ selector: { authorId: id } }).$.subscribe((docs) => set(docs.map((d) => d.toJSON() as MessageEntry))) : undefined;
  };
}

/**
 * My open alerts alone (the nav badge, the ring, on every page): read from the requests still
 * searching, through the schema's index on the status, not from every card the device holds (a
 * coordinator's, after a year, thousands, read while the landing page was being drawn).
 */
export function createOpenAlerts(me: Accessor<string | undefined>): { alerts: Accessor<RequestEntry[]>; loaded: Accessor<boolean> } {
  const [searching, setSearching] = createSignal<RequestEntry[]>([]);
  const [messages, setMessages] = createSignal<MessageEntry[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  live(me, (db) => {
    if (!me()) return undefined;
    return db.requests.find({ selector: { status: 'searching' } }).$.subscribe((docs) => {
      setSearching(docs.map((d) => d.toJSON() as RequestEntry));
      setLoaded(true);
    });
  });
  liveCases(me, myMessages(me, setMessages));
  return { alerts: createMemo(() => myAlerts(searching(), messages(), me() ?? '')), loaded };
}

export interface RequestView {
  request: Accessor<RequestEntry | undefined>;
  messages: Accessor<MessageEntry[]>;
  patient: Accessor<PatientEntry | undefined>;
  loaded: Accessor<boolean>;
  /** The thread was read from the device (it cannot be while patient data is locked). */
  messagesLoaded: Accessor<boolean>;
}

/** One request with its thread (oldest first) and its patient block when this device may hold it. */
export function createRequestView(id: Accessor<string>): RequestView {
  const [request, setRequest] = createSignal<RequestEntry>();
  const [messages, setMessages] = createSignal<MessageEntry[]>([]);
  const [patient, setPatient] = createSignal<PatientEntry>();
  const [loaded, setLoaded] = createSignal(false);
  const [messagesLoaded, setMessagesLoaded] = createSignal(false);
  live(id, (db) => {
    const key = id();
    return db.requests.findOne(key).$.subscribe((doc) => {
      setRequest(plain(doc));
      setLoaded(true);
    });
  });
  liveCases(id, (db) => {
    const key = id();
    setMessagesLoaded(false);
    // Sorted here: the schemas declare no index, and a thread holds a handful of messages.
    const thread = db.messages.find({ selector: { requestId: key } }).$;
    const subscription = thread.subscribe((docs) => {
      setMessages(docs.map((d) => d.toJSON() as MessageEntry).sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
      setMessagesLoaded(true);
    });
    subscription.add(db.patients.findOne(patientIdOf(key)).$.subscribe((doc) => setPatient(plain(doc))));
    return subscription;
  });
  return { request, messages, patient, loaded, messagesLoaded };
}

export interface MemberLabel {
  name: string;
  /** RPPS profession code or structure kind. */
  profession: string;
}

/** Names and professions of directory entries, by id, from the local directory (an id it lacks stays absent). */
export function createMemberLabels(ids: Accessor<readonly string[]>): Accessor<ReadonlyMap<string, MemberLabel>> {
  const [labels, setLabels] = createSignal<ReadonlyMap<string, MemberLabel>>(new Map());
  const key = createMemo(() => [...new Set(ids())].sort().join(','));
  live(key, (db) => {
    const wanted = key() ? key().split(',') : [];
    return db.members.findByIds(wanted).$.subscribe((found) => setLabels(new Map([...found].map(([id, doc]) => [id, { name: doc.displayName, profession: doc.profession }]))));
  });
  return labels;
}

/** Display names of directory entries, by id (an id the local directory lacks stays absent). */
export function createMemberNames(ids: Accessor<readonly string[]>): Accessor<ReadonlyMap<string, string>> {
  const labels = createMemberLabels(ids);
  return createMemo(() => new Map([...labels()].map(([id, label]) => [id, label.name])));
}
