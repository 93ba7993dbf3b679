/** Calls of the registration path, and the ticket that lets this browser follow its registration (kept on the device). */
import { postJson } from '../data/json-api';
import type { EmailVerificationAnswer, RegistrationAnswer, RegistrationReceipt, RegistrationState } from '../domain/registration/api';

const TICKET_KEY = 'cpts.registration.v1';

export function storedTicket(): string | null {
  try {
    return localStorage.getItem(TICKET_KEY);
  } catch {
    return null;
  }
}

export async function register(registration: unknown): Promise<RegistrationState> {
  const res = await postJson<RegistrationReceipt>('/registrations', registration);
  localStorage.setItem(TICKET_KEY, res.ticket);
  return res.registration;
}

export const registrationStatus = (ticket: string) => postJson<RegistrationAnswer>('/registrations/status', { ticket }).then((r) => r.registration);
export const verifyPhone = (ticket: string, code: string) => postJson<RegistrationAnswer>('/registrations/verify-phone', { ticket, code }).then((r) => r.registration);
export const resend = (ticket: string, channel: 'sms' | 'email') => postJson<RegistrationAnswer>('/registrations/resend', { ticket, channel }).then((r) => r.registration);
export const verifyEmail = (token: string) => postJson<EmailVerificationAnswer>('/registrations/verify-email', { token }).then((r) => r.registration);
