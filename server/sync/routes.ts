/** `/api/sync/<collection>/`: the thin HTTP side of the replication gateway. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../http/errors';
import type { SyncTotals } from '../../src/domain/sync/api';
import type { Sessions } from '../session/sessions';
import type { Gateway } from './gateway';
import { requireUser } from '../session/auth';
import { parseAllDocsBody, parseAllDocsQuery, parseBulkDocsBody, parseChangesQuery } from './params';

type Params = { collection: string };

function abortOnClose(request: FastifyRequest): AbortSignal {
  const controller = new AbortController();
  request.raw.on('close', () => controller.abort());
  return controller.signal;
}

export function syncRoutes(app: FastifyInstance, { sessions, gateways }: { sessions: Sessions; gateways: ReadonlyMap<string, Gateway> }): void {
  const gatewayOf = (request: FastifyRequest<{ Params: Params }>) => {
    const gateway = gateways.get(request.params.collection);
    if (!gateway) throw notFound(`Collection inconnue : « ${request.params.collection} ».`);
    return gateway;
  };
  const opts = { preHandler: requireUser(sessions) };

  app.get('/api/sync/totals', opts, async (request): Promise<SyncTotals> => {
    const counts = await Promise.all([...gateways].map(async ([name, gateway]) => [name, await gateway.readableCount(request.user!)] as const));
    return Object.fromEntries(counts);
  });

  app.get<{ Params: Params }>('/api/sync/:collection/_changes', opts, async (request) => {
    const gateway = gatewayOf(request);
    const q = parseChangesQuery(request.query as Record<string, unknown>);
    return q.feed === 'longpoll'
      ? gateway.longpoll(request.user!, q.since, q.limit, abortOnClose(request))
      : gateway.changes(request.user!, q.since, q.limit);
  });

  app.post<{ Params: Params }>('/api/sync/:collection/_all_docs', opts, async (request) => {
    const { keys, includeDocs } = parseAllDocsBody(request.body);
    return gatewayOf(request).allDocs(request.user!, keys, includeDocs);
  });

  app.get<{ Params: Params }>('/api/sync/:collection/_all_docs', opts, async (request) => {
    const { keys, includeDocs } = parseAllDocsQuery(request.query as Record<string, unknown>);
    return gatewayOf(request).allDocs(request.user!, keys, includeDocs);
  });

  app.post<{ Params: Params }>('/api/sync/:collection/_bulk_docs', opts, async (request, reply) => {
    const docs = parseBulkDocsBody(request.body);
    const results = await gatewayOf(request).bulkDocs(request.user!, docs);
    return reply.code(201).send(results);
  });
}
