/** Reads the session cookie and resolves the signed-in user; routes that need one call `requireUser`. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isCoordinator, type SessionUser } from '../../src/domain/session/user';
import { forbidden, unauthorized } from '../http/errors';
import type { Sessions } from './sessions';

export const SESSION_COOKIE = 'cpts_session';

/** The raw token from the signed cookie, or undefined when absent or tampered with. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

export async function currentUser(request: FastifyRequest, sessions: Sessions): Promise<SessionUser | undefined> {
  const token = sessionToken(request);
  return token ? sessions.resolve(token) : undefined;
}

/** A preHandler: 401 unless a valid session; the user is then on `request.user`. */
export function requireUser(sessions: Sessions) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const user = await currentUser(request, sessions);
    if (!user) throw unauthorized();
    request.user = user;
  };
}

/** A preHandler: 401 without a session, 403 unless the user is a coordinator or an administrator. */
export function requireCoordinator(sessions: Sessions) {
  const signedIn = requireUser(sessions);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await signedIn(request, reply);
    if (!isCoordinator(request.user!)) throw forbidden('Réservé à la coordination de la CPTS.');
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
}
