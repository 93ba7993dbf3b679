import { describe, expect, it } from 'vitest';
import { luhnKey, luhnValid } from './identifiers';

describe('Luhn key', () => {
  it('accepts known valid numbers and rejects altered ones', () => {
    // SIRET of a real establishment form: 732 829 320 00074 passes Luhn.
    expect(luhnValid('73282932000074')).toBe(true);
    expect(luhnValid('73282932000075')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('rejects anything that is not only digits', () => {
    expect(luhnValid('7992739871a')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('computes the key that makes a number valid', () => {
    expect(luhnKey('7992739871')).toBe('3');
    for (const body of ['1000000001', '1234567890', '0000000000']) expect(luhnValid(body + luhnKey(body))).toBe(true);
  });
});
