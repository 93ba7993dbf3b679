/** `/api/push`: the VAPID public key, and a signed-in member's push subscriptions (one per device). */
import type { FastifyInstance } from 'fastify';
import type { PushKeyAnswer } from '../../src/domain/push/api';
import { objectBody } from '../http/body';
import type { Sessions } from '../session/sessions';
import type { WebPushSender } from './sender';
import type { Config } from '../config';
import { requireUser } from '../session/auth';
import { parseEndpoint, parseSubscription } from './subscription';

export function pushRoutes(app: FastifyInstance, { sessions, push, config }: { sessions: Sessions; push: WebPushSender; config: Pick<Config, 'production'> }): void {
  const signedIn = { preHandler: requireUser(sessions) };

  app.get('/api/push/key', signedIn, async (): Promise<PushKeyAnswer> => ({ publicKey: push.publicKey }));

  app.post('/api/push/subscriptions', signedIn, async (request, reply) => {
    const subscription = parseSubscription(request.body, { allowHttp: !config.production });
    await push.subscriptions.save(request.user!.memberId, subscription);
    return reply.code(201).send({ ok: true });
  });

  app.delete('/api/push/subscriptions', signedIn, async (request, reply) => {
    const endpoint = parseEndpoint(objectBody(request.body).endpoint, true);
    await push.subscriptions.remove(request.user!.memberId, endpoint);
    return reply.code(204).send();
  });
}
