import { describe, expect, it } from 'vitest';
import { describeCommunes, formerCommunesOf, selectCodes, SelectionError } from './communes';

describe('choosing a territory’s communes from the official list', () => {
  it('takes a list of codes, an EPCI or a department, and names what it does not know', () => {
    expect(selectCodes({ communes: ['57463', '57480', '57463'] })).toEqual(['57463', '57480']);
    const metropole = selectCodes({ epci: '200039865' });
    expect(metropole).toHaveLength(46);
    expect(metropole).toContain('57463');
    expect(selectCodes({ departement: '57' }).length).toBeGreaterThan(700);
    expect(() => selectCodes({ epci: '123' })).toThrow(SelectionError);
    expect(() => selectCodes({ departement: '99' })).toThrow('département inconnu : 99');
    expect(() => selectCodes({ communes: ['57184'] })).toThrow('57184 (aujourd’hui 57021 Ancy-Dornot)');
  });

  it('gives names, postcodes and population, and the old codes and names national files still use', () => {
    expect(describeCommunes(['57021'])[0]).toEqual({ insee: '57021', name: 'Ancy-Dornot', postcodes: ['57130'], population: 1490, departement: '57' });
    expect(formerCommunesOf(['57021'])).toEqual([
      { formerName: 'Ancy-sur-Moselle', insee: '57021' },
      { formerInsee: '57184', formerName: 'Dornot', insee: '57021' },
    ]);
  });
});
