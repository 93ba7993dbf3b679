import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import { extractHeader, extractLine, sampleRow, type ExtractFields } from '../../src/domain/rpps/fixtures';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { until } from '../testing/requests';
import { importRpps } from './import';
import { readRppsIndex } from './store';

let server: TestServer;
let coordinator: Client;
let gp: Client;
let gpRpps: string;

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const upload = (client: Client, body: string, headers: Record<string, string> = TEXT) => client.request('POST', '/api/rpps/import', body, headers);
const extract = (rows: Array<ExtractFields | string>) =>
  [extractHeader(), ...rows.map((r) => (typeof r === 'string' ? r : extractLine(r)))].join('\n') + '\n';

/** Reads entries as a signed-in member's device does: through the gateway. */
async function throughGateway(client: Client, ids: string[]): Promise<Array<Member | null>> {
  const res = await client.request('POST', '/api/sync/members/_all_docs', { keys: ids, include_docs: true });
  return res.json.rows.map((r: { doc?: Member | null }) => r.doc ?? null);
}

const A = sampleRow({ rpps: '10100000001' });
const B = sampleRow({ rpps: '10100000002', lastName: 'ROUSSEL', firstName: 'Inès', professionCode: '60', specialtyLabel: '', insee: '', postcode: '57420', commune: 'VERNY', phone: '0612345678' });
const C = sampleRow({ rpps: '10100000003', lastName: 'KLEIN', professionCode: '70', specialtyLabel: '', insee: '57184', postcode: '57130', commune: 'DORNOT' });
const A_ELSEWHERE = { ...A, insee: '57480', postcode: '57950', commune: 'MONTIGNY-LES-METZ' };
const LYON = sampleRow({ rpps: '10100000004', insee: '69123', postcode: '69003', commune: 'LYON' });
const NANCY = sampleRow({ rpps: '10100000005', insee: '54395', postcode: '54000', commune: 'NANCY' });
const SHORT = 'only|three|fields|';
const BAD_RPPS = sampleRow({ rpps: '1234', insee: '57463' });
const FILE = () => [A, B, C, A_ELSEWHERE, LYON, NANCY, SHORT, BAD_RPPS, sampleRow({ rpps: gpRpps, lastName: 'AUTRE', email: 'autre@example.test' })];

beforeAll(async () => {
  server = await startTestServer();
  coordinator = new Client(server.url);
  await coordinator.login(demo('coordination').email, demo('coordination').password);
  gp = new Client(server.url);
  const gpMemberId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  gpRpps = (await throughGateway(gp, [gpMemberId]))[0]!.identifiers!.rpps!;
});
afterAll(async () => server?.dispose());

