import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnKey } from '../../src/domain/members/identifiers';
import type { Member } from '../../src/domain/members/schema';
import { PSC_PREFILL_ID } from '../../src/domain/psc/api';
import { Browser } from '../testing/browser';
import { startFakePsc, type FakePsc } from '../testing/fake-psc';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';

let server: TestServer;
let psc: FakePsc;
let app: string;

/** The app's address must be known before it starts: it is the redirect address registered with the provider. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  app = `http://127.0.0.1:${await freePort()}`;
  psc = await startFakePsc(`${app}/api/auth/psc/callback`, `${app}/connexion`);
  server = await startTestServer({
    PORT: new URL(app).port,
    PSC_ISSUER: psc.issuer,
    PSC_CLIENT_ID: psc.clientId,
    PSC_CLIENT_SECRET: psc.clientSecret,
    PSC_REDIRECT_URL: `${app}/api/auth/psc/callback`,
  });
});
afterAll(async () => {
  await server?.dispose();
  await psc?.close();
});

/** Signs in through the provider as the test chose, and returns where the browser lands in the app. */
async function signIn(browser: Browser, next: string): Promise<URL> {
  psc.next = next;
  return (await browser.follow(`${app}/api/auth/psc/start`, app)).landing;
}

/** A directory entry of the demo with an RPPS and no account. */
async function memberWithoutAccount(): Promise<Member & { _id: string }> {
  const res = await server.parts.storage.couch.use<Member & { _id: string }>('members').list({ include_docs: true, limit: 100 });
  for (const row of res.rows) {
    if (row.doc?.identifiers?.rpps && !(await server.parts.accounts.findByMember(row.id)).length) return row.doc;
  }
  throw new Error('aucune fiche sans compte');
}

