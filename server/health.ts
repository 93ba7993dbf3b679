/** `GET /api/health`: 200 while storage answers, 503 whenever it does not (the listener answers 503 before the server is ready). */
import type { FastifyInstance } from 'fastify';
import type { Storage } from './storage/storage';

export function healthRoute(app: FastifyInstance, storage: Pick<Storage, 'ping' | 'kind'>, version: string): void {
  app.get('/api/health', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!(await storage.ping())) {
      return reply.code(503).send({ status: 'indisponible', error: 'Le stockage n’est pas prêt.' });
    }
    return { status: 'ok', storage: storage.kind, version };
  });
}
