import { describe, expect, it } from 'vitest';
import { describeErrors } from '../validation';
import { sampleMember } from './fixtures';
import { validateMember } from './validate';

const errorsOf = (doc: unknown) => {
  const result = validateMember(doc);
  return result.ok ? [] : result.errors;
};

describe('member schema validation', () => {
  it('accepts a complete entry, and a soft-deleted one that keeps its body', () => {
    expect(validateMember(sampleMember()).ok).toBe(true);
    expect(validateMember({ ...sampleMember(), _deleted: true }).ok).toBe(true);
  });

  it('names each missing required field in French', () => {
    const { displayName, address, ...rest } = sampleMember();
    void displayName;
    void address;
    const errors = errorsOf(rest);
    expect(errors).toContainEqual({ field: 'displayName', message: 'champ obligatoire manquant' });
    expect(errors).toContainEqual({ field: 'address', message: 'champ obligatoire manquant' });
  });

  it('names nested fields with a dotted path and says why', () => {
    const errors = errorsOf(sampleMember({ address: { street: 'x', postcode: '570', commune: 'Metz' } }));
    expect(errors).toEqual([{ field: 'address.postcode', message: 'format invalide' }]);
    expect(describeErrors(errors)).toBe('Champ « address.postcode » : format invalide.');
  });

  it('refuses unknown fields, wrong types, bad enums and out-of-range values', () => {
    expect(errorsOf({ ...sampleMember(), role: 'admin' })).toContainEqual({ field: 'role', message: 'champ inconnu' });
    expect(errorsOf(sampleMember({ kind: 'robot' as never }))).toContainEqual({ field: 'kind', message: 'valeur non autorisée' });
    expect(errorsOf(sampleMember({ location: { lat: 'x' as never, lon: 6, approximate: false } }))).toContainEqual({
      field: 'location.lat',
      message: 'type de valeur incorrect',
    });
    expect(errorsOf(sampleMember({ location: { lat: 91, lon: 6, approximate: false } }))).toContainEqual({ field: 'location.lat', message: 'valeur trop grande' });
    expect(errorsOf(sampleMember({ displayName: 'x'.repeat(201) }))).toContainEqual({ field: 'displayName', message: 'texte trop long' });
  });

  it('refuses ids that are not URL-safe, including path tricks', () => {
    for (const id of ['../x', '_design/members', 'M-UPPER', 'a/b', '', 'a%2Fb', 'x'.repeat(65)]) {
      expect(validateMember(sampleMember({ id })).ok, id).toBe(false);
    }
  });

  it('checks identifier formats', () => {
    expect(validateMember(sampleMember({ identifiers: { rpps: '1234' } })).ok).toBe(false);
    expect(validateMember(sampleMember({ identifiers: { finess: '2A0000001' } })).ok).toBe(true);
    expect(validateMember(sampleMember({ identifiers: { siret: '7328293200007' } })).ok).toBe(false);
  });

  it('refuses what is not an object', () => {
    for (const doc of [null, 'x', 3, [sampleMember()]]) expect(errorsOf(doc)[0].message).toMatch(/objet JSON/);
  });
});
