/**
 * The dispatcher's store on the real database: a step taken from the version the change feed gave
 * writes without reading the request again, and one taken from a version already replaced is applied
 * to the current one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareRequest } from '../../src/domain/requests/schema';
import type { Couch } from '../storage/couch';
import { newRequest } from '../testing/requests';
import { startTestServer, type TestServer } from '../testing/server';
import type { StoredDoc } from '../storage/docs';
import { RequestStore } from './store';

let server: TestServer;
let reads = 0;
let store: RequestStore;

beforeAll(async () => {
  server = await startTestServer();
  const couch = server.parts.storage.couch;
  // The same database, its reads of a request counted.
  const counting: Couch = {
    ...couch,
    use: <T>(name: string) => {
      const db = couch.use<T>(name);
      return new Proxy(db, { get: (target, key) => (key === 'get' ? (...args: Parameters<typeof db.get>) => (reads++, target.get(...args)) : Reflect.get(target, key)) });
    },
  };
  store = new RequestStore(counting);
});
afterAll(async () => server?.dispose());

const requests = () => server.parts.storage.couch.use<StoredDoc>('requests');

/** A draft: the server's own dispatcher leaves it alone while the test writes it. */
async function stored(request: CareRequest): Promise<StoredDoc> {
  const { id, ...rest } = request;
  await requests().insert({ ...rest, _id: id } as never);
  return requests().get(id);
}

describe('the dispatcher’s store', () => {
  it('writes a change to the version the feed gave without reading the request', async () => {
    const seen = await stored(newRequest('m-gp', { status: 'draft' }));
    reads = 0;
    const updated = await store.update(String(seen._id), (r) => ({ ...r, question: 'Pansement, demain matin.' }), seen);
    expect(updated?.question).toBe('Pansement, demain matin.');
    expect(reads).toBe(0);
    expect((await requests().get(String(seen._id))).question).toBe('Pansement, demain matin.');
  });

  it('applies the change to the current version when the one the feed gave was already replaced', async () => {
    const seen = await stored(newRequest('m-gp', { status: 'draft' }));
    await requests().insert({ ...seen, urgency: '48h' } as never);
    reads = 0;
    const updated = await store.update(String(seen._id), (r) => ({ ...r, question: 'Pansement, demain matin.' }), seen);
    expect(reads).toBe(1);
    const current = await requests().get(String(seen._id));
    expect(current).toMatchObject({ urgency: '48h', question: 'Pansement, demain matin.' });
    expect(updated).toMatchObject({ urgency: '48h', question: 'Pansement, demain matin.' });
    expect(String(current._rev).startsWith('3-')).toBe(true);
  });
});
