import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Accounts } from '../accounts/accounts';
import type { Config } from '../config';
import { toErrorResponse } from '../http/errors';
import type { Sessions } from '../session/sessions';
import type { Couch } from '../storage/couch';
import { pscRoutes } from './routes';

/** Without PSC_* settings nothing below the status is reached: the parts are never called. */
async function appWithoutPsc() {
  const app = Fastify();
  await app.register(fastifyCookie, { secret: 'x'.repeat(32) });
  app.setErrorHandler((err, _request, reply) => {
    const { status, body } = toErrorResponse(err);
    reply.code(status).send(body);
  });
  pscRoutes(app, { sessions: {} as Sessions, accounts: {} as Accounts, couch: {} as Couch, psc: undefined, clock: Date.now }, { publicUrl: undefined } as Config);
  return app;
}

describe('Pro Santé Connect routes when not configured', () => {
  it('say so, and answer 404 with a French message everywhere else', async () => {
    const app = await appWithoutPsc();
    expect((await app.inject({ method: 'GET', url: '/api/auth/psc' })).json()).toEqual({ enabled: false });
    for (const [method, url] of [
      ['GET', '/api/auth/psc/start'],
      ['GET', '/api/auth/psc/callback?code=abc&state=def'],
      ['GET', `/api/auth/psc/prefill/${'a'.repeat(32)}`],
      ['POST', '/api/auth/psc/logout'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toBe('La connexion par Pro Santé Connect n’est pas configurée sur cette plateforme.');
    }
    await app.close();
  });
});
