/**
 * Photos and PDFs of a case purged from this device (closed long enough: its patient block and thread
 * came back as deletions) leave the attachment cache with the rest of its patient data.
 */
import { filter, merge } from 'rxjs';
import type { CaseDatabase } from '../data/case-database';
import type { Database } from '../data/database';
import { isOpen } from './lists';
import { UPLOAD_CACHE, UPLOAD_PATH } from './upload-cache';

type Card = { id: string; status: string; photos: ReadonlyArray<{ id: string }> };
type Message = { attachments?: ReadonlyArray<{ id: string }> };

/** Files the device still has a reason to keep: on a message it holds, or on a card whose case is open or whose patient block it holds. */
export function wantedFiles(cards: readonly Card[], patientsOf: ReadonlySet<string>, messages: readonly Message[]): Set<string> {
  const wanted = new Set<string>();
  for (const m of messages) m.attachments?.forEach((a) => wanted.add(a.id));
  for (const card of cards) if (isOpen(card.status) || patientsOf.has(card.id)) card.photos.forEach((p) => wanted.add(p.id));
  return wanted;
}

/** Removes the cached files nothing on the device refers to any more; returns how many. */
export async function dropUnwantedFiles(db: Database, cases: CaseDatabase): Promise<number> {
  if (!globalThis.caches || !(await caches.has(UPLOAD_CACHE))) return 0;
  const cache = await caches.open(UPLOAD_CACHE);
  const cached = await cache.keys();
  if (!cached.length) return 0;
  const [cards, patients, messages] = await Promise.all([db.requests.find().exec(), cases.patients.find().exec(), cases.messages.find().exec()]);
  const wanted = wantedFiles(cards, new Set(patients.map((p) => p.requestId)), messages);
  let dropped = 0;
  for (const request of cached) {
    const id = decodeURIComponent(new URL(request.url).pathname.slice(UPLOAD_PATH.length));
    if (!wanted.has(id) && (await cache.delete(request))) dropped++;
  }
  return dropped;
}

/** Drops unwanted files now and after each deletion the sync brings; returns how to stop. */
export function watchWithdrawnCases(db: Database, cases: CaseDatabase): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A purge arrives as a burst of deletions: one pass after it.
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void dropUnwantedFiles(db, cases).catch(() => undefined), 2_000);
  };
  later();
  const subscription = merge(cases.patients.$, cases.messages.$)
    .pipe(filter((event) => event.operation === 'DELETE'))
    .subscribe(later);
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}
