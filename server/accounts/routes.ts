/** `PUT /api/accounts/:id/roles`: coordinators and administrators change someone else's roles (never their own; `admin` by an administrator only). */
import type { FastifyInstance } from 'fastify';
import { parseRoles, refuseRoleChange } from '../../src/domain/session/roles';
import { objectBody } from '../http/body';
import { idParam } from '../http/params';
import { badRequest, forbidden, notFound } from '../http/errors';
import type { Sessions } from '../session/sessions';
import type { Accounts } from './accounts';
import { requireCoordinator } from '../session/auth';

export function accountRoutes(app: FastifyInstance, { sessions, accounts }: { sessions: Sessions; accounts: Accounts }): void {
  app.put<{ Params: { id: string } }>('/api/accounts/:id/roles', { preHandler: requireCoordinator(sessions) }, async (request) => {
    const roles = parseRoles(objectBody(request.body).roles);
    if (!roles) throw badRequest('Champ « roles » : une liste de rôles parmi member, coordinator, admin est attendue.', [{ field: 'roles', message: 'valeur non autorisée' }]);
    const id = idParam(request.params.id, 'Compte introuvable.');
    const account = id.startsWith('acc-') ? await accounts.get(id) : undefined;
    if (!account) throw notFound('Compte introuvable.');
    const refused = refuseRoleChange(request.user!, { id: account._id, roles: account.roles }, roles);
    if (refused) throw forbidden(`Changement de rôles refusé : ${refused}.`);
    await accounts.update({ ...account, roles });
    // Open sessions pick the new roles up at their next request.
    sessions.forget(account._id);
    request.log.info({ account: account._id, roles, by: request.user!.id }, 'rôles modifiés');
    return { account: { id: account._id, roles } };
  });
}
