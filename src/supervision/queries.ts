/** Reactive reads of the console: the open requests (the queue's input) and the whole local directory (names, candidates, pickers). */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { combineLatest, type Subscription } from 'rxjs';
import { getDatabase } from '../data/database';
import type { Member } from '../domain/members/schema';
import type { CareRequest } from '../domain/requests/schema';

/** Plain copies kept per RxDB document object: an unchanged document keeps its copy, so its row is not redrawn. */
function plainCopies<T>() {
  const copies = new WeakMap<object, T>();
  return (doc: { toJSON(): unknown }): T => {
    let copy = copies.get(doc);
    if (!copy) copies.set(doc, (copy = doc.toJSON() as T));
    return copy;
  };
}

/** Subscribes once the database is open; unsubscribes with the component. */
function subscribeLive(start: (db: Awaited<ReturnType<typeof getDatabase>>) => Subscription, onError: () => void): void {
  let subscription: Subscription | undefined;
  let disposed = false;
  getDatabase().then((db) => {
    if (!disposed) subscription = start(db);
  }, onError);
  onCleanup(() => {
    disposed = true;
    subscription?.unsubscribe();
  });
}

export interface LiveList<T> {
  items: Accessor<T[]>;
  loaded: Accessor<boolean>;
  failed: Accessor<boolean>;
}

/** The statuses of a request the coordination may still act on. */
const OPEN_STATUSES = ['sent', 'searching', 'assigned'] as const;

/**
 * Requests not closed yet: a closed one never needs the coordination, and the year of closed ones
 * stays out of memory. One query per status, each a range of the status index (an `$in` would scan
 * from the first status to the last, closed ones between).
 */
export function createOpenRequests(): LiveList<CareRequest> {
  const [items, setItems] = createSignal<CareRequest[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const plain = plainCopies<CareRequest>();
  subscribeLive(
    (db) =>
      combineLatest(OPEN_STATUSES.map((status) => db.requests.find({ selector: { status } }).$)).subscribe((lists) => {
        setItems(lists.flat().map(plain));
        setLoaded(true);
      }),
    () => setFailed(true),
  );
  return { items, loaded, failed };
}

export interface Directory extends LiveList<Member> {
  byId: Accessor<ReadonlyMap<string, Member>>;
  nameOf(id: string): string;
}

/** Every directory entry on the device (about 1,700), by id too. */
export function createDirectory(): Directory {
  const [items, setItems] = createSignal<Member[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const plain = plainCopies<Member>();
  subscribeLive(
    (db) =>
      db.members.find().$.subscribe((docs) => {
        setItems(docs.map(plain));
        setLoaded(true);
      }),
    () => setFailed(true),
  );
  const byId = createMemo(() => new Map(items().map((m) => [m.id, m])));
  return { items, loaded, failed, byId, nameOf: (id) => byId().get(id)?.displayName ?? id };
}
