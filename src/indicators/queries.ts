/** Reactive reads of the dashboard: every request on the device (coordinators receive them all) and the directory's statuses. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Subscription } from 'rxjs';
import { getDatabase } from '../data/database';
import type { CareRequest } from '../domain/requests/schema';

export interface Dataset {
  requests: Accessor<CareRequest[]>;
  members: Accessor<Array<{ id: string; status: string }>>;
  loaded: Accessor<boolean>;
  failed: Accessor<boolean>;
}

export function createDataset(): Dataset {
  const [requests, setRequests] = createSignal<CareRequest[]>([]);
  const [members, setMembers] = createSignal<Array<{ id: string; status: string }>>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  // Unchanged documents keep their copy: a new request does not copy the other 4,000 again.
  const copies = new WeakMap<object, CareRequest>();
  const plain = (doc: { toJSON(): unknown }) => copies.get(doc) ?? (copies.set(doc, doc.toJSON() as CareRequest), copies.get(doc)!);
  const subscriptions: Subscription[] = [];
  let disposed = false;
  getDatabase().then(
    (db) => {
      if (disposed) return;
      subscriptions.push(
        db.requests.find().$.subscribe((docs) => {
          setRequests(docs.map(plain));
          setLoaded(true);
        }),
        db.members.find().$.subscribe((docs) => setMembers(docs.map((d) => ({ id: d.id, status: d.status })))),
      );
    },
    () => setFailed(true),
  );
  onCleanup(() => {
    disposed = true;
    subscriptions.forEach((s) => s.unsubscribe());
  });
  return { requests, members, loaded, failed };
}
