/** The coordination's calls: the registrations queue, approve or refuse, the development outbox, the devices' errors. */
import { getJson, postJson } from '../data/json-api';
import type { ClientErrorsAnswer } from '../domain/client-log/api';
import type { DeadLettersAnswer } from '../domain/reactions/api';
import type { OutboxAnswer } from '../domain/notify/api';
import type { DecisionAnswer, RegistrationQueue } from '../domain/registration/api';

export const pendingRegistrations = () => getJson<RegistrationQueue>('/registrations?status=pending').then((r) => r.registrations);
export const approveRegistration = (id: string) => postJson<DecisionAnswer>(`/registrations/${encodeURIComponent(id)}/approve`);
export const refuseRegistration = (id: string, reason: string) => postJson<DecisionAnswer>(`/registrations/${encodeURIComponent(id)}/refuse`, { reason });
export const outbox = () => getJson<OutboxAnswer>('/outbox');
export const clientErrors = () => getJson<ClientErrorsAnswer>('/client-log').then((r) => r.errors);
export const deadLetters = () => getJson<DeadLettersAnswer>('/dead-letters').then((r) => r.deadLetters);
export const retryDeadLetter = (id: string) => postJson<null>(`/dead-letters/${encodeURIComponent(id)}/retry`);
