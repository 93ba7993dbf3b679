/** Tests of the directory search. */
import { describe, expect, it, vi } from 'vitest';
import { buildIndex, feminine, normalize, queryWords, search, withinOneTypo } from './search';

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
  member('Dr Claire Dermont', '10', 'Metz', { specialty: 'Dermatologie', lastName: 'Dermont', firstName: 'Claire' }),
  member('Dr Paul Martin', '10', 'Saint-Julien-lès-Metz', { specialty: 'Pédiatrie', lastName: 'Martin', firstName: 'Paul' }),
  member('Sophie Klein', '50', 'Saint-Martin'),
  member('Dr Luc Weber', '10', 'Metz', { specialty: 'Ophtalmologie', lastName: 'Weber', firstName: 'Luc' }),
  member('Louis Marin', '91', 'Metz'),
  member('CCAS de Woippy', 'ccas', 'Woippy'),
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
    expect(names('')).toEqual(['Anne Zimmer', 'CCAS de Woippy', 'Dr Claire Dermont', 'Jérôme Lefèvre', 'Louis Marin', 'Dr Paul Martin', 'Dr Hélène Muller', 'Pharmacie de l’Esplanade', 'Sophie Klein', 'Dr Luc Weber']);
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
    expect(names('metz generale')).toEqual(['Dr Hélène Muller']);
    expect(names('montigny les metz')).toEqual(['Jérôme Lefèvre']);
    expect(names('woippy infirmier')).toEqual([]);
  });

  it('finds by commune', () => {
    expect(names('Woippy')).toEqual(['CCAS de Woippy', 'Anne Zimmer']);
  });

  it('finds feminine forms, plurals and usual words', () => {
    expect(names('infirmière')).toEqual(['Jérôme Lefèvre']);
    expect(names('infirmières montigny')).toEqual(['Jérôme Lefèvre']);
    expect(names('masseuse')).toEqual(['Anne Zimmer']);
    expect(names('kiné')).toEqual(['Anne Zimmer']);
    expect(names('généraliste')).toEqual(['Dr Hélène Muller']);
    expect(names('pharmacies')).toEqual(['Pharmacie de l’Esplanade']);
  });

  it('finds a specialist by the noun people say, and the short names', () => {
    expect(names('dermatologue')).toEqual(['Dr Claire Dermont']);
    expect(names('pédiatre')).toEqual(['Dr Paul Martin']);
    expect(names('ophtalmo')).toEqual(['Dr Luc Weber']);
    expect(names('ophtalmologiste')).toEqual(['Dr Luc Weber']);
    expect(names('sage-femme')).toEqual(['Sophie Klein']);
    expect(names('maïeuticienne')).toEqual(['Sophie Klein']);
  });

  it('forgives one typo in a word of five letters or more, whole or as typed so far', () => {
    expect(names('hlene')).toEqual(['Dr Hélène Muller']);
    expect(names('infirmeire')).toEqual(['Jérôme Lefèvre']);
    expect(names('dermatolgue')).toEqual(['Dr Claire Dermont']);
    expect(names('pedaitr')).toEqual(['Dr Paul Martin']);
    // Short words only as typed.
    expect(names('kien')).toEqual([]);
    expect(names('klein')).toEqual(['Sophie Klein']);
  });

  it('ranks a name before another field, and a typo last', () => {
    // « Martin » is Dr Martin's name, Sophie Klein's commune, and Louis Marin's name with a typo.
    expect(names('martin')).toEqual(['Dr Paul Martin', 'Sophie Klein', 'Louis Marin']);
    // The CCAS has Woippy in its name, Anne Zimmer only as her commune.
    expect(names('woippy')).toEqual(['CCAS de Woippy', 'Anne Zimmer']);
    expect(names('dermon')).toEqual(['Dr Claire Dermont']);
    expect(names('zimmer')).toEqual(['Anne Zimmer']);
    expect(names('zimer')).toEqual(['Anne Zimmer']);
  });
});

describe('one typo', () => {
  it('is a letter added, removed, replaced, or two neighbours swapped', () => {
    expect(withinOneTypo('helene', 'helene')).toBe(true);
    expect(withinOneTypo('hlene', 'helene')).toBe(true);
    expect(withinOneTypo('heelene', 'helene')).toBe(true);
    expect(withinOneTypo('helane', 'helene')).toBe(true);
    expect(withinOneTypo('hleene', 'helene')).toBe(true);
    expect(withinOneTypo('hlnee', 'helene')).toBe(false);
    expect(withinOneTypo('helen', 'helene')).toBe(true);
    expect(withinOneTypo('hel', 'helene')).toBe(false);
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

describe('the search index', () => {
  it('lists everyone for an empty query without computing the searched texts, then computes them once', () => {
    const fresh = buildIndex([member('Louis Marin', '91', 'Metz'), member('Anne Zimmer', '70', 'Woippy')]);
    const texts = vi.spyOn(fresh, 'texts');
    expect(search(fresh, '').map((m) => m.displayName)).toEqual(['Anne Zimmer', 'Louis Marin']);
    expect(texts).not.toHaveBeenCalled();
    expect(search(fresh, 'woippy').map((m) => m.displayName)).toEqual(['Anne Zimmer']);
    expect(search(fresh, 'marin').map((m) => m.displayName)).toEqual(['Louis Marin']);
    expect(texts).toHaveBeenCalledTimes(2);
    expect(texts.mock.results[1].value).toBe(texts.mock.results[0].value);
  });
});
