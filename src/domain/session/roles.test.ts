import { describe, expect, it } from 'vitest';
import { parseRoles, refuseRoleChange } from './roles';
import type { SessionUser } from './user';

const member: SessionUser = { id: 'acc-1', memberId: 'm-1', name: 'Membre', roles: ['member'] };
const coordinator: SessionUser = { id: 'acc-2', memberId: 'm-2', name: 'Coordination', roles: ['member', 'coordinator'] };
const admin: SessionUser = { id: 'acc-3', memberId: 'm-3', name: 'Admin', roles: ['admin'] };
const other = { id: 'acc-9', roles: ['member'] as const };

describe('role changes', () => {
  it('lets a coordinator make a member coordinator, but not administrator', () => {
    expect(refuseRoleChange(coordinator, other, ['member', 'coordinator'])).toBeNull();
    expect(refuseRoleChange(coordinator, other, ['member', 'admin'])).toMatch(/administrateur/);
  });

  it('lets an administrator grant and remove any role', () => {
    expect(refuseRoleChange(admin, other, ['member', 'admin'])).toBeNull();
    expect(refuseRoleChange(admin, { id: 'acc-8', roles: ['admin'] }, ['member'])).toBeNull();
  });

  it('keeps administrators out of a coordinator’s reach', () => {
    expect(refuseRoleChange(coordinator, { id: 'acc-8', roles: ['member', 'admin'] }, ['member', 'admin', 'coordinator'])).toMatch(/administrateur/);
  });

  it('refuses members, and anyone changing their own roles', () => {
    expect(refuseRoleChange(member, other, ['member', 'coordinator'])).toMatch(/coordination/);
    expect(refuseRoleChange(member, member, ['member', 'admin'])).not.toBeNull();
    expect(refuseRoleChange(coordinator, coordinator, ['member'])).toMatch(/propres rôles/);
    expect(refuseRoleChange(admin, admin, ['admin', 'coordinator'])).toMatch(/propres rôles/);
  });

  it('accepts only non-empty lists of known roles without repeats', () => {
    expect(parseRoles(['member', 'coordinator'])).toEqual(['member', 'coordinator']);
    for (const bad of [[], ['root'], ['member', 'member'], 'admin', null, [1], ['member', 'coordinator', 'admin', 'member']]) expect(parseRoles(bad), JSON.stringify(bad)).toBeNull();
  });
});
