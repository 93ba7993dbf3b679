/**
 * Many requests posted through two server instances on one database (on CouchDB, 1,000; on the
 * embedded database, 200): each is dispatched exactly once, by whichever instance holds the lease,
 * and none is left waiting. On a cluster, the dispatcher often reads a request the feed announced
 * before the node it asks has it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { onCouchDb, startTestDatabase, type TestDatabase } from '../testing/database';
import { freePort, KillableServer } from '../testing/killable-server';
import { newRequest, post, until } from '../testing/requests';
import { Client } from '../testing/server';
import { dispatchProblems } from './kill-checks';

const REQUESTS = onCouchDb ? 1000 : 200;
const BATCH = 25;
const dirs = { db: mkdtempSync(path.join(tmpdir(), 'cpts-many-db-')), a: mkdtempSync(path.join(tmpdir(), 'cpts-many-a-')), b: mkdtempSync(path.join(tmpdir(), 'cpts-many-b-')) };
let database: TestDatabase;
let a: KillableServer;
let b: KillableServer;

type Doc = Record<string, unknown> & { _id: string };
const asRequest = ({ _id, ...rest }: Doc) => ({ ...rest, id: _id }) as unknown as CareRequest;

beforeAll(async () => {
  database = await startTestDatabase(dirs.db);
  const common = { ...database.env, SESSION_SECRET: 'Pk2v7LrT5pWd6NfYq1KgFs3Xc8GhUj4M-many-requests', DEMO_ACTIVITY: '0' };
  a = await KillableServer.start(dirs.a, { ...common, PORT: String(await freePort()) });
  b = await KillableServer.start(dirs.b, { ...common, PORT: String(await freePort()) });
}, 120_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.stop();
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
});

describe('many requests through two instances', () => {
  it(`dispatches each of ${REQUESTS} requests exactly once, none left waiting`, async () => {
    const members = await a.call<Array<Member & { _id: string }>>('docs', 'members');
    const gpId = members.find((m) => m.profession === '10' && m.status === 'active')!._id;
    const cookie = await a.call<string>('session', gpId);
    const clients = [a, b].map((server) => Object.assign(new Client(server.url), { cookie }));
    const requests = Array.from({ length: REQUESTS }, () => newRequest(gpId));
    const started = Date.now();
    for (let i = 0; i < REQUESTS; i += BATCH) {
      const res = await post(clients[(i / BATCH) % 2], 'requests', requests.slice(i, i + BATCH));
      expect(res.json.filter((r: { ok?: boolean }) => !r.ok)).toEqual([]);
    }
    const postedMs = Date.now() - started;
    const ids = requests.map((r) => r.id);
    const read = async () => (await b.call<Doc[]>('docs', 'requests', ids)).map(asRequest);
    const stored = await until(read, (rs) => rs.length === REQUESTS && rs.every((r) => (r.dispatch?.steps.length ?? 0) > 0), 300_000).catch(async () => read());
    console.log(`${REQUESTS} requests posted through 2 instances in ${(postedMs / 1000).toFixed(1)} s, all dispatched ${((Date.now() - started) / 1000).toFixed(1)} s after the first`);

    expect(stored.map((r) => r.id)).toEqual(ids);
    expect(stored.filter((r) => r.status === 'sent').map((r) => r.id)).toEqual([]);
    expect(stored.flatMap(dispatchProblems)).toEqual([]);
    expect((await b.call<Doc[]>('docs', 'server')).filter((d) => d._id.startsWith('dead-letter:'))).toEqual([]);
  }, 420_000);
});
