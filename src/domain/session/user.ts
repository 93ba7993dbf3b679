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
