/** Tests of what counts as a lost edit, of re-applying one, and of the store kept in an RxDB local document. */
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { canReapply, lostEditOf, MAX_LOST_EDITS, reappliedChanges, withLostEdit, type LostEdit } from './lost-edits';
import { dismissLostEdit, lostEdits$, readLostEdits, recordConflict } from './lost-edits-store';

const NOW = new Date('2025-03-02T08:00:00Z');
const base = {
  id: 'm-1',
  displayName: 'Mme Claire Martin',
  phones: { mobile: '06 00 00 00 01' },
  availability: { onCall: [], absences: [], acceptsNewPatients: false },
  updatedAt: '2025-03-01T08:00:00Z',
  _deleted: false,
};

describe('lost edits', () => {
  it('lists the fields written here that the kept version does not carry, with both values', () => {
    const local = { ...base, availability: { ...base.availability, availableUntil: '2025-03-01T18:00:00Z' }, updatedAt: '2025-03-01T09:00:00Z', _rev: '2-a' };
    const master = { ...base, availability: { ...base.availability, availableUntil: '2025-03-01T20:00:00Z' }, phones: { mobile: '06 99' }, updatedAt: '2025-03-01T10:00:00Z' };
    const edit = lostEditOf('members', { input: { newDocumentState: local, realMasterState: master, assumedMasterState: base }, output: master }, NOW)!;
    expect(edit).toMatchObject({ collection: 'members', docId: 'm-1', title: 'Mme Claire Martin', editedAt: '2025-03-01T09:00:00Z', keptAt: '2025-03-01T10:00:00Z', resolvedAt: NOW.toISOString() });
    // The phone was changed by the server only: not an edit of this device.
    expect(edit.fields).toEqual([{ path: 'availability.availableUntil', mine: '2025-03-01T18:00:00Z', kept: '2025-03-01T20:00:00Z' }]);
    expect(canReapply(edit)).toBe(true);
  });

  it('records nothing when the resolution kept every field written here', () => {
    const local = { ...base, availability: { ...base.availability, availableUntil: '2025-03-01T18:00:00Z' }, updatedAt: '2025-03-01T09:00:00Z' };
    const merged = { ...local, phones: { mobile: '06 99' }, updatedAt: '2025-03-01T10:00:00Z' };
    expect(lostEditOf('members', { input: { newDocumentState: local, realMasterState: merged, assumedMasterState: base }, output: merged }, NOW)).toBeNull();
  });

  it('ignores the server’s own fields of a document created here (a message sent twice, a card dispatched)', () => {
    const message = { id: 'r-1--m-1--abcd', requestId: 'r-1', authorId: 'm-1', kind: 'message', text: 'Bonjour', createdAt: '2025-03-01T09:00:00Z' };
    const onServer = { ...message, readers: ['m-2'] };
    expect(lostEditOf('messages', { input: { newDocumentState: message, realMasterState: onServer }, output: onServer }, NOW)).toBeNull();
    const card = { id: 'r-1', status: 'sent', question: 'Pansement', updatedAt: '2025-03-01T09:00:00Z' };
    const dispatched = { ...card, status: 'searching', readers: ['m-2'], dispatch: { alerted: ['m-2'] } };
    expect(lostEditOf('requests', { input: { newDocumentState: card, realMasterState: dispatched }, output: dispatched }, NOW)).toBeNull();
  });

  it('counts the sending of a draft as lost when the draft was kept, and keeps no values of a patient block', () => {
    const draft = { id: 'r-1', status: 'draft', question: 'Pansement', updatedAt: '2025-03-01T10:00:00Z' };
    const sent = { ...draft, status: 'sent', question: 'Pansement ce soir', updatedAt: '2025-03-01T09:00:00Z' };
    const edit = lostEditOf('requests', { input: { newDocumentState: sent, realMasterState: draft, assumedMasterState: { ...draft, question: 'P' } }, output: draft }, NOW)!;
    expect(edit.fields.map((f) => f.path)).toEqual(['status', 'question']);
    const block = { id: 'p-1', identity: { lastName: 'Durand' }, updatedAt: '2025-03-01T09:00:00Z' };
    const kept = { ...block, identity: { lastName: 'Dupont' }, updatedAt: '2025-03-01T10:00:00Z' };
    const lost = lostEditOf('patients', { input: { newDocumentState: block, realMasterState: kept, assumedMasterState: { ...block, identity: {} } }, output: kept }, NOW)!;
    expect(lost.fields).toEqual([{ path: 'identity.lastName' }]);
    expect(JSON.stringify(lost)).not.toContain('Durand');
    expect(canReapply(lost)).toBe(false);
  });

  it('rebuilds the top-level fields to write, keeping what others changed since', () => {
    const edit = { fields: [{ path: 'availability.availableUntil', mine: '2025-03-01T18:00:00Z' }, { path: 'signature', mine: 'Dr M.' }] } as LostEdit;
    const current = { ...base, availability: { ...base.availability, acceptsNewPatients: true } };
    expect(reappliedChanges(current, edit)).toEqual({ availability: { ...base.availability, acceptsNewPatients: true, availableUntil: '2025-03-01T18:00:00Z' }, signature: 'Dr M.' });
    expect(current.availability).not.toHaveProperty('availableUntil');
  });

  it('keeps the newest first, at most MAX_LOST_EDITS', () => {
    let list: LostEdit[] = [];
    for (let i = 0; i < MAX_LOST_EDITS + 5; i++) list = withLostEdit(list, { id: `e${i}` } as LostEdit);
    expect(list).toHaveLength(MAX_LOST_EDITS);
    expect(list[0].id).toBe(`e${MAX_LOST_EDITS + 4}`);
  });
});

describe('lost edits store (RxDB local document)', () => {
  it('records, lists, observes and dismisses', async () => {
    addRxPlugin(RxDBLocalDocumentsPlugin);
    const db = await createRxDatabase({ name: `lost-edits-${Date.now()}`, storage: getRxStorageMemory(), localDocuments: true, multiInstance: false });
    try {
      const local = { ...base, signature: 'mine', updatedAt: '2025-03-01T09:00:00Z' };
      const master = { ...base, signature: 'theirs', updatedAt: '2025-03-01T10:00:00Z' };
      const conflict = { input: { newDocumentState: local, realMasterState: master, assumedMasterState: base }, output: master };
      const seen = firstValueFrom(lostEdits$(db).pipe(filter((l) => l.length === 2)));
      const first = await recordConflict(db, 'members', conflict, NOW);
      await recordConflict(db, 'members', conflict, new Date(NOW.getTime() + 1000));
      expect(await recordConflict(db, 'members', { ...conflict, output: local }, NOW)).toBeNull();
      expect((await seen).map((e) => e.resolvedAt)).toEqual(['2025-03-02T08:00:01.000Z', '2025-03-02T08:00:00.000Z']);
      await dismissLostEdit(db, first!.id);
      expect((await readLostEdits(db)).map((e) => e.fields[0].mine)).toEqual(['mine']);
      expect(await readLostEdits(db)).toHaveLength(1);
    } finally {
      await db.remove();
    }
  });
});
