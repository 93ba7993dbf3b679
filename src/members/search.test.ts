/** Tests of the directory search. */
import { describe, expect, it } from 'vitest';
import { buildIndex, feminine, normalize, queryWords, search } from './search';

const member = (displayName: string, profession: string, commune: string, extra: object = {}) => ({
  displayName,
  profession,
  address: { commune, postcode: '57000' },
  ...extra,
});

const index = buildIndex([
  member('Dr Hélène Muller', '10', 'Metz', { specialty: 'Médecine générale', lastName: 'Muller', firstName: 'Hélène' }),
  member('Jérôme Lefèvre', '60', 'Montigny-lès-Metz'),
  member('Pharmacie de l’Esplanade', 'pharmacie', 'Metz'),
  member('Anne Zimmer', '70', 'Woippy', { skills: ['Kinésithérapie respiratoire'] }),
]);

const names = (query: string) => search(index, query).map((m) => m.displayName);

describe('normalize', () => {
  it('drops case, accents and punctuation', () => {
    expect(normalize('  Montigny-lès-METZ ')).toBe('montigny les metz');
    expect(normalize('l’Évêché')).toBe('l eveche');
  });
});

describe('directory search', () => {
  it('lists everyone for an empty query, by last name when known, titles aside', () => {
    expect(names('')).toEqual(['Anne Zimmer', 'Jérôme Lefèvre', 'Dr Hélène Muller', 'Pharmacie de l’Esplanade']);
  });

  it('ignores case and accents in names', () => {
    expect(names('helene')).toEqual(['Dr Hélène Muller']);
    expect(names('LEFEVRE')).toEqual(['Jérôme Lefèvre']);
  });

  it('finds by profession label, specialty, skill and structure kind', () => {
    expect(names('infirmier')).toEqual(['Jérôme Lefèvre']);
    expect(names('medecine generale')).toEqual(['Dr Hélène Muller']);
    expect(names('respiratoire')).toEqual(['Anne Zimmer']);
    expect(names('pharmacie')).toEqual(['Pharmacie de l’Esplanade']);
  });

  it('requires every word, in any field', () => {
    expect(names('metz medecin')).toEqual(['Dr Hélène Muller']);
    expect(names('montigny les metz')).toEqual(['Jérôme Lefèvre']);
    expect(names('woippy infirmier')).toEqual([]);
  });

  it('finds by commune', () => {
    expect(names('Woippy')).toEqual(['Anne Zimmer']);
  });

  it('finds feminine forms, plurals and usual words', () => {
    expect(names('infirmière')).toEqual(['Jérôme Lefèvre']);
    expect(names('infirmières montigny')).toEqual(['Jérôme Lefèvre']);
    expect(names('masseuse')).toEqual(['Anne Zimmer']);
    expect(names('kiné')).toEqual(['Anne Zimmer']);
    expect(names('généraliste')).toEqual(['Dr Hélène Muller']);
    expect(names('pharmacies')).toEqual(['Pharmacie de l’Esplanade']);
  });
});

describe('query words', () => {
  it('drops a final plural letter of long words only', () => {
    expect(queryWords('Infirmières  Metz')).toEqual(['infirmiere', 'metz']);
    expect(queryWords('ars')).toEqual(['ars']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('derives feminine forms', () => {
    expect(feminine('pharmacien')).toBe('pharmacienne');
    expect(feminine('infirmier')).toBe('infirmiere');
    expect(feminine('masseur')).toBe('masseuse');
    expect(feminine('medecin')).toBeNull();
  });
});
