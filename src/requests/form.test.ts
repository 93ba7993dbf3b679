/** Tests of the request form: mapping to the card and the patient block, French errors, drafts. */
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../domain/session/user';
import { checkForm, deadlineOf, emptyForm, formOf, isoBirthDate, maskBirthDate, placeOf, shownBirthDate, toDocuments, withType, type Context, type RequestForm } from './form';

const gp: SessionUser = { id: 'acc-gp', memberId: 'm-gp', name: 'Dr GP', roles: ['member'] };
const now = Date.parse('2026-11-23T10:00:00Z');
const communes = [
  { insee: '57463', name: 'Metz', centroid: [6.1757, 49.1193] as [number, number] },
  { insee: '57032', name: 'Ars-sur-Moselle', centroid: [6.0747, 49.0786] as [number, number] },
];
const ctx = (over: Partial<Context> = {}): Context => ({ user: gp, requestId: 'r-0123456789abcdef0123456789abcdef', now, communes, status: 'sent', ...over });

function filled(over: Partial<RequestForm> = {}): RequestForm {
  return {
    ...withType(emptyForm(), 'passage-infirmier'),
    place: { lat: 49.12, lon: 6.17, label: 'Metz', source: 'commune', insee: '57463' },
    question: 'Pansement complexe à J+2, retour à domicile ce soir.',
    photos: [{ id: 'b1d4c1e2-0000-4000-8000-000000000001', contentType: 'image/jpeg', name: 'plaie.jpg', size: 120_000 }],
    lastName: 'Durand', firstName: 'Jeanne', birthDate: '1941-05-12', sex: 'F', phone: '06 12 34 56 78', consent: true,
    ...over,
  };
}

