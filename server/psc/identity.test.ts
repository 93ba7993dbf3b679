import { describe, expect, it } from 'vitest';
import { prefillOf, pscIdentity } from './identity';

/** Shaped like Pro Santé Connect's UserInfo (sandbox identities), trimmed to what is read. */
const userinfo = {
  sub: 'f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:810100000017',
  SubjectNameID: '810100000017',
  preferred_username: '810100000017',
  given_name: 'Camille',
  family_name: 'Martin',
  codeCivilite: 'MME',
  SubjectOrganization: 'CABINET DU DR MARTIN',
  SubjectRefPro: {
    codeCivilite: 'MME',
    exercices: [{ codeProfession: '10', codeCategorieProfessionnelle: 'C', codeCiviliteDexercice: 'DR', nomDexercice: 'Martin', prenomDexercice: 'Camille', activities: [] }],
  },
  otherIds: [{ identifiant: '810100000017', origine: 'RPPS', qualite: 1 }],
};

describe('pscIdentity', () => {
  it('reads the RPPS behind « 8 », the names, the civility of exercise and the profession', () => {
    expect(pscIdentity(userinfo)).toEqual({ rpps: '10100000017', firstName: 'Camille', lastName: 'Martin', civility: 'Dr', profession: '10' });
  });

  it('reads an ADELI number behind « 0 »', () => {
    expect(pscIdentity({ SubjectNameID: '0751234567', given_name: 'Léa', family_name: 'Roux' })).toEqual({ adeli: '751234567', firstName: 'Léa', lastName: 'Roux' });
  });

  it('falls back on otherIds when SubjectNameID is not a national identifier', () => {
    expect(pscIdentity({ SubjectNameID: 'ANS20231122132732', otherIds: [{ identifiant: '810100000017', origine: 'RPPS' }] })).toEqual({ rpps: '10100000017' });
  });

  it('takes the exercise names when the standard ones are missing, and leaves out what does not fit', () => {
    const identity = pscIdentity({
      SubjectNameID: '810100000017',
      given_name: 'x'.repeat(101),
      SubjectRefPro: { exercices: [{ codeProfession: '99', nomDexercice: ' Durand  Petit ', prenomDexercice: '<script>' }] },
    });
    expect(identity).toEqual({ rpps: '10100000017', lastName: 'Durand Petit' });
  });

  it('refuses claims without a national identifier, or not an object', () => {
    expect(pscIdentity({ SubjectNameID: '12345', given_name: 'A' })).toBeUndefined();
    expect(pscIdentity({ SubjectNameID: '8101000000' })).toBeUndefined();
    expect(pscIdentity(null)).toBeUndefined();
    expect(pscIdentity(['810100000017'])).toBeUndefined();
  });
});

describe('prefillOf', () => {
  it('is the registration form of a professional with the identifiers under their kind', () => {
    expect(prefillOf(pscIdentity(userinfo)!)).toEqual({
      kind: 'professional',
      firstName: 'Camille',
      lastName: 'Martin',
      civility: 'Dr',
      profession: '10',
      identifiers: { rpps: '10100000017' },
    });
  });
});
