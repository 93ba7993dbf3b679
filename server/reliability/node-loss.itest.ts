/**
 * A CouchDB node lost is not the platform lost. A three-node cluster of the test's own, two server
 * instances each preferring another node, requesters' and nurses' devices syncing through both.
 * Requests are written on the devices, dispatched and accepted while node 2, then node 1, is killed
 * (SIGKILL): every write reaches the server once, every request is dispatched once and assigned to
 * the nurse who accepted it, every device ends with the server's state, nothing is set aside.
 * Runs with `npm run test:couchdb` and `npm run test:cluster`, which name the start script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { clusterScript, startCluster, type Cluster } from '../testing/couchdb-cluster';
import { startDevice, type Device } from '../testing/device';
import { freePort, KillableServer } from '../testing/killable-server';
import { message, newRequest, until } from '../testing/requests';
import { countWrites, dispatchProblems, type Written } from './kill-checks';

const REQUESTERS = 2;
const NURSES = 4;
const REQUESTS_PER_REQUESTER = 8;
/** The writes of a phase are spread over about this long; the node is killed in its middle. */
const WINDOW_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs = { cluster: mkdtempSync(path.join(tmpdir(), 'cpts-nodes-')), a: mkdtempSync(path.join(tmpdir(), 'cpts-nodes-a-')), b: mkdtempSync(path.join(tmpdir(), 'cpts-nodes-b-')) };
let cluster: Cluster;
let a: KillableServer;
let b: KillableServer;
let requesters: Array<{ memberId: string; device: Device }> = [];
const nurses = new Map<string, Device>();
const written: Written[] = [];
/** Each request posted, and the nurse whose acceptance it must end with. */
const posted: CareRequest[] = [];
const acceptedBy = new Map<string, string>();

type Doc = Record<string, unknown> & { _id: string };
const asRequest = ({ _id, ...rest }: Doc) => ({ ...rest, id: _id }) as unknown as CareRequest;
/** Read through instance B, which by the end has lost both nodes it preferred; a read cut by a kill is made again. */
const docs = <T = Doc>(db: string, keys?: string[]) => until(() => b.call<T[]>('docs', db, keys), Boolean, 30_000);
const allDevices = () => [...requesters.map((r) => r.device), ...nurses.values()];

beforeAll(async () => {
  cluster = await startCluster(dirs.cluster);
  const [n1, n2, n3] = cluster.urls;
  const common = { SESSION_SECRET: 'Hq4w8LrT2pWc6NdYj3KeFs7Xb1GnUf9K-node-loss', DEMO_ACTIVITY: '0', COUCHDB_PREFIX: 'nodeloss_' };
  a = await KillableServer.start(dirs.a, { ...common, COUCHDB_URL: [n1, n2, n3].join(','), PORT: String(await freePort()) });
  b = await KillableServer.start(dirs.b, { ...common, COUCHDB_URL: [n2, n3, n1].join(','), PORT: String(await freePort()) });
  const members = (await docs<Member & { _id: string }>('members')).filter((m) => m.kind === 'professional' && m.status === 'active');
  const nurseIds = members.filter((m) => m.profession === '60').slice(0, NURSES).map((m) => m._id);
  await a.call('makeAvailable', nurseIds, 0);
  // Half the devices sync through each instance.
  const device = async (memberId: string, i: number) => {
    const server = i % 2 ? b : a;
    const cookie = await server.call<string>('session', memberId);
    // Requests and their threads (RxDB's open-source build allows 13 collections open at once).
    return startDevice(server.url, () => cookie, ['requests', 'messages']);
  };
  for (const [i, id] of nurseIds.entries()) nurses.set(id, await device(id, i));
  const doctors = members.filter((m) => m.profession === '10').slice(0, REQUESTERS).map((m) => m._id);
  requesters = await Promise.all(doctors.map(async (memberId, i) => ({ memberId, device: await device(memberId, i) })));
}, 240_000);

afterAll(async () => {
  await Promise.all(allDevices().map((d) => d.close()));
  // Killed rather than stopped: a graceful stop waits for the devices' long-polls to end.
  await a?.kill();
  await b?.kill();
  await cluster?.stop();
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
});

