import { describe, expect, it } from 'vitest';
import { sampleRegistration } from './fixtures';
import { checkPassword } from './password';
import { isMobileNumber, normaliseRegistration, validateRegistration } from './validate';

const check = (input: unknown) => validateRegistration(normaliseRegistration(input));
const errorsOf = (input: unknown) => {
  const result = check(input);
  return result.ok ? [] : result.errors;
};

describe('registration validator', () => {
  it('accepts a complete registration of a professional, without warnings', () => {
    const result = check(sampleRegistration());
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('accepts a structure with its FINESS (Corsica included) or SIRET', () => {
    const structure = sampleRegistration({ kind: 'structure', structureName: 'EHPAD Les Tilleuls', profession: 'ehpad', civility: '', lastName: '', firstName: '', specialty: '' });
    expect(check({ ...structure, identifiers: { finess: '2a0000012' } })).toMatchObject({ ok: true });
    expect(check({ ...structure, identifiers: { siret: '732 829 320 00074' } })).toMatchObject({ ok: true });
  });

  it('names each missing field in French, all at once', () => {
    const errors = errorsOf({ kind: 'professional', profession: '', identifiers: {}, address: {}, phones: {}, email: '', password: '', signature: '' });
    const fields = errors.map((e) => e.field);
    for (const field of ['lastName', 'firstName', 'profession', 'identifiers.rpps', 'address.street', 'address.postcode', 'address.commune', 'phones.mobile', 'email', 'password', 'signature']) {
      expect(fields, field).toContain(field);
    }
    expect(new Set(fields).size).toBe(fields.length);
    expect(errors.find((e) => e.field === 'identifiers.rpps')!.message).toMatch(/RPPS obligatoire/);
  });

  it('says why an identifier is wrong, with the check’s own words', () => {
    expect(errorsOf(sampleRegistration({ identifiers: { rpps: '1234' } }))).toEqual([{ field: 'identifiers.rpps', message: 'le numéro RPPS compte 11 chiffres' }]);
    expect(errorsOf(sampleRegistration({ identifiers: { siret: '73282932000075' } }))).toEqual([
      { field: 'identifiers.siret', message: 'le numéro SIRET est incorrect (clé de contrôle invalide)' },
    ]);
    expect(errorsOf(sampleRegistration({ identifiers: { finess: '2C0000012' } }))[0].field).toBe('identifiers.finess');
    expect(errorsOf(sampleRegistration({ identifiers: { adeli: '12345' } }))[0].message).toMatch(/9 chiffres/);
  });

  it('accepts an RPPS with a bad Luhn key, with a warning kept apart from errors', () => {
    const result = check(sampleRegistration({ identifiers: { rpps: '10000000018' } }));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ field: 'identifiers.rpps', message: expect.stringMatching(/clé de contrôle/) }]);
  });

  it('wants exactly one identifier, and FINESS or SIRET for a structure', () => {
    expect(errorsOf(sampleRegistration({ identifiers: { rpps: '10000000017', adeli: '571012345' } }))).toEqual([{ field: 'identifiers.adeli', message: 'indiquez un seul identifiant' }]);
    const structure = sampleRegistration({ kind: 'structure', structureName: 'Pharmacie du Pont', profession: 'pharmacie', identifiers: { rpps: '10000000017' } });
    expect(errorsOf(structure)[0]).toMatchObject({ field: 'identifiers.rpps', message: expect.stringMatching(/FINESS ou SIRET/) });
    expect(errorsOf({ ...structure, identifiers: {} })).toContainEqual({ field: 'identifiers.finess', message: 'numéro FINESS ou SIRET obligatoire' });
  });

  it('checks professions and structure kinds against their lists, and asks physicians for a specialty', () => {
    expect(errorsOf(sampleRegistration({ profession: 'ehpad' }))).toContainEqual({ field: 'profession', message: expect.stringMatching(/liste RPPS/) });
    expect(errorsOf(sampleRegistration({ profession: 'toString' }))).toContainEqual({ field: 'profession', message: expect.stringMatching(/liste RPPS/) });
    expect(errorsOf(sampleRegistration({ specialty: '' }))).toEqual([{ field: 'specialty', message: expect.stringMatching(/spécialité/) }]);
    expect(errorsOf(sampleRegistration({ profession: '60', specialty: '', skills: ['Soins palliatifs'] }))).toEqual([]);
    const structure = sampleRegistration({ kind: 'structure', structureName: 'X', profession: '10', identifiers: { finess: '570000017' } });
    expect(errorsOf(structure)).toContainEqual({ field: 'profession', message: 'type de structure inconnu' });
  });

  it('wants a mobile number for the SMS code, and says when phones or e-mail are malformed', () => {
    expect(errorsOf(sampleRegistration({ phones: { mobile: '03 87 11 22 33' } }))).toEqual([{ field: 'phones.mobile', message: expect.stringMatching(/portable/) }]);
    expect(errorsOf(sampleRegistration({ phones: { mobile: '06 12 34 56 78', landline: 'abc' } }))).toEqual([{ field: 'phones.landline', message: 'numéro de téléphone invalide' }]);
    expect(errorsOf(sampleRegistration({ email: 'claire@' }))).toEqual([{ field: 'email', message: 'adresse e-mail invalide' }]);
    expect(errorsOf(sampleRegistration({ address: { street: 'rue X', postcode: '570', commune: 'Metz' } }))).toEqual([{ field: 'address.postcode', message: 'le code postal compte 5 chiffres' }]);
  });

  it('refuses weak passwords', () => {
    expect(errorsOf(sampleRegistration({ password: 'court' }))).toEqual([{ field: 'password', message: 'mot de passe : au moins 10 caractères' }]);
    expect(checkPassword('aaaaaaaaaaaa')).toMatch(/simple/);
    expect(checkPassword('claire.lambert-2026', 'claire.lambert@example.fr')).toMatch(/e-mail/);
    expect(checkPassword('Un-mot-de-passe-2026')).toBeNull();
  });

  it('refuses unknown fields, wrong types and what is not an object, without throwing', () => {
    expect(errorsOf({ ...sampleRegistration(), roles: ['admin'] })).toContainEqual({ field: 'roles', message: 'champ inconnu' });
    expect(errorsOf({ ...sampleRegistration(), status: 'active' })).toContainEqual({ field: 'status', message: 'champ inconnu' });
    expect(errorsOf(sampleRegistration({ skills: 'x' as never }))).toContainEqual({ field: 'skills', message: 'type de valeur incorrect' });
    for (const input of [null, 'x', 3, [], { identifiers: 'x', address: 3, phones: [], password: 5 }]) expect(errorsOf(input).length).toBeGreaterThan(0);
  });
});

describe('normalising what people type', () => {
  it('trims, compacts identifiers, lower-cases the e-mail and drops empty optional fields', () => {
    const out = normaliseRegistration(sampleRegistration({ email: ' Claire.Lambert@Example.FR ', identifiers: { rpps: '100 000 000 17', adeli: ' ' }, phones: { mobile: ' 0612345678 ', landline: '' } })) as Record<string, any>;
    expect(out.email).toBe('claire.lambert@example.fr');
    expect(out.identifiers).toEqual({ rpps: '10000000017' });
    expect(out.phones).toEqual({ mobile: '0612345678' });
  });

  it('recognises mobile numbers', () => {
    for (const n of ['06 12 34 56 78', '07.12.34.56.78', '+33 6 12 34 56 78', '+352 621 123 456']) expect(isMobileNumber(n), n).toBe(true);
    for (const n of ['03 87 11 22 33', '+33 3 87 11 22 33', '0612', '']) expect(isMobileNumber(n), n).toBe(false);
  });
});
