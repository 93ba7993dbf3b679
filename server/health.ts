/** `GET /api/health`: 200 once storage answers, 503 before and whenever it does not. */
import type { FastifyInstance } from 'fastify';
import type { Services } from './services';

export function healthRoute(app: FastifyInstance, services: Services, version: string): void {
  app.get('/api/health', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!services.ready || !(await services.storage.ping())) {
      return reply.code(503).send({ status: 'indisponible', error: 'Le stockage n’est pas prêt.' });
    }
    return { status: 'ok', storage: services.storage.kind, version };
  });
}
