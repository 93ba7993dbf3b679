/** `/api/client-log`: members' devices send their error reports (scrubbed, rate-limited per account); coordinators read the recent ones. */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { HttpError } from '../http/errors';
import { requireCoordinator, requireUser } from '../session/auth';
import type { Sessions } from '../session/sessions';
import { Throttle } from '../session/throttle';
import { entriesOf, parseBatch } from './entries';
import type { ClientErrorsAnswer } from '../../src/domain/client-log/api';
import type { ClientErrorLog } from './store';

/** Reports an account may send per minute (a device keeps 10 new ones a minute; the rest is slack for its repeats and drops). */
export const REPORTS_PER_MINUTE = 30;
/** Twenty reports of a thousand characters at most, and the JSON around them. */
const BODY_LIMIT = 64 * 1024;

export interface ClientLogDeps {
  sessions: Sessions;
  store: ClientErrorLog;
  clock: () => number;
  logger: Pick<Logger, 'warn'>;
}

export function clientLogRoutes(app: FastifyInstance, deps: ClientLogDeps): void {
  const reports = new Throttle(REPORTS_PER_MINUTE, 60_000, () => deps.clock());

  app.post('/api/client-log', { preHandler: requireUser(deps.sessions), bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const user = request.user!;
    reports.sweep();
    if (reports.retryAfter(user.id) > 0) throw new HttpError(429, 'Trop de signalements d’erreurs depuis ce compte : les suivants sont ignorés pendant une minute.');
    const entries = entriesOf(parseBatch(request.body), user, request.headers['user-agent'], deps.clock());
    // Each report counts against the account, the batch is the unit refused.
    for (let i = 0; i < entries.length; i++) reports.fail(user.id);
    for (const e of entries) {
      const fields = { accountId: user.id, memberId: e.memberId, event: e.event, name: e.name, message: e.message, route: e.route, appVersion: e.appVersion, device: e.device, at: e.at, count: e.count };
      deps.logger.warn(fields, 'erreur signalée par un appareil');
    }
    await deps.store.add(entries);
    return reply.code(204).send();
  });

  app.get('/api/client-log', { preHandler: requireCoordinator(deps.sessions) }, async (_request, reply): Promise<ClientErrorsAnswer> => {
    reply.header('cache-control', 'no-store');
    return { errors: await deps.store.recent() };
  });
}
