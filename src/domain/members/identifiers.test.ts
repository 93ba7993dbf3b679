import { describe, expect, it } from 'vitest';
import { checkAdeli, checkFiness, checkIdentifier, checkRpps, checkSiret, compactIdentifier, luhnKey, luhnValid } from './identifiers';

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

describe('RPPS', () => {
  it('accepts 11 digits with a Luhn key without a warning', () => {
    expect(checkRpps('10000000017')).toEqual({ ok: true });
  });

  it('accepts 11 digits whose Luhn key does not match, with a warning (the key is not established)', () => {
    const result = checkRpps('10000000018');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warning).toMatch(/clé de contrôle/);
    // No jargon shown to the person registering.
    expect(result.ok && result.warning).not.toMatch(/luhn/i);
  });

  it('refuses anything but 11 digits', () => {
    for (const value of ['1000000001', '100000000170', '1000000001A', '', '10000 000017']) {
      expect(checkRpps(value), value).toEqual({ ok: false, error: 'le numéro RPPS compte 11 chiffres' });
    }
  });
});

describe('ADELI', () => {
  it('accepts 9 digits and refuses the rest', () => {
    expect(checkAdeli('571012345')).toEqual({ ok: true });
    for (const value of ['57101234', '5710123456', '57101234A', '2A1012345']) expect(checkAdeli(value).ok, value).toBe(false);
  });
});

describe('FINESS', () => {
  it('accepts 9 digits, and 2A or 2B at the start for Corsica', () => {
    for (const value of ['570000017', '2A0000012', '2B0000011']) expect(checkFiness(value), value).toEqual({ ok: true });
  });

  it('refuses letters elsewhere, other letters, and wrong lengths', () => {
    for (const value of ['2C0000012', '1A0000012', 'A20000012', '57000001A', '57000001', '5700000170', '2a0000012']) {
      expect(checkFiness(value).ok, value).toBe(false);
    }
  });
});

describe('SIRET', () => {
  it('accepts 14 digits with valid Luhn keys (SIRET and SIREN)', () => {
    expect(checkSiret('73282932000074')).toEqual({ ok: true });
    expect(checkSiret('44306184100047')).toEqual({ ok: true });
  });

  it('refuses a wrong key, a wrong length or letters', () => {
    for (const value of ['73282932000075', '7328293200007', '732829320000740', '7328293200007A', '']) expect(checkSiret(value).ok, value).toBe(false);
  });

  it('refuses a SIRET whose own key is right but whose SIREN is not', () => {
    // 10000000000008: Luhn-valid over 14 digits, but the SIREN 100000000 is not.
    expect(luhnValid('10000000000008')).toBe(true);
    expect(checkSiret('10000000000008').ok).toBe(false);
  });

  it('handles La Poste: its head office by Luhn, its other establishments by a digit sum multiple of 5', () => {
    expect(checkSiret('35600000000048')).toEqual({ ok: true });
    // 3+5+6+1 = 15, and no Luhn key: valid only through the exception.
    expect(luhnValid('35600000000010')).toBe(false);
    expect(checkSiret('35600000000010')).toEqual({ ok: true });
    // 3+5+6+1+2+3+4+5 = 29.
    expect(checkSiret('35600000012345').ok).toBe(false);
    // A Luhn key does not save another establishment of La Poste from the sum rule (sum 19).
    expect(luhnValid('35600000000113')).toBe(true);
    expect(checkSiret('35600000000113').ok).toBe(false);
  });
});

describe('identifiers as typed', () => {
  it('drops spaces, dots and dashes and upper-cases letters', () => {
    expect(compactIdentifier(' 732 829 320 00074 ')).toBe('73282932000074');
    expect(compactIdentifier('2a-000.0012')).toBe('2A0000012');
  });

  it('dispatches by kind', () => {
    expect(checkIdentifier('rpps', '10000000017').ok).toBe(true);
    expect(checkIdentifier('finess', '2B0000011').ok).toBe(true);
    expect(checkIdentifier('siret', '123').ok).toBe(false);
  });
});
