/** `/api/registrations` for coordinators: the approval queue, approve, refuse with a reason. */
import type { FastifyInstance } from 'fastify';
import type { DecisionAnswer, RegistrationQueue, RegistrationStatus } from '../../src/domain/registration/api';
import type { Config } from '../config';
import { objectBody } from '../http/body';
import { badRequest } from '../http/errors';
import { publicOrigin } from '../http/origin';
import type { Sessions } from '../session/sessions';
import type { Approvals } from './approval';
import { requireCoordinator } from '../session/auth';

const STATUSES: RegistrationStatus[] = ['pending', 'approved', 'refused'];

export function registrationQueueRoutes(app: FastifyInstance, { sessions, approvals }: { sessions: Sessions; approvals: Approvals }, config: Config): void {
  const opts = { preHandler: requireCoordinator(sessions) };

  app.get('/api/registrations', opts, async (request): Promise<RegistrationQueue> => {
    const status = (request.query as Record<string, unknown>).status ?? 'pending';
    if (!STATUSES.includes(status as RegistrationStatus)) {
      throw badRequest('Paramètre « status » : pending, approved ou refused attendu.', [{ field: 'status', message: 'valeur non autorisée' }]);
    }
    return { registrations: await approvals.queue(status as RegistrationStatus) };
  });

  app.post<{ Params: { id: string } }>('/api/registrations/:id/approve', opts, async (request): Promise<DecisionAnswer> => {
    return { registration: await approvals.approve(request.user!, request.params.id, publicOrigin(config, request)) };
  });

  app.post<{ Params: { id: string } }>('/api/registrations/:id/refuse', opts, async (request): Promise<DecisionAnswer> => {
    const body = objectBody(request.body);
    return { registration: await approvals.refuse(request.user!, request.params.id, body.reason) };
  });
}
