/** Reactive reads of the local directory: one live subscription to the collection, filtered in memory. */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { DeepReadonly } from 'rxdb';
import type { Subscription } from 'rxjs';
import { getDatabase } from '../data/database';
import type { Member } from '../domain/members/schema';
import * as fr from '../i18n/fr';
import { whenIdle } from '../idle';
import { buildIndex, search } from './search';

export type MemberEntry = DeepReadonly<Member>;

export interface MemberSearch {
  /** Members matching the query, sorted by name. */
  results: Accessor<MemberEntry[]>;
  /** Members listed in the directory, whatever the query. */
  total: Accessor<number>;
  /** False until the local database has answered once. */
  loaded: Accessor<boolean>;
  error: Accessor<string | null>;
}

/** Registrations waiting for approval are not part of the public directory. */
function listed(member: MemberEntry): boolean {
  return member.status !== 'pending';
}

/**
 * Subscribes once to every member (about 1,600 small documents) and searches them in memory: the
 * index is rebuilt when the collection changes, and a keystroke only filters it.
 */
export function createMemberSearch(query: Accessor<string>): MemberSearch {
  const [members, setMembers] = createSignal<MemberEntry[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let subscription: Subscription | undefined;
  let disposed = false;
  // RxDB hands back the same document object while it is unchanged; keeping its plain copy keeps
  // the cards of unchanged members from being re-rendered on every change of the collection.
  const plain = new WeakMap<object, MemberEntry>();
  const toEntry = (doc: { toJSON(): MemberEntry }): MemberEntry => {
    let entry = plain.get(doc);
    if (!entry) plain.set(doc, (entry = doc.toJSON()));
    return entry;
  };

  getDatabase().then(
    (db) => {
      if (disposed) return;
      subscription = db.members.find().$.subscribe((docs) => {
        if (!loaded()) performance.mark('cpts:members-read');
        setMembers(docs.map(toEntry).filter(listed));
        setLoaded(true);
      });
    },
    () => setError(fr.errors.generic),
  );
  onCleanup(() => {
    disposed = true;
    subscription?.unsubscribe();
  });

  const index = createMemo(() => buildIndex(members()));
  // The list opens on the order alone; the texts a query searches are computed once it is on screen,
  // while the page is idle, so that neither the first paint nor the first keystroke waits for them.
  createEffect(() => {
    const current = index();
    if (!loaded()) return;
    onCleanup(whenIdle(() => current.texts()));
  });
  const results = createMemo(() => search(index(), query()));
  return { results, total: () => members().length, loaded, error };
}

/** One entry of the local directory, kept up to date (e.g. the signed-in member's own). */
export function createMemberEntry(id: Accessor<string | undefined>): Accessor<MemberEntry | undefined> {
  const [entry, setEntry] = createSignal<MemberEntry | undefined>();
  let subscription: Subscription | undefined;
  let disposed = false;
  getDatabase().then((db) => {
    if (disposed) return;
    const key = id();
    if (!key) return;
    subscription = db.members.findOne(key).$.subscribe((doc) => setEntry(doc ? doc.toJSON() : undefined));
  });
  onCleanup(() => {
    disposed = true;
    subscription?.unsubscribe();
  });
  return entry;
}
