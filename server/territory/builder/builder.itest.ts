import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../../src/domain/members/schema';
import { insideRing } from '../../demo/geometry';
import { startFakeGeoApi, type FakeGeoApi } from '../../testing/fake-geo-api';
import { makeAvailable, newRequest, post, storedRequest, until } from '../../testing/requests';
import { Client, demo, startTestServer, type TestServer } from '../../testing/server';
import { toDomainDoc } from '../../storage/docs';
import { territoryAssets, territoryIdentity } from '../../../vite/territory';
import { loadTerritory } from '../load';
import { buildTerritory, type BuildReport } from './build';

const CODES = ['57463', '57480', '57049'];
let api: FakeGeoApi;
let root: string;
let report: BuildReport;

beforeAll(async () => {
  api = await startFakeGeoApi();
  root = mkdtempSync(path.join(tmpdir(), 'cpts-territory-'));
  report = await buildTerritory({
    name: 'CPTS du Sillon Mosellan',
    shortName: 'CPTS Sillon',
    selection: { communes: CODES },
    out: path.join(root, 'sillon'),
    apiUrl: api.url,
    maxBytes: 2.5 * 1024,
    phone: '03 87 11 22 33',
    email: 'coordination@cpts-sillon.fr',
    now: new Date('2026-12-01T10:00:00Z'),
  });
});
afterAll(async () => {
  await api?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const read = (file: string) => JSON.parse(readFileSync(path.join(report.dir, file), 'utf8'));

describe('the territory builder', () => {
  it('writes a territory folder from the official commune list and the geo API’s outlines', () => {
    expect(api.requests.map((r) => new URL(r, 'http://x').searchParams.get('code')).sort()).toEqual([...CODES].sort());
    expect(api.requests.every((r) => new URL(r, 'http://x').searchParams.get('fields') === 'nom,code,codesPostaux,population,centre,contour')).toBe(true);
    const communes = read('communes.json');
    expect(communes.communes.map((c: { insee: string }) => c.insee)).toEqual(CODES);
    // Names, postcodes and population from @etalab/decoupage-administratif; centre from the API.
    expect(communes.communes[0]).toMatchObject({ name: 'Metz', postcodes: ['57000', '57050', '57070'], population: 122572 });
    expect(communes.population).toBe(communes.communes.reduce((s: number, c: { population: number }) => s + c.population, 0));
    expect(report).toMatchObject({ communes: 3, parts: 1 });

    // Simplified together to the budget, every commune kept; one merged outline.
    expect(report.outlineBytes).toBeLessThanOrEqual(2.5 * 1024);
    expect(report.kept).toBeLessThan(1);
    expect(read('communes.geojson').features.map((f: { properties: { insee: string } }) => f.properties.insee)).toEqual(CODES);
    expect(read('outline.geojson').features[0].geometry.coordinates).toHaveLength(1);

    const settings = read('territory.json');
    expect(settings).toMatchObject({ name: 'CPTS du Sillon Mosellan', shortName: 'CPTS Sillon', timeZone: 'Europe/Paris', demoEmailDomain: 'sillon-mosellan.test' });
    // Metz's old codes (Borny, Magny, Vallières) are still found in some national files.
    expect(settings.formerCommunes).toEqual(expect.arrayContaining([{ formerInsee: '57094', insee: '57463' }]));
    const offer = read('offer.json');
    expect(offer.professionals.Infirmier).toBe(Math.round((communes.population * 200) / 100_000));
    expect(offer.emergencyStructures).toEqual(['Centre hospitalier de Metz']);
    expect(readFileSync(path.join(report.dir, 'README.md'), 'utf8')).toContain('Licence Ouverte / Etalab 2.0');
  });

  it('gives the client build the territory’s identity and files', async () => {
    expect(territoryIdentity(report.dir)).toEqual({ name: 'CPTS du Sillon Mosellan', shortName: 'CPTS Sillon', platform: { phone: '03 87 11 22 33', email: 'coordination@cpts-sillon.fr' }, timeZone: 'Europe/Paris' });
    const assets = await territoryAssets(report.dir);
    expect(assets.map((a) => a.fileName)).toEqual(['territory/communes.json', 'territory/communes.geojson', 'territory/outline.geojson']);
  });

  it('says there is no network and writes nothing when the API cannot be reached', async () => {
    const out = path.join(root, 'hors-ligne');
    const closed = await closedPort();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/territory/builder/cli.ts', '--name', 'CPTS Hors Ligne', '--communes', '57463', '--out', out, '--api', `http://127.0.0.1:${closed}`], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^Pas de réseau : 127\.0\.0\.1:\d+ injoignable \(ECONNREFUSED\)\. .* Rien n’a été écrit\.\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown or former commune code, naming it', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/territory/builder/cli.ts', '--name', 'CPTS X', '--communes', '57463,57184,99999', '--api', api.url], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('codes INSEE inconnus ou anciens : 57184 (aujourd’hui 57021 Ancy-Dornot), 99999');
  });
});

describe('a server on a built territory', () => {
  let server: TestServer;
  const domain = 'sillon-mosellan.test';

  beforeAll(async () => {
    server = await startTestServer({ TERRITORY_DIR: report.dir });
  });
  afterAll(async () => server?.dispose());

  async function directory(): Promise<Member[]> {
    const res = await server.parts.storage.couch.use('members').list({ include_docs: true });
    return res.rows.filter((r) => !r.id.startsWith('_')).map((r) => toDomainDoc(r.doc as unknown as Record<string, unknown>) as unknown as Member);
  }

  it('fills the demo directory within the territory’s communes and outlines, with its demo accounts', async () => {
    const members = await directory();
    expect(members.length).toBe(server.demoLoaded);
    expect(members.length).toBeGreaterThan(500);
    const territory = loadTerritory(report.dir);
    for (const m of members) {
      expect(CODES).toContain(m.address.communeInsee);
      if (m.id === 'm-coordination') continue;
      const rings = territory.outlines.get(m.address.communeInsee!)!;
      expect(rings.some((ring) => insideRing([m.location!.lon, m.location!.lat], ring)), m.id).toBe(true);
    }
    const coordination = members.find((m) => m.id === 'm-coordination')!;
    expect(coordination).toMatchObject({ email: `coordination@${domain}`, phones: { landline: '03 87 11 22 33' } });
    expect((await new Client(server.url).login(demo('coordination', domain).email, demo('coordination', domain).password)).status).toBe(200);
  });

  it('dispatches a request posted there', async () => {
    const gp = new Client(server.url);
    const gpId = (await gp.login(demo('generaliste', domain).email, demo('generaliste', domain).password)).json.user.memberId;
    const nurses = (await directory()).filter((m) => m.profession === '60').slice(0, 5).map((m) => m.id);
    await makeAvailable(server, nurses);
    const request = newRequest(gpId);
    expect((await post(gp, 'requests', [request])).json[0].ok).toBe(true);
    const searching = await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.alerted.length ?? 0) > 0);
    const nursesThere = new Set((await directory()).filter((m) => m.profession === '60').map((m) => m.id));
    expect(searching.dispatch!.alerted.every((id) => nursesThere.has(id))).toBe(true);
  });
});
