/**
 * The ID Token of a session opened through Pro Santé Connect, kept in a signed httpOnly cookie sent to
 * `/api/auth/psc` only: at logout it tells a session Pro Santé Connect opened from a password one, and
 * lets the provider end its own session without asking again (`id_token_hint`). Nothing is stored on
 * the server.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_DAYS } from '../session/sessions';

const ID_TOKEN_COOKIE = 'cpts_psc_id';
const COOKIE_PATH = '/api/auth/psc';
/** Browsers drop a cookie over 4 KB: a longer token is not kept. */
const MAX_LENGTH = 3000;
const JWT = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2,4}$/;

export function keepIdToken(reply: FastifyReply, idToken: string | undefined, secure: boolean): void {
  if (!idToken || idToken.length > MAX_LENGTH || !JWT.test(idToken)) return;
  reply.setCookie(ID_TOKEN_COOKIE, idToken, { signed: true, httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH, maxAge: SESSION_DAYS * 86_400 });
}

export function readIdToken(request: FastifyRequest): string | undefined {
  const raw = request.cookies[ID_TOKEN_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  return unsigned?.valid && unsigned.value && JWT.test(unsigned.value) ? unsigned.value : undefined;
}

export function dropIdToken(reply: FastifyReply): void {
  reply.clearCookie(ID_TOKEN_COOKIE, { path: COOKIE_PATH });
}
