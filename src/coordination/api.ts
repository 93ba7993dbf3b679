/** The coordination's calls: the registrations queue, approve or refuse, the development outbox, the devices' errors. */
import { getJson, postJson } from '../data/json-api';
import type { ClientErrorEntry } from '../domain/client-log/api';
import type { RegistrationDetails } from '../domain/registration/schema';
import type { FieldError } from '../domain/validation';

export interface QueueItem {
  id: string;
  status: 'pending' | 'approved' | 'refused';
  createdAt: string;
  claimsInvited: boolean;
  displayName: string;
  professionLabel: string;
  details: RegistrationDetails;
  identifiers: Array<{ kind: string; label: string; value: string }>;
  warnings: FieldError[];
  phoneVerifiedAt?: string;
  emailVerifiedAt?: string;
  locationApproximate: boolean;
  reason?: string;
}

export interface OutboxMessage {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  sentAt: string;
}

export const pendingRegistrations = () => getJson<{ registrations: QueueItem[] }>('/registrations?status=pending').then((r) => r.registrations);
export const approveRegistration = (id: string) => postJson<{ registration: QueueItem }>(`/registrations/${encodeURIComponent(id)}/approve`);
export const refuseRegistration = (id: string, reason: string) => postJson<{ registration: QueueItem }>(`/registrations/${encodeURIComponent(id)}/refuse`, { reason });
export const outbox = () => getJson<{ messages: OutboxMessage[]; keeps: { sms: boolean; email: boolean } }>('/outbox');
export const clientErrors = () => getJson<{ errors: ClientErrorEntry[] }>('/client-log').then((r) => r.errors);
