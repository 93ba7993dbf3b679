/**
 * Sync of the local collections with the server's gateway (CouchDB replication protocol), behind a
 * small interface: start, stop, a status, an error and a pending count. The only module that knows
 * the replication plugin, so swapping the transport means swapping this file.
 */
import { createSignal } from 'solid-js';
import type { Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { syncUrl } from '../config';
import { PULL_BATCH } from '../domain/sync/api';
import * as fr from '../i18n/fr';
import { log } from '../log';
import { getDatabase, type Collections } from './database';
import { followFirstSync, forgetFirstSync } from './first-sync-progress';
import { fetchOrOffline, HttpError, readErrorMessage } from './http';
import { onStorageFreed, reportStorageError } from './local-write';
import { recordConflict } from './lost-edits-store';
import { replicationIdentifier } from './pull-origin';
import { acknowledgePending } from './pending-store';
import { describeSyncError, forbiddenReason, syncStatus as statusOf, type SyncStatus } from './sync-errors';

export { isPending, pendingCount } from './pending-store';
export type { SyncStatus } from './sync-errors';

/** Replicated collections; keep them at 4 or fewer (each holds a long-poll connection). */
const SYNCED: (keyof Collections)[] = ['members', 'requests', 'messages', 'patients'];

/** Messages are never edited, so they have no `updatedAt`: their creation date stands for it. */
type Replicated = { id: string; updatedAt?: string; createdAt?: string };
const stateOf = (doc: Replicated) => ({ id: doc.id, updatedAt: doc.updatedAt ?? doc.createdAt ?? '' });

const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
const [networkDown, setNetworkDown] = createSignal(false);
/** Collections whose replication is working right now. */
const [busy, setBusy] = createSignal<ReadonlySet<string>>(new Set());
/** An error that blocks a push until the server accepts one (a refused write, retried forever). */
const [blockingError, setBlockingError] = createSignal<string | null>(null);
/** An error that the next successful request makes obsolete. */
const [transientError, setTransientError] = createSignal<string | null>(null);
const [expired, setExpired] = createSignal(false);

/** True after the server answered 401: sync is paused, local data and queued writes are kept. */
export const sessionExpired = expired;

/** The last error, in French, or null. */
export function syncError(): string | null {
  return expired() ? fr.session.expired : (blockingError() ?? transientError());
}

export function syncStatus(): SyncStatus {
  return statusOf({ browserOnline: browserOnline(), networkDown: networkDown(), active: busy().size > 0, error: syncError() });
}

let replications: RxCouchDBReplicationState<Replicated>[] = [];
let subscriptions: Subscription[] = [];
let running = false;
/** Bumped by every start and stop, so a start overtaken by a stop gives up. */
let generations = 0;
let stopping: Promise<void> = Promise.resolve();
/**
 * A sync started on the login page (`startSync(db, { untilSignedIn: true })`) opens its local
 * bookkeeping and checkpoints while the password is typed; its requests wait here until a start
 * after login releases them, or a stop drops them.
 */
let held: { released: Promise<void>; release: () => void; drop: (err: Error) => void } | null = null;

function holdRequests(): void {
  let release = () => {};
  let drop: (err: Error) => void = () => {};
  const released = new Promise<void>((resolve, reject) => ((release = resolve), (drop = reject)));
  released.catch(() => undefined);
  held = { released, release, drop };
}

/** The server accepted a session: a sync started on the login page sends its requests now. */
export function releaseRequests(): void {
  held?.release();
  held = null;
}

window.addEventListener('offline', () => setBrowserOnline(false));
window.addEventListener('online', () => {
  setBrowserOnline(true);
  // Do not wait for the retry timer: resume as soon as the network is back.
  for (const replication of replications) replication.reSync();
});

/**
 * RxDB's plugin reads the body of any response, so a refusal must throw (otherwise a 401 becomes
 * "Cannot read properties of undefined" and kills the live loop); the status is recorded here.
 */
async function gatewayFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (held) await held.released;
  let res: Response;
  try {
    res = await fetchOrOffline(input, init);
  } catch (err) {
    if (err instanceof HttpError) setNetworkDown(true);
    throw err;
  }
  setNetworkDown(false);
  if (res.ok) {
    setTransientError(null);
    return res;
  }
  const message = await readErrorMessage(res, fr.sync.serverError(res.status));
  if (res.status === 401) {
    setExpired(true);
    // Retrying would only collect more 401s; sync restarts after the next login.
    queueMicrotask(() => void stopSync());
  } else {
    setTransientError(message);
  }
  throw new HttpError(res.status, message);
}