describe('RPPS import', () => {
  it('imports the territory’s rows as invited entries that members see, and reports the others', async () => {
    const res = await upload(coordinator, extract(FILE()));
    expect(res.status).toBe(200);
    expect(res.json.summary).toBe('read 9, kept 6, created 3, updated 0, rejected 2');
    expect(res.json.counts).toMatchObject({ unchanged: 0, skipped: 1, duplicates: 1 });
    expect(res.json.rejections).toEqual([
      { line: 8, reason: expect.stringContaining('ligne mal formée : 3 champs') },
      { line: 9, reason: expect.stringContaining('identifiant RPPS invalide') },
    ]);

    const [a, b, c, lyon] = await throughGateway(gp, ['m-10100000001', 'm-10100000002', 'm-10100000003', 'm-10100000004']);
    expect(a).toMatchObject({ status: 'invited', displayName: 'Dr Claire Bertrand', specialty: 'Médecine générale', address: { commune: 'Metz' } });
    expect(b).toMatchObject({ status: 'invited', address: { communeInsee: '57708', commune: 'Verny' }, phones: { mobile: '06 12 34 56 78' } });
    expect(c).toMatchObject({ address: { communeInsee: '57021', commune: 'Ancy-Dornot' }, location: { approximate: true } });
    expect(lyon).toBeNull();

    // The registered member's entry is neither downgraded nor overwritten.
    const own = (await throughGateway(gp, [`m-${gpRpps}`]))[0];
    expect(own).toMatchObject({ status: 'active' });
    expect(own!.lastName).not.toBe('Autre');
  });

  it('changes nothing on a second import of the same file', async () => {
    const before = await throughGateway(gp, ['m-10100000001', 'm-10100000002', 'm-10100000003']);
    const res = await upload(coordinator, extract(FILE()));
    expect(res.json.summary).toBe('read 9, kept 6, created 0, updated 0, rejected 2');
    expect(res.json.counts.unchanged).toBe(3);
    expect(await throughGateway(gp, ['m-10100000001', 'm-10100000002', 'm-10100000003'])).toEqual(before);
  });

  it('updates an entry whose row changed, and only that one', async () => {
    const [, bBefore, cBefore] = await throughGateway(gp, ['m-10100000001', 'm-10100000002', 'm-10100000003']);
    const rows = FILE().map((r) => (r === B ? { ...B, phone: '0387000001', email: 'ines.roussel@example.test' } : r));
    const res = await upload(coordinator, extract(rows));
    expect(res.json.summary).toBe('read 9, kept 6, created 0, updated 1, rejected 2');
    const [, b, c] = await throughGateway(gp, ['m-10100000001', 'm-10100000002', 'm-10100000003']);
    expect(b).toMatchObject({ phones: { landline: '03 87 00 00 01' }, email: 'ines.roussel@example.test' });
    expect(b!.phones!.mobile).toBeUndefined();
    expect(b!.updatedAt > bBefore!.updatedAt).toBe(true);
    expect(c).toEqual(cBefore);
  });

  it('does not bring back an entry a coordinator deleted', async () => {
    const [c] = await throughGateway(coordinator, ['m-10100000003']);
    const deleted = await coordinator.request('POST', '/api/sync/members/_bulk_docs', { docs: [{ ...c, _deleted: true, updatedAt: new Date().toISOString() }] });
    expect(deleted.json[0].ok).toBe(true);
    const res = await upload(coordinator, extract([C]));
    expect(res.json.counts).toMatchObject({ created: 0, updated: 0, skipped: 1 });
  });

  it('works in batches from any stream, and tells its progress', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => sampleRow({ rpps: `1020000000${i}` }));
    const progress: number[] = [];
    const report = await importRpps({
      input: Readable.from([extract(rows)]),
      db: server.parts.storage.couch.use('members'),
      communes: server.parts.territory.communes,
      batchSize: 3,
      onProgress: (c) => progress.push(c.created),
    });
    expect(report.counts).toMatchObject({ read: 7, kept: 7, created: 7, rejected: 0 });
    expect(progress).toEqual([3, 6, 7]);
    // The directory's RPPS numbers are read in pages: small pages give the same index, even where
    // several entries share a number across pages.
    const db = server.parts.storage.couch.use<Record<string, unknown>>('members');
    const { _id, _rev, ...copy } = await db.get('m-10200000003');
    await db.bulk({ docs: ['m-copy-1', 'm-copy-2', 'm-copy-3'].map((id) => ({ ...copy, _id: id })) });
    // On a cluster, a view or a listing answers from one copy of each shard, which may not hold the last writes yet.
    const whole = await until(() => readRppsIndex(db), (index) => index.get('10200000003')?.length === 4);
    expect(whole.get('10200000003')).toEqual(['m-10200000003', 'm-copy-1', 'm-copy-2', 'm-copy-3']);
    const before = [...whole].filter(([rpps]) => rpps < '10200000003').reduce((n, [, ids]) => n + ids.length, 0);
    for (const straddling of [1, 2, 3]) await expect.poll(() => readRppsIndex(db, before + straddling), { timeout: 15_000 }).toEqual(whole);
  });

  it('is for coordinators only, and refuses what is not an extract with a French message', async () => {
    expect((await upload(gp, extract([A]))).status).toBe(403);
    expect((await upload(gp, extract([A]))).json.error).toMatch(/réservé à la coordination/);
    expect((await upload(new Client(server.url), extract([A]))).status).toBe(401);
    const json = await upload(coordinator, '{"a":1}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(json.json.error).toMatch(/tel quel/);
    const csv = await upload(coordinator, 'nom;prénom;rpps\nMartin;Claire;10101010101\n');
    expect(csv.status).toBe(400);
    expect(csv.json.error).toMatch(/n’est pas un extrait RPPS/);
    expect((await upload(coordinator, '')).status).toBe(400);
    expect((await gp.request('GET', '/api/rpps/import/status')).status).toBe(403);
    const status = await coordinator.request('GET', '/api/rpps/import/status');
    expect(status.json).toMatchObject({ state: 'failed', error: 'Le fichier est vide.' });
  });

  it('runs from the command line against the same database, the summary line last', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpts-rpps-cli-'));
    try {
      const file = path.join(dir, 'PS_LibreAcces_Personne_activite_test.txt');
      writeFileSync(file, extract([A, sampleRow({ rpps: '10300000001' }), SHORT]));
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/rpps/cli.ts', file], {
        env: { ...process.env, COUCHDB_URL: server.parts.storage.couch.url, COUCHDB_PREFIX: server.parts.config.couchdbPrefix, DATA_DIR: dir, LOG_LEVEL: 'warn' },
      });
      expect(stdout.trim().split('\n').at(-1)).toBe('read 3, kept 2, created 1, updated 0, rejected 1');
      expect(stderr).toContain('ligne 4 : ligne mal formée');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
