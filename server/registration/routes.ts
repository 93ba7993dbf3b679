/** `/api/registrations`: register, verify the mobile and the e-mail, ask for a new code or link, follow the state. Public, rate-limited per address. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmailVerificationAnswer, RegistrationAnswer } from '../../src/domain/registration/api';
import type { Config } from '../config';
import { objectBody, stringField } from '../http/body';
import { badRequest, HttpError } from '../http/errors';
import { publicOrigin } from '../http/origin';
import type { Registrations } from './registrations';
import { Throttle } from '../session/throttle';
import { publicState } from './views';

const HOUR = 3_600_000;
const FIFTEEN_MINUTES = 15 * 60_000;

function tooMany(wait: number): HttpError {
  return new HttpError(429, `Trop de tentatives depuis votre connexion. Réessayez dans ${Math.max(1, Math.ceil(wait / 60_000))} min.`);
}

export function registrationRoutes(app: FastifyInstance, { registrations }: { registrations: Registrations }, config: Config): void {
  // Every registration counts (not only failures): each one sends an SMS and an e-mail.
  const submissions = new Throttle(20, HOUR);
  const wrongAnswers = new Throttle(30, FIFTEEN_MINUTES);
  setInterval(() => (submissions.sweep(), wrongAnswers.sweep()), FIFTEEN_MINUTES).unref();

  const guard = (throttle: Throttle, request: FastifyRequest) => {
    const wait = throttle.retryAfter(request.ip);
    if (wait > 0) throw tooMany(wait);
  };
  /** Counts a refused answer (wrong code, bad ticket or link) against the address. */
  const counted = async <T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> => {
    guard(wrongAnswers, request);
    try {
      return await work();
    } catch (err) {
      if (err instanceof HttpError && (err.status === 400 || err.status === 401)) wrongAnswers.fail(request.ip);
      throw err;
    }
  };

  app.post('/api/registrations', async (request, reply) => {
    guard(submissions, request);
    submissions.fail(request.ip);
    const result = await registrations.register(objectBody(request.body), publicOrigin(config, request));
    return reply.code(201).send(result);
  });

  app.post('/api/registrations/status', async (request): Promise<RegistrationAnswer> => {
    const body = objectBody(request.body);
    return counted(request, async () => ({ registration: publicState(await registrations.byTicket(body.ticket)) }));
  });

  app.post('/api/registrations/verify-phone', async (request): Promise<RegistrationAnswer> => {
    const body = objectBody(request.body);
    return counted(request, async () => {
      const record = await registrations.byTicket(body.ticket);
      const code = stringField(body, 'code', 20).replace(/\s/g, '');
      return { registration: await registrations.verifyPhone(record, code) };
    });
  });

  app.post('/api/registrations/verify-email', async (request): Promise<EmailVerificationAnswer> => {
    const body = objectBody(request.body);
    return counted(request, async () => {
      const registration = await registrations.verifyEmail(stringField(body, 'token', 100));
      return { registration: { phoneVerified: registration.phoneVerified, emailVerified: true, status: registration.status } };
    });
  });

  app.post('/api/registrations/resend', async (request): Promise<RegistrationAnswer> => {
    const body = objectBody(request.body);
    if (body.channel !== 'sms' && body.channel !== 'email') {
      throw badRequest('Champ « channel » : « sms » ou « email » attendu.', [{ field: 'channel', message: 'valeur non autorisée' }]);
    }
    const channel = body.channel;
    return counted(request, async () => {
      const record = await registrations.byTicket(body.ticket);
      return { registration: await registrations.resend(record, channel, publicOrigin(config, request)) };
    });
  });
}
