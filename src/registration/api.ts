/** Calls of the registration path, and the ticket that lets this browser follow its registration (kept on the device). */
import { postJson } from '../data/json-api';
import type { FieldError } from '../domain/validation';

export interface RegistrationState {
  id: string;
  status: 'pending' | 'approved' | 'refused';
  email: string;
  mobile: string;
  phoneVerified: boolean;
  emailVerified: boolean;
  smsLeft: number;
  emailLeft: number;
  warnings: FieldError[];
  reason?: string;
}

const TICKET_KEY = 'cpts.registration.v1';

export function storedTicket(): string | null {
  try {
    return localStorage.getItem(TICKET_KEY);
  } catch {
    return null;
  }
}

export async function register(registration: unknown): Promise<RegistrationState> {
  const res = await postJson<{ ticket: string; registration: RegistrationState }>('/registrations', registration);
  localStorage.setItem(TICKET_KEY, res.ticket);
  return res.registration;
}

type Answer = { registration: RegistrationState };

export const registrationStatus = (ticket: string) => postJson<Answer>('/registrations/status', { ticket }).then((r) => r.registration);
export const verifyPhone = (ticket: string, code: string) => postJson<Answer>('/registrations/verify-phone', { ticket, code }).then((r) => r.registration);
export const resend = (ticket: string, channel: 'sms' | 'email') => postJson<Answer>('/registrations/resend', { ticket, channel }).then((r) => r.registration);
export const verifyEmail = (token: string) => postJson<{ registration: Pick<RegistrationState, 'phoneVerified' | 'emailVerified' | 'status'> }>('/registrations/verify-email', { token }).then((r) => r.registration);
