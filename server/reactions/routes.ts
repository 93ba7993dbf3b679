/** `/api/dead-letters`: the changes the server set aside, for the coordinators, who can run one again. */
import type { FastifyInstance } from 'fastify';
import type { DeadLettersAnswer } from '../../src/domain/reactions/api';
import { scrubMessage } from '../../src/domain/client-log/scrub';
import { HttpError, notFound } from '../http/errors';
import { idParam } from '../http/params';
import { requireCoordinator } from '../session/auth';
import type { Sessions } from '../session/sessions';
import type { DeadLetters } from './dead-letters';
import type { Reactions } from './reaction';

const GONE = 'Ce changement mis de côté n’existe plus (déjà relancé ?).';

export function deadLetterRoutes(app: FastifyInstance, deps: { sessions: Sessions; deadLetters: DeadLetters; reactions: Reactions }): void {
  const coordinator = { preHandler: requireCoordinator(deps.sessions) };

  app.get('/api/dead-letters', coordinator, async (_request, reply): Promise<DeadLettersAnswer> => {
    reply.header('cache-control', 'no-store');
    return { deadLetters: await deps.deadLetters.list() };
  });

  app.post<{ Params: { id: string } }>('/api/dead-letters/:id/retry', coordinator, async (request, reply) => {
    const id = idParam(request.params.id, GONE);
    let outcome;
    try {
      outcome = await deps.reactions.retry(id);
    } catch (err) {
      throw new HttpError(409, `Le changement ne s’applique toujours pas : ${scrubMessage(String((err as Error).message))}`);
    }
    if (outcome === 'unknown') throw notFound(GONE);
    return reply.code(204).send();
  });
}
