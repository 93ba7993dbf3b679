/** Integration tests of the devices’ error reports: scrubbed, kept for the coordinators only, checked, and rate-limited per account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { REPORTS_PER_MINUTE } from './routes';

const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const report = { event: 'sync.start', name: 'TypeError', message: 'Échec', at: '2026-03-02T08:00:00.000Z', count: 1 };
const batchOf = (n: number) => ({ reports: Array.from({ length: n }, (_, i) => ({ ...report, message: `Échec ${i}` })) });

let server: TestServer;
let gp: Client;
let gpName: string;
let nurse: Client;
let coordination: Client;
/** What the server logged during the tests, one JSON line each. */
const logged: string[] = [];

async function signIn(name: Parameters<typeof demo>[0]): Promise<[Client, string]> {
  const client = new Client(server.url);
  const res = await client.login(demo(name).email, demo(name).password);
  return [client, res.json.user.name];
}

beforeAll(async () => {
  server = await startTestServer({}, undefined, createLogger('warn', { write: (line: string) => void logged.push(line) }));
  [gp, gpName] = await signIn('generaliste');
  [nurse] = await signIn('infirmiere');
  [coordination] = await signIn('coordination');
});
afterAll(async () => {
  await server?.dispose();
});

describe('client error reports', () => {
  it('keeps a member’s report, scrubbed again by the server, for the coordinators, and logs it without the personal data', async () => {
    const sent = {
      reports: [{ ...report, message: 'Échec pour jeanne.dupont@example.fr au 06 12 34 56 78', route: '/demandes/r-8f2c1e90?patient=Dupont', appVersion: '0.1.0', count: 3 }],
      dropped: 4,
    };
    expect((await gp.request('POST', '/api/client-log', sent, { 'user-agent': ANDROID })).status).toBe(204);

    const res = await coordination.request('GET', '/api/client-log');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const mine = res.json.errors.filter((e: { memberName: string }) => e.memberName === gpName);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'sync.start', name: 'TypeError', message: 'Échec pour [e-mail] au [nombre]', route: '/demandes/:id', appVersion: '0.1.0', device: 'Android · Chrome', count: 3 }),
        expect.objectContaining({ event: 'client-log.dropped', count: 4 }),
      ]),
    );
    expect(mine).toHaveLength(2);
    expect(JSON.stringify(res.json)).not.toMatch(/example\.fr|06 12|Dupont/);

    const lines = logged.map((l) => JSON.parse(l)).filter((l) => l.msg === 'erreur signalée par un appareil');
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, accountId: expect.any(String), event: 'sync.start', message: 'Échec pour [e-mail] au [nombre]' }));
    expect(logged.join('\n')).not.toMatch(/example\.fr|06 12|Dupont/);
  });

  it('lets coordinators only read the reports, and signed-in members only send them', async () => {
    const refused = await gp.request('GET', '/api/client-log');
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('Réservé à la coordination de la CPTS.');
    const anonymous = new Client(server.url);
    expect((await anonymous.request('GET', '/api/client-log')).status).toBe(401);
    expect((await anonymous.request('POST', '/api/client-log', batchOf(1))).status).toBe(401);
  });

  it('refuses a bad body with a French message naming the field', async () => {
    const wrongType = await gp.request('POST', '/api/client-log', { reports: [{ ...report, message: 42 }] });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json).toEqual({ error: 'Champ « reports.0.message » : type de valeur incorrect.', fields: [{ field: 'reports.0.message', message: 'type de valeur incorrect' }] });
    const tooMany = await gp.request('POST', '/api/client-log', batchOf(21));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error).toBe('Champ « reports » : trop d’éléments.');
    expect((await gp.request('POST', '/api/client-log', '"texte"')).json.error).toBe('Envoyez un objet JSON.');
    const huge = await gp.request('POST', '/api/client-log', { reports: [{ ...report, message: 'x'.repeat(70_000) }] });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toBe('Le corps de la requête est trop volumineux.');
  });

  it(`takes ${REPORTS_PER_MINUTE} reports a minute from an account, then refuses its batches for a minute`, async () => {
    expect((await nurse.request('POST', '/api/client-log', batchOf(20))).status).toBe(204);
    expect((await nurse.request('POST', '/api/client-log', batchOf(20))).status).toBe(204);
    const limited = await nurse.request('POST', '/api/client-log', batchOf(1));
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatch(/^Trop de signalements d’erreurs depuis ce compte/);
    // Another account is not held back by this one.
    expect((await gp.request('POST', '/api/client-log', batchOf(1))).status).toBe(204);
    await server.clock.advance(61_000);
    expect((await nurse.request('POST', '/api/client-log', batchOf(1))).status).toBe(204);
  });
});
