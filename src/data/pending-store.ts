/**
 * The pending-changes map kept in localStorage, so the count survives reloads and is shared by the
 * tabs of the app (only one tab replicates; the others learn of acknowledgements by `storage` events).
 */
import { createSignal } from 'solid-js';
import { acknowledge, addPending, parsePending, pendingKey, type PendingMap } from './pending';

const STORAGE_KEY = 'cpts.pending.v1';

function read(): PendingMap {
  return parsePending(localStorage.getItem(STORAGE_KEY));
}

const [pending, setPending] = createSignal<PendingMap>(read());

window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) setPending(read());
});

function update(change: (map: PendingMap) => PendingMap): void {
  // Re-read first: another tab may have changed the map since this one last looked.
  const before = read();
  const after = change(before);
  if (after === before) return;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(after));
  setPending(after);
}

/** Number of local changes the server has not acknowledged yet. */
export const pendingCount = (): number => Object.keys(pending()).length;

/** Whether this document has a local write the server has not acknowledged (« en attente d’envoi »). */
export const isPending = (collection: string, id: string): boolean => pendingKey(collection, id) in pending();

/**
 * Called by command functions just before a local write, so the push cannot overtake it; returns
 * the write it replaces in the map, for `unmarkPending` if the local write fails.
 */
export function markPending(collection: string, doc: { id: string; updatedAt: string }): string | undefined {
  const previous = read()[pendingKey(collection, doc.id)];
  update((map) => addPending(map, collection, doc.id, doc.updatedAt));
  return previous;
}

/** A local write that failed (storage full) is not pending: put back what was there before it. */
export function unmarkPending(collection: string, doc: { id: string; updatedAt: string }, previous: string | undefined): void {
  update((map) => {
    const key = pendingKey(collection, doc.id);
    if (map[key] !== doc.updatedAt) return map;
    const { [key]: _failed, ...rest } = map;
    return previous === undefined ? rest : { ...rest, [key]: previous };
  });
}

/** Called when the server is known to hold this state of the document (sent, pulled or resolved). */
export function acknowledgePending(collection: string, doc: { id: string; updatedAt: string }): void {
  update((map) => acknowledge(map, collection, doc.id, doc.updatedAt));
}

/** At logout, together with the local database. */
export function clearPending(): void {
  localStorage.removeItem(STORAGE_KEY);
  setPending({});
}
