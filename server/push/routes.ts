/** `/api/push`: the VAPID public key, and a signed-in member's push subscriptions (one per device). */
import type { FastifyInstance } from 'fastify';
import type { PushKeyAnswer } from '../../src/domain/push/api';
import { objectBody } from '../http/body';
import type { Services } from '../services';
import { requireUser } from '../session/auth';
import { parseEndpoint, parseSubscription } from './subscription';

export function pushRoutes(app: FastifyInstance, services: Services): void {
  const signedIn = { preHandler: requireUser(services) };

  app.get('/api/push/key', signedIn, async (): Promise<PushKeyAnswer> => ({ publicKey: services.push.publicKey }));

  app.post('/api/push/subscriptions', signedIn, async (request, reply) => {
    const subscription = parseSubscription(request.body, { allowHttp: !services.config.production });
    await services.push.subscriptions.save(request.user!.memberId, subscription);
    return reply.code(201).send({ ok: true });
  });

  app.delete('/api/push/subscriptions', signedIn, async (request, reply) => {
    const endpoint = parseEndpoint(objectBody(request.body).endpoint, true);
    await services.push.subscriptions.remove(request.user!.memberId, endpoint);
    return reply.code(204).send();
  });
}