describe('request form → documents', () => {
  it('pre-fills professions, specialty and urgency from the type', () => {
    expect(withType(emptyForm(), 'passage-infirmier')).toMatchObject({ professions: ['60'], specialty: '', urgency: 'today' });
    expect(withType(emptyForm(), 'medecin-traitant')).toMatchObject({ professions: ['10'], specialty: 'Médecine générale', urgency: '48h' });
    expect(withType(emptyForm(), 'entree-directe').urgency).toBe('immediate');
  });

  it('gives a deadline from the urgency, or the chosen date when it is to come', () => {
    expect(deadlineOf('immediate', '', now)).toBe('2026-11-23T12:00:00.000Z');
    expect(deadlineOf('today', '', now)).toBe('2026-11-23T22:00:00.000Z');
    expect(deadlineOf('48h', '', now)).toBe('2026-11-25T10:00:00.000Z');
    expect(deadlineOf('date', '2026-11-30T09:30', now)).toBe(new Date('2026-11-30T09:30').toISOString());
    expect(deadlineOf('date', '2026-11-01T09:30', now)).toBeNull();
    expect(deadlineOf('date', '', now)).toBeNull();
  });

  it('places a point in the commune whose centre is nearest, and keeps a chosen commune', () => {
    expect(placeOf({ lat: 49.08, lon: 6.07, label: 'Point choisi', source: 'map' }, communes)).toEqual({ commune: 'Ars-sur-Moselle', communeInsee: '57032', lat: 49.08, lon: 6.07 });
    expect(placeOf({ lat: 49.1, lon: 6.1, label: 'Metz', source: 'commune', insee: '57463' }, communes)).toMatchObject({ commune: 'Metz', communeInsee: '57463' });
  });

  it('makes a card without identity and a separate patient block with the consent', () => {
    const { request, patient } = toDocuments(filled({ usualDoctor: '  ' }), ctx());
    expect(request).toEqual({
      id: 'r-0123456789abcdef0123456789abcdef', requesterId: 'm-gp', type: 'passage-infirmier', target: { professions: ['60'] }, urgency: 'today',
      deadline: '2026-11-23T22:00:00.000Z', place: { commune: 'Metz', communeInsee: '57463', lat: 49.12, lon: 6.17 },
      question: 'Pansement complexe à J+2, retour à domicile ce soir.', photos: [{ id: 'b1d4c1e2-0000-4000-8000-000000000001', contentType: 'image/jpeg' }],
      status: 'sent', createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(JSON.stringify(request)).not.toContain('Durand');
    expect(patient).toMatchObject({
      id: 'p-0123456789abcdef0123456789abcdef', requestId: request.id, requesterId: 'm-gp', insStatus: 'non-qualifiee',
      identity: { lastName: 'Durand', firstName: 'Jeanne', birthDate: '1941-05-12', sex: 'F', phone: '06 12 34 56 78' },
      consent: { informed: true, at: '2026-11-23T10:00:00.000Z', by: 'm-gp' },
    });
    expect(patient.identity).not.toHaveProperty('usualDoctor');
  });

  it('accepts a complete form', () => {
    const checked = checkForm(filled(), ctx());
    expect(checked.ok).toBe(true);
  });

  it('puts French errors beside the fields, the consent box included', () => {
    const checked = checkForm({ ...emptyForm(), phone: 'pas un numéro' }, ctx());
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toMatchObject({
      type: 'Choisissez le type de demande.',
      professions: 'Choisissez la profession ou la structure recherchée.',
      place: 'Indiquez où se trouve le patient.',
      question: 'Champ obligatoire.',
      lastName: 'Champ obligatoire.',
      birthDate: 'Champ obligatoire.',
      consent: 'Le consentement du patient au partage est obligatoire.',
      phone: 'format invalide',
    });
  });

  it('refuses a chosen date in the past and a birth date in the future', () => {
    const checked = checkForm(filled({ urgency: 'date', date: '2026-11-20T10:00', birthDate: '2030-01-01' }), ctx());
    expect(!checked.ok && checked.errors).toMatchObject({ urgency: 'Indiquez une date et une heure à venir.', birthDate: 'La date de naissance est dans le futur.' });
  });

  it('saves a draft with a complete card, keeping the patient block for later when it is not complete', () => {
    const draft = checkForm(filled({ consent: false, lastName: '' }), ctx({ status: 'draft' }));
    expect(draft.ok && draft.patient).toBeNull();
    expect(draft.ok && draft.request.status).toBe('draft');
    expect(checkForm(filled({ question: '' }), ctx({ status: 'draft' })).ok).toBe(false);
  });

  it('reads a stored draft back into the form', () => {
    const { request, patient } = toDocuments(filled(), ctx({ status: 'draft' }));
    const form = formOf(request, patient);
    expect(form).toMatchObject({ type: 'passage-infirmier', professions: ['60'], question: request.question, lastName: 'Durand', consent: true });
    expect(toDocuments(form, ctx({ status: 'sent', previous: request, now: now + 60_000 })).request).toMatchObject({ createdAt: request.createdAt, status: 'sent', place: request.place });
  });
});

describe('birth date typed on a number pad', () => {
  it('reads « JJ/MM/AAAA », digits only, one-digit day or month, and ISO', () => {
    expect(isoBirthDate('12/05/1941')).toBe('1941-05-12');
    expect(isoBirthDate('12051941')).toBe('1941-05-12');
    expect(isoBirthDate('1/5/1941')).toBe('1941-05-01');
    expect(isoBirthDate(' 1941-05-12 ')).toBe('1941-05-12');
    expect(isoBirthDate('mai 1941')).toBe('mai 1941');
  });

  it('puts the slashes in as digits are typed, and shows a stored date the same way', () => {
    expect(maskBirthDate('1')).toBe('1');
    expect(maskBirthDate('1205')).toBe('12/05');
    expect(maskBirthDate('12051941')).toBe('12/05/1941');
    expect(maskBirthDate('12/05/19410')).toBe('12/05/1941');
    expect(shownBirthDate('1941-05-12')).toBe('12/05/1941');
  });

  it('stores the ISO date and names a date that is not one', () => {
    const checked = checkForm(filled({ birthDate: '12/05/1941' }), ctx());
    expect(checked.ok && checked.patient?.identity.birthDate).toBe('1941-05-12');
    const wrong = checkForm(filled({ birthDate: '31/13/1941' }), ctx());
    expect(!wrong.ok && wrong.errors.birthDate).toBe('Date de naissance attendue sous la forme JJ/MM/AAAA.');
    const letters = checkForm(filled({ birthDate: 'hier' }), ctx());
    expect(!letters.ok && letters.errors.birthDate).toBe('Date de naissance attendue sous la forme JJ/MM/AAAA.');
  });
});

describe('the card’s commune', () => {
  it('is the one a place knows (the practice’s, an address’s), else the nearest centre', () => {
    const practice = { lat: 49.125, lon: 6.2, label: 'votre cabinet (Metz)', source: 'practice' as const, insee: '57463' };
    expect(placeOf(practice, communes)).toEqual({ commune: 'Metz', communeInsee: '57463', lat: 49.125, lon: 6.2 });
    expect(placeOf({ ...practice, insee: undefined }, communes).communeInsee).toBe('57463');
    expect(placeOf({ lat: 49.08, lon: 6.07, label: '2 rue Verte, Ars-sur-Moselle', source: 'address', insee: '57032' }, communes).commune).toBe('Ars-sur-Moselle');
  });
});
