/**
 * A patient's history in the CPTS: the earlier requests for the same person (same name, first name
 * and birth date — identities are not qualified), for the participants of a case once it is sent,
 * drafts left out; every consultation is audited.
 */
import type { HistoryItem } from '../../src/domain/requests/api';
import type { PatientBlock } from '../../src/domain/requests/patient-schema';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { isCoordinator, type SessionUser } from '../../src/domain/session/user';
import type { AuditLog } from '../audit/audit';
import { forbidden, notFound } from '../http/errors';
import type { Couch } from '../storage/couch';
import { foundDocs, getDomainDoc, toDomainDoc, type StoredDoc } from '../storage/docs';

const simplify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');


export function isParticipant(user: SessionUser, request: CareRequest): boolean {
  return isCoordinator(user) || user.memberId === request.requesterId || user.memberId === request.assigneeId;
}

export async function patientHistory(couch: Couch, audit: AuditLog, user: SessionUser, requestId: string): Promise<HistoryItem[]> {
  const request = await getDomainDoc<CareRequest>(couch, 'requests', requestId);
  if (!request || !isParticipant(user, request)) throw notFound('Demande introuvable ou réservée à ses participants.');
  // A draft is not yet a case: it would let anyone look up any identity by typing it into one.
  if (request.status === 'draft') throw forbidden('L’historique du patient s’ouvre une fois la demande envoyée.');
  const patient = await getDomainDoc<PatientBlock>(couch, 'patients', patientIdOf(requestId));
  if (!patient) throw forbidden('Le bloc patient de cette demande n’est pas encore arrivé sur le serveur.');
  const { lastName, firstName, birthDate } = patient.identity;
  const key = [simplify(lastName), simplify(firstName), birthDate];
  const same = await couch.use('patients').view<string>('patients', 'by_identity', { key });
  const ids = same.rows.map((r) => r.value).filter((id) => id !== requestId);
  audit.record([{ at: new Date().toISOString(), memberId: user.memberId, action: 'history', collection: 'patients', docId: patient.id, requestId, via: 'api' }]);
  if (!ids.length) return [];
  const res = await couch.use<StoredDoc>('requests').fetch({ keys: ids });
  return foundDocs(res)
    .map(({ doc }) => toDomainDoc<CareRequest>(doc))
    .filter((r) => r.status !== 'draft')
    .map((r) => ({ id: r.id, type: r.type, createdAt: r.createdAt, status: r.status, ...(r.assigneeId ? { assigneeId: r.assigneeId } : {}) }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
