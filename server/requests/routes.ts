/** `/api/requests/:id/history` (a patient's earlier requests) and `/api/audit` (openings logged on devices; who accessed a case). */
import type { FastifyInstance } from 'fastify';
import type { AccessLogAnswer, AuditEntry } from '../../src/domain/audit/api';
import type { PatientHistory } from '../../src/domain/requests/api';
import { badRequest, notFound } from '../http/errors';
import { objectBody } from '../http/body';
import type { Sessions } from '../session/sessions';
import type { Couch } from '../storage/couch';
import type { AuditLog } from '../audit/audit';
import { requireCoordinator, requireUser } from '../session/auth';
import { patientHistory } from './history';

const REQUEST_ID = /^r-[a-z0-9-]{8,62}$/;
const ENTRY_ID = /^[a-z0-9-]{8,80}$/;
const DOC_ID = /^[a-z]-[a-z0-9-]{8,62}$/;
const MAX_ENTRIES = 200;

export function requestIdParam(id: string): string {
  if (!REQUEST_ID.test(id)) throw notFound('Demande introuvable.');
  return id;
}

/** Entries logged on a device: only their own, openings of patient blocks, with a client id so a retry is recorded once. */
function deviceEntries(body: unknown, memberId: string): AuditEntry[] {
  const entries = objectBody(body).entries;
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) throw badRequest(`Champ « entries » : une liste d’au plus ${MAX_ENTRIES} entrées est attendue.`);
  return entries.map((raw, i) => {
    const e = (raw ?? {}) as Record<string, unknown>;
    const at = typeof e.at === 'string' ? Date.parse(e.at) : NaN;
    const ok =
      typeof e.id === 'string' && ENTRY_ID.test(e.id) && !Number.isNaN(at) && at < Date.now() + 300_000 &&
      e.action === 'open' && e.collection === 'patients' && typeof e.docId === 'string' && DOC_ID.test(e.docId) &&
      typeof e.requestId === 'string' && REQUEST_ID.test(e.requestId);
    if (!ok) throw badRequest(`Entrée ${i + 1} du journal invalide : id, at, action « open », collection « patients », docId et requestId sont attendus.`);
    return { id: `device-${memberId}-${e.id}`, at: new Date(at).toISOString(), memberId, action: 'open', collection: 'patients', docId: e.docId as string, requestId: e.requestId as string, via: 'device' };
  });
}

export function requestRoutes(app: FastifyInstance, { sessions, couch, audit }: { sessions: Sessions; couch: Couch; audit: AuditLog }): void {
  app.get<{ Params: { id: string } }>('/api/requests/:id/history', { preHandler: requireUser(sessions) }, async (request, reply): Promise<PatientHistory> => {
    reply.header('cache-control', 'no-store');
    return { requests: await patientHistory(couch, audit, request.user!, requestIdParam(request.params.id)) };
  });

  app.post('/api/audit', { preHandler: requireUser(sessions) }, async (request, reply) => {
    audit.record(deviceEntries(request.body, request.user!.memberId));
    return reply.code(204).send();
  });

  app.get<{ Querystring: { requestId?: string } }>('/api/audit', { preHandler: requireCoordinator(sessions) }, async (request, reply): Promise<AccessLogAnswer> => {
    reply.header('cache-control', 'no-store');
    return { entries: await audit.forRequest(requestIdParam(String(request.query.requestId ?? ''))) };
  });
}