describe('Pro Santé Connect', () => {
  it('keeps the password login working beside it', async () => {
    const client = new Client(server.url);
    const res = await client.login(demo('generaliste').email, demo('generaliste').password);
    expect(res.status).toBe(200);
    expect((await client.request('GET', '/api/session')).json.user.id).toBe(res.json.user.id);
    expect((await new Client(server.url).request('GET', '/api/auth/psc')).json).toEqual({ enabled: true });
  });

  it('signs a known professional in with a normal session, after PKCE, state, nonce and the eIDAS level', async () => {
    const password = await new Client(server.url).login(demo('generaliste').email, demo('generaliste').password);
    const rpps = password.json.user.memberId.replace(/^m-/, '');
    psc.people.set(rpps, { rpps, firstName: 'Claire', lastName: 'Generaliste', profession: '10' });

    const browser = new Browser();
    psc.next = rpps;
    const { steps, landing } = await browser.follow(`${app}/api/auth/psc/start`, app);
    expect(landing.href).toBe(`${app}/connexion?psc=connecte`);
    const authorize = steps[0].location!;
    expect(authorize.origin).toBe(psc.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: 'code', scope: 'openid scope_all', code_challenge_method: 'S256', acr_values: 'eidas1', client_id: psc.clientId });
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(psc.discovered).toContain('wallet-openid-configuration');

    const me = await browser.json('GET', `${app}/api/session`);
    expect(me.status).toBe(200);
    expect(me.json.user).toEqual(password.json.user);
    const cookie = steps.at(-1)!.headers.getSetCookie().find((c) => c.startsWith('cpts_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('logs out: the session ends, and only one Pro Santé Connect opened gets the provider’s logout address', async () => {
    const rpps = [...psc.people.keys()][0];
    const browser = new Browser();
    expect((await signIn(browser, rpps)).href).toBe(`${app}/connexion?psc=connecte`);
    const out = await browser.json('POST', `${app}/api/auth/psc/logout`);
    expect(out.status).toBe(200);
    const end = new URL(out.json.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${psc.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${app}/connexion`);
    expect(end.searchParams.get('client_id')).toBe(psc.clientId);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await browser.json('GET', `${app}/api/session`)).status).toBe(401);

    const password = new Browser();
    expect((await password.json('POST', `${app}/api/session`, demo('infirmiere'))).status).toBe(200);
    expect((await password.json('POST', `${app}/api/auth/psc/logout`)).json).toEqual({ endSessionUrl: null });
    expect((await password.json('GET', `${app}/api/session`)).status).toBe(401);

    // Signed in with Pro Santé Connect, then with a password in the same browser: the logout is the password session's.
    const both = new Browser();
    await signIn(both, rpps);
    expect((await both.json('POST', `${app}/api/session`, demo('infirmiere'))).status).toBe(200);
    expect((await both.json('POST', `${app}/api/auth/psc/logout`)).json).toEqual({ endSessionUrl: null });
  });

  it('sends an unknown professional to the registration form, pre-filled through an id only this browser can read', async () => {
    const rpps = '2' + '000000001' + luhnKey('2000000001');
    psc.people.set(rpps, { rpps, firstName: 'Inès', lastName: 'Nouvelle', profession: '60' });
    const browser = new Browser();
    const landing = await signIn(browser, rpps);
    expect(landing.pathname).toBe('/inscription');
    const id = landing.searchParams.get('psc')!;
    expect(id).toMatch(PSC_PREFILL_ID);
    expect(landing.href).not.toContain(rpps);
    expect(landing.href).not.toContain('Nouvelle');

    const prefill = await browser.json('GET', `${app}/api/auth/psc/prefill/${id}`);
    expect(prefill.status).toBe(200);
    expect(prefill.json.prefill).toEqual({ kind: 'professional', civility: 'Dr', firstName: 'Inès', lastName: 'Nouvelle', profession: '60', identifiers: { rpps } });
    expect((await new Browser().json('GET', `${app}/api/auth/psc/prefill/${id}`)).status).toBe(404);
    expect((await browser.json('GET', `${app}/api/auth/psc/prefill/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await browser.json('GET', `${app}/api/session`)).status).toBe(401);
  });

  it('comes back to the login page with « refuse » when the professional cancels at the provider', async () => {
    const browser = new Browser();
    const landing = await signIn(browser, 'refuse');
    expect(`${landing.pathname}${landing.search}`).toBe('/connexion?psc=refuse');
    expect((await browser.json('GET', `${app}/api/session`)).status).toBe(401);
  });

  it('refuses a callback whose state was changed, or brought to another browser, with « invalide »', async () => {
    const rpps = [...psc.people.keys()][0];
    psc.next = rpps;
    const browser = new Browser();
    let step = await browser.send('GET', `${app}/api/auth/psc/start`);
    while (step.location && step.location.origin !== app) step = await browser.send('GET', step.location);
    const callback = step.location!;
    expect(callback.pathname).toBe('/api/auth/psc/callback');

    const elsewhere = await new Browser().send('GET', callback);
    expect(elsewhere.location?.href).toBe(`${app}/connexion?psc=invalide`);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'x'.repeat(43));
    const changed = await browser.send('GET', tampered);
    expect(changed.location?.href).toBe(`${app}/connexion?psc=invalide`);
    expect((await browser.json('GET', `${app}/api/session`)).status).toBe(401);
  });

  it('says why there is no session: an entry without account, a registration awaiting a coordinator', async () => {
    const member = await memberWithoutAccount();
    const rpps = member.identifiers!.rpps!;
    psc.people.set(rpps, { rpps, firstName: member.firstName ?? 'A', lastName: member.lastName ?? 'B', profession: member.profession });
    expect((await signIn(new Browser(), rpps)).search).toBe('?psc=sans-compte');

    await server.parts.accounts.create({ _id: 'acc-psc-en-attente', email: 'en-attente@example.fr', passwordHash: 'x', roles: ['member'], status: 'pending', memberId: member._id, name: 'En attente' });
    expect((await signIn(new Browser(), rpps)).search).toBe('?psc=en-attente');
  });
});
