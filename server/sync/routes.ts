/** `/api/sync/<collection>/`: the thin HTTP side of the replication gateway. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../http/errors';
import type { SyncTotals } from '../../src/domain/sync/api';
import type { Sessions } from '../session/sessions';
import type { Gateway, Heartbeat } from './gateway';
import { currentUser, requireUser } from '../session/auth';
import type { SessionUser } from '../../src/domain/session/user';
import { parseAllDocsBody, parseAllDocsQuery, parseBulkDocsBody, parseChangesQuery } from './params';

type Params = { collection: string };

function abortOnClose(request: FastifyRequest): AbortSignal {
  const controller = new AbortController();
  request.raw.on('close', () => controller.abort());
  return controller.signal;
}

const sameUser = (a: SessionUser | undefined, b: SessionUser) => a !== undefined && a.id === b.id && a.memberId === b.memberId && a.roles.join() === b.roles.join();

/**
 * The heartbeat of a long-poll: the first sends the answer's head (200, JSON) and each writes a
 * newline, which JSON ignores, as CouchDB does. Before writing, the session is checked again: one
 * ended or whose roles changed ends the wait, and the client's next long-poll is refused or sees its
 * new rights.
 */
function heartbeatOf(request: FastifyRequest, reply: FastifyReply, sessions: Sessions, headers: Record<string, string>): Heartbeat & { started(): boolean } {
  let started = false;
  return {
    started: () => started,
    async beat() {
      const user = await currentUser(request, sessions).catch(() => undefined);
      if (!sameUser(user, request.user!) || reply.raw.destroyed) return false;
      if (!started) {
        started = true;
        reply.hijack();
        // The answer is not compressed: a compressor would hold the newlines back.
        reply.raw.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      }
      reply.raw.write('\n');
      return true;
    },
  };
}

export function syncRoutes(app: FastifyInstance, { sessions, gateways, headers }: { sessions: Sessions; gateways: ReadonlyMap<string, Gateway>; headers: Record<string, string> }): void {
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

  app.get<{ Params: Params }>('/api/sync/:collection/_changes', opts, async (request, reply) => {
    const gateway = gatewayOf(request);
    const q = parseChangesQuery(request.query as Record<string, unknown>);
    if (q.feed !== 'longpoll') return gateway.changes(request.user!, q.since, q.limit);
    const heartbeat = q.heartbeat ? heartbeatOf(request, reply, sessions, headers) : undefined;
    const answer = await gateway.longpoll(request.user!, q.since, q.limit, abortOnClose(request), heartbeat);
    if (!heartbeat?.started()) return answer;
    if (!reply.raw.destroyed) reply.raw.end(JSON.stringify(answer));
    return reply;
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
