/**
 * `/api/auth/psc`: signing in with Pro Santé Connect beside the password. A known professional gets a
 * session as with the password; one unknown here goes to the registration form, pre-filled; any
 * failure goes back to the login page with a code (`/connexion?psc=<code>`). Without PSC_* settings,
 * every route but the status answers 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PSC_SIGNED_IN, type PscError, type PscLogoutAnswer, type PscPrefillAnswer, type PscStatus } from '../../src/domain/psc/api';
import type { Accounts } from '../accounts/accounts';
import type { Config } from '../config';
import { notFound } from '../http/errors';
import { closeSession, openSession } from '../session/open';
import type { Sessions } from '../session/sessions';
import type { Couch } from '../storage/couch';
import { PscFailure, type PscClient } from './client';
import { dropIdToken, keepIdToken, readIdToken } from './id-token';
import { pscIdentity, prefillOf } from './identity';
import { linkIdentity, type Link } from './link';
import { dropPending, keepPending, readPending } from './pending';
import { PREFILL_MINUTES, type Prefills } from './prefills';

export interface PscParts {
  client: PscClient;
  prefills: Prefills;
}

interface Deps {
  sessions: Sessions;
  accounts: Accounts;
  couch: Couch;
  /** Absent when Pro Santé Connect is not configured. */
  psc: PscParts | undefined;
  clock: () => number;
}

const PREFILL_COOKIE = 'cpts_psc_prefill';
const COOKIE_PATH = '/api/auth/psc';
/** Longer than any answer of the provider (code, state, session state, issuer). */
const MAX_QUERY = 4096;

const LINK_ERRORS: Record<Exclude<Link['kind'], 'account' | 'unknown'>, PscError> = { pending: 'en-attente', inactive: 'inactif', 'no-account': 'sans-compte' };

const notConfigured = () => notFound('La connexion par Pro Santé Connect n’est pas configurée sur cette plateforme.');

export function pscRoutes(app: FastifyInstance, { sessions, accounts, couch, psc, clock }: Deps, config: Config): void {
  const secure = config.publicUrl?.protocol === 'https:';
  const enabled = (): PscParts => {
    if (!psc) throw notConfigured();
    return psc;
  };
  const toLogin = (reply: FastifyReply, code: PscError) => reply.header('cache-control', 'no-store').redirect(`/connexion?psc=${code}`);

  app.get('/api/auth/psc', async (): Promise<PscStatus> => ({ enabled: Boolean(psc) }));

  app.get('/api/auth/psc/start', async (request, reply) => {
    const { client } = enabled();
    try {
      const { url, pending } = await client.start();
      keepPending(reply, pending, secure);
      return reply.header('cache-control', 'no-store').redirect(url.href);
    } catch (err) {
      if (!(err instanceof PscFailure)) throw err;
      request.log.warn({ code: err.code, reason: err.reason }, 'Pro Santé Connect : départ impossible');
      return toLogin(reply, err.code);
    }
  });

  app.get('/api/auth/psc/callback', async (request, reply) => {
    const { client, prefills } = enabled();
    const pending = readPending(request, clock());
    dropPending(reply);
    const mark = request.url.indexOf('?');
    const query = mark < 0 ? '' : request.url.slice(mark + 1);
    try {
      if (!pending) throw new PscFailure('invalide', 'aucune connexion en cours dans ce navigateur');
      if (query.length > MAX_QUERY) throw new PscFailure('invalide', 'réponse trop longue');
      const { claims, idToken } = await client.finish(query, pending);
      const identity = pscIdentity(claims);
      if (!identity) throw new PscFailure('identite', 'ni RPPS ni ADELI');
      const link = await linkIdentity(couch, accounts, identity);
      if (link.kind === 'account') {
        await openSession(request, reply, sessions, link.account, secure);
        keepIdToken(reply, idToken, secure);
        request.log.info({ account: link.account._id, via: 'psc' }, 'connexion');
        // The login page takes the session up on this device (user stored, sync started), then opens the app.
        return reply.header('cache-control', 'no-store').redirect(`/connexion?psc=${PSC_SIGNED_IN}`);
      }
      if (link.kind !== 'unknown') throw new PscFailure(LINK_ERRORS[link.kind], `compte ${link.kind}`);
      const id = await prefills.create(prefillOf(identity));
      reply.setCookie(PREFILL_COOKIE, id, { signed: true, httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH, maxAge: PREFILL_MINUTES * 60 });
      request.log.info('Pro Santé Connect : professionnel inconnu, vers l’inscription');
      return reply.header('cache-control', 'no-store').redirect(`/inscription?psc=${id}`);
    } catch (err) {
      if (!(err instanceof PscFailure)) throw err;
      request.log.warn({ code: err.code, reason: err.reason }, 'Pro Santé Connect : connexion refusée');
      return toLogin(reply, err.code);
    }
  });

  app.get<{ Params: { id: string } }>('/api/auth/psc/prefill/:id', async (request, reply): Promise<PscPrefillAnswer> => {
    const { prefills } = enabled();
    // Only the browser Pro Santé Connect sent back reads it: a copied address is not enough.
    const prefill = boundTo(request, request.params.id) ? await prefills.read(request.params.id) : undefined;
    if (!prefill) throw notFound('Pré-remplissage introuvable ou expiré : recommencez avec Pro Santé Connect, ou remplissez le formulaire.');
    reply.header('cache-control', 'no-store');
    return { prefill };
  });

  app.post('/api/auth/psc/logout', async (request, reply): Promise<PscLogoutAnswer> => {
    const { client } = enabled();
    const idToken = readIdToken(request);
    await closeSession(request, reply, sessions);
    dropIdToken(reply);
    // Only a session Pro Santé Connect opened (its ID Token kept) sends the browser to the provider.
    return { endSessionUrl: idToken ? ((await client.endSessionUrl(idToken)) ?? null) : null };
  });
}

function boundTo(request: FastifyRequest, id: string): boolean {
  const raw = request.cookies[PREFILL_COOKIE];
  const unsigned = raw ? request.unsignCookie(raw) : undefined;
  return Boolean(unsigned?.valid && unsigned.value === id);
}
