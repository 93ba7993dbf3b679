/** `GET /api/outbox`: the SMS and e-mails kept by the development providers, newest first, for coordinators only (they hold codes and links). */
import type { FastifyInstance } from 'fastify';
import type { OutboxAnswer } from '../../src/domain/notify/api';
import type { Sessions } from '../session/sessions';
import type { Outbox } from './outbox';
import type { Config } from '../config';
import { requireCoordinator } from '../session/auth';

export function outboxRoutes(app: FastifyInstance, { sessions, outbox, config }: { sessions: Sessions; outbox: Outbox; config: Pick<Config, 'sms' | 'smtpUrl'> }): void {
  app.get('/api/outbox', { preHandler: requireCoordinator(sessions) }, async (_request, reply): Promise<OutboxAnswer> => {
    reply.header('cache-control', 'no-store');
    const { sms, smtpUrl } = config;
    return { messages: await outbox.list(), keeps: { sms: !sms, email: !smtpUrl } };
  });
}
