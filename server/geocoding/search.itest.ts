import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBan, type FakeBan } from '../testing/fake-ban';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { testTerritory } from '../testing/territory';
import { BanGeocoder } from './geocoder';
import { testLog } from '../testing/log';

const territory = testTerritory();
const metz = territory.communes.find((c) => c.insee === '57463')!;
const ars = territory.communes.find((c) => c.name === 'Ars-sur-Moselle')!;
let ban: FakeBan;
let server: TestServer;

beforeAll(async () => {
  ban = await startFakeBan();
  server = await startTestServer({ GEOCODER_URL: ban.url });
});
afterAll(async () => {
  await server?.dispose();
  await ban?.close();
});

describe('searching a place for the map', () => {
  it('returns the BAN candidates it is sure of, biased towards the territory', async () => {
    const geocoder = new BanGeocoder(ban.url, territory.communes, metz, testLog);
    ban.answer = () => ({ lon: 6.1728, lat: 49.1167, score: 0.93, citycode: '57463', label: '12 Rue Serpenoise 57000 Metz' });
    expect(await geocoder.search('12 rue Serpenoise Metz')).toEqual([{ label: '12 Rue Serpenoise 57000 Metz', lon: 6.1728, lat: 49.1167, approximate: false }]);
    const q = ban.queries.at(-1)!;
    expect(q.get('q')).toBe('12 rue Serpenoise Metz');
    expect(Number(q.get('lon'))).toBeCloseTo(metz.centroid[0]);
    expect(q.get('limit')).toBe('5');
  });

  it('falls back on the territory communes the query names when the BAN is unsure, failing or unreachable', async () => {
    const geocoder = new BanGeocoder(ban.url, territory.communes, metz, testLog);
    const arsPlace = { label: 'Ars-sur-Moselle', lon: ars.centroid[0], lat: ars.centroid[1], approximate: true };
    ban.answer = () => ({ lon: 2.35, lat: 48.85, score: 0.2, citycode: '75056', label: 'vague' });
    expect(await geocoder.search('3 rue du Moulin Ars-sur-Moselle')).toEqual([arsPlace]);
    ban.failWith = 503;
    expect(await geocoder.search('ars sur')).toEqual([arsPlace]);
    expect(await geocoder.search(`rue de la gare ${ars.postcodes[0]}`)).toContainEqual(arsPlace);
    ban.failWith = undefined;
    const unreachable = new BanGeocoder('http://127.0.0.1:9/search/', territory.communes, metz, testLog);
    expect(await unreachable.search('Ars-sur-Moselle')).toEqual([arsPlace]);
    expect(await unreachable.search('Nowhere at all')).toEqual([]);
  });

  it('answers signed-in members only, and refuses a query too short', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.request('GET', '/api/geocode?q=metz')).status).toBe(401);
    const member = new Client(server.url);
    expect((await member.login(demo('infirmiere').email, demo('infirmiere').password)).status).toBe(200);
    const short = await member.request('GET', '/api/geocode?q=me');
    expect(short.status).toBe(400);
    expect(short.json.error).toContain('« q »');
    expect((await member.request('GET', '/api/geocode')).status).toBe(400);
    ban.answer = () => ({ lon: 6.1728, lat: 49.1167, score: 0.93, citycode: '57463', label: '12 Rue Serpenoise 57000 Metz' });
    const found = await member.request('GET', `/api/geocode?q=${encodeURIComponent('12 rue Serpenoise')}`);
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('no-store');
    expect(found.json).toEqual({ places: [{ label: '12 Rue Serpenoise 57000 Metz', lon: 6.1728, lat: 49.1167, approximate: false }] });
  });
});
