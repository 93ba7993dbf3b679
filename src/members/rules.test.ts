/** Tests of the checks made before a member edit is queued. */
import { describe, expect, it } from 'vitest';
import type { Member } from '../domain/members/schema';
import type { SessionUser } from '../domain/session/user';
import { nextUpdatedAt, prepareMemberWrite } from './rules';

const owner: SessionUser = { id: 'acc-1', memberId: 'helene-muller', name: 'Hélène Muller', roles: ['member'] };
const entry: Member = {
  id: 'helene-muller',
  kind: 'professional',
  status: 'active',
  displayName: 'Dr Hélène Muller',
  profession: '10',
  specialty: 'Médecine générale',
  address: { street: '1 rue Serpenoise', postcode: '57000', commune: 'Metz' },
  location: { lat: 49.11, lon: 6.17, approximate: false },
  availability: { onCall: [], acceptsNewPatients: true, absences: [] },
  updatedAt: '2025-03-01T10:00:00.000Z',
};
const now = new Date('2025-03-01T12:00:00.000Z');

describe('nextUpdatedAt', () => {
  it('uses the clock, but always moves forward', () => {
    expect(nextUpdatedAt(entry.updatedAt, now)).toBe('2025-03-01T12:00:00.000Z');
    expect(nextUpdatedAt('2025-03-02T00:00:00.000Z', now)).toBe('2025-03-02T00:00:00.001Z');
    expect(nextUpdatedAt(undefined, now)).toBe(now.toISOString());
  });
});

describe('prepareMemberWrite', () => {
  it('accepts an owner changing an availability', () => {
    const result = prepareMemberWrite(owner, entry, { availability: { ...entry.availability, availableUntil: '2025-03-01T18:00:00Z' } }, now);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.doc.updatedAt).toBe('2025-03-01T12:00:00.000Z');
  });

  it('refuses what the server would refuse', () => {
    const result = prepareMemberWrite(owner, entry, { status: 'invited' }, now);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('status') });
    const other = prepareMemberWrite({ ...owner, memberId: 'someone-else' }, entry, { displayName: 'X' }, now);
    expect(other.ok).toBe(false);
  });

  it('refuses an invalid document with a French message', () => {
    const result = prepareMemberWrite(owner, entry, { email: 'pas-une-adresse' }, now);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('email') });
  });
});
