/** Valid request, patient block and message documents for tests, to be altered case by case. */
import type { RequestMessage } from './message-schema';
import type { PatientBlock } from './patient-schema';
import type { CareRequest } from './schema';

export const REQUEST_ID = 'r-0f3c9a1b2c3d4e5f';

export function sampleRequest(over: Partial<CareRequest> = {}): CareRequest {
  return {
    id: REQUEST_ID,
    requesterId: 'm-gp',
    type: 'passage-infirmier',
    target: { professions: ['60'] },
    urgency: 'today',
    deadline: '2026-11-23T22:00:00.000Z',
    place: { commune: 'Metz', communeInsee: '57463', lat: 49.11, lon: 6.17 },
    question: 'Pansement complexe à J+2 d’une chirurgie, retour à domicile ce soir.',
    photos: [],
    status: 'sent',
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}

export function samplePatient(over: Partial<PatientBlock> = {}): PatientBlock {
  return {
    id: 'p-0f3c9a1b2c3d4e5f',
    requestId: REQUEST_ID,
    requesterId: 'm-gp',
    identity: { lastName: 'Durand', firstName: 'Jeanne', birthDate: '1941-05-12', sex: 'F', address: '4 rue des Lilas, 57000 Metz', phone: '06 12 34 56 78' },
    insStatus: 'non-qualifiee',
    consent: { informed: true, at: '2026-11-23T10:00:00.000Z', by: 'm-gp' },
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}

export function sampleMessage(authorId: string, kind: RequestMessage['kind'], over: Partial<RequestMessage> = {}): RequestMessage {
  return { id: `${REQUEST_ID}--${authorId}--${kind}-0001`, requestId: REQUEST_ID, authorId, kind, createdAt: '2026-11-23T10:05:00.000Z', ...over };
}