/** Each requester writes requests on its device, spread over the window. */
async function writeRequests(phase: number): Promise<void> {
  await Promise.all(
    requesters.map(async ({ memberId, device }, w) => {
      for (let k = 0; k < REQUESTS_PER_REQUESTER; k++) {
        await sleep(Math.random() * ((2 * WINDOW_MS) / REQUESTS_PER_REQUESTER));
        const marker = `[kill r${phase} w${w} n${k}]`;
        const request = newRequest(memberId, { question: `Pansement à domicile ${marker}` });
        await device.collection('requests').insert(request);
        posted.push(request);
        written.push({ collection: 'requests', id: request.id, fields: { question: request.question, requesterId: memberId, createdAt: request.createdAt }, marker });
      }
    }),
  );
}

/** A nurse the request alerted accepts it on her device, for each request in `ids`. */
async function accept(ids: string[]): Promise<void> {
  const requests = (await docs('requests', ids)).map(asRequest);
  for (const request of requests) {
    const nurse = request.dispatch?.alerted.find((id) => nurses.has(id));
    if (!nurse) throw new Error(`${request.id}: none of the test's nurses alerted (${request.dispatch?.alerted.join(', ')})`);
    await sleep(Math.random() * ((2 * WINDOW_MS) / requests.length));
    await nurses.get(nurse)!.collection('messages').insert(message(request, nurse, 'accept'));
    acceptedBy.set(request.id, nurse);
  }
}

/** Until every request in `ids` is dispatched. */
const dispatched = (ids: string[]) => until(async () => (await docs('requests', ids)).map(asRequest), (rs) => rs.length === ids.length && rs.every((r) => (r.dispatch?.steps.length ?? 0) > 0), 60_000);

/** One phase: requests written, the previous phase's accepted, and the node killed in the middle. */
async function phase(n: number, kill?: number): Promise<{ syncMs: number }> {
  const previous = posted.map((r) => r.id);
  const killed = kill ? sleep(WINDOW_MS / 2).then(() => cluster.kill(kill)) : Promise.resolve();
  await Promise.all([writeRequests(n), previous.length ? accept(previous.filter((id) => !acceptedBy.has(id))) : undefined, killed]);
  const start = Date.now();
  await Promise.all(allDevices().map((d) => d.inSync()));
  const syncMs = Date.now() - start;
  await dispatched(posted.map((r) => r.id));
  return { syncMs };
}

describe.skipIf(!clusterScript)('a CouchDB node lost under load', () => {
  it('loses and duplicates nothing when node 2, then node 1, is killed during posts, accepts and syncs', async () => {
    const phases = [await phase(0), await phase(1, 2), await phase(2, 1)];
    await accept(posted.map((r) => r.id).filter((id) => !acceptedBy.has(id)));
    await Promise.all(allDevices().map((d) => d.inSync()));

    const ids = posted.map((r) => r.id);
    const final = await until(async () => (await docs('requests', ids)).map(asRequest), (rs) => rs.every((r) => r.status === 'assigned'), 60_000);
    const writes = countWrites(written, { requests: await docs('requests'), messages: await docs('messages') });
    // The requesters' devices end with the server's state: each of their requests assigned.
    const onDevices = await Promise.all(requesters.map(async ({ device }) => (await device.collection('requests').find().exec()).map((d) => d.toJSON() as CareRequest)));
    const shownAssigned = onDevices.flat().filter((r) => r.status === 'assigned').length;
    const deviceErrors = allDevices().reduce((n, d) => n + d.errors.length, 0);
    const deadLetters = (await docs('server')).filter((d) => d._id.startsWith('dead-letter:'));
    console.log(
      `node loss: ${posted.length} requests and ${acceptedBy.size} acceptances written on ${allDevices().length} devices through 2 instances; ` +
        `lost ${writes.lost}, duplicated ${writes.duplicated}, conflicted ${writes.conflicted}; ` +
        `devices in sync ${phases.map((p) => (p.syncMs / 1000).toFixed(1)).join(' / ')} s after the writes of each phase (3 nodes, node 2 killed, node 1 killed), ${deviceErrors} retried errors`,
    );

    expect(posted.length).toBe(3 * REQUESTERS * REQUESTS_PER_REQUESTER);
    expect(writes).toEqual({ lost: 0, duplicated: 0, conflicted: 0 });
    expect(final.flatMap(dispatchProblems)).toEqual([]);
    expect(final.map((r) => [r.id, r.assigneeId, r.history?.filter((h) => h.event === 'accept').length])).toEqual(ids.map((id) => [id, acceptedBy.get(id), 1]));
    expect(shownAssigned).toBe(posted.length);
    expect(deadLetters).toEqual([]);
  }, 600_000);
});
