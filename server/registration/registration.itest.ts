import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnKey } from '../../src/domain/members/identifiers';
import { sampleRegistration } from '../../src/domain/registration/fixtures';
import type { Registration } from '../../src/domain/registration/schema';
import { startFakeBan, type FakeBan } from '../testing/fake-ban';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { startFakeSmtp, type FakeSmtp } from '../testing/smtp';

let server: TestServer;
let ban: FakeBan;
let smtp: FakeSmtp;
let coordinator: Client;
let counter = 0;

beforeAll(async () => {
  ban = await startFakeBan();
  smtp = await startFakeSmtp();
  server = await startTestServer({ GEOCODER_URL: ban.url, SMTP_URL: smtp.url, MAIL_FROM: 'CPTS Metz <ne-pas-repondre@cpts.test>' });
  coordinator = new Client(server.url);
  await coordinator.login(demo('coordination').email, demo('coordination').password);
});
afterAll(async () => {
  await server?.dispose();
  await smtp?.close();
  await ban?.close();
});

/** A registration with its own RPPS (valid key), e-mail and mobile. */
function fresh(overrides: Partial<Registration> = {}): Registration {
  const n = ++counter;
  const body = '1' + String(Date.now() % 1e8).padStart(8, '0') + String(n).padStart(1, '0').slice(-1);
  return sampleRegistration({
    identifiers: { rpps: body + luhnKey(body) },
    email: `inscrit.${Date.now()}.${n}@example.fr`,
    phones: { mobile: `06 11 22 ${String(33 + n).padStart(2, '0')} ${String(n).padStart(2, '0')}` },
    ...overrides,
  });
}

async function register(reg: Registration) {
  return new Client(server.url).request('POST', '/api/registrations', reg);
}

/** The last SMS code sent to this mobile, read from the development outbox. */
async function smsCode(mobile: string): Promise<string> {
  const sms = (await server.parts.outbox.list()).find((m) => m.channel === 'sms' && m.to === mobile);
  return /(\d{6})/.exec(sms?.text ?? '')![1];
}

