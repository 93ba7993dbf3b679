import { describe, expect, it } from 'vitest';
import { samplePatient } from '../../src/domain/requests/fixtures';
import { patientsPolicy } from '../../src/domain/requests/policies';
import { isWithdrawnStub, relayableRow } from './rows';

const stored = (over: Record<string, unknown> = {}) => {
  const { id, ...fields } = samplePatient({ readers: ['m-nurse'], ...over });
  return { ...fields, _id: id, _rev: '3-abc', _conflicts: ['2-x'] };
};
const row = (doc: Record<string, unknown>) => ({ id: String(doc._id), seq: 7, changes: [{ rev: String(doc._rev) }], doc });

describe('relayed rows', () => {
  it('carry the document without its internals', () => {
    const relayed = relayableRow(row(stored()), patientsPolicy.withdrawn)!;
    expect(relayed.deleted).toBeUndefined();
    expect(relayed.doc).not.toHaveProperty('_conflicts');
    expect(relayed.doc.identity).toMatchObject({ lastName: 'Durand' });
    expect(isWithdrawnStub(relayed.doc)).toBe(false);
  });

  it('turn a document withdrawn from devices into a deletion without its data', () => {
    const relayed = relayableRow(row(stored({ purgedFromDevices: '2026-12-24T10:00:00.000Z' })), patientsPolicy.withdrawn)!;
    expect(relayed).toMatchObject({ id: 'p-0f3c9a1b2c3d4e5f', seq: 7, deleted: true, doc: { _id: 'p-0f3c9a1b2c3d4e5f', _rev: '3-abc', _deleted: true, readers: ['m-nurse'] } });
    expect(JSON.stringify(relayed)).not.toMatch(/Durand|Jeanne|Lilas/);
    expect(isWithdrawnStub(relayed.doc)).toBe(true);
    // Without the collection's rule (another collection), nothing is withdrawn.
    expect(relayableRow(row(stored({ purgedFromDevices: '2026-12-24T10:00:00.000Z' })))!.doc.identity).toMatchObject({ lastName: 'Durand' });
  });
});
