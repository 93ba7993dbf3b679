import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import type { OutboxMessage } from '../../src/domain/notify/api';
import { topicOf } from '../push/sender';
import { startFakePushService, PushSubscriber, type FakePushService } from '../testing/push-service';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { clientFor, makeAvailable, newRequest, nurseIds, patientFor, post, storedRequest, until } from '../testing/requests';

let server: TestServer;
let pushService: FakePushService;
let gp: Client;
let gpId: string;
let nurses: string[];

beforeAll(async () => {
  pushService = await startFakePushService();
  server = await startTestServer();
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  nurses = await nurseIds(server, 3);
  // The third nurse chose SMS alerts (made available after, so the dispatcher sees both).
  const db = server.parts.storage.couch.use('members');
  const third = (await db.get(nurses[2])) as unknown as Member & { _rev: string };
  await db.insert({ ...third, smsAlerts: true, phones: { ...third.phones, mobile: '06 99 88 77 66' } } as never);
  await makeAvailable(server, nurses, 0);
});
afterAll(async () => {
  await server?.dispose();
  await pushService?.close();
});

describe('alerts outside the app', () => {
  it('sends an encrypted Web Push to each alerted device and an SMS to members who chose it, without patient data', async () => {
    const subscribers = nurses.slice(0, 2).map((_, i) => new PushSubscriber(`${pushService.url}/push/${i}`));
    for (const [i, sub] of subscribers.entries()) {
      const client = await clientFor(server, nurses[i]);
      expect((await client.request('POST', '/api/push/subscriptions', sub.toJSON())).status).toBe(201);
    }
    const request = newRequest(gpId);
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const searching = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.alerted.length ?? 0) > 0);
    expect(searching.dispatch!.alerted).toEqual(expect.arrayContaining(nurses));

    const received = await pushService.waitFor(2, 10_000);
    expect(received).toHaveLength(2);
    for (const push of received) {
      const sub = subscribers.find((s) => s.endpoint.endsWith(push.path))!;
      const payload = JSON.parse(sub.decrypt(push.body));
      expect(payload).toEqual({
        kind: 'new-request',
        requestId: request.id,
        title: 'Nouvelle demande : passage infirmier à domicile (retour à domicile)',
        body: 'Metz — dans la journée',
        url: `/demandes/${request.id}`,
        alertId: `${request.id}.s0`,
      });
      // A copy sent again after a crash replaces an undelivered one at the push service.
      expect(push.headers.topic).toBe(topicOf(`${request.id}.s0`));
      expect(JSON.stringify(payload)).not.toMatch(/Durand|Jeanne|1941/);
    }

    const outbox = path.join(server.dataDir, 'outbox.jsonl');
    const sms = await until(
      async () => readFileSync(outbox, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutboxMessage).filter((m) => m.channel === 'sms'),
      (list) => list.length > 0,
    );
    expect(sms).toHaveLength(1);
    expect(sms[0].key).toBe(`${request.id}.s0/${nurses[2]}`);
    expect(sms[0].to.replace(/\D/g, '')).toMatch(/699887766$/);
    expect(JSON.stringify(sms)).toContain('passage infirmier');
    expect(JSON.stringify(sms)).not.toMatch(/Durand|Jeanne/);
  });
});
