import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openListener, type Listener } from './listener';

let listener: Listener | undefined;

afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

describe('the HTTP listener', () => {
  it('answers 503 until the application is served, the application then, and 503 again once paused', async () => {
    listener = await openListener(0, '127.0.0.1');
    const health = await fetch(`${listener.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'indisponible', error: 'Le stockage n’est pas prêt.' });
    const api = await fetch(`${listener.url}/api/session`);
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: string }).error).toMatch(/indisponible/);
    const page = await fetch(`${listener.url}/demandes`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('2');

    const app = Fastify({ serverFactory: (handler) => listener!.factory(handler) });
    app.get('/api/health', async () => ({ status: 'ok' }));
    await app.ready();
    expect((await fetch(`${listener.url}/api/health`)).status).toBe(503);
    listener.serve();
    const served = await fetch(`${listener.url}/api/health`);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ status: 'ok' });

    listener.pause();
    expect((await fetch(`${listener.url}/api/health`)).status).toBe(503);
    await app.close();
  });

  it('keeps connections and long requests as Fastify’s own server would', async () => {
    listener = await openListener(0, '127.0.0.1');
    expect(listener.server.keepAliveTimeout).toBe(72_000);
    expect(listener.server.requestTimeout).toBe(0);
  });

  it('refuses to serve before an application was built on it', async () => {
    listener = await openListener(0, '127.0.0.1');
    expect(() => listener!.serve()).toThrow();
  });
});
