/**
 * Reactive reads of the dashboard: every request on the device and the follow-up answers among its
 * messages (coordinators receive them all), and the directory's statuses.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Subscription } from 'rxjs';
import { getCaseDatabase } from '../data/case-database';
import { getDatabase } from '../data/database';
import type { FollowUpAnswer } from '../domain/indicators/indicators';
import type { CareRequest } from '../domain/requests/schema';

export interface Dataset {
  requests: Accessor<CareRequest[]>;
  members: Accessor<Array<{ id: string; status: string }>>;
  /** Arrive once the patient-data database opens (after the PIN offline); only the answers, never the text. */
  followUps: Accessor<FollowUpAnswer[]>;
  loaded: Accessor<boolean>;
  failed: Accessor<boolean>;
}

export function createDataset(): Dataset {
  const [requests, setRequests] = createSignal<CareRequest[]>([]);
  const [members, setMembers] = createSignal<Array<{ id: string; status: string }>>([]);
  const [followUps, setFollowUps] = createSignal<FollowUpAnswer[]>([]);
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
  // `kind` is not indexed: the storage filters the messages.
  getCaseDatabase().then(
    (db) => {
      if (disposed) return;
      subscriptions.push(
        db.messages.find({ selector: { kind: 'follow-up' } }).$.subscribe((docs) =>
          setFollowUps(docs.map((d) => ({ requestId: d.requestId, authorId: d.authorId, kind: d.kind, covered: d.covered, emergency: d.emergency, createdAt: d.createdAt }))),
        ),
      );
    },
    () => setFailed(true),
  );
  onCleanup(() => {
    disposed = true;
    subscriptions.forEach((s) => s.unsubscribe());
  });
  return { requests, members, followUps, loaded, failed };
}
