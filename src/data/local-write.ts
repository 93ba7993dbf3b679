/**
 * The one way commands write to the device: the change is counted as pending first, and when the
 * device's storage is full the write is refused with a clear French message, the pending count
 * restored, and the « stockage plein » notice raised (IndexedDB aborts the whole transaction, so
 * nothing already stored is touched). Replication reports its own storage errors here too.
 */
import { createSignal } from 'solid-js';
import * as fr from '../i18n/fr';
import { markPending, unmarkPending } from './pending-store';
import { isStorageFull } from './storage-errors';

export type WriteResult = { ok: true } | { ok: false; message: string };
export type PendingMark = readonly [collection: string, doc: { id: string; updatedAt: string }];

const [full, setFull] = createSignal(false);
/** True since a write failed for lack of space, until one succeeds again. */
export const storageFull = full;
const afterFreed = new Set<() => void>();

/** Records a storage error seen elsewhere (replication); false when `err` is something else. */
export function reportStorageError(err: unknown): boolean {
  if (!isStorageFull(err)) return false;
  setFull(true);
  return true;
}

/** Space is back (a write succeeded, or the user asks to try again): clears the notice and resumes what waited. */
export function storageFreed(): void {
  if (!full()) return;
  setFull(false);
  for (const resume of afterFreed) resume();
}

/** Called by `storageFreed`, e.g. to restart sync after it paused on a full storage. */
export function onStorageFreed(resume: () => void): () => void {
  afterFreed.add(resume);
  return () => afterFreed.delete(resume);
}

export async function writeLocally(marks: readonly PendingMark[], write: () => Promise<unknown>): Promise<WriteResult> {
  const previous: (string | undefined)[] = [];
  try {
    // Recorded before the write, so a push that follows at once cannot be missed.
    for (const [collection, doc] of marks) previous.push(markPending(collection, doc));
    await write();
  } catch (err) {
    previous.forEach((before, i) => unmarkPending(marks[i][0], marks[i][1], before));
    if (!reportStorageError(err)) throw err;
    return { ok: false, message: fr.storage.full };
  }
  storageFreed();
  return { ok: true };
}
