import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../domain/session/user';
import { emptyForm, withType, type RequestForm } from '../requests/form';
import { checkIntake } from './intake';

const coordinator: SessionUser = { id: 'a-1', memberId: 'm-coord', name: 'Hélène Marchal', roles: ['member', 'coordinator'] };
const member: SessionUser = { id: 'a-2', memberId: 'm-gp2', name: 'Dr X', roles: ['member'] };
const now = Date.parse('2026-11-23T10:00:00Z');
const ctx = (user: SessionUser) => ({ user, requestId: 'r-0f3c9a1b2c3d4e5f', now, communes: [] });

function filled(): RequestForm {
  return {
    ...withType(emptyForm(), 'passage-infirmier'),
    place: { lat: 49.11, lon: 6.17, label: 'Metz', source: 'commune', insee: '57463' },
    question: 'Pansement à domicile ce soir.',
    lastName: 'Durand',
    firstName: 'Jeanne',
    birthDate: '1941-05-12',
    sex: 'F',
    consent: true,
  };
}

describe('phone intake', () => {
  it('posts the request in the caller’s name, taken by the coordinator, the consent on the caller’s word', () => {
    const checked = checkIntake(filled(), ctx(coordinator), 'm-gp');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.request).toMatchObject({ requesterId: 'm-gp', intakeBy: 'm-coord', status: 'sent', type: 'passage-infirmier', target: { professions: ['60'] } });
    expect(checked.patient).toMatchObject({ requesterId: 'm-gp', consent: { informed: true, by: 'm-gp' }, identity: { lastName: 'Durand' } });
  });

  it('needs the caller, and says so beside the form’s own errors', () => {
    const checked = checkIntake({ ...filled(), question: '' }, ctx(coordinator), '');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.callerError).toBe('Choisissez le professionnel qui appelle.');
    expect(checked.errors.question).toBeDefined();
  });

  it('needs the patient’s consent like any request', () => {
    const checked = checkIntake({ ...filled(), consent: false }, ctx(coordinator), 'm-gp');
    expect(checked).toMatchObject({ ok: false, errors: { consent: 'Le consentement du patient au partage est obligatoire.' } });
  });

  it('is refused to someone outside the coordination, as the server would', () => {
    const checked = checkIntake(filled(), ctx(member), 'm-gp');
    expect(checked).toMatchObject({ ok: false, message: 'Une demande est publiée en son nom propre.' });
  });
});
