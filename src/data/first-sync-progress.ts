/**
 * A fresh device's first sync, for the person waiting: per collection, what the server said it
 * would bring (`GET /api/sync/totals`, asked once the first documents arrive, so after login) and
 * what has arrived; a collection leaves once its first pull is over. replication.ts follows only
 * the collections that held nothing when their sync started.
 */
import { createSignal } from 'solid-js';
import type { Observable, Subscription } from 'rxjs';
import type { SyncTotals } from '../domain/sync/api';
import { readTotals, type CollectionProgress } from '../domain/sync/progress';
import { getJson } from './json-api';

/** What this module needs of an RxDB replication. */
export interface FollowedReplication {
  received$: Observable<unknown>;
  /** A pull or push that failed (no network, a refusal): the first sync is held up. */
  error$: Observable<unknown>;
  awaitInitialReplication(): Promise<void>;
}

const [progress, setProgress] = createSignal<ReadonlyMap<string, CollectionProgress>>(new Map());
let totals: Promise<SyncTotals> | null = null;

/** The collections whose first sync is followed, in the order they started. */
export const firstSyncProgress = (): CollectionProgress[] => [...progress().values()];

let waiting: Array<() => void> = [];
/** A first sync held up (no network, a refusal) since the last sign-in: those waiting go on with what is there. */
let heldUp = false;

/** Resolves those waiting for the end of the first sync once no collection's is under way, or once one is held up. */
function settle(): void {
  if (!heldUp && firstSyncProgress().some((p) => !p.done)) return;
  const over = waiting;
  waiting = [];
  over.forEach((resolve) => resolve());
}

/**
 * Resolves once no collection is in its first sync: at once on a device that held its data, once
 * sync stops, or once a first sync is held up (the network lost half-way: what arrived is used).
 */
export function firstSyncOver(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    settle();
  });
}

function update(name: string, patch: Partial<CollectionProgress>): void {
  setProgress((current) => {
    const was = current.get(name);
    if (!was) return current;
    return new Map(current).set(name, { ...was, ...patch });
  });
  settle();
}

/** Asked once per sign-in; a failure (offline, refused) leaves the totals unknown and is asked again next time. */
function askTotals(): Promise<SyncTotals> {
  totals ??= getJson<unknown>('/sync/totals')
    .then(readTotals)
    .catch(() => {
      totals = null;
      return {};
    });
  return totals;
}

/** Follows the first pull of `name`, a collection that held nothing when its sync started; unsubscribing ends it. */
export function followFirstSync(name: string, replication: FollowedReplication, totalsOf: () => Promise<SyncTotals> = askTotals): Subscription {
  let received = 0;
  let publishing = false;
  setProgress((current) => new Map(current).set(name, { collection: name, received, done: false }));
  const subscription = replication.received$.subscribe(() => {
    received++;
    // A page's documents arrive one after another: the count is shown once per page, not per document.
    if (!publishing) {
      publishing = true;
      queueMicrotask(() => {
        publishing = false;
        update(name, { received });
      });
    }
    // The first documents mean the session is there: ask what the whole will be.
    if (received === 1) void totalsOf().then((known) => update(name, { total: known[name] }));
  });
  const errors = replication.error$.subscribe(() => {
    heldUp = true;
    settle();
  });
  subscription.add(errors);
  replication
    .awaitInitialReplication()
    .then(() => update(name, { done: true }))
    .catch(() => undefined)
    .finally(() => subscription.unsubscribe());
  // Stopped before the end (logout, storage full): it is no longer under way.
  subscription.add(() => {
    setProgress((current) => (current.get(name)?.done === false ? withoutEntry(current, name) : current));
    settle();
  });
  return subscription;
}

function withoutEntry(current: ReadonlyMap<string, CollectionProgress>, name: string): ReadonlyMap<string, CollectionProgress> {
  const next = new Map(current);
  next.delete(name);
  return next;
}

/** Sync stopped (logout, another account): nothing is followed and the next sign-in asks again. */
export function forgetFirstSync(): void {
  setProgress(new Map());
  totals = null;
  settle();
  heldUp = false;
}
