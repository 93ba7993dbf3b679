import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBan, type FakeBan } from '../testing/fake-ban';
import { testTerritory } from '../testing/territory';
import { BanGeocoder } from './geocoder';
import { testLog } from '../testing/log';

const territory = testTerritory();
const metz = territory.communes.find((c) => c.insee === '57463')!;
const address = { street: '12 rue Serpenoise', postcode: '57000', commune: 'Metz', communeInsee: '57463' };
let ban: FakeBan;
let geocoder: BanGeocoder;

beforeAll(async () => {
  ban = await startFakeBan();
  geocoder = new BanGeocoder(ban.url, territory.communes, metz, testLog);
});
afterAll(async () => ban?.close());

describe('geocoding practice addresses with the BAN', () => {
  it('uses the address found, with the commune as a bias', async () => {
    ban.answer = () => ({ lon: 6.1728, lat: 49.1167, score: 0.93, citycode: '57463', label: '12 Rue Serpenoise 57000 Metz' });
    expect(await geocoder.locate(address)).toEqual({ lon: 6.1728, lat: 49.1167, approximate: false });
    const q = ban.queries.at(-1)!;
    expect(q.get('q')).toBe('12 rue Serpenoise 57000 Metz');
    expect(Number(q.get('lon'))).toBeCloseTo(metz.centroid[0]);
    expect(Number(q.get('lat'))).toBeCloseTo(metz.centroid[1]);
  });

  it('falls back on the commune centroid, marked approximate, when unsure, elsewhere, failing or unreachable', async () => {
    const centroid = { lon: metz.centroid[0], lat: metz.centroid[1], approximate: true };
    ban.answer = () => ({ lon: 6.17, lat: 49.11, score: 0.3, citycode: '57463', label: 'vague' });
    expect(await geocoder.locate(address)).toEqual(centroid);
    ban.answer = () => ({ lon: 2.35, lat: 48.85, score: 0.95, citycode: '75056', label: 'Paris' });
    expect(await geocoder.locate(address)).toEqual(centroid);
    ban.answer = () => undefined;
    expect(await geocoder.locate(address)).toEqual(centroid);
    ban.failWith = 503;
    expect(await geocoder.locate(address)).toEqual(centroid);
    ban.failWith = undefined;
    const unreachable = new BanGeocoder('http://127.0.0.1:9/search/', territory.communes, metz, testLog);
    expect(await unreachable.locate(address)).toEqual(centroid);
  });

  it('finds the commune by postcode when the INSEE code is not given', async () => {
    ban.answer = () => undefined;
    const ars = territory.communes.find((c) => c.name === 'Ars-sur-Moselle')!;
    const pos = await geocoder.locate({ street: '1 rue de la Gare', postcode: ars.postcodes[0], commune: 'Ars-sur-Moselle' });
    expect(pos).toEqual({ lon: ars.centroid[0], lat: ars.centroid[1], approximate: true });
  });
});
