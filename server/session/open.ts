/** Opens a session for an account that proved who it is (a password, Pro Santé Connect): one way for every login. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../accounts/accounts';
import { SESSION_COOKIE, sessionToken } from './auth';
import { SESSION_DAYS, type Sessions } from './sessions';

/** Returns the new session's token; the cookie is set on `reply`. */
export async function openSession(request: FastifyRequest, reply: FastifyReply, sessions: Sessions, account: Account, secure: boolean): Promise<string> {
  // A fresh token at every login: a session id planted before login is never promoted.
  const previous = sessionToken(request);
  if (previous) await sessions.destroy(previous);
  const { token } = await sessions.create(account);
  reply.setCookie(SESSION_COOKIE, token, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
  return token;
}

/** Ends the session of this request, if any, and clears its cookie. */
export async function closeSession(request: FastifyRequest, reply: FastifyReply, sessions: Sessions): Promise<void> {
  const token = sessionToken(request);
  if (token) await sessions.destroy(token);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
