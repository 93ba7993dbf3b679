import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formKeyOf, OUTSIDE, proposedSignature, toRegistration, withPscPrefill, type RegistrationForm } from './form';

const communes = [{ insee: '57463', name: 'Metz' }];
const filled: RegistrationForm = {
  ...emptyForm(),
  civility: 'Mme', lastName: 'Durand', firstName: 'Léa', profession: '60', skills: 'Soins palliatifs, , Pansements complexes',
  idValue: '100 000 000 17', number: '3', street: 'rue des Clercs', postcode: '57000', communeInsee: '57463',
  mobile: '06 12 34 56 78', email: 'Lea.Durand@example.fr', password: 'Un-mot-de-passe-2026', signature: 'Léa Durand',
};

describe('registration form', () => {
  it('turns what was typed into a valid registration', () => {
    const reg = toRegistration(filled, communes) as Record<string, any>;
    expect(reg).toMatchObject({
      identifiers: { rpps: '10000000017' },
      skills: ['Soins palliatifs', 'Pansements complexes'],
      address: { number: '3', street: 'rue des Clercs', postcode: '57000', communeInsee: '57463', commune: 'Metz' },
      phones: { mobile: '06 12 34 56 78' },
      email: 'lea.durand@example.fr',
    });
    expect(checkForm(filled, communes)).toMatchObject({ ok: true });
  });

  it('keeps a commune outside the territory as typed, and a structure without personal names', () => {
    const outside = toRegistration({ ...filled, communeInsee: OUTSIDE, communeOther: 'Nancy', postcode: '54000' }, communes) as Record<string, any>;
    expect(outside.address).toEqual({ number: '3', street: 'rue des Clercs', postcode: '54000', commune: 'Nancy' });
    const structure = toRegistration({ ...filled, kind: 'structure', structureName: 'EHPAD Les Tilleuls', profession: 'ehpad', idKind: 'finess', idValue: '570000017' }, communes) as Record<string, any>;
    expect(structure.lastName).toBeUndefined();
    expect(checkForm({ ...filled, kind: 'structure', structureName: 'EHPAD Les Tilleuls', profession: 'ehpad', idKind: 'finess', idValue: '570000017' }, communes).ok).toBe(true);
  });

  it('reports errors against the inputs they belong to', () => {
    const result = checkForm({ ...filled, idValue: '123', communeInsee: '', communeOther: '' }, communes);
    expect(result.ok).toBe(false);
    const keys = result.ok ? [] : result.errors.map((e) => formKeyOf(e.field));
    expect(keys).toEqual(expect.arrayContaining(['idValue', 'communeInsee']));
    expect(formKeyOf('phones.mobile')).toBe('mobile');
    expect(formKeyOf('address.postcode')).toBe('postcode');
  });

  it('proposes a signature from the other fields', () => {
    expect(proposedSignature(filled, communes)).toBe('Mme Léa Durand\nInfirmier\n3 rue des Clercs, 57000 Metz\nTél. 06 12 34 56 78');
  });

  it('takes what Pro Santé Connect says of a professional, and keeps what it does not say', () => {
    const typed = { ...emptyForm(), kind: 'structure' as const, email: 'ines@example.fr', idKind: 'finess' as const, idValue: '570000017' };
    expect(withPscPrefill(typed, { kind: 'professional', civility: 'Mme', lastName: 'Nouvelle', firstName: 'Inès', profession: '60', identifiers: { rpps: '10999999993' } })).toEqual({
      ...typed,
      kind: 'professional',
      civility: 'Mme',
      lastName: 'Nouvelle',
      firstName: 'Inès',
      profession: '60',
      idKind: 'rpps',
      idValue: '10999999993',
    });
    expect(withPscPrefill(emptyForm(), { kind: 'professional', identifiers: { adeli: '571012345' } })).toMatchObject({ idKind: 'adeli', idValue: '571012345', lastName: '', profession: '' });
  });
});
