/**
 * Phone intake: the request form's documents turned into a request posted for the professional who
 * called (`requesterId` = them, `intakeBy` = the coordinator), the patient's consent recorded on the
 * caller's word. Pure; reuses the request form's checks, then checks the rewritten documents again.
 */
import { patientsPolicy, requestsPolicy } from '../domain/requests/policies';
import type { PatientBlock } from '../domain/requests/patient-schema';
import type { CareRequest } from '../domain/requests/schema';
import * as fr from '../i18n/fr';
import { checkForm, type Checked, type Context, type RequestForm } from '../requests/form';

export function asIntake(request: CareRequest, patient: PatientBlock, callerId: string, coordinatorId: string): { request: CareRequest; patient: PatientBlock } {
  return {
    request: { ...request, requesterId: callerId, intakeBy: coordinatorId },
    patient: { ...patient, requesterId: callerId, consent: { ...patient.consent, by: callerId } },
  };
}

export type CheckedIntake = { ok: true; request: CareRequest; patient: PatientBlock } | { ok: false; errors: Extract<Checked, { ok: false }>['errors']; callerError?: string; message?: string };

export function checkIntake(form: RequestForm, ctx: Omit<Context, 'status' | 'previous'>, callerId: string): CheckedIntake {
  const checked = checkForm(form, { ...ctx, status: 'sent' });
  const callerError = callerId ? undefined : fr.supervision.callerRequired;
  if (!checked.ok) return { ...checked, callerError };
  if (callerError || !checked.patient) return { ok: false, errors: {}, callerError };
  const intake = asIntake(checked.request, checked.patient, callerId, ctx.user.memberId);
  const refusal = requestsPolicy.refuseWrite(ctx.user, undefined, intake.request) ?? patientsPolicy.refuseWrite(ctx.user, undefined, intake.patient);
  if (refusal) return { ok: false, errors: {}, message: refusal.charAt(0).toUpperCase() + refusal.slice(1) + '.' };
  return { ok: true, ...intake };
}
