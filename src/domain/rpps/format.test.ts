import { describe, expect, it } from 'vitest';
import { email, nameCase, phone, phones, specialty, street } from './format';

describe('values of the extract as the directory writes them', () => {
  it('puts names in upper case into name case, and leaves mixed case alone', () => {
    expect(nameCase('DUPONT-MARTIN')).toBe('Dupont-Martin');
    expect(nameCase("D'ALMEIDA")).toBe("D'Almeida");
    expect(nameCase('LE  GALL')).toBe('Le Gall');
    expect(nameCase('JEAN-ÉRIC')).toBe('Jean-Éric');
    expect(nameCase('McDonald')).toBe('McDonald');
  });

  it('writes the street from its parts', () => {
    expect(street('12', 'B', 'Rue', 'de la Gare')).toBe('12 bis Rue de la Gare');
    expect(street('', '', 'Place', 'Saint-Louis')).toBe('Place Saint-Louis');
    expect(street('', '', '', '')).toBe('');
  });

  it('formats French phone numbers and drops what is not one', () => {
    expect(phone('0387123456')).toBe('03 87 12 34 56');
    expect(phone('03.87.12.34.56')).toBe('03 87 12 34 56');
    expect(phone('+33 6 12 34 56 78')).toBe('06 12 34 56 78');
    expect(phone('0033387123456')).toBe('03 87 12 34 56');
    expect(phone('+33 (0)3 87 12 34 56')).toBe('03 87 12 34 56');
    expect(phone('12345')).toBeUndefined();
    expect(phone('')).toBeUndefined();
  });

  it('files 06 and 07 as mobile, the rest as landline, first of each', () => {
    expect(phones(['0612345678', '0387123456'])).toEqual({ mobile: '06 12 34 56 78', landline: '03 87 12 34 56' });
    expect(phones(['0387123456', '0387654321'])).toEqual({ landline: '03 87 12 34 56' });
    expect(phones(['', 'n/a'])).toEqual({});
  });

  it('keeps a valid e-mail address in lower case', () => {
    expect(email(' Claire.Bertrand@Example.TEST ')).toBe('claire.bertrand@example.test');
    expect(email('claire.bertrand@')).toBeUndefined();
  });

  it('names specialties as the directory does', () => {
    expect(specialty('Médecine Générale')).toBe('Médecine générale');
    expect(specialty('Qualifié en Médecine Générale')).toBe('Médecine générale');
    expect(specialty('Cardiologie et maladies vasculaires')).toBe('Cardiologie');
    expect(specialty('Oto-rhino-laryngologie et chirurgie cervico-faciale')).toBe('ORL');
    expect(specialty('Gynécologie-obstétrique')).toBe('Gynécologie');
    expect(specialty('PEDIATRIE')).toBe('Pédiatrie');
    expect(specialty('Anesthésie-Réanimation')).toBe('Anesthésie-réanimation');
    expect(specialty('')).toBe('');
  });
});