async function emailToken(email: string): Promise<string> {
  const mail = await smtp.waitFor(email, (m) => m.text.includes('/verification?token='));
  return /\/verification\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

async function verifyBoth(reg: Registration, ticket: string) {
  const client = new Client(server.url);
  expect((await client.request('POST', '/api/registrations/verify-phone', { ticket, code: await smsCode(reg.phones.mobile) })).status).toBe(200);
  expect((await client.request('POST', '/api/registrations/verify-email', { token: await emailToken(reg.email) })).status).toBe(200);
}

const member = (id: string) => server.parts.storage.couch.use<Record<string, any>>('members').get(id);
const sync = (client: Client) => client.request('GET', '/api/sync/members/_changes?since=0&limit=5');

describe('registration, verification and approval', () => {
  it('registers, verifies by SMS code and e-mail link, waits for a coordinator, then logs in and syncs', async () => {
    const reg = fresh();
    const res = await register(reg);
    expect(res.status).toBe(201);
    const { ticket, registration } = res.json;
    expect(registration).toMatchObject({ status: 'pending', phoneVerified: false, emailVerified: false, warnings: [], mobile: '06 •• •• •• ' + reg.phones.mobile.slice(-2) });
    expect(JSON.stringify(res.json)).not.toContain(reg.password);

    const entry = await member(`m-${reg.identifiers.rpps}`);
    expect(entry).toMatchObject({ status: 'pending', displayName: 'Dr Claire Lambert', address: { street: '12 rue Serpenoise' }, location: { approximate: true } });

    // Pending: no login, no sync.
    const person = new Client(server.url);
    const login = await person.login(reg.email, reg.password);
    expect(login.status).toBe(401);
    expect(login.json.error).toMatch(/validation d’un coordinateur/);
    expect((await sync(person)).status).toBe(401);

    // The SMS code is in the outbox; the e-mail went through SMTP, with a link on the request's origin.
    const sms = (await server.parts.outbox.list()).find((m) => m.to === reg.phones.mobile)!;
    expect(sms.text).toMatch(/code de vérification est \d{6}.*15 minutes/);
    const mail = await smtp.waitFor(reg.email);
    expect(mail.from).toBe('ne-pas-repondre@cpts.test');
    expect(mail.subject).toMatch(/confirmez votre adresse e-mail/);
    expect(mail.text).toContain(`${server.url}/verification?token=`);

    const wrong = await person.request('POST', '/api/registrations/verify-phone', { ticket, code: '000000' === (await smsCode(reg.phones.mobile)) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ error: 'Code incorrect.', fields: [{ field: 'code', message: 'Code incorrect.' }] });
    const code = await smsCode(reg.phones.mobile);
    const ok = await person.request('POST', '/api/registrations/verify-phone', { ticket, code });
    expect(ok.json.registration).toMatchObject({ phoneVerified: true, emailVerified: false });
    const reused = await person.request('POST', '/api/registrations/verify-phone', { ticket, code });
    expect(reused.status).toBe(400);
    expect(reused.json.error).toMatch(/déjà été utilisé/);

    // Not yet verified by e-mail: a coordinator cannot approve.
    const early = await coordinator.request('POST', `/api/registrations/${registration.id}/approve`);
    expect(early.status).toBe(409);
    expect(early.json.error).toMatch(/vérification/);

    const token = await emailToken(reg.email);
    expect((await person.request('POST', '/api/registrations/verify-email', { token })).json.registration).toMatchObject({ emailVerified: true, phoneVerified: true });
    const again = await person.request('POST', '/api/registrations/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.json.error).toMatch(/déjà été utilisé/);
    expect((await person.request('POST', '/api/registrations/status', { ticket })).json.registration).toMatchObject({ status: 'pending', phoneVerified: true, emailVerified: true });

    // The queue shows the details and the checks; only to coordinators.
    const queue = await coordinator.request('GET', '/api/registrations');
    const item = queue.json.registrations.find((r: { id: string }) => r.id === registration.id);
    expect(item).toMatchObject({ displayName: 'Dr Claire Lambert', professionLabel: 'Médecin', identifiers: [{ label: 'RPPS', value: reg.identifiers.rpps }], warnings: [] });
    expect(item.phoneVerifiedAt).toBeTruthy();
    expect(item.emailVerifiedAt).toBeTruthy();
    expect(JSON.stringify(item)).not.toContain(reg.password);
    const nurse = new Client(server.url);
    await nurse.login(demo('infirmiere').email, demo('infirmiere').password);
    expect((await nurse.request('GET', '/api/registrations')).status).toBe(403);
    expect((await nurse.request('POST', `/api/registrations/${registration.id}/approve`)).status).toBe(403);

    const approved = await coordinator.request('POST', `/api/registrations/${registration.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.json.registration).toMatchObject({ status: 'approved', decidedBy: 'Hélène Marchal' });
    expect((await member(`m-${reg.identifiers.rpps}`)).status).toBe('active');
    expect((await smtp.waitFor(reg.email, (m) => /validée/.test(m.subject))).text).toContain(`${server.url}/connexion`);
    expect((await server.parts.outbox.list()).find((m) => m.to === reg.phones.mobile)!.text).toMatch(/inscription est validée/);
    expect((await coordinator.request('POST', `/api/registrations/${registration.id}/approve`)).status).toBe(409);

    const loggedIn = await person.login(reg.email, reg.password);
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.json.user).toMatchObject({ memberId: `m-${reg.identifiers.rpps}`, roles: ['member'] });
    expect((await sync(person)).status).toBe(200);
  });

  it('refuses a registration with a reason: the person is told, cannot log in, and the pending entry goes', async () => {
    const reg = fresh();
    const { registration } = (await register(reg)).json;
    expect((await coordinator.request('POST', `/api/registrations/${registration.id}/refuse`, { reason: '' })).status).toBe(400);
    const refused = await coordinator.request('POST', `/api/registrations/${registration.id}/refuse`, { reason: 'Exercice hors du territoire de la CPTS.' });
    expect(refused.json.registration).toMatchObject({ status: 'refused', reason: 'Exercice hors du territoire de la CPTS.' });
    expect((await smtp.waitFor(reg.email, (m) => /pas été validée/.test(m.subject))).text).toContain('Exercice hors du territoire de la CPTS.');
    const person = new Client(server.url);
    const login = await person.login(reg.email, reg.password);
    expect(login.status).toBe(401);
    expect(login.json.error).toMatch(/pas actif/);
    expect((await sync(person)).status).toBe(401);
    await expect(member(`m-${reg.identifiers.rpps}`)).rejects.toMatchObject({ statusCode: 404 });
    const decided = await coordinator.request('GET', '/api/registrations?status=refused');
    expect(decided.json.registrations.map((r: { id: string }) => r.id)).toContain(registration.id);
  });

  it('refuses an e-mail or a national number already registered, saying which', async () => {
    const taken = await register(fresh({ email: demo('generaliste').email }));
    expect(taken.status).toBe(409);
    expect(taken.json.fields).toEqual([{ field: 'email', message: expect.stringMatching(/déjà avec cette adresse/) }]);

    const gp = await member((await server.parts.accounts.findByEmail(demo('generaliste').email))!.memberId);
    const sameRpps = await register(fresh({ identifiers: { rpps: gp.identifiers.rpps } }));
    expect(sameRpps.status).toBe(409);
    expect(sameRpps.json.fields).toEqual([{ field: 'identifiers.rpps', message: expect.stringMatching(/RPPS est déjà enregistré/) }]);

    // A pending registration holds its number too.
    const first = fresh();
    expect((await register(first)).status).toBe(201);
    expect((await register(fresh({ identifiers: first.identifiers }))).status).toBe(409);
  });

  it('matches an invited entry from the RPPS import: it keeps its id and becomes the member’s at approval', async () => {
    const reg = fresh();
    const id = `m-${reg.identifiers.rpps}`;
    const { _rev, ...invited } = await member((await server.parts.accounts.findByEmail(demo('infirmier').email))!.memberId);
    void _rev;
    await server.parts.storage.couch.use('members').insert({ ...invited, _id: id, status: 'invited', identifiers: reg.identifiers, email: undefined, displayName: 'LAMBERT Claire' } as never);

    const res = await register(reg);
    expect(res.status).toBe(201);
    // Until approval, the directory entry stays as imported (a registration is not yet trusted).
    expect((await member(id)).status).toBe('invited');
    await verifyBoth(reg, res.json.ticket);
    expect((await register(fresh({ identifiers: reg.identifiers }))).status).toBe(409);

    expect((await coordinator.request('GET', '/api/registrations')).json.registrations.find((r: { id: string }) => r.id === res.json.registration.id)).toMatchObject({ claimsInvited: true, memberId: id });
    expect((await coordinator.request('POST', `/api/registrations/${res.json.registration.id}/approve`)).status).toBe(200);
    expect(await member(id)).toMatchObject({ _id: id, status: 'active', email: reg.email, displayName: 'Dr Claire Lambert' });
    const person = new Client(server.url);
    expect((await person.login(reg.email, reg.password)).json.user.memberId).toBe(id);
  });

  it('accepts an RPPS whose Luhn key does not match, with a warning shown to the coordinators', async () => {
    const reg = fresh();
    const rpps = reg.identifiers.rpps!;
    const bad = rpps.slice(0, 10) + String((Number(rpps[10]) + 1) % 10);
    const res = await register({ ...reg, identifiers: { rpps: bad } });
    expect(res.status).toBe(201);
    expect(res.json.registration.warnings).toEqual([{ field: 'identifiers.rpps', message: expect.stringMatching(/clé de contrôle/) }]);
    const item = (await coordinator.request('GET', '/api/registrations')).json.registrations.find((r: { id: string }) => r.id === res.json.registration.id);
    expect(item.warnings).toHaveLength(1);
  });

  it('refuses invalid registrations field by field, in French, and survives garbage', async () => {
    const res = await register({ ...fresh(), identifiers: { siret: '73282932000075' }, password: 'court', email: 'x@' } as Registration);
    expect(res.status).toBe(400);
    expect(res.json.fields).toEqual(
      expect.arrayContaining([
        { field: 'identifiers.siret', message: expect.stringMatching(/SIRET est incorrect/) },
        { field: 'password', message: expect.stringMatching(/10 caractères/) },
        { field: 'email', message: 'adresse e-mail invalide' },
      ]),
    );
    for (const body of ['[', [1], { kind: 'professional', roles: ['admin'] }, { identifiers: 'x', address: [], phones: 1 }]) {
      const r = await new Client(server.url).request('POST', '/api/registrations', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(typeof r.json.error).toBe('string');
    }
    for (const [path, body] of [
      ['/api/registrations/verify-phone', { ticket: 'reg-x.y', code: '123456' }],
      ['/api/registrations/verify-phone', { ticket: 42 }],
      ['/api/registrations/verify-email', { token: '../../x' }],
      ['/api/registrations/resend', { ticket: 'x', channel: 'fax' }],
      ['/api/registrations/status', 'null'],
      ['/api/password/reset', { token: ['a'], password: 1 }],
      ['/api/password/forgot', { email: 3 }],
    ] as const) {
      const r = await new Client(server.url).request('POST', path, body);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
    expect((await coordinator.request('POST', '/api/registrations/reg-nope/approve')).status).toBe(404);
    expect((await coordinator.request('GET', '/api/registrations?status=everything')).status).toBe(400);
  });
});

describe('SMS codes', () => {
  it('expire, stop after 5 wrong attempts, and can be sent again a limited number of times', async () => {
    const reg = fresh();
    const { ticket, registration } = (await register(reg)).json;
    const client = new Client(server.url);
    const verify = (code: string) => client.request('POST', '/api/registrations/verify-phone', { ticket, code });

    const codes = server.parts.storage.couch.use<Record<string, any>>('verifications');
    const stored = await codes.get(`code-${registration.id}`);
    expect(JSON.stringify(stored)).not.toContain(await smsCode(reg.phones.mobile));
    await codes.insert({ ...stored, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const expired = await verify(await smsCode(reg.phones.mobile));
    expect(expired.status).toBe(400);
    expect(expired.json.error).toMatch(/expiré/);

    const resent = await client.request('POST', '/api/registrations/resend', { ticket, channel: 'sms' });
    expect(resent.json.registration.smsLeft).toBe(2);
    const code = await smsCode(reg.phones.mobile);
    const wrong = code === '999999' ? '999998' : '999999';
    for (let i = 0; i < 4; i++) expect((await verify(wrong)).json.error).toBe('Code incorrect.');
    expect((await verify(wrong)).json.error).toMatch(/Trop de codes incorrects/);
    expect((await verify(code)).json.error).toMatch(/Trop de codes incorrects/);

    await client.request('POST', '/api/registrations/resend', { ticket, channel: 'sms' });
    expect((await verify(await smsCode(reg.phones.mobile))).json.registration.phoneVerified).toBe(true);
    expect((await client.request('POST', '/api/registrations/resend', { ticket, channel: 'sms' })).status).toBe(409);

    // E-mail links: three more at most.
    for (let i = 0; i < 3; i++) expect((await client.request('POST', '/api/registrations/resend', { ticket, channel: 'email' })).status).toBe(200);
    const limit = await client.request('POST', '/api/registrations/resend', { ticket, channel: 'email' });
    expect(limit.status).toBe(429);
    expect(limit.json.error).toMatch(/Nombre maximal/);
  });

  it('refuses an expired e-mail link', async () => {
    const reg = fresh();
    const registration = (await register(reg)).json.registration.id as string;
    const token = await emailToken(reg.email);
    const links = server.parts.storage.couch.use<Record<string, any>>('verifications');
    const all = await links.list({ include_docs: true });
    const mine = all.rows.filter((row) => row.doc?.kind === 'email' && row.doc.subject === registration);
    expect(mine).toHaveLength(1);
    for (const row of mine) await links.insert({ ...row.doc, expiresAt: new Date(Date.parse(row.doc!.createdAt) - 1).toISOString() });
    const res = await new Client(server.url).request('POST', '/api/registrations/verify-email', { token });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/expiré/);
  });
});
