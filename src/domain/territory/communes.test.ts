import { describe, expect, it } from 'vitest';
import { createCommuneFinder, currentInsee, placeKey } from './communes';

const finder = createCommuneFinder([
  { insee: '57463', name: 'Metz', postcodes: ['57000', '57050'], centroid: [6.19, 49.11] },
  { insee: '57021', name: 'Ancy-Dornot', postcodes: ['57130'], centroid: [6.05, 49.06] },
  { insee: '57032', name: 'Ars-sur-Moselle', postcodes: ['57130'], centroid: [6.07, 49.08] },
  { insee: '57049', name: 'Le Ban-Saint-Martin', postcodes: ['57050'], centroid: [6.15, 49.12] },
  { insee: '57865', name: 'Amanvillers', postcodes: ['57865'], centroid: [6.04, 49.16] },
]);

describe('territory communes', () => {
  it('maps the old codes of merged communes and leaves others as they are', () => {
    expect(currentInsee('57184')).toBe('57021');
    expect(currentInsee('57722')).toBe('57578');
    expect(currentInsee('57463')).toBe('57463');
  });

  it('reduces names to what identifies the place', () => {
    expect(placeKey('LE BAN ST MARTIN')).toBe(placeKey('Le Ban-Saint-Martin'));
    expect(placeKey('Ars/Moselle')).toBe(placeKey('ARS-SUR-MOSELLE'));
    expect(placeKey('Metz Cedex 3')).toBe('metz');
  });

  it('finds a commune by INSEE code first, which outranks the postcode', () => {
    expect(finder.find({ insee: '57463', postcode: '57130', commune: 'ARS SUR MOSELLE' })?.name).toBe('Metz');
    expect(finder.find({ insee: '57184', postcode: '', commune: '' })?.name).toBe('Ancy-Dornot');
    expect(finder.find({ insee: '54395', postcode: '57000', commune: 'METZ' })).toBeUndefined();
  });

  it('without INSEE code, by postcode and name, or by a postcode only one commune has', () => {
    expect(finder.find({ insee: '', postcode: '57130', commune: 'ARS SUR MOSELLE' })?.insee).toBe('57032');
    expect(finder.find({ insee: '', postcode: '57050', commune: 'LE BAN ST MARTIN' })?.insee).toBe('57049');
    expect(finder.find({ insee: '', postcode: '57130', commune: 'JUSSY' })).toBeUndefined();
    expect(finder.find({ insee: '', postcode: '57130', commune: '' })).toBeUndefined();
    expect(finder.find({ insee: '', postcode: '57865', commune: '' })?.insee).toBe('57865');
    expect(finder.find({ insee: '', postcode: '57050', commune: 'METZ' })?.insee).toBe('57463');
  });
});
