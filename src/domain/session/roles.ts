/** Who may change whose roles: coordinators and administrators, never on their own account; only an administrator grants or removes `admin`. */
import { ROLES, type Role, type SessionUser } from './user';

/** The roles asked for, if they are a non-empty list of known roles without repeats. */
export function parseRoles(value: unknown): Role[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > ROLES.length) return null;
  if (!value.every((r) => typeof r === 'string' && (ROLES as readonly string[]).includes(r))) return null;
  return new Set(value).size === value.length ? (value as Role[]) : null;
}

/** `null` when `actor` may give `target` the roles `next`, otherwise why not, in French. */
export function refuseRoleChange(actor: SessionUser, target: { id: string; roles: readonly Role[] }, next: readonly Role[]): string | null {
  const isAdmin = actor.roles.includes('admin');
  if (!isAdmin && !actor.roles.includes('coordinator')) return 'seuls la coordination et les administrateurs gèrent les rôles';
  if (actor.id === target.id) return 'vous ne pouvez pas modifier vos propres rôles';
  const touchesAdmin = target.roles.includes('admin') !== next.includes('admin');
  if (touchesAdmin && !isAdmin) return 'seul un administrateur peut donner ou retirer le rôle administrateur';
  if (target.roles.includes('admin') && !isAdmin) return 'seul un administrateur peut modifier les rôles d’un administrateur';
  return null;
}
