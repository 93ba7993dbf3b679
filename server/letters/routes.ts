/**
 * `GET /api/requests/:id/lettre-de-cloture.pdf` (a closed case's letter, for its two professionals)
 * and `GET|PUT /api/account/mssante` (my secure health mailbox, where my letters go).
 */
import type { FastifyInstance } from 'fastify';
import { parseMssanteAddress, type MssanteAddress } from '../../src/domain/letters/mssante';
import type { Accounts } from '../accounts/accounts';
import { objectBody } from '../http/body';
import { badRequest, notFound } from '../http/errors';
import { requestIdParam } from '../requests/routes';
import { requireUser } from '../session/auth';
import type { Sessions } from '../session/sessions';
import { isConflict } from '../storage/couch';
import type { ClosingLetters } from './letters';

export function letterRoutes(app: FastifyInstance, { sessions, accounts, letters }: { sessions: Sessions; accounts: Accounts; letters: ClosingLetters }): void {
  app.get<{ Params: { id: string } }>('/api/requests/:id/lettre-de-cloture.pdf', { preHandler: requireUser(sessions) }, async (request, reply) => {
    const id = requestIdParam(request.params.id);
    const pdf = await letters.pdfFor(request.user!, id);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="lettre-de-cloture-${id}.pdf"`)
      .type('application/pdf')
      .send(pdf);
  });

  app.get('/api/account/mssante', { preHandler: requireUser(sessions) }, async (request, reply): Promise<MssanteAddress> => {
    reply.header('cache-control', 'no-store');
    const account = await accounts.get(request.user!.id);
    if (!account) throw notFound('Compte introuvable.');
    return { address: account.mssante ?? null };
  });

  app.put('/api/account/mssante', { preHandler: requireUser(sessions) }, async (request): Promise<MssanteAddress> => {
    const parsed = parseMssanteAddress(objectBody(request.body).address);
    if (!parsed.ok) throw badRequest(parsed.error, [{ field: 'address', message: parsed.error }]);
    // Another change to the account in between (a role, a password): read it again and apply this one.
    for (let attempt = 0; ; attempt++) {
      const account = await accounts.get(request.user!.id);
      if (!account) throw notFound('Compte introuvable.');
      const { mssante: _previous, ...rest } = account;
      try {
        await accounts.update(parsed.value ? { ...rest, mssante: parsed.value } : rest);
        return { address: parsed.value };
      } catch (err) {
        if (!isConflict(err) || attempt === 2) throw err;
      }
    }
  });
}
