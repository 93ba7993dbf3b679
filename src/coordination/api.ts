/** The coordination's calls: the registrations queue, approve or refuse, and the development outbox. */
import { getJson, postJson } from '../data/json-api';
import type { DecisionAnswer, RegistrationQueue } from '../domain/registration/api';

export interface OutboxMessage {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  sentAt: string;
}

export const pendingRegistrations = () => getJson<RegistrationQueue>('/registrations?status=pending').then((r) => r.registrations);
export const approveRegistration = (id: string) => postJson<DecisionAnswer>(`/registrations/${encodeURIComponent(id)}/approve`);
export const refuseRegistration = (id: string, reason: string) => postJson<DecisionAnswer>(`/registrations/${encodeURIComponent(id)}/refuse`, { reason });
export const outbox = () => getJson<{ messages: OutboxMessage[]; keeps: { sms: boolean; email: boolean } }>('/outbox');
