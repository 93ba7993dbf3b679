/** Calls to the server's session API (`/api/session`): log in, log out, ask who is signed in. */
import { apiUrl } from '../config';
import type { PscLogoutAnswer, PscStatus } from '../domain/psc/api';
import type { SessionUser } from '../domain/session/user';
import { fetchOrOffline, HttpError, readErrorMessage } from '../data/http';
import * as fr from '../i18n/fr';

function isSessionUser(value: unknown): value is SessionUser {
  const u = value as Partial<SessionUser> | null;
  return (
    typeof u === 'object' && u !== null && typeof u.id === 'string' && typeof u.memberId === 'string' &&
    typeof u.name === 'string' && Array.isArray(u.roles)
  );
}

async function userFrom(res: Response): Promise<SessionUser> {
  const body = (await res.json()) as { user?: unknown };
  if (!isSessionUser(body.user)) throw new HttpError(res.status, fr.errors.generic);
  return body.user;
}

/**
 * Throws `HttpError`: status 0 offline, 401 wrong credentials, 429 too many attempts, with the
 * server's message. `firstSync`: this device holds no data, so the server prepares its first pages.
 */
export async function login(email: string, password: string, firstSync = false): Promise<SessionUser> {
  const res = await fetchOrOffline(apiUrl('/session'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, firstSync }),
  });
  if (!res.ok) throw new HttpError(res.status, await readErrorMessage(res, fr.session.failed));
  return userFrom(res);
}

/**
 * Ends the server session; offline, the cookie simply stays until it expires. Where Pro Santé
 * Connect is set up, its logout ends any session and gives the provider's logout address when it
 * opened this one: the browser goes there next, so the e-CPS session ends too.
 */
export async function logout(): Promise<{ endSessionUrl: string | null }> {
  const psc = await fetchOrOffline(apiUrl('/auth/psc/logout'), { method: 'POST' }).catch(() => undefined);
  if (psc?.ok) {
    const body = (await psc.json().catch(() => null)) as Partial<PscLogoutAnswer> | null;
    return { endSessionUrl: typeof body?.endSessionUrl === 'string' && /^https?:\/\//.test(body.endSessionUrl) ? body.endSessionUrl : null };
  }
  await fetchOrOffline(apiUrl('/session'), { method: 'DELETE' }).catch(() => undefined);
  return { endSessionUrl: null };
}

/** Whether the login page offers Pro Santé Connect (false offline or on a server without it). */
export async function pscEnabled(): Promise<boolean> {
  const res = await fetchOrOffline(apiUrl('/auth/psc')).catch(() => undefined);
  const body = res?.ok ? ((await res.json().catch(() => null)) as Partial<PscStatus> | null) : null;
  return body?.enabled === true;
}

/** The signed-in user, or null when the session is missing or expired; throws `HttpError(0)` offline. */
export async function currentUser(): Promise<SessionUser | null> {
  const res = await fetchOrOffline(apiUrl('/session'));
  if (res.status === 401) return null;
  if (!res.ok) throw new HttpError(res.status, await readErrorMessage(res, fr.errors.generic));
  return userFrom(res);
}
