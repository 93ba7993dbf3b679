/** `/api/session`: log in (rate-limited per account and per address), who am I, log out. */
import type { FastifyInstance } from 'fastify';
import { normaliseEmail } from '../accounts/accounts';
import { DUMMY_HASH, verifyPassword } from '../accounts/passwords';
import type { Config } from '../config';
import { badRequest, HttpError, unauthorized } from '../http/errors';
import { currentUser } from './auth';
import { dropIdToken } from '../psc/id-token';
import { closeSession, openSession } from './open';
import type { Sessions } from './sessions';
import type { Accounts } from '../accounts/accounts';
import type { Gateway } from '../sync/gateway';
import { userOf } from './sessions';
import { Throttle } from './throttle';

const FIFTEEN_MINUTES = 15 * 60_000;

function credentials(body: unknown): { email: string; password: string; firstSync: boolean } {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) throw badRequest('Envoyez un objet JSON { email, password }.');
  if (typeof b.email !== 'string' || !b.email.trim() || b.email.length > 254) {
    throw badRequest('Champ « email » : adresse e-mail manquante ou invalide.', [{ field: 'email', message: 'adresse e-mail manquante ou invalide' }]);
  }
  if (typeof b.password !== 'string' || !b.password || b.password.length > 200) {
    throw badRequest('Champ « password » : mot de passe manquant ou invalide.', [{ field: 'password', message: 'mot de passe manquant ou invalide' }]);
  }
  if (b.firstSync !== undefined && typeof b.firstSync !== 'boolean') {
    throw badRequest('Champ « firstSync » : vrai ou faux attendu.', [{ field: 'firstSync', message: 'vrai ou faux attendu' }]);
  }
  return { email: normaliseEmail(b.email), password: b.password, firstSync: b.firstSync === true };
}

export function sessionRoutes(app: FastifyInstance, { sessions, accounts, gateways }: { sessions: Sessions; accounts: Accounts; gateways: ReadonlyMap<string, Gateway> }, config: Config): void {
  const perAccount = new Throttle(5, FIFTEEN_MINUTES);
  const perAddress = new Throttle(30, FIFTEEN_MINUTES);
  setInterval(() => (perAccount.sweep(), perAddress.sweep()), FIFTEEN_MINUTES).unref();
  const secure = config.publicUrl?.protocol === 'https:';

  app.post('/api/session', async (request, reply) => {
        const { email, password, firstSync } = credentials(request.body);
    const wait = Math.max(perAccount.retryAfter(email), perAddress.retryAfter(request.ip));
    if (wait > 0) {
      reply.header('retry-after', Math.ceil(wait / 1000));
      throw new HttpError(429, `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(wait / 60_000)} min.`);
    }
    const account = await accounts.findByEmail(email);
    const valid = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !valid) {
      perAccount.fail(email);
      perAddress.fail(request.ip);
      throw unauthorized('Adresse e-mail ou mot de passe incorrect.');
    }
    if (account.status !== 'active') {
      throw unauthorized(
        account.status === 'pending'
          ? 'Votre inscription attend encore la validation d’un coordinateur.'
          : 'Ce compte n’est pas actif. Contactez la coordination de la CPTS.',
      );
    }
    perAccount.reset(email);
    // A device that holds no data asks for the first page of every collection right after this
    // answer: their reads start now, while the session is written.
    if (firstSync) for (const gateway of gateways.values()) gateway.prefetchFirstPages(userOf(account));
    const token = await openSession(request, reply, sessions, account, secure);
    // A session by password: a Pro Santé Connect one before it in this browser no longer applies at logout.
    dropIdToken(reply);
    request.log.info({ account: account._id }, 'connexion');
    return { user: await sessions.resolve(token) };
  });

  app.get('/api/session', async (request) => {
    const user = await currentUser(request, sessions);
    if (!user) throw unauthorized('Vous n’êtes pas connecté.');
    return { user };
  });

  app.delete('/api/session', async (request, reply) => {
    await closeSession(request, reply, sessions);
    return reply.code(204).send();
  });
}
