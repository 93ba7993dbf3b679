/**
 * The dispatcher on a database that behaves as a CouchDB cluster node can: the first read of a
 * request or message after each write answers 404 although the change feed lists it. Every request
 * is still dispatched, exactly once, and every acceptance applied; nothing is set aside.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../testing/database';
import { clientFor, makeAvailable, message, newRequest, nurseIds, post, storedRequest, until } from '../testing/requests';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { startStaleReadProxy, type StaleReadProxy } from '../testing/stale-read-proxy';

const REQUESTS = 20;
const dir = mkdtempSync(path.join(tmpdir(), 'cpts-stale-'));
let database: TestDatabase;
let proxy: StaleReadProxy;
let server: TestServer;
let gp: Client;
let gpId: string;
let nurses: string[];

beforeAll(async () => {
  database = await startTestDatabase(dir);
  proxy = await startStaleReadProxy(database.env.COUCHDB_URL, ['requests', 'messages']);
  server = await startTestServer({ ...database.env, COUCHDB_URL: proxy.url });
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  nurses = await nurseIds(server, 10);
  await makeAvailable(server, nurses);
  await until(async () => nurses.every((id) => server.parts.dispatcher.directory.get(id)?.availability.homeVisitRadiusKm === 15), Boolean);
});
afterAll(async () => {
  await server?.dispose();
  await proxy?.close();
  await database?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dispatch when a read can miss a document the feed announced', () => {
  it('dispatches every request exactly once and applies every acceptance, with nothing set aside', async () => {
    const requests = Array.from({ length: REQUESTS }, () => newRequest(gpId));
    expect((await post(gp, 'requests', requests)).json.every((r: { ok?: boolean }) => r.ok)).toBe(true);

    const dispatched = await Promise.all(requests.map((r) => until(() => storedRequest(server, r.id), (s) => s.status === 'searching' && (s.dispatch?.alerted.length ?? 0) > 0, 60_000)));
    // One first circle each: a change read twice did not alert twice.
    expect(dispatched.map((r) => r.dispatch!.steps.length)).toEqual(requests.map(() => 1));
    const afterDispatch = proxy.staleReads;
    expect(afterDispatch).toBeGreaterThanOrEqual(REQUESTS);

    for (const request of dispatched) {
      const nurse = await clientFor(server, request.dispatch!.alerted[0]);
      expect((await post(nurse, 'messages', [message(request, request.dispatch!.alerted[0], 'accept')])).json[0].ok).toBe(true);
    }
    const assigned = await Promise.all(dispatched.map((r) => until(() => storedRequest(server, r.id), (s) => s.status === 'assigned', 60_000)));
    expect(assigned.map((r) => r.assigneeId)).toEqual(dispatched.map((r) => r.dispatch!.alerted[0]));
    expect(assigned.map((r) => r.history!.filter((h) => h.event === 'accept').length)).toEqual(requests.map(() => 1));
    expect(proxy.staleReads).toBeGreaterThan(afterDispatch);

    const coordinator = new Client(server.url);
    await coordinator.login(demo('coordination').email, demo('coordination').password);
    expect((await coordinator.request('GET', '/api/dead-letters')).json).toEqual({ deadLetters: [] });
  });
});
