/** Query and commands of the « modification non retenue » notice: the kept edits, dismissing one, re-applying one. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Subscription } from 'rxjs';
import { getDatabase } from '../data/database';
import { canReapply, reappliedChanges, type LostEdit } from '../data/lost-edits';
import { dismissLostEdit, lostEdits$ } from '../data/lost-edits-store';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import type { CommandResult } from '../members/commands';

export type { LostEdit } from '../data/lost-edits';
export { canReapply } from '../data/lost-edits';

/** The edits lost to conflicts on this device, newest first, live (any tab may record or dismiss). */
export function createLostEdits(): Accessor<LostEdit[]> {
  const [edits, setEdits] = createSignal<LostEdit[]>([]);
  let subscription: Subscription | undefined;
  let disposed = false;
  getDatabase().then(
    (db) => {
      if (!disposed) subscription = lostEdits$(db).subscribe(setEdits);
    },
    () => undefined,
  );
  onCleanup(() => {
    disposed = true;
    subscription?.unsubscribe();
  });
  return edits;
}

export async function dismissEdit(id: string): Promise<void> {
  await dismissLostEdit(await getDatabase(), id);
}

/**
 * Writes the lost values again over the entry as it is now (what others changed since stays), as a
 * new edit checked like any other; the notice goes once it is written.
 */
export async function reapplyEdit(user: SessionUser, edit: LostEdit): Promise<CommandResult> {
  if (!canReapply(edit)) return { ok: false, message: fr.errors.generic };
  const db = await getDatabase();
  const current = await db.members.findOne(edit.docId).exec();
  if (!current) return { ok: false, message: fr.errors.generic };
  // The directory's writes (and their validators) load with the first edit, not with every page.
  const { updateMember } = await import('../members/commands');
  const result = await updateMember(user, edit.docId, reappliedChanges(current.toMutableJSON(), edit));
  if (result.ok) await dismissLostEdit(db, edit.id);
  return result;
}
