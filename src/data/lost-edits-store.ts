/**
 * The edits lost to conflicts, kept in one RxDB local document of the database: never replicated,
 * shared by the tabs, removed with the database at logout. No DOM, so it runs in Node tests too.
 * The database must be created with `localDocuments: true` (and the local-documents plugin added).
 */
import { map, type Observable } from 'rxjs';
import { lostEditOf, withLostEdit, withoutLostEdit, type LostEdit, type ResolvedConflict } from './lost-edits';

const KEY = 'lost-edits';
interface Stored {
  edits: LostEdit[];
}
/** What is used of an RxDB database with local documents, whatever its collections. */
interface StoredDoc {
  get(path: 'edits'): unknown;
  incrementalModify(change: (data: Stored) => Stored): Promise<unknown>;
}
interface LocalDocs {
  getLocal(id: string): Promise<StoredDoc | null>;
  getLocal$(id: string): Observable<StoredDoc | null>;
  insertLocal(id: string, data: Stored): Promise<unknown>;
}

async function update(db: LocalDocs, change: (edits: readonly LostEdit[]) => LostEdit[]): Promise<void> {
  for (;;) {
    const doc = await db.getLocal(KEY);
    if (doc) {
      await doc.incrementalModify((data) => ({ edits: change(data.edits ?? []) }));
      return;
    }
    try {
      await db.insertLocal(KEY, { edits: change([]) });
      return;
    } catch (err) {
      // Another tab created it meanwhile: modify theirs.
      if ((err as { status?: number }).status !== 409) throw err;
    }
  }
}

/** Records what a resolved conflict did not keep of the device's edit; returns it (null: nothing lost). */
export async function recordConflict(db: LocalDocs, collection: string, conflict: ResolvedConflict, now = new Date()): Promise<LostEdit | null> {
  const edit = lostEditOf(collection, conflict, now);
  if (edit) await update(db, (edits) => withLostEdit(edits, edit));
  return edit;
}

export function dismissLostEdit(db: LocalDocs, id: string): Promise<void> {
  return update(db, (edits) => withoutLostEdit(edits, id));
}

export async function readLostEdits(db: LocalDocs): Promise<LostEdit[]> {
  return ((await db.getLocal(KEY))?.get('edits') as LostEdit[] | undefined) ?? [];
}

/** The kept edits, newest first, updated when any tab records or dismisses one. */
export function lostEdits$(db: LocalDocs): Observable<LostEdit[]> {
  return db.getLocal$(KEY).pipe(map((doc) => (doc?.get('edits') as LostEdit[] | undefined) ?? []));
}
