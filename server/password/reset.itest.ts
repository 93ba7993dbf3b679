import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { startFakeSmtp, type FakeSmtp } from '../testing/smtp';
import { FORGOT_ANSWER } from './routes';

let server: TestServer;
let smtp: FakeSmtp;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://cpts.example.test' });
});
afterAll(async () => {
  await server?.dispose();
  await smtp?.close();
});

const forgot = (email: string) => new Client(server.url).request('POST', '/api/password/forgot', { email });
const tokenIn = (text: string) => /\/reinitialisation\?token=([A-Za-z0-9_-]+)/.exec(text)![1];

describe('password reset by e-mail link', () => {
  it('answers the same whether the account exists or not, and mails a link only when it does', async () => {
    const unknown = await forgot('personne@example.fr');
    const known = await forgot(demo('pharmacien').email.toUpperCase());
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    expect(unknown.json).toEqual({ message: FORGOT_ANSWER });
    expect(known.json).toEqual(unknown.json);
    const mail = await smtp.waitFor(demo('pharmacien').email);
    // Links use PUBLIC_URL when it is set.
    expect(mail.text).toContain('http://cpts.example.test/reinitialisation?token=');
    expect(smtp.mails.some((m) => m.to.includes('personne@example.fr'))).toBe(false);
  });

  it('sets a new password once, ends the other sessions, and the link cannot serve twice', async () => {
    const { email, password } = demo('infirmier');
    const elsewhere = new Client(server.url);
    expect((await elsewhere.login(email, password)).status).toBe(200);
    const keyBefore = (await elsewhere.request('GET', '/api/session/device-key')).json;

    await forgot(email);
    const token = tokenIn((await smtp.waitFor(email, (m) => m.text.includes('reinitialisation'))).text);
    const client = new Client(server.url);
    expect((await client.request('POST', '/api/password/check', { token })).json).toEqual({ valid: true });
    const weak = await client.request('POST', '/api/password/reset', { token, password: 'court' });
    expect(weak.status).toBe(400);
    expect(weak.json.fields).toEqual([{ field: 'password', message: 'mot de passe : au moins 10 caractères' }]);

    const fresh = 'Nouveau-Mot-de-passe-2027';
    const done = await client.request('POST', '/api/password/reset', { token, password: fresh });
    expect(done.status).toBe(200);
    expect((await elsewhere.request('GET', '/api/session')).status).toBe(401);
    expect((await elsewhere.request('GET', '/api/sync/members/_changes?since=0&limit=1')).status).toBe(401);
    expect((await new Client(server.url).login(email, password)).status).toBe(401);
    const again = new Client(server.url);
    expect((await again.login(email, fresh)).status).toBe(200);
    // A new device key: what the lost phone holds cannot be opened with what the server releases now.
    const keyAfter = (await again.request('GET', '/api/session/device-key')).json;
    expect(keyAfter.version).toBe(keyBefore.version + 1);
    expect(keyAfter.key).not.toBe(keyBefore.key);
    expect((await elsewhere.request('GET', '/api/session/device-key')).status).toBe(401);

    const reused = await client.request('POST', '/api/password/reset', { token, password: 'Encore-un-autre-2028' });
    expect(reused.status).toBe(400);
    expect(reused.json.error).toMatch(/déjà été utilisé/);
  });

  it('refuses an expired or unknown link', async () => {
    const { email } = demo('specialiste');
    await forgot(email);
    const token = tokenIn((await smtp.waitFor(email)).text);
    const db = server.parts.storage.couch.use<Record<string, any>>('verifications');
    for (const row of (await db.list({ include_docs: true })).rows) {
      if (row.doc?.kind === 'reset' && !row.doc.usedAt) await db.insert({ ...row.doc, expiresAt: new Date(Date.now() - 1).toISOString() });
    }
    const expired = await new Client(server.url).request('POST', '/api/password/reset', { token, password: 'Nouveau-Mot-de-passe-2027' });
    expect(expired.status).toBe(400);
    expect(expired.json.error).toMatch(/expiré/);
    const unknown = await new Client(server.url).request('POST', '/api/password/check', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/n’est pas valide/);
  });
});
