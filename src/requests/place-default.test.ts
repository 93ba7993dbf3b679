/** Tests of the place a new request starts with. */
import { describe, expect, it } from 'vitest';
import type { PatientPlace } from '../map/LocationPicker';
import { communeOfAddress, defaultPlace, placeOfAddress } from './place-default';

const communes = [
  { insee: '57463', name: 'Metz', postcodes: ['57000', '57050', '57070'], centroid: [6.1757, 49.1193] as const },
  { insee: '57032', name: 'Ars-sur-Moselle', postcodes: ['57130'], centroid: [6.0747, 49.0786] as const },
  { insee: '57139', name: 'Chérisey', postcodes: ['57420'], centroid: [6.2333, 49.0167] as const },
  { insee: '57412', name: 'Marly', postcodes: ['57155'], centroid: [6.1667, 49.0667] as const },
];

describe('the commune an address names', () => {
  it('reads the postcode and the name, with or without accents and dashes', () => {
    expect(communeOfAddress('3 rue des Roses, 57420 Chérisey', communes)?.insee).toBe('57139');
    expect(communeOfAddress('3 rue des roses cherisey', communes)?.insee).toBe('57139');
    expect(communeOfAddress('12 rue de Metz, Ars sur Moselle', communes)?.insee).toBe('57032');
  });

  it('takes the postcode alone when one commune has it, and the name the postcode allows', () => {
    expect(communeOfAddress('8 allée des Tilleuls 57155', communes)?.insee).toBe('57412');
    expect(communeOfAddress('12 rue de Metz, 57130 Ars-sur-Moselle', communes)?.insee).toBe('57032');
    expect(communeOfAddress('12 rue de Metz, 57130', communes)?.insee).toBe('57032');
  });

  it('finds nothing in an address outside the territory, or in part of a word', () => {
    expect(communeOfAddress('4 place Stanislas, 54000 Nancy', communes)).toBeUndefined();
    expect(communeOfAddress('5 rue Marlyse', communes)).toBeUndefined();
  });

  it('gives a place labelled with the address, at the commune', () => {
    expect(placeOfAddress('3 rue des Roses, 57420 Chérisey', communes)).toEqual({ lat: 49.0167, lon: 6.2333, label: '3 rue des Roses, 57420 Chérisey', source: 'address', insee: '57139' });
  });
});

describe('the place a request starts with', () => {
  const patient: PatientPlace = { lat: 49.0167, lon: 6.2333, label: '3 rue des Roses, 57420 Chérisey', source: 'address', insee: '57139' };
  const practice: PatientPlace = { lat: 49.12, lon: 6.18, label: 'Cabinet (Metz)', source: 'practice' };

  it('is the patient’s place when known, for any type', () => {
    expect(defaultPlace('passage-infirmier', { patient, practice })).toBe(patient);
    expect(defaultPlace('avis-specialise', { patient, practice })).toBe(patient);
  });

  it('is the practice for a need met away from home, never for a home visit', () => {
    expect(defaultPlace('avis-specialise', { practice })).toBe(practice);
    expect(defaultPlace('medicament-rupture', { practice })).toBe(practice);
    expect(defaultPlace('passage-infirmier', { practice })).toBeUndefined();
    expect(defaultPlace('', { practice })).toBeUndefined();
  });
});