function watch(name: string, replication: RxCouchDBReplicationState<Replicated>): Subscription[] {
  return [
    replication.active$.subscribe((isActive) =>
      setBusy((names) => {
        const next = new Set(names);
        if (isActive) next.add(name);
        else next.delete(name);
        return next;
      }),
    ),
    replication.error$.subscribe((err) => {
      if (reportStorageError(err)) return pauseWhileStorageFull();
      const message = describeSyncError(err);
      if (message === null) return;
      if (forbiddenReason(err) !== null) setBlockingError(message);
      else {
        // Neither the network nor a refusal the user is told about: the team must see it.
        log.error('replication.error', err);
        setTransientError(message);
      }
    }),
    replication.sent$.subscribe((doc) => {
      setBlockingError(null);
      acknowledgePending(name, stateOf(doc));
    }),
    // A pulled state at least as recent as a queued write means that write reached the server or
    // was superseded there.
    replication.received$.subscribe((doc) => acknowledgePending(name, stateOf(doc))),
    // When the server's state won a conflict, the local write is dropped and no longer pending; what
    // the resolution did not keep of it is recorded and shown (lost-edits-store.ts).
    replication.conflict$.subscribe((conflict) => {
      const { input, output } = conflict;
      // Compared as the handler compares (the output carries this device's revision data).
      if (replication.collection.conflictHandler.isEqual(input.realMasterState, output, 'acknowledge')) acknowledgePending(name, stateOf(output));
      // Kept in the main database whatever database the collection is in (no patient values: lost-edits.ts).
      getDatabase()
        .then((db) => recordConflict(db, name, conflict))
        .catch((err: unknown) => {
          if (!reportStorageError(err)) log.error('lost-edit.save', err);
        });
    }),
  ];
}

/**
 * A pull that cannot be stored must not be followed by later ones (their checkpoint would skip it):
 * sync stops, and restarts from the stored checkpoints once space is back (a write succeeds, or
 * « Réessayer »).
 */
function pauseWhileStorageFull(): void {
  if (!running) return;
  const collections = Object.fromEntries(replications.map((r) => [r.collection.name, r.collection])) as Partial<Collections>;
  void stopSync();
  const stop = onStorageFreed(() => {
    stop();
    void startSync(collections);
  });
}

/**
 * Starts live sync of the replicated collections `db` holds. Collections of another database join a
 * running sync (patient data, once its encrypted database opens); one already syncing is left alone.
 * `untilSignedIn`: started before login, its requests wait for the next start.
 */
export async function startSync(db: Partial<Collections>, { untilSignedIn = false } = {}): Promise<void> {
  if (!untilSignedIn) releaseRequests();
  else if (!running) holdRequests();
  else return;
  if (!running) {
    running = true;
    generations++;
    setExpired(false);
    setTransientError(null);
    setBlockingError(null);
  }
  const generation = generations;
  // Two replications with one identifier must never overlap: let a previous stop finish first.
  await stopping;
  if (generation !== generations) return;
  for (const name of SYNCED) {
    const collection = db[name];
    if (!collection || replications.some((r) => r.collection.name === name)) continue;
    // A collection that holds nothing yet is in its first sync: its progress is shown.
    const fresh = (await collection.count().exec()) === 0;
    if (generation !== generations) return;
    if (replications.some((r) => r.collection.name === name)) continue;
    const replication = replicateCouchDB<Replicated>({
      replicationIdentifier: replicationIdentifier(name),
      collection: collection as unknown as RxCollection<Replicated>,
      url: syncUrl(name),
      live: true,
      pull: { batchSize: PULL_BATCH },
      push: { batchSize: 50 },
      fetch: gatewayFetch,
    });
    replications.push(replication);
    subscriptions.push(...watch(name, replication));
    if (fresh) subscriptions.push(followFirstSync(name, replication));
  }
}

/** Stops sync; local data and queued writes stay, and the next `startSync` resumes from the checkpoints. */
export function stopSync(): Promise<void> {
  held?.drop(new Error('synchronisation arrêtée avant la connexion'));
  held = null;
  running = false;
  generations++;
  const cancelled = replications;
  replications = [];
  subscriptions.forEach((s) => s.unsubscribe());
  subscriptions = [];
  forgetFirstSync();
  setBusy(new Set<string>());
  stopping = Promise.all([stopping, ...cancelled.map((r) => r.cancel())]).then(() => undefined);
  return stopping;
}
