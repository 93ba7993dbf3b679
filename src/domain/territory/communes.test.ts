import { describe, expect, it } from 'vitest';
import { createCommuneFinder, placeKey } from './communes';

const finder = createCommuneFinder([
  { insee: '57463', name: 'Metz', postcodes: ['57000', '57050'], centroid: [6.19, 49.11] },
  { insee: '57021', name: 'Ancy-Dornot', postcodes: ['57130'], centroid: [6.05, 49.06], former: [{ name: 'Ancy-sur-Moselle' }, { insee: '57184', name: 'Dornot' }] },
  { insee: '57032', name: 'Ars-sur-Moselle', postcodes: ['57130'], centroid: [6.07, 49.08] },
  { insee: '57049', name: 'Le Ban-Saint-Martin', postcodes: ['57050'], centroid: [6.15, 49.12] },
  { insee: '57865', name: 'Amanvillers', postcodes: ['57865'], centroid: [6.04, 49.16] },
]);

describe('territory communes', () => {
  it('finds a merged commune by its old code or its old name (the territory\'s former communes)', () => {
    expect(finder.find({ insee: '57184', postcode: '', commune: '' })?.insee).toBe('57021');
    expect(finder.find({ insee: '', postcode: '57130', commune: 'DORNOT' })?.insee).toBe('57021');
    expect(finder.find({ insee: '', postcode: '57130', commune: 'Ancy/Moselle' })?.insee).toBe('57021');
    expect(finder.find({ insee: '57722', postcode: '', commune: '' })).toBeUndefined();
  });

  it('reduces names to what identifies the place', () => {
    expect(placeKey('LE BAN ST MARTIN')).toBe(placeKey('Le Ban-Saint-Martin'));
    expect(placeKey('Ars/Moselle')).toBe(placeKey('ARS-SUR-MOSELLE'));
    expect(placeKey('Metz Cedex 3')).toBe('metz');
  });

  it('finds a commune by INSEE code first, which outranks the postcode', () => {
    expect(finder.find({ insee: '57463', postcode: '57130', commune: 'ARS SUR MOSELLE' })?.name).toBe('Metz');
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
