/** `GET /api/outbox`: the SMS and e-mails kept by the development providers, newest first, for coordinators only (they hold codes and links). */
import type { FastifyInstance } from 'fastify';
import type { OutboxAnswer } from '../../src/domain/notify/api';
import type { Services } from '../services';
import { requireCoordinator } from '../session/auth';

export function outboxRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/outbox', { preHandler: requireCoordinator(services) }, async (_request, reply): Promise<OutboxAnswer> => {
    reply.header('cache-control', 'no-store');
    const { sms, smtpUrl } = services.config;
    return { messages: await services.outbox.list(), keeps: { sms: !sms, email: !smtpUrl } };
  });
}
