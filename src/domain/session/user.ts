/** The signed-in user as the server and the client see it. */

export const ROLES = ['member', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  /** Account id (server-side `accounts` database). */
  id: string;
  /** The user's own entry in the `members` directory. */
  memberId: string;
  name: string;
  roles: Role[];
}

export function isCoordinator(user: SessionUser): boolean {
  return user.roles.includes('coordinator') || user.roles.includes('admin');
}

/**
 * What the server's answer about the signed-in user changes: its fresh copy when it is the same
 * account with another name, member entry or roles; otherwise null, so that the pages following
 * the user (their queries, their tabs) are not set up again for an identical copy at every start.
 */
export function changedUser(current: SessionUser | null, fresh: SessionUser | null): SessionUser | null {
  if (!current || !fresh || fresh.id !== current.id) return null;
  const same = fresh.memberId === current.memberId && fresh.name === current.name && fresh.roles.length === current.roles.length && fresh.roles.every((r, i) => r === current.roles[i]);
  return same ? null : fresh;
}
