/** Tests of the HTTP helper's « server reached again » signal, against a real local HTTP server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOrOffline, HttpError, onServerReachedAgain } from './http';

let server: Server;
let url: string;
let closedUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // A port that was listening and is no more: nothing answers there.
  const gone = createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/`;
  await new Promise((resolve) => gone.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('server reached again', () => {
  it('is told once when a request gets through after one could not, not on every success', async () => {
    let told = 0;
    const stop = onServerReachedAgain(() => told++);
    expect((await fetchOrOffline(url)).status).toBe(200);
    expect(told).toBe(0);
    const failure = await fetchOrOffline(closedUrl).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(HttpError);
    expect((failure as HttpError).status).toBe(0);
    await fetchOrOffline(url);
    await fetchOrOffline(url);
    expect(told).toBe(1);
    stop();
    await fetchOrOffline(closedUrl).catch(() => undefined);
    await fetchOrOffline(url);
    expect(told).toBe(1);
  });
});
