/** `/api/roster`: the coordinators read and edit the duty roster. */
import type { FastifyInstance } from 'fastify';
import type { RosterState } from '../../src/domain/supervision/api';
import { badRequest } from '../http/errors';
import { objectBody, stringField } from '../http/body';
import type { Sessions } from '../session/sessions';
import type { Roster } from './roster';
import type { CoordinatorLookup } from '../dispatch/coordinators';
import { requireCoordinator } from '../session/auth';

const MEMBER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function rosterRoutes(app: FastifyInstance, { sessions, roster, coordinators }: { sessions: Sessions; roster: Roster; coordinators: CoordinatorLookup }): void {
  const opts = { preHandler: requireCoordinator(sessions) };

  app.get('/api/roster', opts, async (_request, reply): Promise<RosterState> => {
    reply.header('cache-control', 'no-store');
    return roster.current();
  });

  app.post('/api/roster', opts, async (request, reply) => {
    const body = objectBody(request.body);
    const memberId = stringField(body, 'memberId', 64);
    if (!MEMBER_ID.test(memberId)) throw badRequest('Champ « memberId » : identifiant de membre invalide.');
    if (!(await coordinators.has(memberId))) throw badRequest('Champ « memberId » : ce membre n’est pas coordinateur.');
    const shift = await roster.add({ memberId, start: stringField(body, 'start', 40), end: stringField(body, 'end', 40) }, request.user!.memberId);
    return reply.code(201).send(shift);
  });

  app.delete<{ Params: { id: string } }>('/api/roster/:id', opts, async (request, reply) => {
    if (!/^shift-[0-9a-f-]{36}$/.test(request.params.id)) throw badRequest('Permanence inconnue.');
    await roster.remove(request.params.id);
    return reply.code(204).send();
  });
}
