/** `/api/password`: ask for a reset link (same answer whatever the e-mail), check a link, set a new password. Rate-limited per address. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PasswordAnswer, ResetLinkAnswer } from '../../src/domain/password/api';
import { normaliseEmail } from '../accounts/accounts';
import type { Config } from '../config';
import { objectBody, stringField } from '../http/body';
import { HttpError } from '../http/errors';
import { publicOrigin } from '../http/origin';
import type { PasswordResets } from './resets';
import { sessionToken } from '../session/auth';
import { Throttle } from '../session/throttle';

const FIFTEEN_MINUTES = 15 * 60_000;
export const FORGOT_ANSWER = 'Si un compte actif existe avec cette adresse, un lien de réinitialisation vient d’y être envoyé. Il est valable une heure.';

export function passwordRoutes(app: FastifyInstance, { passwordResets }: { passwordResets: PasswordResets }, config: Config): void {
  const requests = new Throttle(10, FIFTEEN_MINUTES);
  const perEmail = new Throttle(3, FIFTEEN_MINUTES);
  const wrongLinks = new Throttle(20, FIFTEEN_MINUTES);
  setInterval(() => (requests.sweep(), perEmail.sweep(), wrongLinks.sweep()), FIFTEEN_MINUTES).unref();

  const guard = (throttle: Throttle, request: FastifyRequest) => {
    const wait = throttle.retryAfter(request.ip);
    if (wait > 0) throw new HttpError(429, `Trop de demandes depuis votre connexion. Réessayez dans ${Math.ceil(wait / 60_000)} min.`);
  };

  app.post('/api/password/forgot', async (request): Promise<PasswordAnswer> => {
    guard(requests, request);
    requests.fail(request.ip);
    const email = normaliseEmail(stringField(objectBody(request.body), 'email', 254));
    // Beyond a few links per address and per quarter of an hour, silently nothing: the answer never changes.
    if (perEmail.retryAfter(email) === 0) {
      perEmail.fail(email);
      // Not awaited: a sent e-mail would otherwise take longer to answer than an unknown address.
      void passwordResets.request(email, publicOrigin(config, request)).catch((err) => request.log.error({ err: (err as Error).message }, 'demande de réinitialisation'));
    }
    return { message: FORGOT_ANSWER };
  });

  app.post('/api/password/check', async (request): Promise<ResetLinkAnswer> => {
    guard(wrongLinks, request);
    try {
      await passwordResets.check(stringField(objectBody(request.body), 'token', 100));
    } catch (err) {
      wrongLinks.fail(request.ip);
      throw err;
    }
    return { valid: true };
  });

  app.post('/api/password/reset', async (request): Promise<PasswordAnswer> => {
    guard(wrongLinks, request);
    const body = objectBody(request.body);
    try {
      await passwordResets.reset(stringField(body, 'token', 100), stringField(body, 'password', 200), sessionToken(request));
    } catch (err) {
      if (err instanceof HttpError && err.status === 400) wrongLinks.fail(request.ip);
      throw err;
    }
    return { message: 'Votre mot de passe est changé. Connectez-vous avec le nouveau.' };
  });
}
