/** Tests of the signed-in user's refresh rule. */
import { describe, expect, it } from 'vitest';
import { changedUser, type SessionUser } from './user';

const nurse: SessionUser = { id: 'acc-1', memberId: 'm-1', name: 'Claire Dupont', roles: ['member'] };

describe('changedUser', () => {
  it('keeps the current user when the server answers an identical copy', () => {
    expect(changedUser(nurse, { ...nurse, roles: ['member'] })).toBeNull();
  });

  it('takes the fresh copy when the name, the member entry or the roles changed', () => {
    const renamed = { ...nurse, name: 'Claire Martin' };
    expect(changedUser(nurse, renamed)).toBe(renamed);
    const moved = { ...nurse, memberId: 'm-2' };
    expect(changedUser(nurse, moved)).toBe(moved);
    const promoted: SessionUser = { ...nurse, roles: ['member', 'coordinator'] };
    expect(changedUser(nurse, promoted)).toBe(promoted);
  });

  it('ignores an answer for another account, or none', () => {
    expect(changedUser(nurse, { ...nurse, id: 'acc-2', name: 'Autre' })).toBeNull();
    expect(changedUser(nurse, null)).toBeNull();
    expect(changedUser(null, nurse)).toBeNull();
  });
});
