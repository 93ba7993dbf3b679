import { describe, expect, it } from 'vitest';
import { deName } from './format';
import * as fr from './fr';

describe('French', () => {
  it('elides « de » before a vowel or a mute h', () => {
    expect(deName('Arthur')).toBe('d’Arthur');
    expect(deName('Émilie')).toBe('d’Émilie');
    expect(deName('Hélène Marchal')).toBe('d’Hélène Marchal');
    expect(deName('Yves')).toBe('d’Yves');
    expect(deName('Marie')).toBe('de Marie');
    expect(fr.supervision.onBehalfOf('Arthur')).toBe('pour le compte d’Arthur');
    expect(fr.supervision.onBehalfOf('Marc')).toBe('pour le compte de Marc');
  });
});
