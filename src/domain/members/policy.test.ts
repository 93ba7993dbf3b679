import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../session/user';
import { canRead } from '../sync/policy';
import { sampleMember } from './fixtures';
import { membersPolicy } from './policy';

const owner: SessionUser = { id: 'acc-1', memberId: 'm-10000000017', name: 'Dr Arthur Mathis', roles: ['member'] };
const other: SessionUser = { id: 'acc-2', memberId: 'm-20000000001', name: 'Mme Autre', roles: ['member'] };
const coordinator: SessionUser = { id: 'acc-3', memberId: 'm-coordination', name: 'Coordination', roles: ['member', 'coordinator'] };
const admin: SessionUser = { id: 'acc-4', memberId: 'm-admin', name: 'Admin', roles: ['admin'] };

describe('who may read a directory entry', () => {
  it('lets everyone signed in read active and invited entries', () => {
    for (const status of ['active', 'invited'] as const) {
      for (const user of [owner, other, coordinator]) expect(canRead(membersPolicy, user, sampleMember({ status }))).toBe(true);
    }
  });

  it('shows a pending registration to its owner and the coordination only', () => {
    const pending = sampleMember({ status: 'pending' });
    expect(canRead(membersPolicy, owner, pending)).toBe(true);
    expect(canRead(membersPolicy, coordinator, pending)).toBe(true);
    expect(canRead(membersPolicy, admin, pending)).toBe(true);
    expect(canRead(membersPolicy, other, pending)).toBe(false);
  });
});

describe('who may write a directory entry', () => {
  const stored = sampleMember();

  it('lets the owner change their availability and contact details', () => {
    const next = sampleMember({ availability: { ...stored.availability, availableUntil: '2026-11-23T18:00:00Z' }, phones: { mobile: '07 00 00 00 00' } });
    expect(membersPolicy.refuseWrite(owner, stored, next)).toBeNull();
  });

  it('refuses another member, whatever the change', () => {
    expect(membersPolicy.refuseWrite(other, stored, sampleMember({ signature: 'x' }))).toMatch(/titulaire ou un coordinateur/);
  });

  it('refuses an unsound availability to everyone, coordinators included', () => {
    const backwards = { ...stored.availability, onCall: [{ start: '2026-11-24T18:00:00Z', end: '2026-11-24T08:00:00Z' }] };
    for (const user of [owner, coordinator]) {
      expect(membersPolicy.refuseWrite(user, stored, sampleMember({ availability: backwards }))).toMatch(/availability\.onCall\.0/);
    }
  });

  it('keeps status, kind and identifiers for coordinators', () => {
    expect(membersPolicy.refuseWrite(owner, stored, sampleMember({ status: 'invited' }))).toMatch(/status/);
    expect(membersPolicy.refuseWrite(owner, stored, sampleMember({ kind: 'structure' }))).toMatch(/kind/);
    expect(membersPolicy.refuseWrite(owner, stored, sampleMember({ identifiers: { rpps: '99999999999' } }))).toMatch(/identifiers/);
  });

  it('refuses creation and deletion through sync to a member', () => {
    expect(membersPolicy.refuseWrite(owner, undefined, stored)).toMatch(/inscription/);
    expect(membersPolicy.refuseWrite(owner, stored, { ...stored, _deleted: true })).toMatch(/supprimer/);
  });

  it('lets coordinators and admins do all of it', () => {
    for (const user of [coordinator, admin]) {
      expect(membersPolicy.refuseWrite(user, stored, sampleMember({ status: 'invited', signature: 'x' }))).toBeNull();
      expect(membersPolicy.refuseWrite(user, undefined, sampleMember({ id: 'm-new' }))).toBeNull();
      expect(membersPolicy.refuseWrite(user, stored, { ...stored, _deleted: true })).toBeNull();
    }
  });
});
