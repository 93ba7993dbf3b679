/**
 * The sign-in under way, kept in the browser that started it: a short-lived, signed, httpOnly cookie
 * holding the PKCE verifier, the state and the nonce. Any server instance sharing SESSION_SECRET can
 * finish it, and only the browser that started it can (a callback link planted in another browser
 * finds no cookie there).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PENDING_COOKIE = 'cpts_psc';
/** Time to choose e-CPS or the card, and to confirm on the phone. */
const PENDING_MINUTES = 10;
const COOKIE_PATH = '/api/auth/psc';

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

export function newPending(fields: Omit<PendingLogin, 'expiresAt'>, now: number): PendingLogin {
  return { ...fields, expiresAt: now + PENDING_MINUTES * 60_000 };
}

export function keepPending(reply: FastifyReply, pending: PendingLogin, secure: boolean): void {
  const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
  // Lax: the provider sends the browser back with a top-level GET, which carries it.
  reply.setCookie(PENDING_COOKIE, value, { signed: true, httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH, maxAge: PENDING_MINUTES * 60 });
}

export function dropPending(reply: FastifyReply): void {
  reply.clearCookie(PENDING_COOKIE, { path: COOKIE_PATH });
}

/** The sign-in this browser started, or undefined when absent, tampered with, malformed or expired. */
export function readPending(request: FastifyRequest, now: number): PendingLogin | undefined {
  const raw = request.cookies[PENDING_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const p = parsed as Partial<PendingLogin>;
  const valid = [p.state, p.nonce, p.verifier].every((v) => typeof v === 'string' && TOKEN.test(v)) && typeof p.expiresAt === 'number';
  return valid && now < p.expiresAt! ? (p as PendingLogin) : undefined;
}
