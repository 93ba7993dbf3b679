/** `/api/registrations` for coordinators: the approval queue, approve, refuse with a reason. */
import type { FastifyInstance } from 'fastify';
import type { DecisionAnswer, RegistrationQueue, RegistrationStatus } from '../../src/domain/registration/api';
import type { Config } from '../config';
import { objectBody } from '../http/body';
import { badRequest } from '../http/errors';
import { publicOrigin } from '../http/origin';
import type { Services } from '../services';
import { requireCoordinator } from '../session/auth';

const STATUSES: RegistrationStatus[] = ['pending', 'approved', 'refused'];

export function registrationQueueRoutes(app: FastifyInstance, services: Services, config: Config): void {
  const opts = { preHandler: requireCoordinator(services) };

  app.get('/api/registrations', opts, async (request): Promise<RegistrationQueue> => {
    const status = (request.query as Record<string, unknown>).status ?? 'pending';
    if (!STATUSES.includes(status as RegistrationStatus)) {
      throw badRequest('Paramètre « status » : pending, approved ou refused attendu.', [{ field: 'status', message: 'valeur non autorisée' }]);
    }
    return { registrations: await services.approvals.queue(status as RegistrationStatus) };
  });

  app.post<{ Params: { id: string } }>('/api/registrations/:id/approve', opts, async (request): Promise<DecisionAnswer> => {
    return { registration: await services.approvals.approve(request.user!, request.params.id, publicOrigin(config, request)) };
  });

  app.post<{ Params: { id: string } }>('/api/registrations/:id/refuse', opts, async (request): Promise<DecisionAnswer> => {
    const body = objectBody(request.body);
    return { registration: await services.approvals.refuse(request.user!, request.params.id, body.reason) };
  });
}
