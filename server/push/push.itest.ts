import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushSubscriber, startFakePushService, verifyVapid, type FakePushService } from '../testing/push-service';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import type { AlertPayload } from '../alerts/push-channel';

let server: TestServer;
let pushService: FakePushService;
let gp: Client;
let nurse: Client;
let gpId: string;
let nurseId: string;

const payload: AlertPayload = { kind: 'new-request', requestId: 'r-test-push-0001', title: 'Nouvelle demande : passage infirmier à domicile', body: 'Metz — dans la journée', url: '/demandes/r-test-push-0001' };

async function signIn(name: Parameters<typeof demo>[0]): Promise<[Client, string]> {
  const client = new Client(server.url);
  const res = await client.login(demo(name).email, demo(name).password);
  return [client, res.json.user.memberId];
}

const devicesOf = async (memberId: string) => (await server.parts.push.subscriptions.forMembers([memberId])).map((s) => s.endpoint).sort();

beforeAll(async () => {
  pushService = await startFakePushService();
  server = await startTestServer({ VAPID_SUBJECT: 'mailto:coordination@cpts-metz.test' });
  [gp, gpId] = await signIn('generaliste');
  [nurse, nurseId] = await signIn('infirmiere');
});
afterAll(async () => {
  await server?.dispose();
  await pushService?.close();
});

describe('Web Push', () => {
  it('keeps one VAPID key pair in DATA_DIR (mode 600) and gives its public key to signed-in users only', async () => {
    const file = path.join(server.dataDir, 'vapid.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const res = await gp.request('GET', '/api/push/key');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ publicKey: JSON.parse(readFileSync(file, 'utf8')).publicKey });
    expect(Buffer.from(res.json.publicKey, 'base64url')).toHaveLength(65);
    expect((await new Client(server.url).request('GET', '/api/push/key')).status).toBe(401);
  });

  it('refuses anonymous subscriptions and bad bodies with a French message naming the field', async () => {
    const subscriber = new PushSubscriber(`${pushService.url}/push/anonymous`);
    const anonymous = new Client(server.url);
    expect((await anonymous.request('POST', '/api/push/subscriptions', subscriber.toJSON())).status).toBe(401);
    expect((await anonymous.request('DELETE', '/api/push/subscriptions', { endpoint: subscriber.endpoint })).status).toBe(401);

    const badKey = await gp.request('POST', '/api/push/subscriptions', { ...subscriber.toJSON(), keys: { p256dh: 'abc', auth: 'def' } });
    expect(badKey.status).toBe(400);
    expect(badKey.json.error).toMatch(/« keys\.p256dh »/);
    const badEndpoint = await gp.request('POST', '/api/push/subscriptions', { ...subscriber.toJSON(), endpoint: 'ftp://push.example/1' });
    expect(badEndpoint.status).toBe(400);
    expect(badEndpoint.json.fields).toEqual([{ field: 'endpoint', message: expect.any(String) }]);
    expect((await gp.request('POST', '/api/push/subscriptions', '"texte"')).status).toBe(400);
    expect((await gp.request('DELETE', '/api/push/subscriptions', {})).status).toBe(400);
    expect(await devicesOf(gpId)).toEqual([]);
  });

  it('delivers the alert to every device of the members, encrypted for each, signed with VAPID', async () => {
    const phone = new PushSubscriber(`${pushService.url}/push/gp-phone`);
    const laptop = new PushSubscriber(`${pushService.url}/push/gp-laptop`);
    const nursePhone = new PushSubscriber(`${pushService.url}/push/nurse-phone`);
    for (const [client, subscriber] of [[gp, phone], [gp, laptop], [nurse, nursePhone], [gp, phone]] as const) {
      expect((await client.request('POST', '/api/push/subscriptions', subscriber.toJSON())).status).toBe(201);
    }
    expect(await devicesOf(gpId)).toEqual([laptop.endpoint, phone.endpoint].sort());

    const before = pushService.received.length;
    // A wider object by mistake: only the alert's own fields may leave the server.
    const result = await server.parts.push.notify([gpId, nurseId, gpId, 'm-sans-abonnement'], { ...payload, patient: 'Jeanne Dupont' } as AlertPayload);
    expect(result).toEqual({ sent: 3, failed: 0 });
    const received = (await pushService.waitFor(before + 3)).slice(before);
    const publicKey = (await gp.request('GET', '/api/push/key')).json.publicKey;
    for (const subscriber of [phone, laptop, nursePhone]) {
      const push = received.find((r) => `${pushService.url}${r.path}` === subscriber.endpoint)!;
      expect(push.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '3600', urgency: 'high' });
      expect(push.body.includes(Buffer.from('passage infirmier'))).toBe(false);
      expect(JSON.parse(subscriber.decrypt(push.body))).toEqual(payload);
      const claims = verifyVapid(push.headers.authorization, publicKey);
      expect(claims).toMatchObject({ aud: pushService.url, sub: 'mailto:coordination@cpts-metz.test' });
      expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    }
  });

  it('forgets a subscription the push service says is gone (410, 404), keeps it after other failures, never throws', async () => {
    const gone = new PushSubscriber(`${pushService.url}/push/nurse-gone`);
    const expired = new PushSubscriber(`${pushService.url}/push/nurse-expired`);
    const flaky = new PushSubscriber(`${pushService.url}/push/nurse-flaky`);
    const unreachable = new PushSubscriber('http://127.0.0.1:1/push/nurse-unreachable');
    for (const s of [gone, expired, flaky, unreachable]) expect((await nurse.request('POST', '/api/push/subscriptions', s.toJSON())).status).toBe(201);
    pushService.answer('/push/nurse-gone', 410);
    pushService.answer('/push/nurse-expired', 404);
    pushService.answer('/push/nurse-flaky', 503);

    const result = await server.parts.push.notify([nurseId], { ...payload, kind: 'taken', title: 'Demande prise en charge' });
    expect(result).toEqual({ sent: 1, failed: 4 });
    // Listings are a view: on a cluster, one may answer from a copy the deletions have not reached yet.
    const kept = [`${pushService.url}/push/nurse-flaky`, `${pushService.url}/push/nurse-phone`, unreachable.endpoint].sort();
    await expect.poll(() => devicesOf(nurseId), { timeout: 15_000 }).toEqual(kept);
    expect(await server.parts.push.notify([], payload)).toEqual({ sent: 0, failed: 0 });
  });

  it('removes only the caller’s own subscription, and a device changes hands when someone else subscribes on it', async () => {
    const phone = `${pushService.url}/push/gp-phone`;
    expect((await nurse.request('DELETE', '/api/push/subscriptions', { endpoint: phone })).status).toBe(204);
    expect(await devicesOf(gpId)).toContain(phone);
    expect((await gp.request('DELETE', '/api/push/subscriptions', { endpoint: phone })).status).toBe(204);
    // Listings are a view: on a cluster, one may answer from a copy the last write has not reached yet.
    await expect.poll(() => devicesOf(gpId), { timeout: 15_000 }).not.toContain(phone);
    expect((await gp.request('DELETE', '/api/push/subscriptions', { endpoint: phone })).status).toBe(204);

    const laptop = new PushSubscriber(`${pushService.url}/push/gp-laptop`);
    expect((await nurse.request('POST', '/api/push/subscriptions', laptop.toJSON())).status).toBe(201);
    await expect.poll(() => devicesOf(gpId), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => devicesOf(nurseId), { timeout: 15_000 }).toContain(laptop.endpoint);
  });
});
